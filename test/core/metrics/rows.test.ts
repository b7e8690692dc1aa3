// The rows a plan exports: the Deals row's counts and dates, the Steps rows with their kinds and on-time status, the Slips rows.
import { DEFAULT_DEAL } from './fixtures';
import { completedOnTime } from '../../../src/core/history/history';
import { DEALS, SLIPS, STEPS } from '../../../src/core/metrics/layout';
import { planRows } from '../../../src/core/metrics/rows';
import { edited, fixtureText, historyOfVersions, readMarkdownPlan } from '../markdown-plan';

const STANDARD = fixtureText('inserted/standard-en_US');

/** The standard plan read on Dec 1, then: security slips a week by hand and the deep-dive is done early; later the pilot slips twice. */
function slippedPlan() {
  const v1 = edited(
    STANDARD,
    ['| Security questionnaire review | Acme sends, Globex IT reviews | Dec 25, 2026 | Pending |', '| Security questionnaire review | Acme sends, Globex IT reviews | Jan 1, 2027 | In progress |'],
    ['| Technical deep-dive with engineering | Both | Dec 18, 2026 | Pending |', '| Technical deep-dive with engineering | Both | Dec 18, 2026 | Complete |'],
  );
  const v2 = edited(v1, ['| Pilot/POC setup (if applicable) | Acme | Dec 25, 2026 | Pending |', '| Pilot/POC setup (if applicable) | Acme | Dec 30, 2026 | Pending |']);
  const v3 = edited(v2, ['| Pilot/POC setup (if applicable) | Acme | Dec 30, 2026 | Pending |', '| Pilot/POC setup (if applicable) | Acme | Jan 6, 2027 | Complete |']);
  return { latest: v3, ...historyOfVersions(STANDARD, '2026-12-01', [
    ['2026-12-10', v1],
    ['2026-12-20', v2],
    ['2027-01-07', v3],
  ]) };
}

test('a Deals row: keys, link, deal facts, key dates, counts and slips', () => {
  const { plan, history } = slippedPlan();
  const rows = planRows({ documentId: 'doc-1', url: 'https://docs.google.com/document/d/doc-1/edit', plan, history, deal: DEFAULT_DEAL, today: '2027-01-08' });
  expect(rows.deal).toMatchObject({
    documentId: 'doc-1',
    plan: { text: 'Mutual Action Plan: Acme + Globex', url: 'https://docs.google.com/document/d/doc-1/edit' },
    theirCompany: 'Globex',
    value: 85000,
    currency: 'USD',
    planStarted: { date: '2026-12-01' },
    evaluationStart: { date: '2026-12-07' },
    decisionTargetFirst: { date: '2027-02-12' },
    decisionTarget: { date: '2027-02-12' },
    stepsTotal: 11,
    stepsComplete: 2,
    slips: 3,
    outcome: 'open',
    closedOn: null,
  });
  // Due so far on Jan 8: deep-dive (done on time), security (first due Dec 25, open), pilot setup (done Jan 7, first due Dec 25).
  expect(rows.deal).toMatchObject({ stepsDue: 3, stepsOnTime: 1, stepsOverdue: 1 });
  const rate = completedOnTime(history, '2027-01-08');
  expect(rows.deal.completionRate).toBeCloseTo(rate.rate ?? NaN);
  // Working days: security Dec 25 → Jan 1 is 5, pilot Dec 25 → Jan 6 is 8.
  expect(rows.deal.slipDays).toBe(13);
  for (const id of Object.keys(rows.deal)) expect(DEALS.columns.some((c) => c.id === id && c.owner === 'export')).toBe(true);
});

test('Steps rows: one per step, with kind, owner side, first and current dates and on time', () => {
  const { plan, history } = slippedPlan();
  const { steps } = planRows({ documentId: 'doc-1', url: 'u', plan, history, deal: DEFAULT_DEAL, today: '2027-01-08' });
  expect(steps).toHaveLength(11);
  expect(steps.slice(0, 3)).toEqual([
    expect.objectContaining({ number: '1', action: 'Technical deep-dive with engineering', kind: 'Technical validation', ownerSide: 'Both', status: 'Complete', onTime: 'yes', completedOn: { date: '2026-12-10' }, slips: 0 }),
    expect.objectContaining({ number: '2', kind: 'Security review', baselineDue: { date: '2026-12-25' }, currentDue: { date: '2027-01-01' }, slips: 1, daysSlipped: 5, status: 'In progress', onTime: 'no' }),
    expect.objectContaining({ number: '3', kind: 'Pilot / POC', ownerSide: 'Seller', slips: 2, daysSlipped: 8, onTime: 'no', completedOn: { date: '2027-01-07' } }),
  ]);
  expect(steps[10]).toMatchObject({ kind: 'Onboarding and go-live', onTime: 'open', status: 'Pending' });
  for (const row of steps) expect(Object.keys(row).every((id) => STEPS.columns.some((c) => c.id === id && c.owner === 'export'))).toBe(true);
});

test('Slips rows: each move later, with working days and cause; a move earlier is no slip', () => {
  const { plan, history } = slippedPlan();
  const { slips } = planRows({ documentId: 'doc-1', url: 'u', plan, history, deal: DEFAULT_DEAL, today: '2027-01-08' });
  expect(slips.map((s) => [s.action, s.from, s.to, s.workingDays, s.recordedOn, s.cause])).toEqual([
    ['Security questionnaire review', { date: '2026-12-25' }, { date: '2027-01-01' }, 5, { date: '2026-12-10' }, 'edit by hand'],
    ['Pilot/POC setup (if applicable)', { date: '2026-12-25' }, { date: '2026-12-30' }, 3, { date: '2026-12-20' }, 'edit by hand'],
    ['Pilot/POC setup (if applicable)', { date: '2026-12-30' }, { date: '2027-01-06' }, 5, { date: '2027-01-07' }, 'edit by hand'],
  ]);
  expect(new Set(slips.map((s) => s.slipId)).size).toBe(3);
  for (const row of slips) expect(Object.keys(row).every((id) => SLIPS.columns.some((c) => c.id === id && c.owner === 'export'))).toBe(true);
});

test('a removed step keeps a Steps row marked Removed, and its slips still count', () => {
  const { history, latest } = slippedPlan();
  // The latest version without step 3 (from the inserted plan, step 2's slip would be undone: no slip).
  const without = edited(latest, ['| 3 | Pilot/POC setup (if applicable) | Acme | Jan 6, 2027 | Complete | 1 |\n', '']);
  const plan = readMarkdownPlan(without, '2027-01-09', history);
  const rows = planRows({ documentId: 'd', url: 'u', plan, history, deal: DEFAULT_DEAL, today: '2027-01-09' });
  const removed = rows.steps.filter((s) => s.status === 'Removed');
  expect(removed).toHaveLength(1);
  expect(removed[0]).toMatchObject({ action: 'Pilot/POC setup (if applicable)', slips: 2, onTime: null });
  expect(rows.deal.stepsTotal).toBe(10);
  expect(rows.deal.slips).toBe(3);
});

test('a plan with no history yet is its own baseline: no slips, nothing late that was not already due', () => {
  const { plan } = historyOfVersions(STANDARD, '2026-12-01', []);
  const rows = planRows({ documentId: 'd', url: 'u', plan, history: null, deal: { ...DEFAULT_DEAL, outcome: 'won', closedOn: '2027-02-20' }, today: '2026-12-01' });
  expect(rows.deal).toMatchObject({ planStarted: { date: '2026-12-01' }, slips: 0, slipDays: 0, stepsDue: 0, completionRate: null, outcome: 'won', closedOn: { date: '2027-02-20' }, closeVsTarget: 8 });
  expect(rows.slips).toEqual([]);
});

test('text from the document stays a string (the writers keep it text), whatever it starts with', () => {
  const hostile = edited(STANDARD, ['| Technical deep-dive with engineering |', '| =IMPORTXML("http://x") |'], ['| Acme CS team |', '| @sum |']);
  const { plan, history } = historyOfVersions(hostile, '2026-12-01', []);
  const { steps } = planRows({ documentId: 'd', url: 'u', plan, history, deal: DEFAULT_DEAL, today: '2026-12-01' });
  expect(steps[0]?.action).toBe('=IMPORTXML("http://x")');
  expect(steps[10]?.owner).toBe('@sum');
});
