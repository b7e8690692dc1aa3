// Behaviour of the vm sandbox: a bare realm per execution, triggers and authorization modes, and the google.script.run boundary.
import { GoogleEmulation } from '../../emulation/environment';
import { loadAddOn, ScriptError } from '../../emulation/sandbox';

/** A small Apps Script-like file: top-level function declarations only, as dist/Code.js ends. */
const CODE = String.raw`
var counter = 0;
function bump() { counter += 1; return counter; }
function probe() {
  return {
    require: typeof require, process: typeof process, setTimeout: typeof setTimeout, fetch: typeof fetch,
    Buffer: typeof Buffer, module: typeof module, URL: typeof URL, console: typeof console,
    DocumentApp: typeof DocumentApp, PropertiesService: typeof PropertiesService,
  };
}
function echo(value) { return value; }
function inspect(value) { return { type: Object.prototype.toString.call(value), isArray: Array.isArray(value), isObject: value instanceof Object }; }
function now() { return new Date().toISOString() + ' ' + Date.now(); }
function returnsDate() { return { when: new Date(), other: 1 }; }
function returnsUndefined() { return undefined; }
function fail() { throw new Error('Nothing to insert'); }
function failWithString() { throw 'plain text'; }
function catchLockTimeout() {
  try { LockService.getDocumentLock().waitLock(10); return 'locked'; }
  catch (e) { return { isError: e instanceof Error, name: e.name, message: e.message, text: String(e) }; }
}
function lockAndForget() { return LockService.getDocumentLock().tryLock(0); }
function onOpen(e) {
  var menu = DocumentApp.getUi().createAddonMenu().addItem('Insert MAP', 'showSidebar');
  if (e && e.authMode !== ScriptApp.AuthMode.NONE && PropertiesService.getDocumentProperties().getProperty('seen')) {
    menu.addItem('Open plan', 'openPlan');
  }
  menu.addToUi();
}
function onOpenReadingProperties(e) { PropertiesService.getDocumentProperties(); }
function onOpenReadingDocument(e) { return DocumentApp.getActiveDocument().getName(); }
function showSidebar() {
  DocumentApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Mutual Action Plan'));
}
function remember(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); return PropertiesService.getDocumentProperties().getProperties(); }
function recall(key) { return PropertiesService.getDocumentProperties().getProperty(key); }
function documentName() { return DocumentApp.getActiveDocument().getName(); }
function helper_() { return 'private'; }
function sheetValues() {
  var range = SpreadsheetApp.create('Export').getActiveSheet().getRange('A1:B1');
  range.setValues([['2026-03-05', 'text']]);
  var values = range.getValues();
  return { isDate: values[0][0] instanceof Date, iso: values[0][0].toISOString(), isArray: values instanceof Array };
}
function sheetValuesRaw() {
  var range = SpreadsheetApp.create('Export').getActiveSheet().getRange('A1:B1');
  range.setValues([['2026-03-05', 'text']]);
  return range.getValues();
}
function plumbing() { var ui = DocumentApp.getUi(); return { menus: typeof ui._menus, ctor: typeof ui.constructor }; }
function logSomething() { console.log('hello %s', 'world'); Logger.log('n=%s', 3); }
function askUser() { var ui = DocumentApp.getUi(); return ui.alert('Replace the plan?', ui.ButtonSet.YES_NO) === ui.Button.YES; }
`;

const SIDEBAR = '<!doctype html><p>sidebar</p>';
const NOW = new Date('2026-03-05T15:00:00.000Z');

function setup(options: { reuseContext?: boolean } = {}) {
  const env = new GoogleEmulation({ now: NOW, files: { Sidebar: SIDEBAR } });
  return { env, addOn: loadAddOn(env, CODE, options) };
}

describe('the realm', () => {
  it('lists the top-level functions, private ones included', () => {
    const { addOn } = setup();
    expect(addOn.functionNames()).toContain('onOpen');
    expect(addOn.functionNames()).toContain('helper_');
    expect(addOn.functionNames()).not.toContain('counter');
    expect(addOn.functionNames()).not.toContain('DocumentApp');
  });

  it('holds Apps Script globals only: no require, process, setTimeout, fetch, Buffer, module or URL', () => {
    const { addOn } = setup();
    expect(addOn.runSync('probe')).toEqual({
      require: 'undefined',
      process: 'undefined',
      setTimeout: 'undefined',
      fetch: 'undefined',
      Buffer: 'undefined',
      module: 'undefined',
      URL: 'undefined',
      console: 'object',
      DocumentApp: 'object',
      PropertiesService: 'object',
    });
  });

  it('evaluates the file again for every execution: top-level state does not survive', () => {
    const { addOn, env } = setup();
    expect(addOn.runSync('bump')).toBe(1);
    expect(addOn.runSync('bump')).toBe(1);
    expect(env.executions).toBe(2);
  });

  it('can reuse one realm for speed, which keeps top-level state (not faithful)', () => {
    const { addOn } = setup({ reuseContext: true });
    expect(addOn.runSync('bump')).toBe(1);
    expect(addOn.runSync('bump')).toBe(2);
  });

  it('reads the environment clock through new Date() and Date.now()', () => {
    const { addOn } = setup();
    expect(addOn.runSync('now')).toBe(`${NOW.toISOString()} ${NOW.getTime()}`);
  });

  it('fails the execution when the file itself throws while loading', () => {
    const env = new GoogleEmulation();
    const broken = loadAddOn(env, 'function ok() { return 1; }\nthrow new Error("bad bundle");');
    expect(() => broken.functionNames()).toThrow(ScriptError);
    expect(() => broken.functionNames()).toThrow('bad bundle');
  });
});

describe('services seen from the realm', () => {
  it('hands back realm-native arrays and Dates (instanceof holds inside the script)', () => {
    const { addOn } = setup();
    expect(addOn.runSync('sheetValues')).toEqual({ isDate: true, iso: '2026-03-05T05:00:00.000Z', isArray: true });
  });

  it('throws service failures as realm Errors named Exception, as Apps Script prints them', () => {
    const { addOn, env } = setup();
    env._holdDocumentLock();
    expect(addOn.runSync('catchLockTimeout')).toEqual({
      isError: true,
      name: 'Exception',
      message: 'Lock timeout: another process was holding the lock for too long.',
      text: 'Exception: Lock timeout: another process was holding the lock for too long.',
    });
  });

  it('releases locks when an execution ends, even if the script forgot to', () => {
    const { addOn, env } = setup();
    expect(addOn.runSync('lockAndForget')).toBe(true);
    expect(env.locks.document.holder).toBeNull();
    expect(addOn.runSync('lockAndForget')).toBe(true);
  });

  it('hides the emulation plumbing from the script', () => {
    const { addOn } = setup();
    expect(addOn.runSync('plumbing')).toEqual({ menus: 'undefined', ctor: 'undefined' });
  });

  it('keeps properties between executions', () => {
    const { addOn, env } = setup();
    expect(addOn.runSync('remember', 'plan', 'v1')).toEqual({ plan: 'v1' });
    expect(addOn.runSync('recall', 'plan')).toBe('v1');
    expect(env.properties.document.toObject()).toEqual({ plan: 'v1' });
  });

  it('records console and Logger output in env.logs', () => {
    const { addOn, env } = setup();
    addOn.runSync('logSomething');
    expect(env._logMessages()).toEqual(['hello world', 'n=3']);
  });

  it('answers dialogs from the queue', () => {
    const { addOn, env } = setup();
    expect(addOn.runSync('askUser')).toBe(true);
    env.ui._answerNext('NO');
    expect(addOn.runSync('askUser')).toBe(false);
  });

  it('counts the script calls in the environment ledger', () => {
    const { addOn, env } = setup();
    addOn.runSync('remember', 'a', '1');
    expect(env.calls.count('Properties.setProperty')).toBe(1);
    expect(env.calls.count('PropertiesService.getDocumentProperties')).toBe(2);
  });
});

describe('triggers and menus', () => {
  it('builds the menu in AuthMode.NONE without touching properties', () => {
    const { addOn, env } = setup();
    env.properties.document.entries.set('seen', 'yes');
    addOn.trigger('onOpen', { authMode: 'NONE' });
    expect(env.ui._menus()).toEqual([{ title: null, addon: true, items: [{ caption: 'Insert MAP', functionName: 'showSidebar' }] }]);
    addOn.trigger('onOpen', { authMode: 'FULL' });
    expect(env.ui._menus()[0]!.items).toHaveLength(2);
  });

  it('refuses properties and the document in AuthMode.NONE and allows them in LIMITED', () => {
    const { addOn } = setup();
    expect(() => addOn.trigger('onOpenReadingProperties', { authMode: 'NONE' })).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties.',
    );
    expect(() => addOn.trigger('onOpenReadingDocument', { authMode: 'NONE' })).toThrow(
      'You do not have permission to call DocumentApp.getActiveDocument.',
    );
    expect(() => addOn.trigger('onOpenReadingProperties', { authMode: 'LIMITED' })).not.toThrow();
    expect(() => addOn.trigger('onOpenReadingDocument', { authMode: 'LIMITED' })).not.toThrow();
  });

  it('reports a missing or private trigger function as Apps Script does', () => {
    const { addOn } = setup();
    expect(() => addOn.trigger('onInstall', { authMode: 'FULL' })).toThrow('Script function not found: onInstall');
    expect(() => addOn.trigger('helper_')).toThrow('Script function not found: helper_');
  });

  it('runs a menu item by its caption, opening the sidebar from the project file', () => {
    const { addOn, env } = setup();
    addOn.trigger('onOpen', { authMode: 'NONE' });
    addOn.clickMenuItem('Insert MAP');
    expect(env.ui._sidebar()).toMatchObject({ title: 'Mutual Action Plan', html: SIDEBAR });
    expect(() => addOn.clickMenuItem('Nope')).toThrow('no menu item "Nope"');
  });
});

describe('google.script.run', () => {
  it('rejects a Date argument before anything runs, with the client message', () => {
    const { addOn, env } = setup();
    expect(() => addOn.run('echo', new Date())).toThrow('Failed due to illegal value in property: 0');
    expect(() => addOn.run('echo', { due: { when: new Date() } })).toThrow('Failed due to illegal value in property: when');
    expect(() => addOn.run('echo', 'ok', () => 1)).toThrow('Failed due to illegal value in property: 1');
    expect(() => addOn.run('echo', [new Map()])).toThrow('Failed due to illegal value in property: 0');
    expect(() => addOn.run('echo', Symbol('s'))).toThrow('Failed due to illegal value in property: 0');
    expect(env.executions).toBe(0);
  });

  it('rejects circular arguments', () => {
    const { addOn } = setup();
    const loop: Record<string, unknown> = { a: 1 };
    loop.self = loop;
    expect(() => addOn.runSync('echo', loop)).toThrow('Failed due to circular reference.');
    const shared = { x: 1 };
    expect(addOn.runSync('echo', { a: shared, b: shared })).toEqual({ a: { x: 1 }, b: { x: 1 } });
  });

  it('copies arguments as JSON: undefined in arrays becomes null, undefined fields and "__" keys are dropped', async () => {
    const { addOn } = setup();
    await expect(addOn.run('echo', [1, undefined, 3])).resolves.toEqual([1, null, 3]);
    await expect(addOn.run('echo', { a: 1, b: undefined, secret__: 'x' })).resolves.toEqual({ a: 1 });
    await expect(addOn.run('echo', Number.NaN)).resolves.toBeNull();
    await expect(addOn.run('echo')).resolves.toBeNull();
  });

  it('delivers arguments as the realm own arrays and objects', () => {
    const { addOn } = setup();
    expect(addOn.runSync('inspect', [1])).toEqual({ type: '[object Array]', isArray: true, isObject: true });
    expect(addOn.runSync('inspect', { a: 1 })).toEqual({ type: '[object Object]', isArray: false, isObject: true });
  });

  it('returns null when the result holds a Date anywhere, and null for undefined', async () => {
    const { addOn } = setup();
    await expect(addOn.run('returnsDate')).resolves.toBeNull();
    await expect(addOn.run('sheetValuesRaw')).resolves.toBeNull();
    await expect(addOn.run('returnsUndefined')).resolves.toBeNull();
  });

  it('cannot call unknown or private functions: the client has no stub for them', () => {
    const { addOn } = setup();
    expect(() => addOn.run('nope')).toThrow(TypeError);
    expect(() => addOn.run('nope')).toThrow('google.script.run.nope is not a function');
    expect(() => addOn.runSync('helper_')).toThrow('google.script.run.helper_ is not a function');
  });

  it('rejects with a ScriptError carrying the server message, without the stack', async () => {
    const { addOn } = setup();
    const failure = addOn.run('fail');
    await expect(failure).rejects.toBeInstanceOf(ScriptError);
    await expect(failure).rejects.toMatchObject({ name: 'ScriptError', message: 'Nothing to insert', serverName: 'Error' });
    await expect(addOn.run('failWithString')).rejects.toMatchObject({ message: 'plain text' });
    expect(() => addOn.runSync('fail')).toThrow(ScriptError);
    expect(() => addOn.runSync('fail')).toThrow(/^Nothing to insert$/);
  });

  it('runs with full authorization and reaches the document', () => {
    const { addOn } = setup();
    expect(addOn.runSync('documentName')).toBe('Untitled document');
  });
});
