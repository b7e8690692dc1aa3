/** "Export to Sheets" end to end through the built add-on: the first export creates the team workbook, later actions refresh the plan's rows in place, a person's cells and columns stay, document text stays text, and the manifest's scopes are all the add-on gets. */
import { GoogleEmulation, SheetsServiceEmulation } from '../../emulation';
import type { SpreadsheetModel } from '../../emulation/spreadsheet';
import { insertForm, openDocument, type Session } from './harness';
import { formulasOf, onlyWorkbook, recordsOf, rowsOf, sheetOf } from './workbook';

type Result = { ok: boolean; message: string; needsWorkbook?: boolean; workbook?: { name: string; url: string } };

function insertedPlan(options: Parameters<typeof openDocument>[0] = {}): Session {
  const s = openDocument({ today: '2026-11-27', ...options });
  expect(s.run('insertMap', insertForm()).ok).toBe(true);
  return s;
}

/** The manager in Sheets: full access to the workbook, as a person typing in it. */
function manager(book: SpreadsheetModel): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const env = new GoogleEmulation({ spreadsheetFiles: new Map([[book.id, book]]) });
  return env.spreadsheetApp.openById(book.id);
}

describe('export from the document', () => {
  test('the first time, there is no workbook: the seller is asked to link one', () => {
    const s = insertedPlan();
    expect(s.run('exportToSheets')).toEqual({
      ok: false,
      message: 'Link a team workbook first: create one, or choose the one your manager set up.',
      needsWorkbook: true,
    });
  });

  test('"Create a workbook" makes the team workbook with its sheets and headers, and exports the plan into it', () => {
    const s = insertedPlan();
    const created = s.run('createTeamWorkbook', { name: 'Acme MAP metrics' }) as Result;
    expect(created).toMatchObject({ ok: true, message: 'Exported to "Acme MAP metrics": the deal and 11 steps.' });
    const book = onlyWorkbook(s.env);
    expect(book.name).toBe('Acme MAP metrics');
    expect(book.sheets.map((sh) => sh.name)).toEqual(['Deals', 'Steps', 'Slips', 'Opportunities']);
    expect(sheetOf(book, 'Steps').frozenRows).toBe(1);
    const deals = recordsOf(book, 'Deals');
    expect(deals).toHaveLength(1);
    expect(deals[0]).toMatchObject({
      'Document id': s.doc.getId(),
      Plan: 'Mutual Action Plan: Acme + Globex',
      Seller: 'Sam Lee',
      'Their company': 'Globex',
      'Deal type': 'standard',
      Stage: 'post-demo',
      Value: '85000',
      Currency: 'USD',
      'Evaluation start': '2026-12-07',
      Steps: '11',
      Outcome: 'open',
    });
    const steps = recordsOf(book, 'Steps');
    expect(steps).toHaveLength(11);
    expect(steps[1]).toMatchObject({ Step: '2', 'Due (now)': '2026-12-24', Status: 'Pending' });
    // Dates are spreadsheet dates, counts are numbers, not text.
    const stepsSheet = sheetOf(book, 'Steps');
    const dueColumn = rowsOf(book, 'Steps')[0]!.indexOf('Due (now)') + 1;
    expect(Object.prototype.toString.call(stepsSheet.cell(2, dueColumn).value)).toBe('[object Date]');
    expect(typeof sheetOf(book, 'Deals').cell(2, rowsOf(book, 'Deals')[0]!.indexOf('Value') + 1).value).toBe('number');
    // Later exports need no link again: it is remembered for this seller.
    expect(s.run('getDeal').workbook).toEqual({ name: 'Acme MAP metrics', url: `https://docs.google.com/spreadsheets/d/${book.id}/edit` });
  });

  test('the menu item opens the Deal tab the first time, then exports and says so', () => {
    const s = insertedPlan();
    s.addOn.trigger('onOpen');
    s.addOn.clickMenuItem('Export to Sheets');
    expect(s.env.ui._sidebar()?.html).toContain('data-initial-tab="deal"');
    s.run('createTeamWorkbook', { name: 'Team' });
    s.addOn.clickMenuItem('Export to Sheets');
    expect(s.env.ui._dialogs().at(-1)?.prompt).toBe('Exported to "Team": the deal and 11 steps.');
  });

  test('a shift refreshes the plan\'s rows in place: new dates, the slip recorded, no duplicate', () => {
    const s = insertedPlan();
    s.run('createTeamWorkbook', { name: 'Team' });
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(applied.ok && applied.message).toBe('Shifted 5 due dates and 2 key dates. The team workbook is up to date.');
    const book = onlyWorkbook(s.env);
    const steps = recordsOf(book, 'Steps');
    expect(steps).toHaveLength(11);
    expect(steps.find((r) => r.Step === '2')).toMatchObject({ 'Due (first planned)': '2026-12-24', 'Due (now)': '2027-01-04', Slips: '1' });
    expect(recordsOf(book, 'Deals')).toHaveLength(1);
    expect(recordsOf(book, 'Deals')[0]).toMatchObject({ 'Decision target (now)': '2027-02-22', Slips: '5' });
    const slips = recordsOf(book, 'Slips');
    expect(slips.filter((r) => r.Step === '2')).toEqual([expect.objectContaining({ From: '2026-12-24', To: '2027-01-04', Cause: 'shift by the add-on' })]);
    // Undo puts the dates back, and the rows follow.
    s.run('undoLastShift');
    expect(recordsOf(book, 'Steps').find((r) => r.Step === '2')).toMatchObject({ 'Due (now)': '2026-12-24' });
    expect(recordsOf(book, 'Steps')).toHaveLength(11);
  });

  test('a deal edit and a review refresh the Deals row; turning the refresh off leaves the workbook alone', () => {
    const s = insertedPlan();
    s.run('createTeamWorkbook', { name: 'Team' });
    const book = onlyWorkbook(s.env);
    const saved = s.run('saveDealDetails', {
      seller: 'Sam Lee', theirCompany: 'Globex', dealType: 'standard', stage: 'proposal', annualContractValue: '90000',
      currency: 'USD', crm: '0065g00000AbCdE', outcome: 'won', closedOn: '2027-02-10',
    });
    expect(saved.message).toBe('Deal saved. The team workbook is up to date.');
    expect(recordsOf(book, 'Deals')[0]).toMatchObject({ Stage: 'proposal', Value: '90000', 'CRM id': '0065g00000AbCdE', Outcome: 'won', 'Actual close date': '2027-02-10' });
    s.setToday('2026-12-02');
    expect(s.run('markReviewed', { writeLine: false }).message).toBe('Review recorded for Dec 2, 2026. The team workbook is up to date.');
    expect(recordsOf(book, 'Deals')[0]).toMatchObject({ 'Last review': '2026-12-02' });

    expect(s.run('setAutoExport', { on: false })).toEqual({ autoExport: false });
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(applied.message).toBe('Shifted 5 due dates and 2 key dates.');
    expect(recordsOf(book, 'Steps').find((r) => r.Step === '2')).toMatchObject({ 'Due (now)': '2026-12-24' });
    expect(s.run('exportToSheets')).toMatchObject({ ok: true });
    expect(recordsOf(book, 'Steps').find((r) => r.Step === '2')).toMatchObject({ 'Due (now)': '2027-01-04' });
  });

  test('a failing workbook never fails the action: the action is done and the failure is one sentence', () => {
    const s = insertedPlan();
    s.run('createTeamWorkbook', { name: 'Team' });
    s.env.spreadsheetFiles.clear(); // the manager deleted the workbook
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(applied.ok).toBe(true);
    expect(applied.message).toBe(
      'Shifted 5 due dates and 2 key dates. The team workbook was not updated: Requested entity was not found.',
    );
    expect(s.markdown()).toContain('Jan 4, 2027');
  });

  test('text from the document stays text: step names that look like formulas are written as they read', () => {
    const s = insertedPlan();
    const names = ['=IMPORTXML("http://x")', '+1', '-2', '@sum'];
    names.forEach((name, i) => s.stepCell(i + 1, 'Action').setText(name));
    s.run('createTeamWorkbook', { name: 'Team' });
    const book = onlyWorkbook(s.env);
    const actions = recordsOf(book, 'Steps').map((r) => r.Action);
    expect(actions.slice(0, 4)).toEqual(names);
    for (const name of ['Steps', 'Deals', 'Slips']) expect(formulasOf(book, name)).toEqual([]);
    const cell = sheetOf(book, 'Steps').cell(2, rowsOf(book, 'Steps')[0]!.indexOf('Action') + 1);
    expect(cell).toMatchObject({ value: '=IMPORTXML("http://x")', formula: '' });
  });

  test('a re-export keeps what people typed in their columns and the columns they added', () => {
    const s = insertedPlan();
    s.run('createTeamWorkbook', { name: 'Team' });
    const book = onlyWorkbook(s.env);
    const sheet = manager(book).getSheetByName('Steps')!;
    const header = rowsOf(book, 'Steps')[0]!;
    sheet.getRange(3, header.indexOf('Notes') + 1).setValue('Legal is slow here');
    // A column of their own between the export's columns, moving everything after it.
    const actionColumn = header.indexOf('Action') + 1;
    const model = sheetOf(book, 'Steps');
    const moved = new Map<string, (typeof model.cells extends Map<string, infer C> ? C : never)>();
    for (const [key, cell] of model.cells) {
      const [r, c] = key.split(',').map(Number) as [number, number];
      moved.set(`${r},${c > actionColumn ? c + 1 : c}`, cell);
    }
    model.cells = moved;
    sheet.getRange(1, actionColumn + 1).setValue('Risk score');
    sheet.getRange(3, actionColumn + 1).setValue(7);

    s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    const steps = recordsOf(book, 'Steps');
    expect(steps).toHaveLength(11);
    expect(steps[1]).toMatchObject({ Step: '2', 'Due (now)': '2027-01-04', Notes: 'Legal is slow here', 'Risk score': '7' });
    expect(rowsOf(book, 'Steps')[0]).toContain('Risk score');
  });
});

describe('scopes: drive.file and the Sheets API, as the manifest declares', () => {
  test('the manifest asks for drive.file and the Sheets service, not the spreadsheets scope', () => {
    const s = openDocument();
    expect(s.env.auth.granted).toEqual(
      new Set([
        'https://www.googleapis.com/auth/documents.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        'https://www.googleapis.com/auth/drive.file',
      ]),
    );
    expect(s.env.sheets).toBeInstanceOf(SheetsServiceEmulation);
    expect(() => s.env.spreadsheetApp.openById('x')).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  test("a second seller links the manager's workbook by picking it; both plans' rows are there, neither touched", () => {
    const drive = new Map<string, SpreadsheetModel>();
    const first = insertedPlan({ spreadsheetFiles: drive, userEmail: 'sam@acme.com', documentId: 'doc-globex' });
    first.run('createTeamWorkbook', { name: 'Team' });
    const book = onlyWorkbook(first.env);
    const second = openDocument({ today: '2026-11-27', spreadsheetFiles: drive, userEmail: 'kim@acme.com', documentId: 'doc-initech' });
    second.run('insertMap', insertForm({ theirCompany: 'Initech', dealType: 'mid-market' }));
    // Not picked: under drive.file the add-on cannot open it, and says so.
    expect(() => second.run('linkPickedWorkbook', { id: book.id })).toThrow(
      'That workbook cannot be opened by the add-on (Requested entity was not found.). Choose it again with "Choose a workbook".',
    );
    second.env._pickFile(book.id);
    expect(second.run('linkPickedWorkbook', { id: book.id })).toMatchObject({ ok: true, message: 'Exported to "Team": the deal and 7 steps.' });
    const deals = recordsOf(book, 'Deals');
    expect(deals.map((d) => d['Their company'])).toEqual(['Globex', 'Initech']);
    expect(recordsOf(book, 'Steps')).toHaveLength(11 + 7);
    first.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(recordsOf(book, 'Steps')).toHaveLength(18);
    expect(recordsOf(book, 'Steps').filter((r) => r['Their company'] === 'Initech').every((r) => r['Due (first planned)'] === r['Due (now)'])).toBe(true);
  });

  test('bad arguments get clear messages', () => {
    const s = insertedPlan();
    expect(() => s.run('linkPickedWorkbook', { id: '../../etc' })).toThrow('That is not a spreadsheet id. Choose the workbook again.');
    expect(() => s.run('setAutoExport', 'yes')).toThrow('The setting needs { on: true | false }. Reload the sidebar and try again.');
    expect(() => s.run('setAutoExport', { on: false })).toThrow('Link a team workbook first.');
    expect(() => s.run('createTeamWorkbook', { name: 42 })).toThrow('The workbook name must be text of at most 200 characters.');
  });
});

describe('the Deal tab says when the plan was last exported, in every later session', () => {
  /** The same document opened again later (a new sidebar, or a colleague): only what the document keeps. */
  function reopen(s: Session, today: string): Session {
    return openDocument({ markdown: s.markdown(), properties: s.env.properties.document.toObject(), today });
  }

  test('an export by hand, then the refresh after a shift, each remembered with the document', () => {
    const s = insertedPlan();
    expect(s.run('getDeal').lastExport).toBeNull();
    s.setInstant('2026-11-27T19:05:00Z');
    const created = s.run('createTeamWorkbook', { name: 'MAP metrics' });
    // 14:05 in New York, the zone the plan's days are read in.
    expect(created).toMatchObject({ ok: true, lastExport: { text: 'Nov 27, 14:05', workbook: 'MAP metrics' } });
    expect(reopen(s, '2026-11-28').run('getDeal').lastExport).toEqual({ at: '2026-11-27T19:05:00.000Z', text: 'Nov 27, 14:05', workbook: 'MAP metrics' });

    s.setInstant('2026-11-30T14:30:00Z');
    expect(s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' }).message).toContain('The team workbook is up to date.');
    expect(reopen(s, '2026-12-01').run('getDeal').lastExport).toMatchObject({ text: 'Nov 30, 09:30', workbook: 'MAP metrics' });
  });

  test('a full property store costs the record, not the export', () => {
    // Other add-ons share this document's property store: here it is 40 bytes short of its 500 KB quota.
    const full: Record<string, string> = Object.fromEntries(Array.from({ length: 57 }, (_, i) => [`filler.${i}`, 'x'.repeat(8900)]));
    const used = Object.entries(full).reduce((n, [k, v]) => n + k.length + v.length, 0);
    full.pad = 'x'.repeat(500 * 1024 - used - 'pad'.length - 40);
    const s = openDocument({ properties: full });
    expect(s.run('insertMap', insertForm()).ok).toBe(true);
    expect(s.run('createTeamWorkbook', { name: 'MAP metrics' })).toMatchObject({ ok: true, message: 'Exported to "MAP metrics": the deal and 11 steps.', lastExport: null });
    expect(recordsOf(onlyWorkbook(s.env), 'Steps')).toHaveLength(11);
  });

  test('a stored record that is not in the expected shape is not shown', () => {
    const s = insertedPlan();
    const other = openDocument({ markdown: s.markdown(), properties: { ...s.env.properties.document.toObject(), 'map.lastExport': '{"at":"<img src=x>","workbook":"X"}' } });
    expect(other.run('getDeal')).toMatchObject({ lastExport: null, plan: 'Mutual Action Plan: Acme + Globex' });
  });
});
