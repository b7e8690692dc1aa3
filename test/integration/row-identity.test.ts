/** A step row's identity when its named range vanishes (cut and paste), is missing (a copied row) or is split: the history follows the original row. */
import { PropertiesEmulation } from '../../emulation';
import { loadHistory } from '../../src/adapters/history-store';
import { liveSteps, stepsAddedSinceBaseline, type PlanHistory } from '../../src/core/history/history';
import { insertForm, openDocument, type Session } from './harness';

function history(s: Session): PlanHistory {
  const stored = loadHistory(new PropertiesEmulation(s.env.calls, s.env.properties.document));
  if (!stored) throw new Error('no history saved');
  return stored;
}

const byAction = (h: PlanHistory, action: string) => liveSteps(h).filter((r) => r.action === action);

/** The standard plan, read once (rows marked), and step 5 shifted by a week so its record has a slip. */
function planWithASlip(): Session {
  const s = openDocument({ today: '2026-11-27' });
  expect(s.run('insertMap', insertForm()).ok).toBe(true);
  expect(s.run('applyShift', { kind: 'step', step: 5, to: '+1 week' })).toMatchObject({ ok: true });
  return s;
}

function stepsTable(s: Session): GoogleAppsScript.Document.Table {
  const table = s.doc.getBody().getTables().find((t) => t.getCell(0, 1).getText() === 'Action');
  if (!table) throw new Error('no Steps table');
  return table;
}

test('a copied row gives two rows numbered alike, and the history follows the original, not the copy', () => {
  const s = planWithASlip();
  const original = byAction(history(s), stepsTable(s).getCell(5, 1).getText());
  expect(original).toHaveLength(1);
  const table = stepsTable(s);
  // The person copies row 5 above itself, then gives the copy (now row 5) another date.
  table.insertTableRow(5, table.getRow(5).copy());
  table.getCell(5, 3).setText('Mar 5, 2027');
  const state = s.run('getShiftState');
  expect(state.steps.filter((st) => st.number === 5)).toHaveLength(2);
  const after = history(s);
  const record = liveSteps(after).find((r) => r.key === original[0]?.key);
  // The original kept its key, its date and its slip; the copy is a new step with the new date.
  expect(record).toMatchObject({ currentDue: original[0]?.currentDue, slips: original[0]?.slips, removedOn: null });
  expect(stepsAddedSinceBaseline(after).map((r) => r.currentDue)).toEqual(['2027-03-05']);
});

test('a row cut and pasted elsewhere (its named range gone) keeps its identity and its history', () => {
  const s = planWithASlip();
  const before = history(s);
  const table = stepsTable(s);
  const action = table.getCell(5, 1).getText();
  const copy = table.getRow(5).copy();
  table.removeRow(5);
  table.insertTableRow(2, copy);
  expect(s.doc.getNamedRanges().filter((r) => r.getName().startsWith('map.step.'))).toHaveLength(10);
  s.run('getShiftState');
  const after = history(s);
  expect(byAction(after, action).map((r) => [r.key, r.slips])).toEqual(byAction(before, action).map((r) => [r.key, r.slips]));
  expect(stepsAddedSinceBaseline(after)).toEqual([]);
  // The row is marked again, so its identity no longer depends on matching.
  expect(s.doc.getNamedRanges().filter((r) => r.getName().startsWith('map.step.'))).toHaveLength(11);
});

test('a named range split in two (Docs does this on some edits) still names its row', () => {
  const s = planWithASlip();
  const before = history(s);
  const table = stepsTable(s);
  const marker = s.doc.getNamedRanges().find((r) => String(r.getRange().getRangeElements()[0]?.getElement().getType()) === 'TABLE_ROW');
  if (!marker) throw new Error('no row marker');
  const row = marker.getRange().getRangeElements()[0]!.getElement().asTableRow();
  const name = marker.getName();
  marker.remove();
  s.doc.addNamedRange(name, s.doc.newRange().addElement(row.getCell(0)).addElement(row.getCell(3)).build());
  s.run('getShiftState');
  expect(liveSteps(history(s)).map((r) => [r.key, r.action, r.slips])).toEqual(liveSteps(before).map((r) => [r.key, r.action, r.slips]));
  expect(table.getNumRows()).toBe(12);
});
