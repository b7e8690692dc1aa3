/** Plans whose status column is a completion question ("Completed?", "✓") or a RAG rating, through the built add-on: colours, the health check and a shift read them as meant and never rewrite the person's words. */
import { cellTexts, openDocument, readingFixture, type Session } from './harness';
import { DUE_COLOURS, STATUS_COLOURS } from '../../src/core/method/status-style';

type Colours = { message: string; overdue: { number: number }[]; atRisk: { number: number }[] };

/** The Steps table's cells, texts and fills, for the table whose header starts with these cells. */
function stepsTable(s: Session, ...header: string[]): { texts: string[][]; fills: (string | null)[][] } {
  const t = s.table(...header);
  return { texts: cellTexts(t), fills: t.rows.map((r) => r.map((c) => c.backgroundColor ?? null)) };
}

describe('a "Completed?" column of Yes / No', () => {
  test('Refresh status colours: Yes is coloured complete and No pending, every word stays as the person typed it', () => {
    const s = openDocument({ markdown: readingFixture('completed-question-yes-no'), today: '2026-12-08' });
    const before = stepsTable(s, 'Activity').texts;
    const result = s.addOn.runSync('refreshStatusColours') as Colours;
    const after = stepsTable(s, 'Activity');
    expect(after.texts).toEqual(before);
    expect(after.texts.map((r) => r[4])).toEqual(['Completed?', 'Yes', 'Yes (late)', 'No', 'No - in progress', '', 'Maybe']);
    // Column 4 is "Completed?": Yes complete, No and nothing pending, "No - in progress" in progress, "Maybe" (unknown) left alone.
    expect(after.fills.slice(1).map((r) => r[4])).toEqual([
      STATUS_COLOURS.complete, STATUS_COLOURS.complete, STATUS_COLOURS.pending, STATUS_COLOURS.in_progress, STATUS_COLOURS.pending, null,
    ]);
    // The Yes steps are past their dates and not overdue; step 3 (No, due Dec 11) is at risk.
    expect(result.overdue).toEqual([]);
    expect(result.atRisk.map((x) => x.number)).toEqual([3]);
  });

  test('the health check: nothing answered Yes is overdue; a No past its date is', () => {
    const s = openDocument({ markdown: readingFixture('completed-question-yes-no'), today: '2026-12-14' });
    const overdue = s.run('getHealth').findings.find((f) => f.rule === 'overdue');
    expect(overdue?.detail).toMatch(/Pilot on Globex data/);
    expect(overdue?.detail).not.toMatch(/Discovery and demo|Security questionnaire/);
  });
});

describe('a RAG rating', () => {
  test('"RAG status" alone: Refresh status colours colours Amber in progress and Red blocked, and keeps every word', () => {
    const s = openDocument({ markdown: readingFixture('rag-status-column'), today: '2026-12-08' });
    const before = stepsTable(s, '#', 'Activity').texts;
    s.addOn.runSync('refreshStatusColours');
    const after = stepsTable(s, '#', 'Activity');
    expect(after.texts).toEqual(before);
    expect(after.fills.slice(1).map((r) => r[4])).toEqual([
      STATUS_COLOURS.complete, STATUS_COLOURS.in_progress, STATUS_COLOURS.in_progress, STATUS_COLOURS.blocked, STATUS_COLOURS.in_progress, STATUS_COLOURS.pending, null,
    ]);
  });

  test('"Health" beside "Status": the Status cells are coloured, the Health cells keep their words and have no fill', () => {
    const s = openDocument({ markdown: readingFixture('rag-beside-status'), today: '2026-12-08' });
    const before = stepsTable(s, '#', 'Task').texts;
    s.addOn.runSync('refreshStatusColours');
    const after = stepsTable(s, '#', 'Task');
    expect(after.texts).toEqual(before);
    expect(after.fills.slice(1).map((r) => [r[2], r[5]])).toEqual([
      [null, STATUS_COLOURS.complete], [null, STATUS_COLOURS.in_progress], [null, STATUS_COLOURS.pending], [null, STATUS_COLOURS.pending],
    ]);
  });
});

describe('a step the two sides dropped ("Cancelled", "N/A", "Skipped")', () => {
  type Preview = { ok: boolean; rows: { number: number; from: string; to: string }[]; pinned: { number: number; reason: string }[] };

  test('the health check: a cancelled step past its date is not overdue and holds up nothing; the step still open is', () => {
    const s = openDocument({ markdown: readingFixture('cancelled-steps'), today: '2026-12-08' });
    const report = s.run('getHealth');
    const overdue = report.findings.find((f) => f.rule === 'overdue');
    expect(overdue?.detail).toBe('Step 2 (Security questionnaire review), owned by Globex IT, is overdue by 2 working days.');
    // Nothing about steps 3 and 4 anywhere in the report.
    expect(JSON.stringify(report)).not.toMatch(/Pilot\/POC setup|Pilot results review/);
  });

  test('a shift: the cancelled step is not moved, and the step after it does not wait for it', () => {
    const s = openDocument({ markdown: readingFixture('cancelled-steps'), today: '2026-11-18' });
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 1, to: '+1 week' }) as Preview;
    expect(p.ok).toBe(true);
    // Step 3 depends on step 1 but is not needed; step 5 waits for step 4 (N/A), so neither moves.
    expect(p.rows.map((r) => [r.number, r.from, r.to])).toEqual([
      [1, 'Nov 20, 2026', 'Nov 30, 2026'],
      [2, 'Dec 4, 2026', 'Dec 11, 2026'],
      [6, 'Jan 8, 2027', 'Jan 15, 2027'],
      [7, 'Jan 22, 2027', 'Jan 29, 2027'],
    ]);
    expect(p.pinned).toEqual([expect.objectContaining({ number: 3, reason: 'not needed: not moved' })]);
    const applied = s.addOn.runSync('applyShift', { kind: 'step', step: 1, to: '+1 week' }) as { ok: boolean };
    expect(applied.ok).toBe(true);
    expect(cellTexts(s.table('#', 'Action')).slice(1).map((r) => [r[3], r[4]])).toEqual([
      ['Nov 30, 2026', 'Complete'],
      ['Dec 11, 2026', 'In progress'],
      ['Nov 27, 2026', 'Cancelled - no pilot needed'],
      ['Dec 2, 2026', 'N/A'],
      ['Dec 11, 2026', 'Pending'],
      ['Jan 15, 2027', 'Pending'],
      ['Jan 29, 2027', 'Pending'],
    ]);
    // The history kept the not-needed steps (a record it could not read would be dropped): undo finds the shift.
    const undone = s.addOn.runSync('undoLastShift') as { ok: boolean; restored: number };
    expect(undone).toMatchObject({ ok: true, restored: 5 }); // four due dates and the decision target
    expect(s.markdown()).toBe(openDocument({ markdown: readingFixture('cancelled-steps') }).markdown());
  });

  test('colours: a not-needed status cell is light grey and keeps its words; its due cell is not marked overdue', () => {
    const s = openDocument({ markdown: readingFixture('cancelled-steps'), today: '2026-12-08' });
    const before = stepsTable(s, '#', 'Action').texts;
    const result = s.addOn.runSync('refreshStatusColours') as Colours;
    const after = stepsTable(s, '#', 'Action');
    expect(after.texts).toEqual(before);
    expect(after.fills.slice(1).map((r) => r[4])).toEqual([
      STATUS_COLOURS.complete, STATUS_COLOURS.in_progress, STATUS_COLOURS.not_needed, STATUS_COLOURS.not_needed,
      STATUS_COLOURS.pending, STATUS_COLOURS.pending, STATUS_COLOURS.pending,
    ]);
    expect(result.overdue.map((x) => x.number)).toEqual([2]);
    expect(after.fills.slice(1).map((r) => r[3])).toEqual([null, DUE_COLOURS.overdue, null, null, DUE_COLOURS.atRisk, null, null]);
  });

  test('the weekly review: a dropped step is neither at risk, owed nor completed', () => {
    const s = openDocument({ markdown: readingFixture('descoped-done-column'), today: '2026-12-08' });
    const review = s.run('getReview');
    const text = JSON.stringify(review);
    expect(text).not.toMatch(/Sandbox access|Reference call/);
    expect(text).toMatch(/Integration test/);
    expect(s.run('getHealth').findings.find((f) => f.rule === 'overdue')?.detail).toMatch(/^Step 3 \(Integration test\)/);
  });
});
