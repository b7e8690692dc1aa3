/**
 * Every "N working days" a person reads counts on the plan's one calendar, as the shift does: the
 * status colours, the weekly review and the health check skip Christmas Day in a US plan, the
 * plan's own "Holidays" line, and the days the team listed.
 */
import { openDocument, type Session } from './harness';

// Monday Dec 21, 2026: Friday Dec 25 is Christmas Day. Step 2 is due Tuesday Dec 29: six weekdays
// away, but five working days, so it is at risk (due before the next weekly review, not started).
const PLAN = (holidays = ''): string => `# Mutual Action Plan: Acme + Globex

## Key dates

* Evaluation start: Dec 1, 2026
* Decision target: Jan 29, 2027
${holidays}
## Steps

| **#** | **Action** | **Owner** | **Due date** | **Status** |
| :---- | :---- | :---- | :---- | :---- |
| 1 | Pilot setup | Priya Shah (Acme) | Dec 24, 2026 | In progress |
| 2 | Security questionnaire review | Lee Wong (Globex IT) | Dec 29, 2026 | Pending |
| 3 | Contract signature | Maria Chen (Globex) | Jan 29, 2027 | Pending |
`;

const AMBER = '#fce8b2';

function opened(markdown: string, locale = 'en_US'): Session {
  return openDocument({ markdown, locale, today: '2026-12-21' });
}

describe('the status colours, the weekly review and the health check count working days on the plan\'s calendar', () => {
  test('status colours: a step due over Christmas is at risk, in amber; a week later, with no holiday between, the same distance is not', () => {
    const s = opened(PLAN());
    s.run('getReview');
    expect(s.stepCell(2, 'Due date').getBackgroundColor()).toBe(AMBER);
    // Monday Jan 4 to Tuesday Jan 12, 2027: six working days, no holiday between: not at risk yet.
    const later = openDocument({ markdown: PLAN().replace('Dec 29, 2026', 'Jan 12, 2027'), today: '2027-01-04' });
    later.run('getReview');
    expect(later.stepCell(2, 'Due date').getBackgroundColor()).toBeNull();
  });

  test('weekly review: "due in 5 working days", counted over Christmas Day', () => {
    const review = opened(PLAN()).run('getReview');
    expect(review.atRisk.map((i) => [i.number, i.note])).toEqual([[2, 'due in 5 working days, not started']]);
  });

  test('health check: "overdue by 2 working days" on Tuesday Dec 29 for a step due Thursday Dec 24', () => {
    const s = opened(PLAN());
    s.setToday('2026-12-29');
    const overdue = s.run('getHealth').findings.find((f) => f.rule === 'overdue');
    expect(overdue?.detail).toBe('Step 1 (Pilot setup), owned by Priya Shah (Acme), is overdue by 2 working days.');
  });

  test('the plan\'s own "Holidays" line counts too: a day off makes the same step at risk', () => {
    // Monday Jan 4 to Tuesday Jan 12, 2027: six working days; with the team's Friday Jan 8 off, five.
    const markdown = PLAN('Holidays: Jan 8, 2027\n').replace('Dec 29, 2026', 'Jan 12, 2027');
    const s = openDocument({ markdown, today: '2027-01-04' });
    const review = s.run('getReview');
    expect(review.atRisk.map((i) => [i.number, i.note])).toEqual([
      [1, 'overdue by 5 working days'],
      [2, 'due in 5 working days, not started'],
    ]);
    expect(s.stepCell(2, 'Due date').getBackgroundColor()).toBe(AMBER);
  });
});
