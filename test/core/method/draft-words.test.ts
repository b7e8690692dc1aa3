// The inserted plan's words fitted to the deal: the problem typed into the Insert form as a phrase of the goal, and the quarter planning the plan's dates run into.
import { problemPhrase, quarterPlanning } from '../../../src/core/method/draft-words';

test.each([
  ['Month-end close takes 12 days.', 'month-end close takes 12 days', 'because month-end close takes 12 days'],
  ['They want to cut month-end close from 12 days to 5.', 'cut month-end close from 12 days to 5', 'to cut month-end close from 12 days to 5'],
  ['To reduce invoice approval time', 'reduce invoice approval time', 'to reduce invoice approval time'],
  ['Slow invoice approvals', 'slow invoice approvals', 'to address slow invoice approvals'],
  ['The problem is that reporting is manual!', 'reporting is manual', 'because reporting is manual'],
  ['Globex wants to replace spreadsheets', 'replace spreadsheets', 'to replace spreadsheets'],
  ['AP team spends 3 days a month on matching', 'AP team spends 3 days a month on matching', 'because AP team spends 3 days a month on matching'],
  ['NetSuite reports take a week', 'NetSuite reports take a week', 'because NetSuite reports take a week'],
  ['Google Sheets cannot scale past 10 users', 'Google Sheets cannot scale past 10 users', 'because Google Sheets cannot scale past 10 users'],
  ['  help them automate   renewals.  ', 'automate renewals', 'to automate renewals'],
])('"%s" reads "%s" ("%s")', (typed, phrase, inGoal) => {
  expect(problemPhrase(typed, ['Globex', 'Acme', 'Acme Close'])).toEqual({ phrase, inGoal });
});

test('a company name at the start keeps its capital', () => {
  expect(problemPhrase('Globex finance closes the books in 12 days', ['Globex']).phrase).toBe('Globex finance closes the books in 12 days');
});

test.each([
  ['2026-12-07', '2027-04-16', 'year-end and Q1 planning'],
  ['2026-03-02', '2026-05-01', 'Q2 planning'],
  ['2026-06-15', '2026-09-30', 'Q3 planning'],
  ['2026-08-03', '2026-10-30', 'Q4 planning'],
  ['2026-01-05', '2026-03-20', 'Q1 quarter-end close'],
])('a plan from %s to %s runs into %s', (start, end, words) => {
  expect(quarterPlanning(start, end)).toBe(words);
});
