/** Plans whose status column is a completion question ("Completed?", "✓") or a RAG rating, through the built add-on: colours, the health check and a shift read them as meant and never rewrite the person's words. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellTexts, openDocument, type Session } from './harness';
import { STATUS_COLOURS } from '../../src/core/method/status-style';

const fixture = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'reading', `${name}.md`), 'utf8');

type Colours = { message: string; overdue: { number: number }[]; atRisk: { number: number }[] };

/** The Steps table's cells, texts and fills, for the table whose header starts with these cells. */
function stepsTable(s: Session, ...header: string[]): { texts: string[][]; fills: (string | null)[][] } {
  const t = s.table(...header);
  return { texts: cellTexts(t), fills: t.rows.map((r) => r.map((c) => c.backgroundColor ?? null)) };
}

describe('a "Completed?" column of Yes / No', () => {
  test('Refresh status colours: Yes is coloured complete and No pending, every word stays as the person typed it', () => {
    const s = openDocument({ markdown: fixture('completed-question-yes-no'), today: '2026-12-08' });
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
    const s = openDocument({ markdown: fixture('completed-question-yes-no'), today: '2026-12-14' });
    const overdue = s.run('getHealth').findings.find((f) => f.rule === 'overdue');
    expect(overdue?.detail).toMatch(/Pilot on Globex data/);
    expect(overdue?.detail).not.toMatch(/Discovery and demo|Security questionnaire/);
  });
});

describe('a RAG rating', () => {
  test('"RAG status" alone: Refresh status colours colours Amber in progress and Red blocked, and keeps every word', () => {
    const s = openDocument({ markdown: fixture('rag-status-column'), today: '2026-12-08' });
    const before = stepsTable(s, '#', 'Activity').texts;
    s.addOn.runSync('refreshStatusColours');
    const after = stepsTable(s, '#', 'Activity');
    expect(after.texts).toEqual(before);
    expect(after.fills.slice(1).map((r) => r[4])).toEqual([
      STATUS_COLOURS.complete, STATUS_COLOURS.in_progress, STATUS_COLOURS.in_progress, STATUS_COLOURS.blocked, STATUS_COLOURS.in_progress, STATUS_COLOURS.pending, null,
    ]);
  });

  test('"Health" beside "Status": the Status cells are coloured, the Health cells keep their words and have no fill', () => {
    const s = openDocument({ markdown: fixture('rag-beside-status'), today: '2026-12-08' });
    const before = stepsTable(s, '#', 'Task').texts;
    s.addOn.runSync('refreshStatusColours');
    const after = stepsTable(s, '#', 'Task');
    expect(after.texts).toEqual(before);
    expect(after.fills.slice(1).map((r) => [r[2], r[5]])).toEqual([
      [null, STATUS_COLOURS.complete], [null, STATUS_COLOURS.in_progress], [null, STATUS_COLOURS.pending], [null, STATUS_COLOURS.pending],
    ]);
  });
});
