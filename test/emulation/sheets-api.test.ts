// Behaviour of the emulated Sheets advanced service: one workbook model shared with SpreadsheetApp, atomic batchUpdate, drive.file access and the manifest's scopes enforced.
import { GoogleEmulation } from '../../emulation';
import { SCOPES } from '../../emulation/session';

const DRIVE_FILE_ONLY = { oauthScopes: [SCOPES.currentDocument, SCOPES.driveFile], dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] } };

function seller() {
  const env = new GoogleEmulation({ manifest: DRIVE_FILE_ONLY });
  const sheets = env.sheets!;
  const book = sheets.Spreadsheets.create({ properties: { title: 'Team' }, sheets: [{ properties: { title: 'Deals' } }] });
  return { env, sheets, id: book.spreadsheetId!, book };
}

describe('Sheets.Spreadsheets', () => {
  it('creates a workbook whose first sheet has id 0; SpreadsheetApp (with its scope) sees the same cells', () => {
    const { env, sheets, id, book } = seller();
    expect(book.sheets?.map((s) => [s.properties?.sheetId, s.properties?.title])).toEqual([[0, 'Deals']]);
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'Plan' } }, { userEnteredValue: { numberValue: 46023 }, userEnteredFormat: { numberFormat: { type: 'DATE', pattern: 'yyyy-mm-dd' } } }] }], fields: 'userEnteredValue,userEnteredFormat.numberFormat' } }] },
      id,
    );
    const manager = new GoogleEmulation({ spreadsheetFiles: env.spreadsheetFiles });
    const range = manager.spreadsheetApp.openById(id).getSheetByName('Deals')!.getRange('A1:B1');
    expect(range.getDisplayValues()).toEqual([['Plan', '1/1/2026']]);
    expect(range.getNumberFormats()).toEqual([['0.###############', 'yyyy-mm-dd']]);
  });

  it('writes a stringValue as text whatever it looks like: no formula, no number, no date', () => {
    const { sheets, id, env } = seller();
    const texts = ['=IMPORTXML("http://x")', '+1', '-2', '@sum', '2026-03-03', 'TRUE'];
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: texts.map((t) => ({ values: [{ userEnteredValue: { stringValue: t } }] })), fields: 'userEnteredValue' } }] },
      id,
    );
    const model = env.spreadsheetFiles.get(id)!.sheets[0]!;
    expect(texts.map((_, r) => model.cell(r + 1, 1))).toEqual(texts.map((t) => expect.objectContaining({ value: t, formula: '' })));
    expect(sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Deals!A1:A6'] }).valueRanges?.[0]?.values).toEqual(texts.map((t) => [t]));
  });

  it('applies a batch atomically: an invalid subrequest applies nothing and Google says which', () => {
    const { sheets, id, env } = seller();
    const before = env.spreadsheetFiles.get(id)!.sheets.map((s) => s.name);
    expect(() =>
      sheets.Spreadsheets.batchUpdate(
        {
          requests: [
            { addSheet: { properties: { title: 'Steps' } } },
            { updateCells: { start: { sheetId: 0, rowIndex: 0, columnIndex: 0 }, rows: [{ values: [{ userEnteredValue: { stringValue: 'x' } }] }], fields: 'userEnteredValue' } },
            { addSheet: { properties: { title: 'Deals' } } },
          ],
        },
        id,
      ),
    ).toThrow('API call to sheets.spreadsheets.batchUpdate failed with error: Invalid requests[2].addSheet: A sheet with the name "Deals" already exists. Please enter another name.');
    const model = env.spreadsheetFiles.get(id)!;
    expect(model.sheets.map((s) => s.name)).toEqual(before);
    expect(model.sheets[0]!.cell(1, 1).value).toBe('');
  });

  it('deletes and inserts rows, moving the cells below', () => {
    const { sheets, id, env } = seller();
    const cell = (t: string) => ({ values: [{ userEnteredValue: { stringValue: t } }] });
    sheets.Spreadsheets.batchUpdate({ requests: [{ appendCells: { sheetId: 0, rows: ['a', 'b', 'c', 'd'].map(cell), fields: 'userEnteredValue' } }] }, id);
    sheets.Spreadsheets.batchUpdate(
      { requests: [{ deleteDimension: { range: { sheetId: 0, dimension: 'ROWS', startIndex: 1, endIndex: 3 } } }, { appendCells: { sheetId: 0, rows: [cell('e')], fields: 'userEnteredValue' } }] },
      id,
    );
    const values = sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Deals!A:A'] }).valueRanges?.[0]?.values;
    expect(values).toEqual([['a'], ['d'], ['e']]);
    expect(env.spreadsheetFiles.get(id)!.sheets[0]!.maxRows).toBe(998);
  });

  it('counts every call', () => {
    const { sheets, id, env } = seller();
    env.calls.reset();
    sheets.Spreadsheets.get(id);
    sheets.Spreadsheets.Values.batchGet(id, { ranges: ['Deals!1:1', 'Deals!A:A'] });
    expect(env.calls.snapshot()).toEqual({ 'Sheets.Spreadsheets.Values.batchGet': 1, 'Sheets.Spreadsheets.get': 1 });
  });
});

describe('scopes, as the manifest declares them', () => {
  it('drive.file reaches files the app created or the person picked; others are "not found"', () => {
    const { env, id } = seller();
    const colleague = new GoogleEmulation({ manifest: DRIVE_FILE_ONLY, spreadsheetFiles: env.spreadsheetFiles });
    expect(() => colleague.sheets!.Spreadsheets.get(id)).toThrow('API call to sheets.spreadsheets.get failed with error: Requested entity was not found.');
    colleague._pickFile(id);
    expect(colleague.sheets!.Spreadsheets.get(id).properties?.title).toBe('Team');
  });

  it('a person whose access became Viewer still reads the workbook; every write is refused and applies nothing', () => {
    const { env, sheets, id } = seller();
    env._makeViewOnly(id);
    expect(sheets.Spreadsheets.get(id).properties?.title).toBe('Team');
    expect(() => sheets.Spreadsheets.batchUpdate({ requests: [{ addSheet: { properties: { title: 'Steps' } } }] }, id)).toThrow(
      'API call to sheets.spreadsheets.batchUpdate failed with error: The caller does not have permission',
    );
    expect(sheets.Spreadsheets.get(id).sheets?.map((sheet) => sheet.properties?.title)).toEqual(['Deals']);
  });

  it('SpreadsheetApp needs the spreadsheets scope, which a drive.file manifest does not grant', () => {
    const { env, id } = seller();
    expect(() => env.spreadsheetApp.openById(id)).toThrow(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
  });

  it('without a Drive or Sheets scope the API refuses; without the advanced service there is no Sheets global', () => {
    const noScope = new GoogleEmulation({ manifest: { ...DRIVE_FILE_ONLY, oauthScopes: [SCOPES.currentDocument] } });
    expect(() => noScope.sheets!.Spreadsheets.create({})).toThrow(
      'API call to sheets.spreadsheets.create failed with error: Request had insufficient authentication scopes.',
    );
    const noService = new GoogleEmulation({ manifest: { oauthScopes: [SCOPES.driveFile] } });
    expect(noService.sheets).toBeNull();
    expect(Object.keys(noService.globals())).not.toContain('Sheets');
  });
});
