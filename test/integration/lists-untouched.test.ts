/** Stakeholders and risks written as lists: "Show in document" selects the list item a finding names, and no action writes into the lists. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDocument, type Session } from './harness';

const PLAN = readFileSync(path.join(__dirname, '..', 'fixtures', 'health', 'people-and-risks-as-lists.md'), 'utf8');
const TODAY = '2027-01-20';

/** The Markdown of a part, from its heading to the next heading: what a person reads there. */
function part(s: Session, heading: string): string {
  const md = s.markdown();
  const start = md.indexOf(`## ${heading}\n`);
  if (start < 0) throw new Error(`No "${heading}" in:\n${md}`);
  const end = md.indexOf('\n#', start + 1);
  return md.slice(start, end < 0 ? undefined : end).trim();
}

function selectedText(s: Session): string | undefined {
  const element = s.doc.getSelection()?.getRangeElements()[0]?.getElement();
  return element && String(element.getType()) === 'LIST_ITEM' ? element.asListItem().getText() : undefined;
}

test('"Show in document" on a listed risk without a mitigation, and on a list naming no economic buyer, selects the list item', () => {
  const s = openDocument({ markdown: PLAN, today: TODAY });
  const risk = s.run('getHealth').findings.find((f) => f.rule === 'risk-no-mitigation');
  expect(risk?.detail).toBe('Risk "Budget freeze in Q1" has no mitigation.');
  expect(s.run('selectPlace', risk?.place)).toEqual({ ok: true, message: 'Selected in the document.' });
  expect(selectedText(s)).toBe('Budget freeze in Q1');

  const noBuyer = openDocument({ markdown: PLAN.replace('Dana Ruiz, CFO, Globex (economic buyer)', 'Dana Ruiz, VP Operations, Globex'), today: TODAY });
  const buyer = noBuyer.run('getHealth').findings.find((f) => f.rule === 'no-economic-buyer');
  expect(buyer?.detail).toBe('Nobody in the Stakeholders list is the economic buyer: the person who approves the budget.');
  expect(noBuyer.run('selectPlace', buyer?.place)).toEqual({ ok: true, message: 'Selected in the document.' });
  expect(selectedText(noBuyer)).toBe('Dana Ruiz, VP Operations, Globex');
});

test('a shift, its undo and "Mark reviewed" leave the Stakeholders and Risks lists exactly as written', () => {
  const s = openDocument({ markdown: PLAN, today: TODAY });
  const before = [part(s, 'Stakeholders'), part(s, 'Risks')];
  const state = s.run('getShiftState');
  if (!('steps' in state)) throw new Error(JSON.stringify(state));
  const step = state.steps.find((st) => st.label === '2');
  const request = { kind: 'step', step: step?.key, to: '+1 week' };
  const preview = s.run('previewShift', request);
  if (!preview.ok) throw new Error(preview.message);
  expect(s.run('applyShift', { ...request, expect: preview.token }).ok).toBe(true);
  // The shift did write: step 2 a week later, in the Steps table.
  expect(s.table('#', 'Action', 'Owner', 'Due', 'Status').rows[2]?.[3]?.text).toBe('Feb 12');
  expect([part(s, 'Stakeholders'), part(s, 'Risks')]).toEqual(before);
  expect(s.run('markReviewed', { writeLine: true }).message).toMatch(/^Review recorded for Jan 20, 2027\./);
  expect(s.run('undoLastShift').ok).toBe(true);
  expect([part(s, 'Stakeholders'), part(s, 'Risks')]).toEqual(before);
});
