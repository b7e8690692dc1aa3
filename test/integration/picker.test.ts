/** "Choose a workbook": the Google Picker dialog, what it is given (token, API key, project number from script properties), and linking what comes back from it: the right workbook, a wrong file, a file the add-on was not granted. */
import type { SpreadsheetModel } from '../../emulation/spreadsheet';
import { insertForm, openDocument, type Session } from './harness';
import { onlyWorkbook, recordsOf } from './workbook';

const SPREADSHEET = 'application/vnd.google-apps.spreadsheet';

function insertedPlan(options: Parameters<typeof openDocument>[0] = {}): Session {
  const s = openDocument({ today: '2026-11-27', ...options });
  expect(s.run('insertMap', insertForm()).ok).toBe(true);
  return s;
}

function setUpPicker(s: Session, key = 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe', app = '123456789012'): void {
  // The developer's one-time setup (Project Settings > Script properties): not something the add-on writes.
  s.env.properties.script.entries.set('PICKER_API_KEY', key);
  s.env.properties.script.entries.set('PICKER_APP_ID', app);
}

/** A manager's team workbook: created by the manager's add-on, so in Drive but not granted to this seller yet. */
function managersWorkbook(): { drive: Map<string, SpreadsheetModel>; book: SpreadsheetModel } {
  const drive = new Map<string, SpreadsheetModel>();
  const manager = insertedPlan({ spreadsheetFiles: drive, userEmail: 'lee@acme.com', documentId: 'doc-manager' });
  manager.run('createTeamWorkbook', { name: 'Acme team MAPs' });
  return { drive, book: onlyWorkbook(manager.env) };
}

describe('the Google Picker dialog', () => {
  test('"Choose a workbook" opens it as a dialog of its own, which loads Google Picker for spreadsheets with the add-on\'s app id', () => {
    const s = insertedPlan();
    expect(s.run('showWorkbookPicker')).toEqual({ ok: true });
    const [dialog] = s.env.ui._htmlDialogs();
    expect(dialog).toMatchObject({ kind: 'modal', dialogTitle: 'Choose the team workbook', width: 760, height: 520 });
    expect(dialog!.html).toContain('https://apis.google.com/js/api.js');
    expect(dialog!.html).toContain('google.picker.ViewId.SPREADSHEETS');
    expect(dialog!.html).toContain('.setAppId(settings.appId)');
    expect(dialog!.html).toContain('.linkPickedWorkbook(');
  });

  test('is given the person\'s OAuth token and the API key and project number set up in script properties', () => {
    const s = insertedPlan();
    setUpPicker(s);
    expect(s.run('pickerSettings')).toEqual({
      ok: true,
      developerKey: 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe',
      appId: '123456789012',
      oauthToken: expect.stringMatching(/^emulated-oauth-token/),
    });
  });

  test.each([
    ['no setup at all', null, null],
    ['a project id where the project number belongs', 'AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe', 'acme-map-addon'],
    ['a key with a space pasted in', 'AIzaSy DaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe', '123456789012'],
  ])('without a proper setup (%s) it says what is missing, not a stack trace', (_what, key, app) => {
    const s = insertedPlan();
    if (key !== null && app !== null) setUpPicker(s, key, app);
    expect(() => s.run('pickerSettings')).toThrow(
      'Choosing an existing workbook is not set up for this add-on yet: its script properties PICKER_API_KEY (an API key) and PICKER_APP_ID (the Cloud project number) are missing or malformed. Ask whoever deployed it, or create a workbook instead.',
    );
  });
});

describe('linking what the person picked', () => {
  test("the manager's workbook, picked: linked, the plan's rows written beside the manager's", () => {
    const { drive, book } = managersWorkbook();
    const seller = insertedPlan({ spreadsheetFiles: drive, userEmail: 'kim@acme.com', documentId: 'doc-kim' });
    seller.env._pickFile(book.id);
    const result = seller.run('linkPickedWorkbook', { id: book.id, name: 'Acme team MAPs', mimeType: SPREADSHEET });
    expect(result).toMatchObject({ ok: true, message: 'Exported to "Acme team MAPs": the deal and 11 steps.', workbook: { name: 'Acme team MAPs' } });
    expect(recordsOf(book, 'Deals').map((d) => d['Document id'])).toEqual(['doc-manager', 'doc-kim']);
    expect(seller.run('exportToSheets')).toMatchObject({ ok: true });
  });

  test('a file that is not a spreadsheet is answered in words, and nothing is linked', () => {
    const s = insertedPlan();
    expect(() => s.run('linkPickedWorkbook', { id: '1AbCdEfGhIjK', name: 'Q4 pipeline review', mimeType: 'application/vnd.google-apps.document' })).toThrow(
      '"Q4 pipeline review" is not a Google Sheets spreadsheet. Choose the team workbook (a Google Sheets file) again.',
    );
    expect(() => s.run('linkPickedWorkbook', { id: '1AbCdEfGhIjK', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' })).toThrow(
      'That file is not a Google Sheets spreadsheet. Choose the team workbook (a Google Sheets file) again.',
    );
    expect(s.run('exportToSheets')).toMatchObject({ ok: false, needsWorkbook: true });
  });

  test('a workbook the add-on was not granted (not picked, or no access) is refused, and the earlier link stays', () => {
    const { drive, book } = managersWorkbook();
    const seller = insertedPlan({ spreadsheetFiles: drive, userEmail: 'kim@acme.com', documentId: 'doc-kim' });
    seller.run('createTeamWorkbook', { name: 'My own' });
    expect(() => seller.run('linkPickedWorkbook', { id: book.id, name: 'Acme team MAPs', mimeType: SPREADSHEET })).toThrow(
      'That workbook cannot be opened by the add-on (Requested entity was not found.). Choose it again with "Choose a workbook".',
    );
    expect(seller.run('exportToSheets')).toMatchObject({ ok: true, message: 'Exported to "My own": the deal and 11 steps.' });
  });

  test.each([
    ['no id', { name: 'Team' }],
    ['a path for an id', { id: '../../etc' }],
    ['a name too long to be one', { id: 'abc', name: 'x'.repeat(1001) }],
    ['not an object', 'abc'],
  ])('what the dialog sends is checked (%s)', (_what, raw) => {
    const s = insertedPlan();
    expect(() => s.run('linkPickedWorkbook', raw)).toThrow('That is not a spreadsheet id. Choose the workbook again.');
  });
});
