/** Shifts through the built add-on on plans laid out as other people lay them out: task columns per side, a "Week" column of bare numbers, a title by another name with its key dates beside the steps. */
import { cellTexts, openDocument, readingFixture, stepKey } from './harness';

describe('task columns per side', () => {
  test('the Shift list shows each side\'s tasks; a slip rewrites only the Date cells, the task cells stay as written; Undo restores the document', () => {
    const s = openDocument({ markdown: readingFixture('side-tasks-buyer-seller'), today: '2026-12-07' });
    const before = s.markdown();
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error(JSON.stringify(state));
    expect(state.steps.map((st) => st.action)[1]).toBe('Technical validation — Acme Analytics: Send the sandbox credentials · Globex: Connect the sandbox to the ERP');
    expect(state.diagnostics).toEqual([]);
    const tasksBefore = cellTexts(s.table('Milestone', 'Buyer Tasks')).map((r) => [r[0], r[1], r[2]]);

    const request = { kind: 'step', step: stepKey(s, '2'), to: '+1 week' };
    const applied = s.run('applyShift', request);
    expect(applied).toMatchObject({ ok: true, skipped: [] });
    const after = cellTexts(s.table('Milestone', 'Buyer Tasks'));
    expect(after.map((r) => [r[0], r[1], r[2]])).toEqual(tasksBefore);
    expect(after.slice(1).map((r) => r[3])).toEqual(['Dec 2, 2026', 'Dec 23, 2026', 'Jan 15, 2027', 'Jan 27, 2027', 'Feb 5, 2027']);

    s.run('undoLastShift');
    expect(s.markdown()).toBe(before);
  });
});

describe('a "Week" column of bare numbers', () => {
  test('a week later is written as a number: "2" becomes "3", "3-4" becomes "4-5"', () => {
    const markdown = readingFixture('weeks-no-start')
      .replace(/^\| Week ([\d-]+) \|/gm, '| $1 |')
      .replace('## Goal', 'Evaluation start: Nov 30, 2026\n\n## Goal');
    const s = openDocument({ markdown, today: '2026-12-01' });
    const applied = s.run('applyShift', { kind: 'step', step: stepKey(s, '2'), to: '+1 week' });
    expect(applied).toMatchObject({ ok: true, skipped: [] });
    expect(cellTexts(s.table('Week', 'Task')).slice(1).map((r) => r[0])).toEqual(['1', '3', '4-5', '7']);
  });
});

describe('a title by another name', () => {
  test('"Plan: Acme Analytics + Globex": the signature slipping past the decision date below the title moves that date, in its own line', () => {
    const s = openDocument({ markdown: readingFixture('title-plan-colon'), today: '2026-12-07' });
    const applied = s.run('applyShift', { kind: 'step', step: stepKey(s, '4'), to: 'Mar 5, 2027' });
    expect(applied).toMatchObject({ ok: true, skipped: [] });
    expect(s.blocks().flatMap((b) => (b.kind !== 'table' && /^Decision date:/.test(b.text) ? [b.text] : []))).toEqual(['Decision date: Mar 5, 2027']);
  });
});
