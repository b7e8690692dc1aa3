/** An export reads and writes the team workbook with the same number of Sheets API calls whatever its size: 1, 100 and 1,000 other deals (40,000 step rows), 5 calls each way. */
import { growTeamWorkbook } from '../../tools/team-workbook';
import { insertForm, openDocument } from './harness';
import { onlyWorkbook } from './workbook';

function sheetsCalls(snapshot: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot).filter(([name]) => name.startsWith('Sheets.')));
}

test.each([1, 100, 1000])('with %i other deals in the workbook, an export and a re-export after a shift make 5 Sheets calls each', (deals) => {
  const s = openDocument({ today: '2026-11-27' });
  s.run('insertMap', insertForm());
  s.run('createTeamWorkbook', { name: 'Team' });
  const book = onlyWorkbook(s.env);
  growTeamWorkbook(book, deals, 40);
  s.env.calls.reset();
  expect(s.run('exportToSheets').ok).toBe(true);
  const exportCalls = sheetsCalls(s.env.calls.snapshot());
  s.env.calls.reset();
  s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
  const shiftCalls = sheetsCalls(s.env.calls.snapshot());
  const five = { 'Sheets.Spreadsheets.batchUpdate': 2, 'Sheets.Spreadsheets.get': 1, 'Sheets.Spreadsheets.Values.batchGet': 2 };
  expect(exportCalls).toEqual(five);
  expect(shiftCalls).toEqual(five);
  // The other plans' rows are all still there, and this plan's once (read straight from the model: 40,000 rows).
  const plans = new Map<string, number>();
  const steps = book.sheets.find((sheet) => sheet.name === 'Steps')!;
  for (let row = 2; row <= steps.lastRow(); row++) {
    const id = String(steps.cell(row, 1).value);
    plans.set(id, (plans.get(id) ?? 0) + 1);
  }
  expect(plans.size).toBe(deals + 1);
  expect(plans.get(s.doc.getId())).toBe(11);
  expect([...plans.values()].filter((n) => n === 40)).toHaveLength(deals);
});
