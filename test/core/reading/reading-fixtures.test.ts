// Plans written the way other people write them (test/fixtures/reading): each read back as the seller and the prospect meant it, by hand-written expectations.
import { checkHealth, type DealFacts } from '../../../src/core/method/health';
import { formatDueDate } from '../../../src/core/reading/cell-dates';
import type { ParsedPlan } from '../../../src/core/reading/parsed-plan';
import { edited, fixtureText, readMarkdownPlan } from '../markdown-plan';

const TODAY = '2026-11-27';
const NO_DEAL: DealFacts = { stage: null, annualContractValue: null, dealType: null };
const read = (name: string): ParsedPlan => readMarkdownPlan(fixtureText(`reading/${name}`), TODAY);

/** A step as the Shift list shows it: label, action, owner, side, due, status, phase. */
const steps = (plan: ParsedPlan): (string | null)[][] => plan.steps.map((s) => [s.label, s.action, s.owner, s.side, s.due, s.status, s.phase]);
/** Each step's links, by label. */
const links = (plan: ParsedPlan): Record<string, string[]> => {
  const label = new Map(plan.steps.map((s) => [s.key, s.label]));
  return Object.fromEntries(plan.steps.map((s) => [s.label, s.dependsOn.map((k) => label.get(k) ?? '?')]));
};
const messages = (plan: ParsedPlan): string[] => plan.diagnostics.map((d) => d.message);

describe('a plan split over one table per phase', () => {
  test('numbers continue: one plan in document order, "Step" beside "#" is the action, "Status / notes" the status', () => {
    const plan = read('phase-tables-continue');
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff call with the evaluation team', 'Both', 'both', '2026-11-30', 'complete', 'Phase 1: Evaluation'],
      ['2', 'Security questionnaire review', 'Globex IT', 'theirs', '2026-12-11', 'in_progress', 'Phase 1: Evaluation'],
      ['3', 'Pilot on Globex data', 'Acme CS', 'ours', '2026-12-18', 'pending', 'Phase 1: Evaluation'],
      ['4', 'Pricing proposal', 'Acme', 'ours', '2027-01-08', 'pending', 'Phase 2: Commercials'],
      ['5', 'Legal redlines', 'Brightline legal', 'theirs', '2027-01-20', 'pending', 'Phase 2: Commercials'],
      ['6', 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-01-29', 'pending', 'Phase 2: Commercials'],
    ]);
    // Dependencies reach across tables; each step's cells are in its own table.
    expect(links(plan)).toEqual({ 1: [], 2: ['1'], 3: ['1'], 4: ['3'], 5: ['2', '4'], 6: ['5'] });
    expect(plan.steps.map((s) => s.cells.due?.tableIndex)).toEqual([8, 8, 8, 10, 10, 10]);
    expect(plan.stepsTables.map((t) => [t.index, t.phase])).toEqual([[8, 'Phase 1: Evaluation'], [10, 'Phase 2: Commercials']]);
    expect(plan.stepsTable?.index).toBe(8);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, owner: 2, due: 3, status: 4, dependsOn: 5 });
    expect(plan.diagnostics).toEqual([]);
  });

  test('numbers restart per table: labels carry the phase ("2.1"), "Depends on 1" means this table\'s step 1, "1.3" reaches back', () => {
    const plan = read('phase-tables-restart');
    expect(steps(plan)).toEqual([
      ['1.1', 'Discovery workshop', 'Both', 'both', '2026-12-02', 'complete', 'Phase 1: Evaluation'],
      ['1.2', 'Technical validation', 'Globex IT', 'theirs', '2026-12-16', 'in_progress', 'Phase 1: Evaluation'],
      ['1.3', 'Business case sign-off', 'Globex finance', 'theirs', '2027-01-06', 'pending', 'Phase 1: Evaluation'],
      ['2.1', 'Proposal and pricing', 'Acme AE', 'ours', '2027-01-13', 'pending', 'Phase 2: Commercials'],
      ['2.2', 'Procurement review', 'Globex procurement', 'theirs', '2027-01-27', 'pending', 'Phase 2: Commercials'],
      ['2.3', 'Signature', 'Globex CFO', 'theirs', '2027-02-05', 'pending', 'Phase 2: Commercials'],
    ]);
    expect(plan.steps.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(links(plan)).toEqual({ '1.1': [], '1.2': [], '1.3': ['1.2'], '2.1': ['1.3'], '2.2': ['2.1'], '2.3': ['2.2'] });
    // "Step" holding numbers is the number column; "Deliverable" the action; "Current status" the status.
    expect(plan.stepsTables.map((t) => t.columns)).toEqual([
      { number: 0, action: 1, owner: 2, due: 3, status: 4, dependsOn: 5 },
      { number: 0, action: 1, owner: 2, due: 3, status: 4, dependsOn: 5 },
    ]);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('a phase or milestone column beside the task', () => {
  test('Milestone + Task: the task is the step, the milestone its phase (written once per group)', () => {
    const plan = read('milestone-task');
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff with stakeholders', 'Both', 'both', '2026-12-01', 'complete', 'Evaluation'],
      ['2', 'Data connection test', 'Globex IT', 'theirs', '2026-12-09', 'in_progress', 'Evaluation'],
      ['3', 'Pilot readout', 'Acme CS', 'ours', '2026-12-18', 'pending', 'Validation'],
      ['4', 'Security review', 'Globex security', 'theirs', '2027-01-06', 'in_progress', 'Validation'],
      ['5', 'Order form signed', 'Dana Ruiz', 'unknown', '2027-01-22', 'pending', 'Contracting'],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ phase: 0, action: 1, owner: 2, due: 3, status: 4 });
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-01-22');
    expect(plan.diagnostics).toEqual([]);
  });

  test('Workstream + Action item, "Status & comments": the workstream is the phase', () => {
    const plan = read('phase-column');
    expect(steps(plan)).toEqual([
      ['1', 'Sandbox access', 'Acme', 'ours', '2026-12-03', 'complete', 'Technical'],
      ['2', 'Integration test', 'Globex IT', 'theirs', '2026-12-15', 'in_progress', 'Technical'],
      ['3', 'Pricing proposal', 'Acme', 'ours', '2026-12-17', 'pending', 'Commercial'],
      ['4', 'Budget approval', 'Globex finance', 'theirs', '2027-01-12', 'blocked', 'Commercial'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('an owner column per side', () => {
  test('"Seller owner" + "Buyer owner": both read; the side is both, one, or unknown; "—", "n/a", "None", "-" name nobody', () => {
    const plan = read('split-owners-seller-buyer');
    expect(plan.steps.map((s) => [s.label, s.owner, s.side, s.sideOwners])).toEqual([
      ['1', 'Sam Patel (Acme Analytics) / Dana Ruiz (Globex)', 'both', { ours: 'Sam Patel', theirs: 'Dana Ruiz' }],
      ['2', 'Lee Chen (Globex)', 'theirs', { ours: '', theirs: 'Lee Chen' }],
      ['3', 'Sam Patel (Acme Analytics)', 'ours', { ours: 'Sam Patel', theirs: '' }],
      ['4', '', 'unknown', { ours: '', theirs: '' }],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, ownerOurs: 2, ownerTheirs: 3, due: 4, status: 5 });
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Owner (Customer)" before "Owner (Your Company)": each read as its side', () => {
    const plan = read('split-owners-customer-company');
    expect(plan.steps.map((s) => [s.action, s.owner, s.side, s.sideOwners])).toEqual([
      ['Share current reporting samples', 'Dana Ruiz (Globex)', 'theirs', { ours: '', theirs: 'Dana Ruiz' }],
      ['Build the pilot dashboards', 'Priya Shah (Acme Analytics)', 'ours', { ours: 'Priya Shah', theirs: '' }],
      ['Pilot review meeting', 'Priya Shah (Acme Analytics) / Dana Ruiz, Lee Chen (Globex)', 'both', { ours: 'Priya Shah', theirs: 'Dana Ruiz, Lee Chen' }],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ action: 0, ownerTheirs: 1, ownerOurs: 2, due: 3, status: 4 });
  });

  test('"Vendor owner" + "Client owner": a cell that names its company is not repeated', () => {
    const plan = read('split-owners-vendor-client');
    expect(plan.steps.map((s) => [s.label, s.owner, s.side])).toEqual([
      ['1', 'Sam Patel (Acme Analytics)', 'ours'],
      ['2', 'Globex security team', 'theirs'],
      ['3', 'Acme legal / Globex legal', 'both'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: ['1'], 3: ['2'] });
  });
});

describe('step numbers as people write them', () => {
  test('"2.1", "3b", "5a" are labels; a dependency names them; a number used twice is flagged', () => {
    const plan = read('numbering-as-written');
    expect(plan.steps.map((s) => [s.label, s.number, s.action])).toEqual([
      ['1', 1, 'Kickoff'],
      ['2', 2, 'Security review'],
      ['2.1', 2, 'Pen test report'],
      ['3', 3, 'Pilot'],
      ['3b', 3, 'Pilot readout'],
      ['5', 5, 'Pricing proposal'],
      ['5a', 5, 'Discount approval'],
      ['6', 6, 'Contract signature'],
      ['6', 6, 'Order form countersigned'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: ['1'], 2.1: ['2'], 3: ['2.1'], '3b': ['3'], 5: ['3b'], '5a': ['5'], 6: ['5a'] });
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(9);
    expect(messages(plan)).toEqual([
      'Steps table, rows 8 and 9 are both numbered 6. Renumber the steps so that each number is used once; until then "Depends on 6" cannot tell them apart.',
    ]);
  });
});

describe('dates far outside the plan', () => {
  test('1900, 2099 and a typo year are flagged on their cells; a date a year out is not', () => {
    const plan = read('implausible-dates');
    expect(plan.steps.map((s) => [s.label, s.due, s.dueImplausible])).toEqual([
      ['1', '2026-12-01', false],
      ['2', '2062-12-09', true],
      ['3', '2026-12-16', false],
      ['4', '1900-01-05', true],
      ['5', '2099-01-15', true],
      ['6', '2028-03-01', false],
    ]);
    expect(plan.diagnostics.map((d) => [d.where, d.cell])).toEqual([
      ['Steps table, row 2, Due date', { tableIndex: 2, row: 2, column: 3 }],
      ['Steps table, row 4, Due date', { tableIndex: 2, row: 4, column: 3 }],
      ['Steps table, row 5, Due date', { tableIndex: 2, row: 5, column: 3 }],
    ]);
    expect(messages(plan)[0]).toBe(
      'Steps table, row 2, Due date: "Dec 9, 2062" is 2062, years away from the plan\'s other dates (around Dec 2026); check the year. Until it is corrected, a shift leaves this step alone.',
    );
  });
});

describe('nothing to read', () => {
  test('no steps table: the error says what was looked for and what the tables hold', () => {
    const plan = read('no-steps');
    expect(plan.steps).toEqual([]);
    expect(plan.stepsTables).toEqual([]);
    expect(plan.diagnostics.map((d) => [d.severity, d.where])).toEqual([['error', 'Steps table']]);
    expect(messages(plan)[0]).toContain('No Steps table was found.');
    expect(messages(plan)[0]).toContain('The one table here has the header row "Tier | Seats | Price", which names no action column.');
  });
});

/** Each key date as read: its date, its value as written, and where that value starts in its paragraph. */
const keyDates = (plan: ParsedPlan): Record<string, [string | null, string, number] | null> =>
  Object.fromEntries(Object.entries(plan.keyDates).map(([name, k]) => [name, k && [k.date, k.valueText, k.valueOffset]]));

describe('key dates as people write them', () => {
  test('several labelled dates in one paragraph, separated by "·": each label its own date and place', () => {
    const plan = read('key-dates-one-paragraph');
    const text = 'Evaluation start: Nov 16, 2026 · Decision target: Jan 15, 2027 · Go-live target: Mar 1, 2027';
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-11-16', 'Nov 16, 2026', 18],
      decisionTarget: ['2027-01-15', 'Jan 15, 2027', 50],
      goLiveTarget: ['2027-03-01', 'Mar 1, 2027', 81],
    });
    for (const k of Object.values(plan.keyDates)) expect(k && text.slice(k.valueOffset, k.valueOffset + k.valueText.length)).toBe(k?.valueText);
    expect(plan.diagnostics).toEqual([]);
  });

  test('a soft line break and "|" between labels; "Kickoff", "Decision date", "Target go-live date" are key-date labels', () => {
    const plan = read('key-dates-soft-break');
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-11-16', 'Nov 16, 2026', 9],
      decisionTarget: ['2027-01-15', 'Jan 15, 2027', 37],
      goLiveTarget: ['2027-03-01', 'March 1, 2027', 73],
    });
    expect(plan.keyDates.goLiveTarget?.text).toBe('Kickoff: Nov 16, 2026\rDecision date: Jan 15, 2027 | Target go-live date: March 1, 2027');
  });

  test('bold labels without a Key dates heading: "Target signature date", "Target Go-Live Date"', () => {
    const plan = read('key-dates-bold');
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-11-16', 'Nov 16, 2026', 9],
      decisionTarget: ['2027-01-29', 'Jan 29, 2027', 23],
      goLiveTarget: ['2027-03-03', 'March 3, 2027', 21],
    });
    expect(plan.diagnostics).toEqual([]);
  });

  test('a "Key dates" table (Milestone | Date) holds key dates, not steps; each date keeps its cell', () => {
    const plan = read('key-dates-table');
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-11-16', 'Nov 16, 2026', 0],
      decisionTarget: ['2027-01-22', 'Jan 22, 2027', 0],
      goLiveTarget: ['2027-03-01', 'Mar 1, 2027', 0],
    });
    expect(plan.keyDates.decisionTarget?.cell).toEqual({ tableIndex: 2, row: 2, column: 1 });
    expect(plan.steps.map((s) => s.action)).toEqual(['Kickoff', 'Contract signature', 'Go-live']);
    expect(plan.stepsTable?.index).toBe(4);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('the plan\'s lines about itself', () => {
  test('a Changes section is no part of the plan; "Agreed by" and "Holidays" lines are read', () => {
    const plan = read('changes-and-agreement');
    expect(steps(plan).map((s) => s[1])).toEqual(['Kickoff', 'Security review', 'Contract signature']);
    expect(plan.stepsTables.map((t) => t.index)).toEqual([6]);
    // "Decision target: Jan 22, 2027" in the change log is history, not the target.
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-01-29');
    expect(plan.agreement).toEqual({ text: 'Agreed by: Dana Lee, VP Finance, Globex, Dec 8, 2026', name: 'Dana Lee', company: 'Globex', date: '2026-12-08', paragraphIndex: 7 });
    expect(plan.holidays).toEqual(['2026-12-24', '2026-12-25', '2026-12-26', '2026-12-31', '2027-01-01']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('the template\'s placeholder "Approved by" line is no agreement yet; "Non-working days" with numeric dates; a "Change log" heading', () => {
    const plan = read('agreement-placeholder');
    expect(plan.agreement).toEqual({ text: 'Approved by: [Name and title], Globex, [date agreed]', name: null, company: 'Globex', date: null, paragraphIndex: 4 });
    expect(plan.holidays).toEqual(['2026-12-24', '2026-12-25', '2027-01-01']);
    expect(plan.steps).toHaveLength(2);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('steps whose dates are not set yet', () => {
  test('an undated first Steps table followed by a phase table: both read, in document order, and the missing dates said', () => {
    const plan = read('undated-first-table-then-phase');
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff with the evaluation team', 'Both', 'both', null, 'pending', null],
      ['2', 'Security questionnaire', 'Globex IT', 'theirs', null, 'pending', null],
      ['3', 'Pilot on Globex data', 'Acme CS', 'ours', null, 'pending', null],
      ['4', 'Pricing proposal', 'Acme', 'ours', '2027-01-08', 'pending', 'Phase 2: Commercials'],
      ['5', 'Legal redlines', 'Globex legal', 'theirs', '2027-01-20', 'pending', 'Phase 2: Commercials'],
      ['6', 'Contract signature', 'Globex CFO', 'theirs', '2027-01-29', 'pending', 'Phase 2: Commercials'],
    ]);
    expect(plan.stepsTables.map((t) => t.index)).toEqual([5, 7]);
    expect(messages(plan)).toEqual([
      "The first Steps table's dates are missing: none of its 3 steps has a due date yet. Write each step's date in the Due date column; until then nothing in it can be shifted or checked for lateness.",
    ]);
  });

  test('a phase of "Kickoff" and "Go/no-go decision" milestones, all TBD, before a dated phase: steps, not key dates', () => {
    const plan = read('undated-milestone-phase-then-dated');
    expect(plan.steps.map((s) => [s.label, s.action, s.due, s.phase])).toEqual([
      ['1', 'Kickoff', null, 'Phase 1: Evaluation'],
      ['2', 'Go/no-go decision', null, 'Phase 1: Evaluation'],
      ['3', 'Contract signature', '2027-02-05', 'Phase 2: Rollout'],
      ['4', 'Go-live', '2027-03-01', 'Phase 2: Rollout'],
    ]);
    expect(plan.keyDates.evaluationStart).toBeNull();
    expect(messages(plan)).toEqual([
      'The Steps table "Phase 1: Evaluation"\'s dates are missing: none of its 2 steps has a due date yet. Write each step\'s date in the Target date column; until then nothing in it can be shifted or checked for lateness.',
    ]);
  });

  test('one table of milestones, every date "TBD", with no heading: it is the plan, and its dates are said to be missing', () => {
    const plan = read('undated-milestones-tbd');
    expect(plan.steps.map((s) => [s.label, s.action, s.due])).toEqual([
      ['1', 'Kickoff', null],
      ['2', 'Technical validation', null],
      ['3', 'Security review', null],
      ['4', 'Contract signature', null],
      ['5', 'Go-live', null],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ action: 0, due: 1 });
    expect(plan.stepsTable?.otherColumns).toEqual(['Notes']);
    expect(messages(plan)).toEqual([
      "The Steps table's dates are missing: none of its 5 steps has a due date yet. Write each step's date in the Target date column; until then nothing in it can be shifted or checked for lateness.",
    ]);
  });

  test('a "Key milestones" table (Milestone | Date) of steps not dated yet, and no other steps table: read as the steps', () => {
    const plan = read('undated-milestones-key-milestones');
    expect(plan.steps.map((s) => [s.action, s.due])).toEqual([
      ['Kickoff', null],
      ['Pilot readout', null],
      ['Business case sign-off', null],
      ['Go-live', null],
    ]);
    expect(plan.keyDates).toEqual({ evaluationStart: null, decisionTarget: null, goLiveTarget: null });
    expect(plan.stakeholders.map((s) => s.name)).toEqual(['Dana Ruiz', 'Sam Patel']);
    expect(messages(plan)).toEqual([
      "The Steps table's dates are missing: none of its 4 steps has a due date yet. Write each step's date in the Date column; until then nothing in it can be shifted or checked for lateness.",
    ]);
  });

  test('a Key dates table of key dates only stays key dates when the plan has no other steps table', () => {
    const plan = readMarkdownPlan(fixtureText('reading/key-dates-table').split('## Steps')[0] ?? '', TODAY);
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-01-22');
    expect(plan.steps).toEqual([]);
    expect(plan.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });
});

describe('stakeholders and risks written as lists, not tables', () => {
  /** A person as the health check sees them: name, title, responsibility, side, email. */
  const people = (plan: ParsedPlan): (string | null)[][] => plan.stakeholders.map((s) => [s.name, s.title, s.responsibility, s.side, s.email]);
  const risks = (plan: ParsedPlan): string[][] => plan.risks.map((r) => [r.risk, r.impact, r.mitigation, r.owner ?? '']);

  test('"Name, Title, Company (role)" bullets; risks with "— mitigation:", "; Mitigation:" and none; each placed at its list item', () => {
    const plan = read('stakeholders-list-commas');
    expect(people(plan)).toEqual([
      ['Dana Ruiz', 'CFO', 'economic buyer', 'theirs', null],
      ['Lee Chen', 'Controller', 'champion', 'theirs', null],
      ['Priya Nair', 'IT Director', '', 'theirs', null],
      ['Sam Patel', 'Account Executive', '', 'ours', null],
    ]);
    expect(risks(plan)).toEqual([
      ['Year-end audit takes IT time', '', 'book the security review early', 'Priya'],
      ['Budget freeze in Q1', '', 'business case signed by the CFO before Dec 31', ''],
      ['Legal redlines drag on', '', '', ''],
    ]);
    // Each person and risk points at its own list item; the parts start at their first item.
    expect(plan.stakeholders.map((s) => [s.cell, s.paragraphIndex])).toEqual([[null, 4], [null, 5], [null, 6], [null, 7]]);
    expect(plan.risks.map((r) => r.paragraphIndex)).toEqual([11, 12, 13]);
    expect(plan.sections).toMatchObject({ stakeholders: 4, risks: 11 });
    expect(plan.listSections).toEqual(['stakeholders', 'risks']);
    // The listed people decide whose steps are whose, as the table's do.
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([['Both', 'both'], ['Lee Chen', 'theirs'], ['Priya Nair', 'theirs'], ['Dana Ruiz', 'theirs']]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Economic buyer: Mei Lin (VP Finance)", "Name (Title, Company): role words" numbered; risks with "→", a nested mitigation and a nested impact', () => {
    const plan = read('stakeholders-list-labels');
    expect(people(plan)).toEqual([
      ['Mei Lin', 'VP Finance', 'Economic buyer', 'theirs', null],
      ['Ravi Patel', 'Head of IT', 'security and SSO sign-off', 'theirs', null],
      ['Jo Kim', 'AP Manager', 'Champion', 'theirs', null],
      ['Alex Moreau', 'Solutions Engineer', 'runs the pilot', 'ours', null],
    ]);
    expect(risks(plan)).toEqual([
      ['SSO set-up needs a change window', '', 'book the February window now', 'Ravi Patel'],
      ['Budget reallocated in the Q1 review', 'high', 'Mei Lin presents the business case before the review', ''],
      ['AP team busy with year-end close', 'pilot results slip a week', '', ''],
    ]);
    // A sentence below the list is no person; the nested items are no risks of their own.
    expect(plan.stakeholders).toHaveLength(4);
    expect(plan.steps.map((s) => s.side)).toEqual(['theirs', 'theirs', 'theirs']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Name – CFO – economic buyer", "Name — Title, Company", person chips then a title under "Who\'s involved"; risks as plain lines under "Potential blockers"', () => {
    const plan = read('stakeholders-list-dashes');
    expect(people(plan)).toEqual([
      ['Omar Haddad', 'CFO', 'economic buyer', 'theirs', null],
      ['Priya Nair', 'Head of Operations', '', 'theirs', null],
      ['Lena Fischer', 'Procurement lead', '', 'theirs', 'lena.fischer@tailspin.com'],
      ['Tom Price', 'Account Executive', '', 'ours', 'tom@fabrikam.com'],
    ]);
    // "Mitigation:" on a line of its own belongs to the risk above it.
    expect(risks(plan)).toEqual([
      ['Security team on holiday from Dec 21', '', 'questionnaire returned before Dec 11', ''],
      ['Procurement needs three quotes', '', '', ''],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('a table and a list in the same part: the table is read, the list beside it left alone', () => {
    const plan = read('stakeholders-table-and-list');
    expect(people(plan)).toEqual([
      ['Dana Ruiz', 'CFO', 'Economic buyer', 'theirs', null],
      ['Sam Patel', 'Account Executive', 'Runs the evaluation', 'ours', null],
    ]);
    expect(risks(plan)).toEqual([['Year-end audit', 'Security review slips', 'Book it early', '']]);
    expect(plan.listSections).toBeUndefined();
    expect(plan.sections).toMatchObject({ stakeholders: 3, risks: 8 });
    // What only the list says is named, so nobody counts on it.
    expect(messages(plan)).toEqual([
      'The Stakeholders part has a table and a list; the add-on reads the table, so Lee Chen (only in the list) is not counted as a stakeholder: not as economic buyer or champion, nor to tell whose steps are whose. Add them to the table to count them.',
      'The Risks part has a table and a list; the add-on reads the table, so "Legal redlines drag on" (only in the list) is not checked for a mitigation. Move it into the table to have it checked.',
    ]);
    expect(plan.diagnostics.map((d) => d.severity)).toEqual(['info', 'info']);
  });

  test('"Lee Chen (Globex Controller) - champion", "Dana Ruiz, CFO at Globex", an address in angle brackets: the same person as in a row', () => {
    const plan = readMarkdownPlan(
      edited(
        fixtureText('reading/stakeholders-list-commas'),
        ['Lee Chen, Controller, Globex (champion)', 'Lee Chen (Globex Controller) - champion'],
        ['Dana Ruiz, CFO, Globex (economic buyer)', 'Dana Ruiz, CFO at Globex'],
        ['Priya Nair, IT Director, Globex', 'Priya Nair \\<priya@globex.com\\>, IT Director'],
      ),
      TODAY,
    );
    expect(people(plan).slice(0, 3)).toEqual([
      ['Dana Ruiz', 'CFO', '', 'theirs', null],
      ['Lee Chen', 'Controller', 'champion', 'theirs', null],
      ['Priya Nair', 'IT Director', '', 'theirs', 'priya@globex.com'],
    ]);
  });

  test('a list repeating the table\'s people says nothing', () => {
    const plan = readMarkdownPlan(edited(fixtureText('reading/stakeholders-table-and-list'), ['* Lee Chen, Controller, Globex (champion)', '* Dana Ruiz, CFO, Globex'], ['* Legal redlines drag on', '* Year-end audit']), TODAY);
    expect(plan.diagnostics).toEqual([]);
  });

  test('people grouped by side (a "Globex" item, an "Acme team" item, a sub-heading), several on one line after "Globex:"; a risk\'s nested "Owner:" and "Likelihood:" items are no mitigation', () => {
    const plan = read('stakeholders-list-by-side');
    expect(people(plan)).toEqual([
      ['Dana Ruiz', 'CFO', '', 'theirs', null],
      ['Lee Chen', 'Controller', 'champion', 'theirs', null],
      ['Sam Patel', 'Account Executive', '', 'ours', null],
      ['Tom Price', 'Procurement lead', '', 'theirs', null],
      ['Mei Lin', 'VP Finance', '', 'theirs', null],
      ['Ravi Patel', 'Head of IT', '', 'theirs', null],
      ['Alex Moreau', 'Solutions Engineer', '', 'ours', null],
    ]);
    // "Note: Sam covers pricing" under the Acme team is no person.
    expect(risks(plan)).toEqual([
      ['Budget freeze', '', '', 'Dana Ruiz'],
      ['Legal redlines drag on', '', 'Lee Chen chases legal weekly', ''],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('two plans in one document', () => {
  test('a plan per product line: the first is read, the second named and not read (its key dates neither)', () => {
    const plan = read('two-plans-per-product-line');
    expect(plan.title).toBe('Mutual Action Plan: Acme Analytics + Globex (Analytics)');
    expect(plan.steps.map((s) => [s.label, s.action, s.due])).toEqual([
      ['1', 'Kickoff', '2026-12-02'],
      ['2', 'Pilot readout', '2026-12-18'],
      ['3', 'Contract signature', '2027-01-29'],
    ]);
    expect(plan.stepsTables.map((t) => t.index)).toEqual([5]);
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-01-29');
    expect(plan.diagnostics.map((d) => [d.severity, d.where, d.text])).toEqual([['warning', 'Second plan', 'Mutual Action Plan: Acme Analytics + Globex (Payments)']]);
    expect(messages(plan)).toEqual([
      'This document holds a second plan, "Mutual Action Plan: Acme Analytics + Globex (Payments)", below the first one ("Mutual Action Plan: Acme Analytics + Globex (Analytics)"). The add-on reads only the first plan: nothing in "Mutual Action Plan: Acme Analytics + Globex (Payments)" is read, shifted, checked or exported. Move it into a document of its own to use the add-on on it.',
    ]);
  });

  test('a plan copied below itself, titled "… MAP" in plain lines: the copy is named, never merged', () => {
    const plan = read('two-plans-copied-below');
    expect(plan.steps.map((s) => [s.label, s.action])).toEqual([
      ['1', 'Security review'],
      ['2', 'Legal redlines'],
      ['3', 'Contract signature'],
    ]);
    expect(plan.stepsTables.map((t) => t.index)).toEqual([2]);
    expect(plan.diagnostics.map((d) => d.text)).toEqual(['Copy of Globex / Acme Analytics MAP']);
  });

  test('a title line above the titled plan, and "Mutual Action Plan" in a risk: one plan, nothing said', () => {
    const plan = read('one-plan-titled-twice');
    expect(plan.title).toBe('Mutual Action Plan: Acme Analytics + Globex');
    expect(plan.steps.map((s) => s.action)).toEqual(['Kickoff', 'Contract signature']);
    expect(plan.risks).toHaveLength(1);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('a title that names the prospect first', () => {
  test('"Globex + Acme Analytics: Mutual Action Plan": the stakeholders\' roles and the owners\' teams say Acme Analytics is ours', () => {
    const plan = read('title-theirs-first-stakeholders');
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Acme CS', 'ours'],
      ['Globex IT', 'theirs'],
      ['Sam Patel', 'ours'],
      ['Dana Ruiz', 'theirs'],
    ]);
    expect(plan.stakeholders.map((s) => [s.name, s.side])).toEqual([
      ['Dana Ruiz', 'theirs'],
      ['Lee Chen', 'theirs'],
      ['Sam Patel', 'ours'],
    ]);
  });

  test('"Globex / Acme MAP", owners only: "Acme AE" and "Acme CS" are ours, Globex security and procurement theirs', () => {
    const plan = read('title-slash-map-owners');
    expect(plan.title).toBe('Globex / Acme MAP');
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Globex security', 'theirs'],
      ['Acme AE', 'ours'],
      ['Globex procurement', 'theirs'],
      ['Acme CS', 'ours'],
    ]);
  });

  test('"Globex x Acme Analytics": the prospect signs the agreement line, so Globex is theirs', () => {
    const plan = read('title-x-agreed-by');
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Both', 'both'],
      ['Acme', 'ours'],
      ['Globex', 'theirs'],
    ]);
    expect(plan.agreement).toMatchObject({ name: 'Dana Ruiz', company: 'Globex', date: '2026-12-08' });
  });

  test('"Acme Analytics <> Globex", ours first and the owners agree: the title\'s order stands', () => {
    const plan = read('title-arrows-ours-first');
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Acme SE', 'ours'],
      ['Globex IT', 'theirs'],
      ['Globex', 'theirs'],
    ]);
  });
});

describe('a completion question or checkbox column', () => {
  test('"Completed?" with Yes / No: yes is complete, no or nothing not done, other words kept with a warning that says what the column takes', () => {
    const plan = read('completed-question-yes-no');
    expect(steps(plan)).toEqual([
      ['1', 'Discovery and demo', 'Both', 'both', '2026-11-20', 'complete', null],
      ['2', 'Security questionnaire', 'Globex IT', 'theirs', '2026-12-04', 'complete', null],
      ['3', 'Pilot on Globex data', 'Acme CS', 'ours', '2026-12-11', 'pending', null],
      ['4', 'Business case to the CFO', 'Globex finance', 'theirs', '2026-12-18', 'in_progress', null],
      ['5', 'Procurement review', 'Globex procurement', 'theirs', '2027-01-08', 'pending', null],
      ['6', 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-01-15', null, null],
    ]);
    // "Responsible party" is the owner, "End date" the due date; "Start date" and "Comments" are kept as extra columns.
    expect(plan.stepsTable?.columns).toEqual({ action: 0, owner: 1, due: 3, status: 4 });
    expect(plan.stepsTable?.otherColumns).toEqual(['Start date', 'Comments']);
    expect(plan.steps.map((s) => s.statusText)).toEqual(['Yes', 'Yes (late)', 'No', 'No - in progress', '', 'Maybe']);
    expect(messages(plan)).toEqual([
      'Steps table, row 6, Completed?: "Maybe" is not a status the add-on knows, so it is kept as written. In this column it understands Yes or No (also Y/N, x, TRUE/FALSE), and Pending, In progress, Complete, Blocked and Not needed.',
    ]);
  });

  test('a "✓" column of TRUE / FALSE / x, then a "Done?" column of Y / N beside "Signed by": one plan, each table by its own header', () => {
    const plan = read('done-checkbox-columns');
    expect(steps(plan).map(([label, action, , , , status]) => [label, action, status])).toEqual([
      ['1', 'Kickoff call', 'complete'],
      ['2', 'Sandbox access', 'complete'],
      ['3', 'Integration test', 'pending'],
      ['4', 'Pilot readout', 'pending'],
      ['5', 'Pricing proposal', 'complete'],
      ['6', 'Order form signed', 'pending'],
      ['7', 'Onboarding kickoff', 'pending'],
    ]);
    // "Signed by" names who signed: an extra column, not a second status.
    expect(plan.stepsTables.map((t) => [t.columns.status, t.otherColumns])).toEqual([[4, []], [4, ['Signed by']]]);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('a title by another name, and key dates beside the steps', () => {
  const dates = (plan: ParsedPlan): (string | null)[] => Object.values(plan.keyDates).map((k) => k?.date ?? null);

  test('"Plan: Acme Analytics + Globex": the title, its companies, and the key dates above and below the steps table', () => {
    const plan = read('title-plan-colon');
    expect(plan.title).toBe('Plan: Acme Analytics + Globex');
    expect(dates(plan)).toEqual(['2026-11-30', '2027-03-01', '2027-04-05']);
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Both', 'both'],
      ['Globex IT', 'theirs'],
      ['Acme CS', 'ours'],
      ['Globex CFO', 'theirs'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Success Plan — Globex / Acme Analytics": a title, not the success criteria; a note "Decision: …" under the steps is no decision target', () => {
    const plan = read('title-success-plan');
    expect(plan.title).toBe('Success Plan — Globex / Acme Analytics');
    expect(dates(plan)).toEqual(['2026-12-01', '2027-02-26', '2027-04-01']);
    expect(plan.keyDates.goLiveTarget?.valueText).toBe('Apr 1, 2027');
    expect(plan.steps.map((s) => [s.action, s.side])).toEqual([
      ['Kickoff', 'both'],
      ['Data connection test', 'theirs'],
      ['Pilot readout', 'ours'],
      ['Order form signed', 'theirs'],
    ]);
    expect(plan.successCriteria).toEqual(['Close in 5 days in the pilot month']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('no title at all, only a "Next steps" heading: the key dates around the table are still read', () => {
    const plan = read('title-next-steps-only');
    expect(plan.title).toBeNull();
    expect(dates(plan)).toEqual([null, '2027-02-19', '2027-03-22']);
    expect(plan.steps.map((s) => s.action)).toEqual(['Send the security pack', 'Security review', 'Pricing proposal', 'Signature']);
    expect(plan.diagnostics).toEqual([]);
  });

  test.each([
    'Acme Analytics | Globex close plan',
    'Mutual plan',
    'Joint plan — Globex and Acme Analytics',
    'Joint Execution Plan',
  ])('"%s" is a title; the key dates are read', (title) => {
    const plan = readMarkdownPlan(edited(fixtureText('reading/title-plan-colon'), ['# Plan: Acme Analytics \\+ Globex', `# ${title}`]), TODAY);
    expect(plan.title).toBe(title);
    expect(dates(plan)).toEqual(['2026-11-30', '2027-03-01', '2027-04-05']);
  });

  test('"Action plan" as the first heading is the Steps part, not a title', () => {
    const plan = readMarkdownPlan(edited(fixtureText('reading/title-plan-colon'), ['# Plan: Acme Analytics \\+ Globex', '# Action plan']), TODAY);
    expect(plan.title).toBeNull();
    expect(dates(plan)).toEqual(['2026-11-30', '2027-03-01', '2027-04-05']);
  });
});

describe('key-date labels people qualify', () => {
  test('"Target start", "Commit date", "Target launch"; "Contract start date" gives way to the plan\'s own decision label', () => {
    const plan = read('key-dates-qualified-labels');
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-11-30', 'Nov 30, 2026', 14],
      decisionTarget: ['2027-02-12', 'Feb 12, 2027', 13],
      goLiveTarget: ['2027-04-05', 'Apr 5, 2027', 15],
    });
    expect(plan.diagnostics).toEqual([]);
  });

  test('without a decision label, "Contract start date" is the date the signature must come before; never the evaluation start', () => {
    const plan = readMarkdownPlan(edited(fixtureText('reading/key-dates-qualified-labels'), ['- Commit date: Feb 12, 2027\n', '']), TODAY);
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-03-01');
    expect(plan.keyDates.decisionTarget?.text).toBe('Contract start date: Mar 1, 2027');
    expect(plan.keyDates.evaluationStart?.date).toBe('2026-11-30');
  });

  test('a Key dates table: "Expected start", "Implementation start" (standing in for the decision), "Desired go-live"', () => {
    const plan = read('key-dates-stand-in-table');
    expect(keyDates(plan)).toEqual({
      evaluationStart: ['2026-12-07', 'Dec 7, 2026', 0],
      decisionTarget: ['2027-03-08', 'Mar 8, 2027', 0],
      goLiveTarget: ['2027-05-03', 'May 3, 2027', 0],
    });
    expect(plan.keyDates.decisionTarget?.cell).toEqual({ tableIndex: 2, row: 2, column: 1 });
    expect(plan.steps).toHaveLength(3);
    expect(plan.diagnostics).toEqual([]);
  });

  test.each([
    ['Desired go-live', 'goLiveTarget'],
    ['Expected go-live', 'goLiveTarget'],
    ['Target launch', 'goLiveTarget'],
    ['Forecast close', 'decisionTarget'],
    ['Forecasted signature date', 'decisionTarget'],
    ['Expected decision', 'decisionTarget'],
    ['Commit date', 'decisionTarget'],
    ['Contract start date', 'decisionTarget'],
    ['Implementation start', 'decisionTarget'],
    ['Planned kickoff', 'evaluationStart'],
    ['Desired start date', 'evaluationStart'],
  ])('"%s: Mar 1, 2027" is the %s', (label, name) => {
    const plan = readMarkdownPlan(`# Acme / Globex MAP\n\n**${label}:** Mar 1, 2027\n\n| **Action** | **Owner** | **Due date** |\n| :---- | :---- | :---- |\n| Kickoff | Both | Feb 1, 2027 |\n`, TODAY);
    expect(Object.entries(plan.keyDates).filter(([, k]) => k !== null).map(([n, k]) => [n, k?.date])).toEqual([[name, '2027-03-01']]);
  });
});

describe('a RAG rating as the status', () => {
  test('"RAG status" alone: green and amber in progress, red blocked, a word beats the colour, an unknown colour kept with a warning', () => {
    const plan = read('rag-status-column');
    expect(steps(plan).map(([label, action, , , , status]) => [label, action, status])).toEqual([
      ['1', 'Discovery and demo', 'complete'],
      ['2', 'Security questionnaire', 'in_progress'],
      ['3', 'Pilot on Globex data', 'in_progress'],
      ['4', 'Business case to the CFO', 'blocked'],
      ['5', 'Procurement review', 'in_progress'],
      ['6', 'Contract signature', 'pending'],
      ['7', 'Onboarding kickoff', null],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, owner: 2, due: 3, status: 4 });
    expect(messages(plan)).toEqual([
      'Steps table, row 7, RAG status: "Purple" is not a status the add-on knows, so it is kept as written. In this column it understands Green, Amber and Red (also G/A/R), and Pending, In progress, Complete, Blocked and Not needed.',
    ]);
  });

  test('"Traffic light" of G / A / R and 🟢 / 🔵 marks: each read as its colour', () => {
    const plan = read('traffic-light-letters');
    expect(steps(plan).map(([label, action, , , , status]) => [label, action, status])).toEqual([
      ['1', 'Kickoff call', 'in_progress'],
      ['2', 'Sandbox access', 'in_progress'],
      ['3', 'Integration test', 'in_progress'],
      ['4', 'Pilot readout', 'blocked'],
      ['5', 'Security questionnaire', 'complete'],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ status: 0, action: 1, owner: 2, due: 3 });
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Health" beside "Status": the Status column is the status, the rating an extra column, and nothing is said about it', () => {
    const plan = read('rag-beside-status');
    expect(steps(plan).map(([label, action, , , , status]) => [label, action, status])).toEqual([
      ['1', 'Pricing proposal', 'complete'],
      ['2', 'Order form review', 'in_progress'],
      ['3', 'Order form signed', 'pending'],
      ['4', 'Onboarding kickoff', 'pending'],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, owner: 3, due: 4, status: 5 });
    expect(plan.stepsTable?.otherColumns).toEqual(['Health']);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('steps the two sides dropped', () => {
  test('"Cancelled - no pilot needed" and "N/A" under Status: not needed, kept as written, nothing said', () => {
    const plan = read('cancelled-steps');
    expect(steps(plan).map(([label, action, , , due, status]) => [label, action, due, status])).toEqual([
      ['1', 'Technical deep-dive with engineering', '2026-11-20', 'complete'],
      ['2', 'Security questionnaire review', '2026-12-04', 'in_progress'],
      ['3', 'Pilot/POC setup', '2026-11-27', 'not_needed'],
      ['4', 'Pilot results review', '2026-12-02', 'not_needed'],
      ['5', 'Pricing proposal delivery', '2026-12-11', 'pending'],
      ['6', 'Procurement review', '2027-01-08', 'pending'],
      ['7', 'Contract signature', '2027-01-22', 'pending'],
    ]);
    expect(plan.steps.map((s) => s.statusText).slice(2, 4)).toEqual(['Cancelled - no pilot needed', 'N/A']);
    expect(links(plan)).toEqual({ 1: [], 2: ['1'], 3: ['1'], 4: ['3'], 5: ['4'], 6: ['2', '5'], 7: ['6'] });
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Skipped" and "Descoped" under "Done?" beside Yes / No: not needed, not "No"', () => {
    const plan = read('descoped-done-column');
    expect(steps(plan).map(([label, action, , , , status]) => [label, action, status])).toEqual([
      ['1', 'Kickoff call', 'complete'],
      ['2', 'Sandbox access', 'not_needed'],
      ['3', 'Integration test', 'pending'],
      ['4', 'Reference call', 'not_needed'],
      ['5', 'Order form', 'pending'],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ action: 0, owner: 1, due: 2, status: 3 });
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('due dates in the forms other people type', () => {
  test('a UK plan: "02-Dec-26", "22-JAN-2027", "Feb-05-2027", "15-Jan" beside day-first "18/12/2026" and "04/01/2027"; a slip arrow; "Completed"', () => {
    const plan = read('uk-hyphen-dates');
    expect(steps(plan)).toEqual([
      ['1', 'Discovery workshop', 'Both', 'both', '2026-12-02', 'complete', null],
      ['2', 'Data protection questionnaire', 'Globex IT', 'theirs', '2026-12-18', 'complete', null],
      // "11-Dec-26 → 08-Jan-27": the pilot slipped, and is due at the date the arrow points to.
      ['3', 'Pilot on Globex data', 'Harrow CS', 'ours', '2027-01-08', 'in_progress', null],
      ['4', 'Pilot readout', 'Both', 'both', '2027-01-15', 'pending', null],
      ['5', 'Commercial proposal', 'Harrow', 'ours', '2027-01-04', 'pending', null],
      ['6', 'Contract signature', 'Globex CFO', 'theirs', '2027-01-22', 'pending', null],
      ['7', 'Onboarding kickoff', 'Harrow CS', 'ours', '2027-02-05', 'pending', null],
    ]);
    expect(plan.dayFirst).toBe(true);
    expect([plan.keyDates.evaluationStart?.date, plan.keyDates.decisionTarget?.date, plan.keyDates.goLiveTarget?.date]).toEqual(['2026-11-30', '2027-01-22', '2027-03-01']);
    expect(plan.steps[2]?.dueFormat).toMatchObject({ prefix: '11-Dec-26 → ', style: 'text', hyphens: true, padded: true, yearDigits: 2 });
    expect(messages(plan)).toEqual([]);
  });

  test('year first with slashes and dots ("2026/12/01", "2027.1.8"), arrows in two rows ("->", "→"), one to "TBD", "(was …)" in another', () => {
    const plan = read('year-first-arrows');
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff call', 'Both', 'both', '2026-12-01', 'complete', null],
      ['2', 'Security review', 'Globex security', 'theirs', '2026-12-18', 'in_progress', null],
      ['3', 'Pilot', 'Acme CS', 'ours', '2027-01-08', 'pending', null],
      ['4', 'Pricing proposal', 'Acme', 'ours', '2027-01-15', 'pending', null],
      // "(was 2027/1/20)" names the old date after the due one.
      ['5', 'Procurement', 'Globex procurement', 'theirs', '2027-01-22', 'pending', null],
      // "2027/01/20 -> TBD": the date it had is history; the step has none now.
      ['6', 'Legal review', 'Globex legal', 'theirs', null, 'pending', null],
      ['7', 'Signature', 'Globex CFO', 'theirs', '2027-01-29', 'pending', null],
    ]);
    expect([plan.keyDates.evaluationStart?.date, plan.keyDates.decisionTarget?.date]).toEqual(['2026-11-30', '2027-01-29']);
    expect(plan.steps.map((s) => s.dueFormat?.style ?? null)).toEqual(['iso', 'iso', 'iso', 'iso', 'iso', null, 'iso']);
    expect(messages(plan)).toEqual([]);
  });

  test('a month-first plan with a German buyer\'s dotted dates: "11.12.2026", "5.1.", "12.01.27" day-first, "1/8" and "12/2/2026" month-first', () => {
    const plan = read('dotted-dates-month-first');
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff', 'Both', 'both', '2026-12-02', 'complete', null],
      ['2', 'Datenschutz review', 'Globex IT', 'theirs', '2026-12-11', 'in_progress', null],
      ['3', 'Pilot', 'Acme CS', 'ours', '2027-01-08', 'pending', null],
      ['4', 'Betriebsrat sign-off', 'Globex HR', 'theirs', '2027-01-05', 'pending', null],
      ['5', 'Procurement', 'Globex Einkauf', 'theirs', '2027-01-12', 'pending', null],
      ['6', 'Contract signature', 'Globex CFO', 'theirs', '2027-01-29', 'pending', null],
    ]);
    // "11/30/2026" sets the plan's slashes month-first; "29.1.2027" its dots day-first.
    expect(plan.dayFirst).toBe(false);
    expect(plan.dottedMonthFirst).toBeUndefined();
    expect([plan.keyDates.evaluationStart?.date, plan.keyDates.decisionTarget?.date, plan.keyDates.goLiveTarget?.date]).toEqual(['2026-11-30', '2027-01-29', '2027-03-01']);
    expect(messages(plan)).toEqual([]);
  });
});

describe('"Week N" dates with no evaluation start', () => {
  const WEEKS_SAID =
    'Steps table, Week: all 4 steps are dated in weeks ("Week 1", "Week 2"…) counted from the evaluation start, which the plan does not give, so those steps are undated and cannot be shifted or checked for lateness. Add a line "Evaluation start: <date>" under the title or in Key dates.';

  test('"| Week | Task | Who | Done? |": the Week column is the due date; one diagnostic names it and the line to add', () => {
    const plan = read('weeks-no-start');
    expect(plan.stepsTable?.columns).toEqual({ due: 0, action: 1, owner: 2, status: 3 });
    expect(steps(plan)).toEqual([
      ['1', 'Kickoff with the evaluation team', 'Both', 'both', null, 'complete', null],
      ['2', 'Security questionnaire', 'Globex IT', 'theirs', null, 'pending', null],
      ['3', 'Pilot on Globex data', 'Acme CS', 'ours', null, 'pending', null],
      ['4', 'Contract signature', 'Globex CFO', 'theirs', null, 'pending', null],
    ]);
    expect(plan.diagnostics.map((d) => [d.severity, d.where, d.cell])).toEqual([['warning', 'Steps table, Week', { tableIndex: 4, row: 0, column: 0 }]]);
    expect(messages(plan)).toEqual([WEEKS_SAID]);
  });

  test('with "Evaluation start" under the title the same plan is dated, week by week, and nothing is said', () => {
    const plan = readMarkdownPlan(edited(fixtureText('reading/weeks-no-start'), ['## Goal', 'Evaluation start: Nov 30, 2026\n\n## Goal']), TODAY);
    expect(plan.steps.map((s) => [s.dueText, s.due])).toEqual([
      ['Week 1', '2026-12-04'],
      ['Week 2', '2026-12-11'],
      ['Week 3-4', '2026-12-25'],
      ['Week 6', '2027-01-08'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Wk 2" and "Week 4" beside dated cells: the dated steps are read, the week rows named once', () => {
    const plan = read('weeks-and-dates-no-start');
    expect(plan.steps.map((s) => [s.label, s.dueText, s.due])).toEqual([
      ['1', 'Dec 2, 2026', '2026-12-02'],
      ['2', 'Wk 2', null],
      ['3', 'Week 4', null],
      ['4', 'Jan 29, 2027', '2027-01-29'],
    ]);
    expect(plan.keyDates.decisionTarget?.date).toBe('2027-01-29');
    expect(messages(plan)).toEqual([
      'Steps table, Timing: rows 2 and 3 are dated in weeks ("Wk 2", "Week 4") counted from the evaluation start, which the plan does not give, so those steps are undated and cannot be shifted or checked for lateness. Add a line "Evaluation start: <date>" under the title or in Key dates.',
    ]);
  });

  test('the health check asks for the evaluation start, not for a date in every "Week" cell', () => {
    const plan = read('weeks-no-start');
    const noDates = checkHealth({ plan, history: null, deal: NO_DEAL, today: TODAY }).find((f) => f.rule === 'no-dates');
    expect(noDates?.action).toBe('Their "Week" dates count from the evaluation start, which the plan does not give: add a line "Evaluation start: <date>" under the title or in Key dates.');
    const mixed = checkHealth({ plan: read('weeks-and-dates-no-start'), history: null, deal: NO_DEAL, today: TODAY }).find((f) => f.rule === 'no-dates');
    expect(mixed?.detail).toBe('Step 2 (Technical validation) and step 3 (Pilot readout) have no due date.');
  });
});

describe('a "Week" column of bare numbers', () => {
  test.each([
    ['before', '| **Week** | **Task** | **Owner** | **Due date** |\n| :---- | :---- | :---- | :---- |\n| Week 1 | Kickoff | Both | Dec 4, 2026 |\n| Week 2 | Security review | Globex IT | Dec 11, 2026 |'],
    ['after', '| **Task** | **Owner** | **Due date** | **Week** |\n| :---- | :---- | :---- | :---- |\n| Kickoff | Both | Dec 4, 2026 | Week 1 |\n| Security review | Globex IT | Dec 11, 2026 | 2 |'],
  ])('a "Week" column %s a dated "Due date" column groups the steps: the dates are read, the weeks kept, nothing said', (_, table) => {
    const plan = readMarkdownPlan(`# Acme + Globex: Mutual Action Plan\n\n${table}\n`, TODAY);
    expect(plan.steps.map((s) => [s.action, s.due])).toEqual([['Kickoff', '2026-12-04'], ['Security review', '2026-12-11']]);
    expect(plan.stepsTable?.otherColumns).toEqual(['Week']);
    expect(plan.diagnostics).toEqual([]);
  });

  const bare = fixtureText('reading/weeks-no-start').replace(/^\| Week ([\d-]+) \|/gm, '| $1 |');

  test('"1", "3-4" under "Week" are weeks: undated without a start, and said once', () => {
    const plan = readMarkdownPlan(bare, TODAY);
    expect(plan.steps.map((s) => [s.dueText, s.due])).toEqual([['1', null], ['2', null], ['3-4', null], ['6', null]]);
    expect(messages(plan)).toEqual([
      'Steps table, Week: all 4 steps are dated in weeks ("1", "2"…) counted from the evaluation start, which the plan does not give, so those steps are undated and cannot be shifted or checked for lateness. Add a line "Evaluation start: <date>" under the title or in Key dates.',
    ]);
  });

  test('with an evaluation start they are dated, and a moved week is written back as a bare number', () => {
    const plan = readMarkdownPlan(edited(bare, ['## Goal', 'Evaluation start: Nov 30, 2026\n\n## Goal']), TODAY);
    expect(plan.steps.map((s) => [s.dueText, s.due])).toEqual([['1', '2026-12-04'], ['2', '2026-12-11'], ['3-4', '2026-12-25'], ['6', '2027-01-08']]);
    expect(plan.diagnostics).toEqual([]);
    const ctx = { dayFirst: false, referenceDate: plan.referenceDate, evaluationStart: '2026-11-30' };
    const [two, range] = [plan.steps[1], plan.steps[2]];
    expect(two?.dueFormat && formatDueDate('2026-12-18', two.dueFormat, ctx)).toBe('3');
    expect(range?.dueFormat && formatDueDate('2027-01-01', range.dueFormat, ctx)).toBe('4-5');
  });
});

describe('task columns per side', () => {
  test('"Milestone | Buyer Tasks | Seller Tasks": the milestone is the step, each side\'s tasks are its own, the sides with tasks own it', () => {
    const plan = read('side-tasks-buyer-seller');
    expect(plan.stepsTable?.columns).toEqual({ action: 0, tasksTheirs: 1, tasksOurs: 2, due: 3, status: 4 });
    expect(plan.steps.map((s) => [s.label, s.action, s.owner, s.side, s.sideTasks])).toEqual([
      ['1', 'Discovery — Acme Analytics: Run discovery · Globex: Share current process', '', 'both', { ours: 'Run discovery', theirs: 'Share current process' }],
      ['2', 'Technical validation — Acme Analytics: Send the sandbox credentials · Globex: Connect the sandbox to the ERP', '', 'both', { ours: 'Send the sandbox credentials', theirs: 'Connect the sandbox to the ERP' }],
      ['3', 'Business case — Acme Analytics: Draft the ROI model', '', 'ours', { ours: 'Draft the ROI model', theirs: '' }],
      ['4', 'Budget approval — Globex: CFO approves the budget', '', 'theirs', { ours: '', theirs: 'CFO approves the budget' }],
      ['5', 'Contract signature — Acme Analytics: Send the order form · Globex: Sign the order form', '', 'both', { ours: 'Send the order form', theirs: 'Sign the order form' }],
    ]);
    // Only the milestone's cell is the action's; the task cells are never the owner's.
    expect(plan.steps[0]?.cells).toMatchObject({ action: { column: 0 }, tasksTheirs: { column: 1 }, tasksOurs: { column: 2 } });
    expect(plan.steps[0]?.cells.owner).toBeUndefined();
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Customer actions" + "Vendor actions" beside an Owner column: a named owner decides the side, an empty one leaves it to the tasks', () => {
    const plan = read('side-tasks-customer-vendor-owner');
    expect(plan.steps.map((s) => [s.label, s.action, s.owner, s.side])).toEqual([
      ['1', 'Security review — Acme Analytics: Send the SOC 2 report · Globex: Complete the questionnaire', 'Lee Chen (Globex)', 'theirs'],
      ['2', 'Pilot — Acme Analytics: Configure the pilot · Globex: Name ten pilot users', '', 'both'],
      ['3', 'Pricing — Acme Analytics: Send the proposal', 'Sam Patel', 'ours'],
    ]);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, tasksTheirs: 2, tasksOurs: 3, owner: 4, due: 5 });
  });

  test('"Our tasks" + "Your tasks" with no milestone column: the tasks name the step, the Phase column its phase', () => {
    const plan = read('side-tasks-our-your');
    expect(plan.steps.map((s) => [s.action, s.side, s.phase, s.due])).toEqual([
      ['Acme Analytics: Demo to the finance team · Globex: Book the finance team', 'both', 'Evaluation', '2026-12-04'],
      ['Acme Analytics: Pilot setup · Globex: Share sample data', 'both', 'Evaluation', '2026-12-15'],
      ['Acme Analytics: Proposal · Globex: Budget sign-off', 'both', 'Commercials', '2027-01-15'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Acme tasks" + "Globex tasks", named by the companies: each side\'s', () => {
    const plan = readMarkdownPlan(
      edited(fixtureText('reading/side-tasks-buyer-seller'), ['| **Milestone** | **Buyer Tasks** | **Seller Tasks** |', '| **Milestone** | **Globex tasks** | **Acme tasks** |']),
      TODAY,
    );
    expect(plan.stepsTable?.columns).toEqual({ action: 0, tasksTheirs: 1, tasksOurs: 2, due: 3, status: 4 });
    expect(plan.steps.map((s) => s.side)).toEqual(['both', 'both', 'ours', 'theirs', 'both']);
  });

  test('the health check: no task sentence is taken for an owner; steps with no person named are said so once, with what to add', () => {
    const plan = read('side-tasks-buyer-seller');
    const findings = checkHealth({ plan, history: null, deal: { stage: 'post-demo', annualContractValue: 90000, dealType: 'standard' }, today: '2026-12-21' });
    expect(findings.map((f) => f.rule)).toEqual(['no-owner', 'overdue', 'no-criteria']);
    const [noOwner, late] = findings;
    expect(noOwner?.detail).toBe('Steps 2, 3, 4 and 5 have no owner.');
    expect(noOwner?.action).toBe("The plan says which side does each task but not who: agree a person for each side's tasks and add an Owner column with their names.");
    expect(late?.detail).toBe('Step 2 (Technical validation — Acme Analytics: Send the sandbox cre…), shared by both sides (no person named), is overdue by 3 working days.');
    // One-sided, role owners and the like read sides and owners: none fires on task sentences.
    for (const f of findings) expect(`${f.detail} ${f.action}`).not.toMatch(/owned by "?(?:Run|Share|Send|Connect|Draft|Sign)/);
  });
});
