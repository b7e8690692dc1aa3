// Behaviour of the emulated PropertiesService, Ui, HtmlService, Session, ScriptApp, LockService, Utilities and Logger.
import { GoogleEmulation } from '../../emulation';
import { CallLog } from '../../emulation/calls';
import { HtmlServiceEmulation } from '../../emulation/html';
import {
  PROPERTY_QUOTA_MESSAGE,
  PROPERTY_STORE_LIMIT_BYTES,
  PROPERTY_VALUE_LIMIT_BYTES,
  PropertiesServiceEmulation,
  PropertyStore,
  type PropertyStores,
} from '../../emulation/properties';
import {
  AuthGate,
  AuthMode,
  ConsoleEmulation,
  formatDate,
  LOCK_TIMEOUT_MESSAGE,
  LockServiceEmulation,
  LockState,
  LoggerEmulation,
  ScriptAppEmulation,
  SessionEmulation,
  type LogEntry,
} from '../../emulation/session';
import { UiEmulation } from '../../emulation/ui';

type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type Button = GoogleAppsScript.Base.Button;

function propertiesService(mode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL') {
  const calls = new CallLog();
  const auth = new AuthGate();
  auth.mode = mode;
  const stores: PropertyStores = { document: new PropertyStore(), user: new PropertyStore(), script: new PropertyStore() };
  return { calls, auth, stores, service: new PropertiesServiceEmulation(calls, stores, auth) };
}

describe('PropertiesService', () => {
  it('stores strings only: numbers and objects are converted with String(), null is rejected', () => {
    const props = propertiesService().service.getDocumentProperties();
    props.setProperty('count', 5 as unknown as string);
    props.setProperty('flag', true as unknown as string);
    props.setProperty('object', { a: 1 } as unknown as string);
    expect(props.getProperty('count')).toBe('5');
    expect(props.getProperty('flag')).toBe('true');
    expect(props.getProperty('object')).toBe('[object Object]');
    expect(() => props.setProperty('missing', null as unknown as string)).toThrow('Invalid argument: value');
    expect(() => props.setProperty('missing', undefined as unknown as string)).toThrow('Invalid argument: value');
    expect(props.getProperty('missing')).toBeNull();
  });

  it('returns copies: changing what getProperties() returned writes nothing', () => {
    const props = propertiesService().service.getUserProperties();
    props.setProperties({ a: '1', b: '2' });
    const copy = props.getProperties();
    copy.a = 'changed';
    expect(props.getProperty('a')).toBe('1');
    expect(props.getKeys()).toEqual(['a', 'b']);
  });

  it('setProperties(props, true) deletes every other key; deleteProperty and deleteAllProperties delete', () => {
    const props = propertiesService().service.getScriptProperties();
    props.setProperties({ a: '1', b: '2' });
    props.setProperties({ c: '3' }, true);
    expect(props.getProperties()).toEqual({ c: '3' });
    props.setProperty('d', '4').deleteProperty('c');
    expect(props.getKeys()).toEqual(['d']);
    props.deleteAllProperties();
    expect(props.getKeys()).toEqual([]);
  });

  it('keeps each store separate and shared: a later getDocumentProperties() sees earlier writes', () => {
    const { service, stores } = propertiesService();
    service.getDocumentProperties().setProperty('plan', 'v1');
    expect(service.getDocumentProperties().getProperty('plan')).toBe('v1');
    expect(service.getUserProperties().getProperty('plan')).toBeNull();
    expect(stores.document.toObject()).toEqual({ plan: 'v1' });
  });

  it('accepts a value of exactly 9 KB of UTF-8 and rejects one byte more with Google quota message', () => {
    const props = propertiesService().service.getDocumentProperties();
    props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES));
    expect(() => props.setProperty('big', 'x'.repeat(PROPERTY_VALUE_LIMIT_BYTES + 1))).toThrow(PROPERTY_QUOTA_MESSAGE);
    // "é" is two bytes in UTF-8: 4609 of them are 9218 bytes although only 4609 characters.
    expect(() => props.setProperty('accents', 'é'.repeat(4609))).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(props.getProperty('big')).toHaveLength(PROPERTY_VALUE_LIMIT_BYTES);
  });

  it('enforces 500 KB per store, counting keys, and leaves the store unchanged when a write would break it', () => {
    const { service, stores } = propertiesService();
    const props = service.getDocumentProperties();
    const value = 'y'.repeat(9000);
    let written = 0;
    expect(() => {
      for (;;) {
        props.setProperty(`k${written}`, value);
        written += 1;
      }
    }).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    let fits = 0;
    for (let bytes = 0; bytes + `k${fits}`.length + value.length <= PROPERTY_STORE_LIMIT_BYTES; fits += 1) bytes += `k${fits}`.length + value.length;
    expect(written).toBe(fits);
    expect(stores.document.bytes()).toBeLessThanOrEqual(PROPERTY_STORE_LIMIT_BYTES);
    const before = stores.document.toObject();
    expect(() => props.setProperties({ extra1: value, extra2: value })).toThrow(PROPERTY_QUOTA_MESSAGE);
    expect(stores.document.toObject()).toEqual(before);
    // Overwriting a key counts its new size, not both.
    props.setProperty('k0', 'small');
    props.setProperty('k0', value);
  });

  it('refuses every store in AuthMode.NONE, as the AuthMode reference warns, and allows them in LIMITED', () => {
    expect(() => propertiesService('NONE').service.getDocumentProperties()).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties.',
    );
    expect(() => propertiesService('NONE').service.getUserProperties()).toThrow('You do not have permission to call');
    expect(propertiesService('LIMITED').service.getDocumentProperties().getKeys()).toEqual([]);
  });

  it('counts calls per method in the ledger', () => {
    const { service, calls } = propertiesService();
    const props = service.getDocumentProperties();
    props.setProperty('a', '1');
    props.getProperty('a');
    props.getProperty('b');
    expect(calls.count('PropertiesService.getDocumentProperties')).toBe(1);
    expect(calls.count('Properties.getProperty')).toBe(2);
    expect(calls.count('Properties.')).toBe(3);
  });
});

function ui(mode: 'NONE' | 'LIMITED' | 'FULL' = 'FULL') {
  const calls = new CallLog();
  const auth = new AuthGate();
  auth.mode = mode;
  return { calls, auth, ui: new UiEmulation(calls, auth), html: new HtmlServiceEmulation(calls, { Sidebar: '<p>hello</p>' }) };
}

describe('Ui', () => {
  it('records the add-on menu with its items and separators', () => {
    const { ui: u } = ui();
    u.createAddonMenu().addItem('Insert MAP', 'showInsertSidebar').addSeparator().addItem('Help', 'showHelp').addToUi();
    expect(u._menus()).toEqual([
      {
        title: null,
        addon: true,
        items: [{ caption: 'Insert MAP', functionName: 'showInsertSidebar' }, 'separator', { caption: 'Help', functionName: 'showHelp' }],
      },
    ]);
  });

  it('records named menus with sub-menus, and a menu added again replaces itself', () => {
    const { ui: u } = ui();
    u.createMenu('Plans').addSubMenu(u.createMenu('More').addItem('Export', 'exportPlan')).addToUi();
    u.createMenu('Plans').addItem('Only this', 'onlyThis').addToUi();
    expect(u._menus()).toEqual([{ title: 'Plans', addon: false, items: [{ caption: 'Only this', functionName: 'onlyThis' }] }]);
    u.createMenu('Other').addSubMenu(u.createMenu('More').addItem('Export', 'exportPlan')).addToUi();
    expect(u._menus()[1]!.items).toEqual([{ subMenu: 'More', items: [{ caption: 'Export', functionName: 'exportPlan' }] }]);
  });

  it('answers alerts from the queue; with nothing queued the person confirms (OK or YES)', () => {
    const { ui: u } = ui();
    expect(u.alert('Saved')).toBe(u.Button.OK);
    expect(u.alert('Replace the plan?', u.ButtonSet.YES_NO)).toBe(u.Button.YES);
    u._answerNext('NO');
    expect(u.alert('Replace', 'Replace the plan?', u.ButtonSet.YES_NO_CANCEL)).toBe('NO' as unknown as Button);
    expect(u._dialogs()).toEqual([
      { kind: 'alert', title: null, prompt: 'Saved', buttons: 'OK', answer: { button: 'OK', text: '' } },
      { kind: 'alert', title: null, prompt: 'Replace the plan?', buttons: 'YES_NO', answer: { button: 'YES', text: '' } },
      { kind: 'alert', title: 'Replace', prompt: 'Replace the plan?', buttons: 'YES_NO_CANCEL', answer: { button: 'NO', text: '' } },
    ]);
  });

  it('answers prompts with a button and text; with nothing queued the person closes the dialog', () => {
    const { ui: u } = ui();
    u._answerNext({ button: 'OK', text: 'Acme' });
    const answered = u.prompt('Company?', u.ButtonSet.OK_CANCEL);
    expect(answered.getSelectedButton()).toBe(u.Button.OK);
    expect(answered.getResponseText()).toBe('Acme');
    const closed = u.prompt('Company?');
    expect(closed.getSelectedButton()).toBe(u.Button.CLOSE);
    expect(closed.getResponseText()).toBe('');
  });

  it('rejects a queued answer the dialog cannot give, and arguments Google would not accept', () => {
    const { ui: u } = ui();
    u._answerNext('YES');
    expect(() => u.alert('Saved')).toThrow('is not a button of ButtonSet.OK');
    expect(() => u.alert(42 as unknown as string)).toThrow("The parameters (number) don't match the method signature for Ui.alert.");
    expect(() => u.alert('a', 'b' as unknown as ButtonSet)).toThrow("The parameters (String,String) don't match the method signature for Ui.alert.");
  });

  it('records the sidebar title and HTML', () => {
    const { ui: u, html } = ui();
    expect(u._sidebar()).toBeNull();
    u.showSidebar(html.createHtmlOutputFromFile('Sidebar').setTitle('Mutual Action Plan'));
    expect(u._sidebar()).toMatchObject({ title: 'Mutual Action Plan', html: '<p>hello</p>', sandboxMode: 'IFRAME', width: null });
    u.showModalDialog(html.createHtmlOutput('<b>x</b>'), 'Confirm');
    expect(u._htmlDialogs()).toMatchObject([{ kind: 'modal', dialogTitle: 'Confirm', html: '<b>x</b>' }]);
  });

  it('refuses sidebars outside full authorization, with Google message and scope', () => {
    for (const mode of ['NONE', 'LIMITED'] as const) {
      const { ui: u, html } = ui(mode);
      expect(() => u.showSidebar(html.createHtmlOutput(''))).toThrow(
        'You do not have permission to call Ui.showSidebar. Required permissions: https://www.googleapis.com/auth/script.container.ui',
      );
    }
  });

  it('counts Ui and Menu calls but not the test plumbing', () => {
    const { ui: u, calls } = ui();
    u.createAddonMenu().addItem('a', 'b').addToUi();
    u._menus();
    u._answerNext('OK');
    expect(calls.snapshot()).toEqual({ 'Menu.addItem': 1, 'Menu.addToUi': 1, 'Ui.createAddonMenu': 1 });
  });
});

describe('HtmlService', () => {
  it('resolves a project file by name, with or without ".html"', () => {
    const { html } = ui();
    expect(html.createHtmlOutputFromFile('Sidebar').getContent()).toBe('<p>hello</p>');
    expect(html.createHtmlOutputFromFile('Sidebar.html').getContent()).toBe('<p>hello</p>');
  });

  it('fails on an unknown file with Google message, prototype names included', () => {
    const { html } = ui();
    expect(() => html.createHtmlOutputFromFile('Index')).toThrow('No HTML file named Index was found.');
    expect(() => html.createHtmlOutputFromFile('constructor')).toThrow('No HTML file named constructor was found.');
  });

  it('builds output with title, appended content, meta tags and the only sandbox mode', () => {
    const { html } = ui();
    const out = html.createHtmlOutput('<p>a</p>').append('<p>b</p>').setTitle('T').setWidth(300).addMetaTag('viewport', 'width=device-width');
    out.setSandboxMode(html.SandboxMode.IFRAME).setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL);
    expect(out.getContent()).toBe('<p>a</p><p>b</p>');
    expect(out.getTitle()).toBe('T');
    expect(out.getMetaTags().map((tag) => [tag.getName(), tag.getContent()])).toEqual([['viewport', 'width=device-width']]);
  });
});

describe('Session and ScriptApp', () => {
  it('report the locale, time zone and user', () => {
    const calls = new CallLog();
    const auth = new AuthGate();
    const session = new SessionEmulation({ calls, auth, locale: 'en_GB', timeZone: 'Europe/London', userEmail: 'ana@example.com' });
    expect(session.getActiveUserLocale()).toBe('en_GB');
    expect(session.getScriptTimeZone()).toBe('Europe/London');
    expect(session.getActiveUser().getEmail()).toBe('ana@example.com');
    expect(session.getEffectiveUser().getEmail()).toBe('ana@example.com');
    auth.mode = 'NONE';
    expect(() => session.getActiveUser().getEmail()).toThrow('You do not have permission to call Session.getActiveUser.');
  });

  it('exposes AuthMode values that compare and print by name', () => {
    const scriptApp = new ScriptAppEmulation(new CallLog(), 'abc');
    expect(scriptApp.AuthMode.NONE).toBe('NONE');
    expect(String(scriptApp.AuthMode.FULL)).toBe('FULL');
    expect(Object.keys(AuthMode)).toEqual(['NONE', 'CUSTOM_FUNCTION', 'LIMITED', 'FULL']);
    expect(scriptApp.getScriptId()).toBe('abc');
  });
});

function lockService() {
  const locks = { document: new LockState(), script: new LockState(), user: new LockState() };
  return { locks, service: new LockServiceEmulation(new CallLog(), locks) };
}

describe('LockService', () => {
  it('acquires a free lock, reports it held, and releases it', () => {
    const { service, locks } = lockService();
    const lock = service.getDocumentLock();
    expect(lock.hasLock()).toBe(false);
    expect(lock.tryLock(1000)).toBe(true);
    expect(lock.hasLock()).toBe(true);
    lock.releaseLock();
    expect(lock.hasLock()).toBe(false);
    expect(locks.document.holder).toBeNull();
    expect(locks.document.waits).toEqual([1000]);
  });

  it('gives no document lock outside a document, as documented; the script and user locks still exist', () => {
    const locks = { document: new LockState(), script: new LockState(), user: new LockState() };
    const service = new LockServiceEmulation(new CallLog(), locks, () => false);
    expect(service.getDocumentLock()).toBeNull();
    expect(service.getScriptLock().tryLock(0)).toBe(true);
  });

  it('fails tryLock and throws from waitLock while another execution holds the lock', () => {
    const { service, locks } = lockService();
    locks.document.holder = { other: true, releasesAfterMs: Number.POSITIVE_INFINITY };
    const lock = service.getDocumentLock();
    expect(lock.tryLock(10000)).toBe(false);
    expect(() => lock.waitLock(30000)).toThrow('Lock timeout: another process was holding the lock for too long.');
    expect(LOCK_TIMEOUT_MESSAGE).toBe('Lock timeout: another process was holding the lock for too long.');
    // Other locks are independent.
    expect(service.getScriptLock().tryLock(0)).toBe(true);
  });

  it('acquires once the other execution lets go within the wait', () => {
    const { service, locks } = lockService();
    locks.document.holder = { other: true, releasesAfterMs: 5000 };
    expect(service.getDocumentLock().tryLock(1000)).toBe(false);
    const lock = service.getDocumentLock();
    lock.waitLock(10000);
    expect(lock.hasLock()).toBe(true);
  });

  it("runs the other execution's last work when a waiter gets the lock, and only then", () => {
    const { service, locks } = lockService();
    const seen: string[] = [];
    locks.document.holder = { other: true, releasesAfterMs: 5000, finish: () => seen.push(locks.document.holder === null ? 'finished, lock free' : 'finished while held') };
    expect(service.getDocumentLock().tryLock(1000)).toBe(false);
    expect(seen).toEqual([]);
    const lock = service.getDocumentLock();
    expect(lock.tryLock(10000)).toBe(true);
    expect(seen).toEqual(['finished, lock free']);
    expect(lock.hasLock()).toBe(true);
  });

  it('does not let a second Lock object of the same execution share the hold', () => {
    const { service, locks } = lockService();
    const first = service.getDocumentLock();
    first.waitLock(1000);
    expect(service.getDocumentLock().tryLock(1000)).toBe(false);
    locks.document.releaseIfOurs();
    expect(first.hasLock()).toBe(false);
  });
});

describe('Utilities.sleep', () => {
  it('is time passing for the script: the clock it reads is later by the sleep, and the sleep is counted', () => {
    const env = new GoogleEmulation({ now: new Date('2026-11-30T14:30:00Z') });
    env.utilities.sleep(1500);
    env.utilities.sleep(28_500);
    expect(env.now().toISOString()).toBe('2026-11-30T14:30:30.000Z');
    expect(env.calls.count('Utilities.sleep')).toBe(2);
  });
});

describe('Utilities.formatDate', () => {
  const instant = new Date('2026-03-05T15:04:05.007Z'); // a Thursday; New York is UTC-5 then

  it.each([
    ['yyyy-MM-dd', 'America/New_York', '2026-03-05'],
    ['MMM d, yyyy', 'America/New_York', 'Mar 5, 2026'],
    ['EEEE, MMMM d', 'America/New_York', 'Thursday, March 5'],
    ['EEE d MMM yy', 'Europe/London', 'Thu 5 Mar 26'],
    ['HH:mm:ss.SSS', 'America/New_York', '10:04:05.007'],
    ['h:mm a', 'UTC', '3:04 PM'],
    ['Z', 'America/New_York', '-0500'],
    ['XXX', 'Asia/Kolkata', '+05:30'],
    ['X', 'UTC', 'Z'],
    ["yyyy-MM-dd'T'HH:mm", 'GMT+2', '2026-03-05T17:04'],
    ["'It''s' d", 'UTC', "It's 5"],
    ['yyyy-MM-dd', 'Asia/Tokyo', '2026-03-06'],
  ])('formats %s in %s as %s', (pattern, zone, expected) => {
    expect(formatDate(instant, zone, pattern)).toBe(expected);
  });

  it('follows daylight saving time', () => {
    expect(formatDate(new Date('2026-07-01T12:00:00Z'), 'America/New_York', 'HH:mm Z')).toBe('08:00 -0400');
  });

  it('rejects unknown zones and pattern letters instead of guessing', () => {
    expect(() => formatDate(instant, 'Mars/Olympus', 'yyyy')).toThrow('Invalid time zone: Mars/Olympus');
    expect(() => formatDate(instant, 'UTC', 'yyyy-qq')).toThrow("Illegal pattern character 'q'");
    expect(() => formatDate(instant, 'UTC', 'w')).toThrow('not emulated');
  });
});

describe('Logger and console', () => {
  it('record lines instead of printing them', () => {
    const sink = { logs: [] as LogEntry[], echo: false };
    const logger = new LoggerEmulation(sink);
    const consoleEmulation = new ConsoleEmulation(sink);
    logger.log('Plan %s has %s steps', 'Acme', 12).log({ a: 1 });
    consoleEmulation.warn('careful', 3);
    consoleEmulation.error('broken');
    expect(sink.logs).toEqual([
      { source: 'Logger', level: 'info', message: 'Plan Acme has 12 steps' },
      { source: 'Logger', level: 'info', message: '{ a: 1 }' },
      { source: 'console', level: 'warn', message: 'careful 3' },
      { source: 'console', level: 'error', message: 'broken' },
    ]);
    expect(logger.getLog()).toBe('Plan Acme has 12 steps\n{ a: 1 }\n');
  });
});
