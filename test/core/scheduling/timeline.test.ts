// The timeline picture's data: each step with its status, due signal, side and the original date it slipped from, and the key dates.
import { observe, startHistory } from '../../../src/core/history/history';
import { planTimeline } from '../../../src/core/scheduling/timeline';
import { edited, fixtureText, readMarkdownPlan } from '../markdown-plan';

const HEALTHY = fixtureText('maps/healthy');

test('every step on its date, with its status, signal and side; the original date only where the step moved', () => {
  const start = readMarkdownPlan(HEALTHY, '2026-03-02');
  let history = startHistory(start, '2026-03-02', 'hand');
  // The security review slipped a week; the pilot setup is reported "with Globex", which is no status.
  const later = edited(
    HEALTHY,
    ['| Mar 20, 2026 | In progress | 2 |', '| Mar 27, 2026 | In progress | 2 |'],
    ['| Mar 13, 2026 | In progress | 1 |', '| Mar 13, 2026 | with Globex | 1 |'],
  );
  const plan = readMarkdownPlan(later, '2026-03-16', history);
  history = observe(history, plan, '2026-03-16', 'hand').history;

  const timeline = planTimeline(plan, history, '2026-03-16');
  expect(timeline).toMatchObject({ today: '2026-03-16', evaluationStart: '2026-03-02', decisionTarget: '2026-04-24', goLiveTarget: '2026-05-01' });
  expect(timeline.steps.slice(0, 5)).toEqual([
    { number: 1, label: '1', action: 'Technical deep-dive with Globex engineering', status: 'complete', signal: null, due: '2026-03-06', baselineDue: null, side: 'both' },
    { number: 2, label: '2', action: 'Security questionnaire sent to Globex IT', status: 'complete', signal: null, due: '2026-03-06', baselineDue: null, side: 'ours' },
    { number: 3, label: '3', action: 'Security questionnaire review', status: 'in_progress', signal: null, due: '2026-03-27', baselineDue: '2026-03-20', side: 'theirs' },
    { number: 4, label: '4', action: 'Pilot setup in the NetSuite sandbox', status: 'unknown', signal: 'overdue', due: '2026-03-13', baselineDue: null, side: 'ours' },
    { number: 5, label: '5', action: 'Pilot results review against the success criteria', status: 'pending', signal: null, due: '2026-03-27', baselineDue: null, side: 'both' },
  ]);
  expect(timeline.steps).toHaveLength(11);
  // Due within 5 working days and not started: at risk.
  expect(planTimeline(plan, history, '2026-03-23').steps[4]).toMatchObject({ number: 5, signal: 'at-risk' });
});

test('without a history, or with key dates missing, nothing is invented', () => {
  const plan = readMarkdownPlan(fixtureText('maps/no-key-dates'), '2026-11-27');
  const timeline = planTimeline(plan, null, '2026-11-27');
  expect(timeline).toMatchObject({ evaluationStart: null, decisionTarget: null, goLiveTarget: null });
  expect(timeline.steps.every((s) => s.baselineDue === null)).toBe(true);
});
