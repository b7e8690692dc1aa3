/** The shift preview's first line (rule 9: key dates first), its warnings, and dates to check first, on plans read from documents. */
import { WORKING_DAYS } from '../../../src/core/scheduling/calendar';
import { shiftDownstream } from '../../../src/core/scheduling/schedule';
import { numberList, shiftSummary, shiftWarnings } from '../../../src/core/scheduling/shift-summary';
import { includedSteps, keyDateRules, scheduleSteps, stepsToCheck, DEFAULT_SHIFT_OPTIONS } from '../../../src/core/scheduling/shift-request';
import type { ParsedPlan } from '../../../src/core/reading/parsed-plan';
import { fixtureText, readMarkdownPlan } from '../markdown-plan';

const write = (iso: string) => iso;
const standard = (): ParsedPlan => readMarkdownPlan(fixtureText('inserted/standard-en_US'), '2026-11-27');

function shiftStep(plan: ParsedPlan, number: number, to: string, options: Partial<typeof DEFAULT_SHIFT_OPTIONS> = {}) {
  const o = { ...DEFAULT_SHIFT_OPTIONS, ...options };
  const step = plan.steps.find((s) => s.number === number)!;
  const included = includedSteps(plan, o.include);
  if (!included.ok) throw new Error(included.message);
  return shiftDownstream({ steps: scheduleSteps(plan, included.keys), moves: [{ key: step.key, to }], keyDates: keyDateRules(plan, o), calendar: WORKING_DAYS, today: '2026-11-27' });
}

describe('the first line of the preview', () => {
  test('the signature step still fits before the decision target: the target stays, and the first line says so', () => {
    // Step 9 (redlines) moves two working days later, and signature with it to Feb 16: the Feb 26 target still holds.
    const plan = standard();
    plan.keyDates.decisionTarget = { ...plan.keyDates.decisionTarget!, date: '2027-02-26' };
    const result = shiftStep(plan, 9, '2027-02-09');
    expect(result.keyDates.decisionTarget).toMatchObject({ moved: false, stepMoved: true, stepDate: '2027-02-16' });
    expect(shiftSummary(result, write, WORKING_DAYS)).toBe(
      'The decision target stays 2027-02-26: step 10 (Contract signature) still lands on or before it (2027-02-16). ' +
        'The go-live target moves from 2027-02-19 to 2027-02-23: step 11 (Onboarding kickoff) now lands 2 working days after it. 3 steps move.',
    );
  });

  test('the steps overrun it: the target moves by the overrun only', () => {
    const result = shiftStep(standard(), 9, '2027-02-09');
    expect(result.keyDates.decisionTarget).toMatchObject({ from: '2027-02-12', to: '2027-02-16', overrunBy: 2 });
    expect(shiftSummary(result, write, WORKING_DAYS)).toMatch(/^The decision target moves from 2027-02-12 to 2027-02-16: step 10 \(Contract signature\) now lands 2 working days after it\./);
  });

  test('"held" only when the person held it', () => {
    const held = shiftStep(standard(), 9, '2027-02-09', { holdDecisionTarget: true });
    expect(shiftSummary(held, write, WORKING_DAYS)).toMatch(/^The decision target 2027-02-12 is held, and not realistic: 2 working days late\./);
    // Not held, but its step is overdue (today after the step's date): not realistic, never "held".
    const plan = standard();
    const overdue = shiftDownstream({ steps: scheduleSteps(plan), moves: [], keyDates: keyDateRules(plan, DEFAULT_SHIFT_OPTIONS), today: '2027-03-01' });
    expect(shiftSummary(overdue, write, WORKING_DAYS)).not.toContain('held');
    expect(shiftSummary(overdue, write, WORKING_DAYS)).toMatch(/^The decision target 2027-02-12 is not realistic/);
  });
});

describe('warnings before anything is written', () => {
  test('a move larger than the whole plan, and steps pushed past the go-live target', () => {
    const plan = standard();
    const result = shiftStep(plan, 2, '2027-12-24');
    const dated = plan.steps.flatMap((s) => (s.due ? [s.due] : []));
    expect(shiftWarnings(result.changes, dated, '2027-02-19', write)).toEqual([
      'Steps 2, 8-11 move by more than the whole plan spans (63 days, 2026-12-18 to 2027-02-19): check the new date before applying.',
      'Steps 2, 8-11 now land after the go-live target (2027-02-19).',
    ]);
    // A week's slip: nothing out of scale, but onboarding now lands after go-live.
    expect(shiftWarnings(shiftStep(plan, 2, '2026-12-31').changes, dated, '2027-02-19', write)).toEqual(['Step 11 now lands after the go-live target (2027-02-19).']);
    expect(shiftWarnings(shiftStep(plan, 4, '2027-01-07').changes, dated, '2027-02-19', write)).toEqual([]);
  });

  test('step numbers read as a person writes them', () => {
    expect(numberList([11, 2, 8, 9, 10, 4, 5])).toBe('2, 4, 5, 8-11');
  });
});

describe('a date far outside the plan is checked first, not shifted', () => {
  test('left out of the shift (never written, never driving later steps) until the person includes it', () => {
    const plan = standard();
    const typo = plan.steps.find((s) => s.number === 9)!;
    Object.assign(typo, { due: '2097-02-05', dueText: 'Feb 5, 2097', dueImplausible: true });
    expect(stepsToCheck(plan).map((s) => s.number)).toEqual([9]);
    const result = shiftStep(plan, 8, '2027-02-05');
    expect(result.changes.map((c) => c.number)).toEqual([8, 10, 11]);
    expect(result.undated.map((u) => u.number)).toEqual([9]);
    // Included: it is shifted like any other step (and the warning goes), typo year and all.
    expect(stepsToCheck(plan, new Set([typo.key]))).toEqual([]);
    const included = shiftStep(plan, 8, '2027-02-05', { include: ['9'] });
    expect(included.changes.find((c) => c.number === 9)).toMatchObject({ from: '2097-02-05', to: '2097-02-12' });
  });
});

describe('including a step by its number as the plan writes it', () => {
  const numbered = (): ParsedPlan => readMarkdownPlan(fixtureText('reading/numbering-as-written'), '2026-11-27');
  const keysOf = (plan: ParsedPlan, include: string[]): string[] => {
    const found = includedSteps(plan, include);
    if (!found.ok) throw new Error(found.message);
    return plan.steps.filter((s) => found.keys.has(s.key)).map((s) => s.label);
  };

  test('"5a" is step 5a and never 5; "2.1", "step 3b", "#5A" and a key find theirs', () => {
    const plan = numbered();
    expect(keysOf(plan, ['5a'])).toEqual(['5a']);
    expect(keysOf(plan, ['5'])).toEqual(['5']);
    expect(keysOf(plan, ['2.1', 'step 3b', '#5A'])).toEqual(['2.1', '3b', '5a']);
    expect(keysOf(plan, [plan.steps[1]!.key])).toEqual(['2']);
  });

  test('a number no step has is refused with the numbers there are; one two rows share, with why', () => {
    const plan = numbered();
    expect(includedSteps(plan, ['5c'])).toEqual({ ok: false, message: 'There is no step 5c to include. The steps are numbered 1, 2, 2.1, 3, 3b, 5, 5a and 6.' });
    expect(includedSteps(plan, ['6'])).toEqual({
      ok: false,
      message: '2 steps are numbered 6, so "include 6" could mean either: renumber them, or correct the date in the document.',
    });
  });

  test('an included "5a" with a typo year is shifted; step 5 beside it is not confused with it', () => {
    const plan = numbered();
    const typo = plan.steps.find((s) => s.label === '5a')!;
    Object.assign(typo, { due: '2099-01-08', dueText: 'Jan 8, 2099', dueImplausible: true });
    expect(stepsToCheck(plan).map((s) => s.label)).toEqual(['5a']);
    const result = shiftStep(plan, 3, '2026-12-23', { include: ['5a'] });
    expect(result.changes.find((c) => c.key === typo.key)).toMatchObject({ from: '2099-01-08', to: '2099-01-15' });
  });
});
