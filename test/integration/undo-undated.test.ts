/** Undo of a shift that dated a "TBD" step: the text comes back and so does the cell's look (no "at risk" fill left on an undated step). */
import { openDocument } from './harness';

const PLAN = [
  '# Mutual Action Plan: Acme \\+ Globex',
  '',
  '## Steps',
  '',
  '| **#** | **Action** | **Due date** | **Status** |',
  '| :---- | :---- | :---- | :---- |',
  '| 1 | Security review | TBD | Pending |',
  '| 2 | Pricing proposal | TBD | Pending |',
  '| 3 | Contract signature | Jan 29, 2027 | Pending |',
  '',
].join('\n');

const AT_RISK_OR_OVERDUE = ['#fce8b2', '#f4c7c3'];

test.each(['next Friday', 'Dec 16, 2026'])('shift a TBD step to "%s" (due soon, so marked), then undo: the cell says TBD with no due-date fill', (to) => {
  const s = openDocument({ markdown: PLAN, today: '2026-12-14' });
  const applied = s.run('applyShift', { kind: 'step', step: 1, to });
  expect(applied).toMatchObject({ ok: true, written: 1 });
  const due = () => s.stepCell(1, 'Due date');
  expect(due().getText()).not.toBe('TBD');
  expect(AT_RISK_OR_OVERDUE).toContain(due().getBackgroundColor());
  expect(s.run('undoLastShift')).toMatchObject({ ok: true, restored: 1, conflicts: [] });
  expect(due().getText()).toBe('TBD');
  expect(AT_RISK_OR_OVERDUE).not.toContain(due().getBackgroundColor());
  expect(s.stepCell(2, 'Due date').getText()).toBe('TBD');
  expect(s.stepCell(3, 'Due date').getText()).toBe('Jan 29, 2027');
});
