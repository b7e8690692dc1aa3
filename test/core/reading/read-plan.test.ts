// Reading a plan back, however people edited it: on outlines built by hand, and on realistic MAP documents read through the emulated DocumentApp.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation } from '../../../emulation';
import { documentFromMarkdown } from '../../../emulation/document';
import { readOutline } from '../../../src/adapters/document-reader';
import type { CellRef, Chip, DocumentOutline, OutlineBlock, OutlineCell, OutlineParagraph, OutlineTable, ParsedPlan } from '../../../src/core/reading/parsed-plan';
import type { IsoDate, Side, Status } from '../../../src/core/plan';
import type { KnownStep, ReadContext } from '../../../src/core/reading/context';
import { STEP_HEADER_WORDS } from '../../../src/core/reading/header-words';
import { readPlan } from '../../../src/core/reading/read-plan';
import { companiesFromTitle } from '../../../src/core/reading/sections';

const CTX: ReadContext = { locale: 'en_US', today: '2026-11-27' };
const FIXTURES = path.join(__dirname, '..', '..', 'fixtures', 'maps');

// ---------------------------------------------------------------------------------------------
// Outlines by hand

type Block = Omit<OutlineParagraph, 'index'> | Omit<OutlineTable, 'index'>;

function outline(...blocks: Block[]): DocumentOutline {
  return { blocks: blocks.map((b, index) => ({ ...b, index }) as OutlineBlock) };
}
const heading = (text: string, level = 2): Block => ({ kind: 'paragraph', text, heading: level, list: null, chips: [] });
const TITLE = heading('Mutual Action Plan: Acme + Globex', 1);
const para = (text: string, chips: Chip[] = []): Block => ({ kind: 'paragraph', text, heading: 0, list: null, chips });
const bullet = (text: string, chips: Chip[] = []): Block => ({ kind: 'paragraph', text, heading: 0, list: 'bullet', chips });
const numbered = (text: string): Block => ({ kind: 'paragraph', text, heading: 0, list: 'number', chips: [] });
function table(rows: (string | OutlineCell)[][], keys: (string | null)[] = []): Block {
  return {
    kind: 'table',
    rows: rows.map((cells, r) => ({ cells: cells.map((c) => (typeof c === 'string' ? { text: c, chips: [] } : c)), key: keys[r] ?? null })),
  };
}
const cell = (text: string, ...chips: Chip[]): OutlineCell => ({ text, chips });
const person = (name: string, email: string): Chip => ({ kind: 'person', name, email });
const dateChip = (timestamp: string, displayText: string): Chip => ({ kind: 'date', timestamp, displayText });
const STEP_HEADER = ['#', 'Action', 'Owner', 'Due date', 'Status', 'Depends on'];

type StepRow = [number, string, string, Side, IsoDate | null, Status | null];

/** The Steps table as a seller reads it back: number, action, owner, whose, due, status. */
function stepRows(plan: ParsedPlan): StepRow[] {
  return plan.steps.map((s) => [s.number, s.action, s.owner, s.side, s.due, s.status]);
}

/** Each step's links, by step number. */
function links(plan: ParsedPlan): Record<number, number[]> {
  const numberOf = new Map(plan.steps.map((s) => [s.key, s.number]));
  return Object.fromEntries(plan.steps.map((s) => [s.number, s.dependsOn.map((k) => numberOf.get(k) ?? -1)]));
}

const messages = (plan: ParsedPlan): string[] => plan.diagnostics.map((d) => d.message);

// ---------------------------------------------------------------------------------------------
// Documents through the emulation

interface FixtureOptions extends Partial<ReadContext> {
  datesAsChips?: boolean;
}

function readOutlineOf(markdown: string, locale = 'en_US', datesAsChips = false): DocumentOutline {
  const env = new GoogleEmulation({ locale, document: (ctx) => documentFromMarkdown(markdown, ctx, { datesAsChips }) });
  Object.assign(globalThis, { DocumentApp: env.documentApp });
  return readOutline(env.document as unknown as GoogleAppsScript.Document.Document);
}

function fixture(name: string, options: FixtureOptions = {}): ParsedPlan {
  const { datesAsChips = false, ...context } = options;
  const markdown = readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8');
  const ctx = { ...CTX, ...context };
  return readPlan(readOutlineOf(markdown, ctx.locale, datesAsChips), ctx);
}

afterAll(() => {
  Reflect.deleteProperty(globalThis, 'DocumentApp');
});

// =============================================================================================

describe('finding the Steps table by its header words', () => {
  test.each([
    ['Milestone', 'Responsible', 'Target date', 'Progress', 'Predecessor'],
    ['Task', 'Who', 'Deadline', 'State', 'After'],
    ['Activity', 'Owner(s)', 'By when', 'Status', 'Blocked by'],
    ['Action', 'Owner', 'Due', 'Progress', 'Depends on'],
  ])('%s | %s | %s | %s | %s', (action, owner, due, status, depends) => {
    const plan = readPlan(
      outline(TITLE, heading('Steps'), table([
        ['#', action, owner, due, status, depends],
        ['1', 'Kickoff', 'Acme', 'Dec 18, 2026', 'Done', ''],
        ['2', 'Security review', 'Globex IT', 'Jan 8, 2027', 'WIP', '1'],
      ])),
      CTX,
    );
    expect(stepRows(plan)).toEqual([
      [1, 'Kickoff', 'Acme', 'ours', '2026-12-18', 'complete'],
      [2, 'Security review', 'Globex IT', 'theirs', '2027-01-08', 'in_progress'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: [1] });
    expect(plan.diagnostics).toEqual([]);
  });

  test('reordered, added and removed columns: extra columns are kept and named, a missing "Depends on" means the row above', () => {
    const plan = readPlan(
      outline(TITLE, table([
        ['Notes', 'Due date', 'Action', 'Link', 'Owner'],
        ['call went well', 'Dec 18, 2026', 'Kickoff', 'https://example.com', 'Both'],
        ['', 'TBD', 'Pricing proposal', '', 'Acme'],
      ])),
      CTX,
    );
    expect(stepRows(plan)).toEqual([
      [1, 'Kickoff', 'Both', 'both', '2026-12-18', 'pending'],
      [2, 'Pricing proposal', 'Acme', 'ours', null, 'pending'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: [1] });
    expect(plan.stepsTable).toEqual({
      index: 1,
      columns: { due: 1, action: 2, owner: 4 },
      headers: ['Notes', 'Due date', 'Action', 'Link', 'Owner'],
      otherColumns: ['Notes', 'Link'],
      phase: null,
    });
    expect(plan.steps.map((s) => s.dependsText)).toEqual([null, null]);
  });

  test('"Step" is the action when no other column is, and the number when one is', () => {
    const asAction = readPlan(outline(TITLE, table([['Step', 'Owner', 'Due'], ['Kickoff', 'Both', 'Dec 18, 2026']])), CTX);
    expect(stepRows(asAction)).toEqual([[1, 'Kickoff', 'Both', 'both', '2026-12-18', 'pending']]);
    const asNumber = readPlan(outline(TITLE, table([['Step', 'Action', 'Owner'], ['4', 'Kickoff', 'Both']])), CTX);
    expect(stepRows(asNumber)).toEqual([[4, 'Kickoff', 'Both', 'both', null, 'pending']]);
  });

  test('a header row under a merged title row is found', () => {
    const plan = readPlan(
      outline(TITLE, table([['Evaluation plan', '', ''], ['Action', 'Owner', 'Due date'], ['Kickoff', 'Both', 'Dec 18, 2026']])),
      CTX,
    );
    expect(stepRows(plan)).toEqual([[1, 'Kickoff', 'Both', 'both', '2026-12-18', 'pending']]);
    expect(plan.steps[0]?.row).toBe(2);
  });

  test('no Steps table: an error that says which headers the add-on looks for', () => {
    const plan = readPlan(outline(TITLE, para('Notes from the call.'), table([['Tier', 'Price'], ['Pro', '$85,000']])), CTX);
    expect(plan.steps).toEqual([]);
    expect(plan.stepsTable).toBeNull();
    expect(plan.diagnostics).toEqual([
      {
        severity: 'error',
        where: 'Steps table',
        text: null,
        message:
          'No Steps table was found. The add-on looks for a table whose header row has an action column ("Action", "Step", "Step name", "Task", "Milestone", "Deliverable", "Item", or 14 more) and an owner, due date or status column ("Owner", "Responsible", "Seller owner", "Buyer owner", "Due date", "Target date", "Deadline", "Status", "Progress", "Status / notes"). The one table here has the header row "Tier | Price", which names no action column.',
        cell: null,
      },
    ]);
  });

  test('two tables that look like Steps and no Steps heading: the first is read, and the seller is told', () => {
    const plan = readPlan(
      outline(TITLE, table([['Action', 'Owner'], ['Kickoff', 'Both']]), para('Later:'), table([['Task', 'Who'], ['Send SOC 2', 'Acme']])),
      CTX,
    );
    expect(plan.steps.map((s) => s.action)).toEqual(['Kickoff']);
    expect(messages(plan)).toEqual(['Two tables look like the Steps table. The add-on reads the first one and ignores the second one.']);
  });

  test('a header that could mean two columns, and two headers for one column', () => {
    const plan = readPlan(
      outline(TITLE, table([
        ['Action', 'Owner / due date', 'Status', 'State'],
        ['Kickoff', 'Both', 'Done', 'green'],
      ])),
      CTX,
    );
    expect(messages(plan)).toEqual([
      'Steps table: the header "Owner / due date" could mean Owner or Due date; it is read as Owner.',
      'Steps table: both "Status" and "State" look like the Status column; the add-on reads "Status" and keeps "State" as an extra column.',
    ]);
    expect(plan.stepsTable?.otherColumns).toEqual(['State']);
  });

  test.each([['Item #', 'Task'], ['Item no.', 'Item'], ['Task #', 'Task'], ['Action #', 'Action item'], ['Milestone #', 'Milestone']])(
    'an action word with a number mark ("%s") is the number column beside "%s", with nothing to warn about',
    (numberHeader, actionHeader) => {
      const plan = readPlan(outline(TITLE, table([[numberHeader, actionHeader, 'Owner:', 'Target Date:'], ['1', 'Kickoff', 'Both', 'Dec 18, 2026'], ['2', 'Security review', 'Globex IT', 'Jan 8, 2027']])), CTX);
      expect(plan.steps.map((s) => [s.label, s.action])).toEqual([['1', 'Kickoff'], ['2', 'Security review']]);
      expect(plan.stepsTable?.columns).toMatchObject({ number: 0, action: 1, owner: 2, due: 3 });
      expect(messages(plan)).toEqual([]);
    },
  );

  test('the header words are exported for the sidebar and health check', () => {
    expect(STEP_HEADER_WORDS.action).toEqual(expect.arrayContaining(['Action', 'Milestone', 'Task', 'Activity']));
    expect(STEP_HEADER_WORDS.owner).toEqual(expect.arrayContaining(['Owner', 'Responsible', 'Who', 'Owner(s)']));
    expect(STEP_HEADER_WORDS.due).toEqual(expect.arrayContaining(['Due date', 'Target date', 'Deadline', 'By when', 'Due']));
    expect(STEP_HEADER_WORDS.status).toEqual(expect.arrayContaining(['Status', 'Progress', 'State']));
    expect(STEP_HEADER_WORDS.dependsOn).toEqual(expect.arrayContaining(['Depends on', 'Predecessor', 'After', 'Blocked by']));
  });
});

describe('the status column read by what its header asks', () => {
  const statuses = (header: string[], cells: string[]): (Status | null)[] =>
    readPlan(outline(TITLE, table([header, ...cells.map((c, i) => [`${i + 1}`, `Step ${i + 1}`, 'Acme', 'Dec 18, 2026', c])])), CTX).steps.map((s) => s.status);

  test.each(['Done', 'Done?', 'Complete', 'Completed?', 'Finished?', 'Signed?', '✓', '✔', '☑'])('"%s": Yes / x / TRUE are complete, No / FALSE / nothing not done', (h) => {
    expect(statuses(['#', 'Action', 'Owner', 'Due date', h], ['Yes', 'x', 'TRUE', 'No', 'FALSE', ''])).toEqual(['complete', 'complete', 'complete', 'pending', 'pending', 'pending']);
  });

  test.each([
    [['Green', 'Amber - legal slow', 'Red', 'Green - done', ''], ['in_progress', 'in_progress', 'blocked', 'complete', 'pending']],
    [['G', 'A', 'R', 'Y'], ['in_progress', 'in_progress', 'blocked', 'in_progress']],
    [['green', 'Yellow', 'Blue'], ['in_progress', 'in_progress', 'complete']],
  ])('a plain "Status" column holding RAG ratings is read as ratings, with nothing said (%j)', (cells, expected) => {
    const plan = readPlan(outline(TITLE, table([['#', 'Action', 'Owner', 'Due date', 'Status'], ...cells.map((c, i) => [`${i + 1}`, `Step ${i + 1}`, 'Acme', 'Dec 18, 2026', c])])), CTX);
    expect(plan.steps.map((s) => s.status)).toEqual(expected);
    expect(plan.diagnostics).toEqual([]);
  });

  test('one colour among words in a "Status" column stays a word the add-on does not know, and is said', () => {
    expect(statuses(['#', 'Action', 'Owner', 'Due date', 'Status'], ['Done', 'Green', 'In progress'])).toEqual(['complete', null, 'in_progress']);
    // A lone colour is not a column of ratings either.
    expect(statuses(['#', 'Action', 'Owner', 'Due date', 'Status'], ['Red'])).toEqual([null]);
  });

  test('under "Status", "Yes" is no status: it is kept as written and said', () => {
    const plan = readPlan(outline(TITLE, table([['#', 'Action', 'Owner', 'Due date', 'Status'], ['1', 'Kickoff', 'Acme', 'Dec 18, 2026', 'Yes']])), CTX);
    expect(plan.steps[0]?.status).toBeNull();
    expect(messages(plan)).toEqual(['Steps table, row 1, Status: "Yes" is not a status the add-on knows, so it is kept as written. It understands Pending, In progress, Complete, Blocked and Not needed (Cancelled, N/A).']);
  });

  test.each([
    [['#', 'Action', 'Status', 'Due date', 'Done?']],
    [['#', 'Action', 'Done?', 'Due date', 'Status']],
  ])('a "Done?" checkbox beside a Status column: the Status column is the status, the checkbox an extra column, nothing said (%j)', (header) => {
    const status = header.indexOf('Status');
    const done = header.indexOf('Done?');
    const row = (s: string, d: string): string[] => header.map((h, i) => (i === status ? s : i === done ? d : h === '#' ? '1' : h === 'Due date' ? 'Dec 18, 2026' : 'Kickoff'));
    const plan = readPlan(outline(TITLE, table([header, row('In progress', 'No')])), CTX);
    expect(plan.steps[0]?.status).toBe('in_progress');
    expect(plan.stepsTable?.columns.status).toBe(status);
    expect(plan.stepsTable?.otherColumns).toEqual(['Done?']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Completed by", "Signed on", "Done by" name who and when: extra columns, not the status', () => {
    const plan = readPlan(
      outline(TITLE, table([['#', 'Action', 'Owner', 'Due date', 'Completed by', 'Signed on', 'Done by'], ['1', 'Kickoff', 'Acme', 'Dec 18, 2026', 'Dana', 'Dec 19', 'Sam']])),
      CTX,
    );
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, owner: 2, due: 3 });
    expect(plan.diagnostics).toEqual([]);
  });

  test('"Date completed" stays a date column, as before', () => {
    const plan = readPlan(outline(TITLE, table([['#', 'Action', 'Owner', 'Date completed'], ['1', 'Kickoff', 'Acme', 'Dec 18, 2026']])), CTX);
    expect(plan.stepsTable?.columns).toEqual({ number: 0, action: 1, owner: 2, due: 3 });
  });
});

describe('rows people add, remove and leave half empty', () => {
  test('a short row is read with empty cells and reported', () => {
    const plan = readPlan(outline(TITLE, table([STEP_HEADER, ['1', 'Kickoff', 'Both']])), CTX);
    expect(stepRows(plan)).toEqual([[1, 'Kickoff', 'Both', 'both', null, 'pending']]);
    expect(messages(plan)).toEqual(['Steps table, row 1 has 3 cells but the header has 6; the missing cells are read as empty.']);
  });

  test('a number as people write it ("2a") is its label', () => {
    const plan = readPlan(outline(TITLE, table([STEP_HEADER, ['1', 'Kickoff', 'Both', '', '', ''], ['2a', 'Security review', 'Globex IT', '', '', '']])), CTX);
    expect(plan.steps.map((s) => [s.number, s.label])).toEqual([[1, '1'], [2, '2a']]);
    expect(messages(plan)).toEqual([]);
  });

  test('an empty table says it has no steps yet', () => {
    const plan = readPlan(outline(TITLE, heading('Steps'), table([STEP_HEADER])), CTX);
    expect(plan.steps).toEqual([]);
    expect(messages(plan)).toEqual(['The Steps table has no steps yet.']);
  });
});

describe('dates, in the document\'s own context', () => {
  test('the numeric order comes from the whole document: one key date above 12 makes "3/4" the 3rd of April', () => {
    const plan = readPlan(
      outline(TITLE, heading('Key dates'), bullet('Evaluation start: 14/3/2027'), heading('Steps'), table([['Action', 'Due date'], ['Kickoff', '3/4']])),
      CTX,
    );
    expect(plan.dayFirst).toBe(true);
    expect(plan.steps[0]?.due).toBe('2027-04-03');
  });

  test('a missing year is the one nearest the plan, not today: a plan read months later keeps its years', () => {
    const doc = outline(
      TITLE,
      heading('Key dates'),
      bullet('Evaluation start: Dec 7, 2026'),
      table([['Action', 'Due date'], ['Kickoff', 'Dec 18'], ['Pilot review', 'Jan 8'], ['Signature', 'Feb 12']]),
    );
    for (const today of ['2026-11-27', '2027-01-20', '2027-09-01']) {
      expect(readPlan(doc, { ...CTX, today }).steps.map((s) => s.due)).toEqual(['2026-12-18', '2027-01-08', '2027-02-12']);
    }
  });

  test('"Week 3" counts working weeks from the evaluation start', () => {
    const plan = readPlan(
      outline(TITLE, bullet('Evaluation start: Mon Feb 16, 2026'), table([['Action', 'Due date'], ['Pilot', 'Week 3'], ['Review', 'Week 4-5']])),
      CTX,
    );
    expect(plan.steps.map((s) => [s.due, s.dueFormat?.style])).toEqual([['2026-03-06', 'week'], ['2026-03-20', 'week']]);
  });

  test('a date chip wins over the cell text; its date is the UTC day Docs shows on the chip', () => {
    const plan = readPlan(
      outline(TITLE, table([
        ['Action', 'Due date'],
        ['Kickoff', cell('', dateChip('2026-12-18T00:00:00.000Z', 'Dec 18, 2026'))],
        ['Review', cell('', dateChip('2027-01-08T23:30:00.000Z', 'Jan 8, 2027'))],
        ['Signature', cell('(tentative) Mar 3', dateChip('2027-02-12T12:00:00.000Z', 'Feb 12, 2027'))],
      ])),
      CTX,
    );
    expect(plan.steps.map((s) => [s.due, s.dueText])).toEqual([
      ['2026-12-18', 'Dec 18, 2026'],
      ['2027-01-08', 'Jan 8, 2027'],
      ['2027-02-12', 'Feb 12, 2027 (tentative) Mar 3'],
    ]);
    expect(plan.steps[0]?.dueFormat).toMatchObject({ style: 'text', monthFirst: true, yearDigits: 4 });
  });

  test('key dates: labels in other words, a date chip, and lines outside a Key dates heading', () => {
    const plan = readPlan(
      outline(
        TITLE,
        para('Globex decides by February.'),
        bullet('Kickoff: Dec 7, 2026'),
        bullet('Decision: ', [dateChip('2027-02-12T00:00:00Z', 'Feb 12, 2027')]),
        bullet('Go live - Week 12'),
        table([['Action', 'Due date'], ['Kickoff', 'Dec 18']]),
      ),
      CTX,
    );
    expect(plan.goal).toBe('Globex decides by February.');
    expect(plan.keyDates.evaluationStart).toMatchObject({ date: '2026-12-07', valueText: 'Dec 7, 2026', paragraphIndex: 2 });
    expect(plan.keyDates.decisionTarget).toMatchObject({ date: '2027-02-12', text: 'Decision: ', valueText: 'Feb 12, 2027', paragraphIndex: 3 });
    expect(plan.keyDates.goLiveTarget).toMatchObject({ date: '2027-02-26', valueText: 'Week 12' });
  });
});

describe('the other sections, by heading', () => {
  test('goal, success criteria (the method\'s question left out) and risks, with their headers in other words', () => {
    const plan = readPlan(
      outline(
        TITLE,
        heading('Objectives'),
        para('Globex decides on Acme Close by Feb 12.'),
        heading('Steps'),
        table([['Action', 'Owner'], ['Kickoff', 'Both']]),
        heading('Definition of success'),
        para('What does Globex need to see to feel confident moving forward?'),
        numbered('Close in 5 days'),
        numbered('Payback under 6 months'),
        heading('Pricing'),
        para('Business tier, $60,000.'),
        heading('Risks & blockers'),
        table([['Issue', 'Severity', 'Response', 'Owner'], ['Budget freeze', 'High', 'Escalate to the CFO', 'Dana'], ['', '', '', '']]),
      ),
      CTX,
    );
    expect(plan.goal).toBe('Globex decides on Acme Close by Feb 12.');
    expect(plan.successCriteria).toEqual(['Close in 5 days', 'Payback under 6 months']);
    expect(plan.successCriteriaPlaces).toEqual([7, 8]);
    expect(plan.risks).toEqual([{ risk: 'Budget freeze', impact: 'High', mitigation: 'Escalate to the CFO', cell: { tableIndex: 12, row: 1, column: 2 } }]);
    expect(plan.steps.map((s) => s.action)).toEqual(['Kickoff']);
    // "Pricing" is no part of the plan; each part is placed by its heading, or by its table.
    expect(plan.sections).toEqual({ goal: 1, steps: 4, successCriteria: 5, risks: 12 });
  });
});

describe('owners, people and companies', () => {
  const STAKEHOLDERS = table([
    ['Name', 'Role', 'Responsibility in this evaluation'],
    [cell('', person('Dana Ruiz', 'dana@globex.com')), 'Controller, Globex', 'Evaluation lead'],
    ['Sam Lee', 'Account Executive at Acme', 'Commercial lead'],
    ['Lee Wong', 'VP Finance', 'Budget'],
  ]);

  test('a person chip gives the name and email when the cell text is empty; addresses and stakeholders decide whose', () => {
    const plan = readPlan(
      outline(TITLE, table([
        ['Action', 'Owner'],
        ['Kickoff', cell('', person('Dana Ruiz', 'dana@globex.com'))],
        ['Pricing', 'Sam'],
        ['Implementation plan', cell('', person('Omar Haddad', 'omar@acme.com'))],
        ['Reference call', cell('', person('Chris', 'chris@gmail.com'))],
        ['Joint review', cell('Lee Wong +', person('Sam Lee', 'sam@acme.com'))],
      ]), heading('Stakeholders'), STAKEHOLDERS),
      CTX,
    );
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Dana Ruiz', 'theirs'],
      ['Sam', 'ours'],
      ['Omar Haddad', 'ours'],
      ['Chris', 'unknown'],
      ['Lee Wong + Sam Lee', 'both'],
    ]);
    expect(plan.stakeholders).toEqual([
      { name: 'Dana Ruiz', title: 'Controller', responsibility: 'Evaluation lead', side: 'theirs', email: 'dana@globex.com', cell: { tableIndex: 3, row: 1, column: 0 } },
      { name: 'Sam Lee', title: 'Account Executive', responsibility: 'Commercial lead', side: 'ours', email: null, cell: { tableIndex: 3, row: 2, column: 0 } },
      { name: 'Lee Wong', title: 'VP Finance', responsibility: 'Budget', side: 'theirs', email: null, cell: { tableIndex: 3, row: 3, column: 0 } },
    ]);
  });

  test('company names from saved settings win over the title', () => {
    const doc = outline(heading('Mutual Action Plan: Vendor Co + Client Co', 1), table([['Action', 'Owner'], ['Kickoff', 'Initech'], ['Review', 'Acme']]));
    expect(readPlan(doc, CTX).steps.map((s) => s.side)).toEqual(['unknown', 'unknown']);
    expect(readPlan(doc, { ...CTX, yourCompany: 'Acme', theirCompany: 'Initech' }).steps.map((s) => s.side)).toEqual(['theirs', 'ours']);
  });
});

describe('each step keeps its identity across edits', () => {
  const ROWS = [
    ['1', 'Technical deep-dive', 'Both', 'Dec 18, 2026'],
    ['2', 'Security questionnaire review', 'Globex IT', 'Dec 25, 2026'],
    ['3', 'Contract signature', 'Globex', 'Feb 12, 2027'],
  ];
  const HEADER = ['#', 'Action', 'Owner', 'Due date'];
  const first = readPlan(outline(TITLE, table([HEADER, ...ROWS])), CTX);
  const known: KnownStep[] = first.steps.map((s) => ({ key: s.key, action: s.action, number: s.number, due: s.due }));
  const keyOf = (plan: ParsedPlan, action: string): string | undefined => plan.steps.find((s) => s.action === action)?.key;

  test('keys are unique and the same on every read of the same document', () => {
    expect(new Set(first.steps.map((s) => s.key)).size).toBe(3);
    expect(readPlan(outline(TITLE, table([HEADER, ...ROWS])), CTX).steps.map((s) => s.key)).toEqual(first.steps.map((s) => s.key));
  });

  test('the row markers the add-on set win, whatever the row now says', () => {
    const plan = readPlan(outline(TITLE, table([HEADER, ...ROWS.map((r, i) => (i === 0 ? ['1', 'Deep-dive with the architects', 'Both', 'Dec 18'] : r))], [null, 'k1', 'k2', 'k3'])), CTX);
    expect(plan.steps.map((s) => s.key)).toEqual(['k1', 'k2', 'k3']);
  });

  test('a marker found on two rows stays with the first; the second row gets a key of its own', () => {
    const plan = readPlan(outline(TITLE, table([HEADER, ...ROWS], [null, 'k1', 'k1', 'k3'])), CTX);
    expect(plan.steps[0]?.key).toBe('k1');
    expect(plan.steps[1]?.key).not.toBe('k1');
    expect(new Set(plan.steps.map((s) => s.key)).size).toBe(3);
  });

  test('without markers: reordered rows and a row inserted above keep their keys by action', () => {
    const plan = readPlan(
      outline(TITLE, table([HEADER, ['1', 'Kickoff call', 'Both', 'Dec 9, 2026'], ROWS[2]!, ROWS[0]!, ROWS[1]!])),
      { ...CTX, knownSteps: known },
    );
    expect(keyOf(plan, 'Contract signature')).toBe(keyOf(first, 'Contract signature'));
    expect(keyOf(plan, 'Technical deep-dive')).toBe(keyOf(first, 'Technical deep-dive'));
    expect(keyOf(plan, 'Security questionnaire review')).toBe(keyOf(first, 'Security questionnaire review'));
    expect(known.map((k) => k.key)).not.toContain(keyOf(plan, 'Kickoff call'));
  });

  test('a renamed action keeps its key by its number and similar words; a different action gets a new one', () => {
    const plan = readPlan(
      outline(TITLE, table([HEADER, ROWS[0]!, ['2', 'Security questionnaire and DPA review', 'Globex IT', 'Dec 30, 2026'], ['3', 'Budget committee', 'Globex', '']])),
      { ...CTX, knownSteps: known },
    );
    expect(keyOf(plan, 'Security questionnaire and DPA review')).toBe(keyOf(first, 'Security questionnaire review'));
    expect(known.map((k) => k.key)).not.toContain(keyOf(plan, 'Budget committee'));
  });
});

describe('whatever a person makes of the document, reading never throws', () => {
  test('random tables, texts and chips', () => {
    const words = ['#', 'Action', 'Owner', 'Due', 'Status', 'Depends on', 'Risk', 'Name', 'Role', '', '3/4', 'Week 99', 'TBD', '✅', '1, 2', 'x', 'Steps', '13/13/13', 'Mar 32', '-', 'Step 1'];
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = (): string => words[rand(words.length)] ?? '';
    for (let run = 0; run < 200; run++) {
      const blocks: Block[] = [];
      for (let b = rand(6); b >= 0; b--) {
        if (rand(2)) blocks.push(rand(2) ? heading(pick(), rand(4)) : bullet(`${pick()}: ${pick()}`, rand(3) ? [] : [dateChip('not a time', pick())]));
        else {
          const width = 1 + rand(7);
          blocks.push(table(Array.from({ length: 1 + rand(5) }, () => Array.from({ length: 1 + rand(width) }, () => (rand(5) ? pick() : cell(pick(), person('', 'a@b')))))));
        }
      }
      expect(() => readPlan(outline(...blocks), CTX)).not.toThrow();
    }
  });
});

// =============================================================================================
// The corpus: MAPs as the add-on inserts them, and as prospects edit them (Docs Markdown exports)

const STANDARD: StepRow[] = [
  [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'pending'],
  [2, 'Security questionnaire review', 'Acme sends, Globex IT reviews', 'both', '2026-12-25', 'pending'],
  [3, 'Pilot/POC setup (if applicable)', 'Acme', 'ours', '2026-12-25', 'pending'],
  [4, 'Pilot results review', 'Both', 'both', '2027-01-08', 'pending'],
  [5, 'ROI/business case presentation to [Economic buyer name]', 'Sam Lee (Acme) + Dana Ruiz (Globex)', 'both', '2027-01-15', 'pending'],
  [6, 'Pricing proposal delivery', 'Sam Lee (Acme)', 'ours', '2027-01-15', 'pending'],
  [7, 'Internal review and stakeholder alignment', 'Dana Ruiz (Globex)', 'theirs', '2027-01-22', 'pending'],
  [8, 'Procurement/legal review', 'Globex procurement', 'theirs', '2027-01-29', 'pending'],
  [9, 'Contract redlines and negotiation', 'Both', 'both', '2027-02-05', 'pending'],
  [10, 'Contract signature', '[Economic buyer name]', 'theirs', '2027-02-12', 'pending'],
  [11, 'Onboarding kickoff', 'Acme CS team', 'ours', '2027-02-19', 'pending'],
];
const STANDARD_LINKS = { 1: [], 2: [], 3: [1], 4: [3], 5: [4], 6: [5], 7: [6], 8: [2, 7], 9: [8], 10: [9], 11: [10] };
/** In the inserted fixture: the Stakeholders table is body child 10, the Risks table 18; a person's place is their name cell, a risk's its Mitigation cell. */
const nameCell = (row: number): CellRef => ({ tableIndex: 10, row, column: 0 });
const mitigationCell = (row: number): CellRef => ({ tableIndex: 18, row, column: 2 });
const INSERTED_STAKEHOLDERS = [
  { name: 'Dana Ruiz', title: 'Controller', responsibility: 'Day-to-day evaluation lead. Internal advocate', side: 'theirs', email: null, cell: nameCell(1) },
  { name: '[Economic buyer name]', title: '[Title]', responsibility: 'Budget approval. Business case sign-off', side: 'theirs', email: null, cell: nameCell(2) },
  { name: '[Technical evaluator name]', title: '[Title]', responsibility: 'Security review. Integration validation', side: 'theirs', email: null, cell: nameCell(3) },
  { name: 'Sam Lee', title: 'Account Executive', responsibility: 'Commercial lead. Pricing, proposal, negotiation', side: 'ours', email: null, cell: nameCell(4) },
  { name: '[Solutions engineer name]', title: '[Title]', responsibility: 'Technical support. Demo, POC, integration', side: 'ours', email: null, cell: nameCell(5) },
];
const INSERTED_CRITERIA = [
  '[Criterion 1: e.g. "Acme Close integrates with our systems and works in our environment"]',
  '[Criterion 2: e.g. "The pilot shows a measured 30% improvement on month-end close takes 12 days"]',
  '[Criterion 3: e.g. "Acme Close pays back in under 6 months"]',
  'If all criteria pass, next step: [proposal / contract]',
];
const INSERTED_RISKS = [
  { risk: 'Security review takes > 3 weeks', impact: 'Delays decision by 3 weeks', mitigation: 'Send security docs proactively. Offer to brief IT directly', cell: mitigationCell(1) },
  { risk: 'EB unavailable for business case meeting', impact: "Can't get budget approval", mitigation: 'Schedule 2 weeks out. Get on calendar now', cell: mitigationCell(2) },
  { risk: 'Competing priority (Q3 planning) delays evaluation', impact: 'Evaluation pauses', mitigation: 'Align MAP timeline to avoid Q3 planning conflict', cell: mitigationCell(3) },
];
const keyDates = (plan: ParsedPlan): (IsoDate | null)[] => [plan.keyDates.evaluationStart?.date ?? null, plan.keyDates.decisionTarget?.date ?? null, plan.keyDates.goLiveTarget?.date ?? null];

describe('plans as the add-on inserts them', () => {
  test('standard (en_US): every part, no diagnostics', () => {
    const plan = fixture('standard-en_US');
    expect(plan.title).toBe('Mutual Action Plan: Acme + Globex');
    expect(plan.goal).toBe('Globex evaluates Acme Close to solve month-end close takes 12 days and makes a go/no-go decision by Feb 12, 2027.');
    expect(keyDates(plan)).toEqual(['2026-12-07', '2027-02-12', '2027-02-19']);
    expect(plan.keyDates.decisionTarget).toMatchObject({ text: 'Decision target: Feb 12, 2027', valueText: 'Feb 12, 2027' });
    expect(stepRows(plan)).toEqual(STANDARD);
    expect(links(plan)).toEqual(STANDARD_LINKS);
    expect(plan.steps.map((s) => s.dueText)[0]).toBe('Dec 18, 2026');
    expect(plan.stakeholders).toEqual(INSERTED_STAKEHOLDERS);
    expect(plan.successCriteria).toEqual(INSERTED_CRITERIA);
    expect(plan.risks).toEqual(INSERTED_RISKS);
    expect(plan.stepsTable?.headers).toEqual(STEP_HEADER);
    expect(plan.dayFirst).toBe(false);
    expect(plan.diagnostics).toEqual([]);
  });

  test('standard (en_GB): "18 Dec 2026" dates, day-first document', () => {
    const plan = fixture('standard-en_GB', { locale: 'en_GB' });
    expect(stepRows(plan)).toEqual(STANDARD);
    expect(plan.steps[0]?.dueText).toBe('18 Dec 2026');
    expect(plan.steps[0]?.dueFormat).toMatchObject({ style: 'text', monthFirst: false, yearDigits: 4 });
    expect(plan.dayFirst).toBe(true);
    expect(plan.diagnostics).toEqual([]);
  });

  test('mid-market', () => {
    const plan = fixture('mid-market-en_US');
    expect(stepRows(plan)).toEqual([
      [1, 'Demo + discovery (if not already done)', 'Both', 'both', '2026-12-11', 'pending'],
      [2, 'Technical validation (integration check, security review)', 'Both', 'both', '2026-12-18', 'pending'],
      [3, 'Pricing proposal', 'Sam Lee (Acme)', 'ours', '2026-12-25', 'pending'],
      [4, 'Internal review with VP/stakeholders', 'Dana Ruiz (Globex)', 'theirs', '2026-12-25', 'pending'],
      [5, 'Negotiation (if needed)', 'Both', 'both', '2027-01-01', 'pending'],
      [6, 'Contract signature', '[Economic buyer name]', 'theirs', '2027-01-08', 'pending'],
      [7, 'Onboarding kickoff', 'Acme', 'ours', '2027-01-15', 'pending'],
    ]);
    expect(keyDates(plan)).toEqual(['2026-12-07', '2027-01-08', '2027-01-15']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('enterprise', () => {
    const plan = fixture('enterprise-en_US');
    expect(stepRows(plan).map(([n, , owner, side, due]) => [n, owner, side, due])).toEqual([
      [1, 'Both', 'both', '2026-12-18'],
      [2, 'Both', 'both', '2027-01-01'],
      [3, 'Acme sends, Globex IT reviews', 'both', '2027-01-15'],
      [4, 'Both', 'both', '2027-01-29'],
      [5, 'Both', 'both', '2027-02-05'],
      [6, 'Sam Lee (Acme) + Dana Ruiz (Globex)', 'both', '2027-02-12'],
      [7, 'Sam Lee (Acme)', 'ours', '2027-02-12'],
      [8, 'Globex procurement', 'theirs', '2027-03-05'],
      [9, 'Acme legal + Globex legal', 'both', '2027-03-19'],
      [10, '[Economic buyer name]', 'theirs', '2027-03-26'],
      [11, '[Authorized signer name]', 'theirs', '2027-04-02'],
      [12, 'Acme CS', 'ours', '2027-04-09'],
    ]);
    expect(links(plan)[8]).toEqual([3, 7]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('expansion', () => {
    const plan = fixture('expansion-en_US');
    expect(stepRows(plan)).toEqual([
      [1, 'Expansion scoping (new use case, seats, or tier)', 'Both', 'both', '2026-12-11', 'pending'],
      [2, 'Product walkthrough for new use case/team', 'Acme', 'ours', '2026-12-18', 'pending'],
      [3, 'Pricing for expansion', 'Sam Lee (Acme)', 'ours', '2026-12-18', 'pending'],
      [4, 'Internal approval (may be simpler than new deal)', 'Dana Ruiz (Globex) / [Economic buyer name]', 'theirs', '2026-12-25', 'pending'],
      [5, 'Contract amendment', 'Both', 'both', '2027-01-01', 'pending'],
      [6, 'Onboarding for new users/use case', 'Acme CS', 'ours', '2027-01-08', 'pending'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('closing checklist', () => {
    const plan = fixture('closing-en_US');
    expect(stepRows(plan)).toEqual([
      [1, 'Final contract redlines', 'Acme legal + Globex legal', 'both', '2026-12-11', 'pending'],
      [2, 'Signature authority confirmed: who signs and which approvals they need', 'Dana Ruiz (Globex)', 'theirs', '2026-12-11', 'pending'],
      [3, 'Go-live date agreed', 'Both', 'both', '2026-12-18', 'pending'],
      [4, 'Contract signature', '[Economic buyer name]', 'theirs', '2026-12-18', 'pending'],
      [5, 'Onboarding kickoff', 'Acme CS team', 'ours', '2026-12-25', 'pending'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: [], 3: [], 4: [1, 2], 5: [3, 4] });
    expect(keyDates(plan)).toEqual(['2026-12-07', '2026-12-18', '2026-12-25']);
    expect(plan.diagnostics).toEqual([]);
  });
});

describe('where each person, criterion, risk and part is, for the health check to point at', () => {
  function read(markdown: string): { doc: DocumentOutline; plan: ParsedPlan } {
    const doc = readOutlineOf(markdown);
    return { doc, plan: readPlan(doc, CTX) };
  }
  const blockAt = (doc: DocumentOutline, index: number): OutlineBlock | undefined => doc.blocks.find((b) => b.index === index);
  /** The text of the cell a ref names, read from the outline itself rather than from the plan. */
  function cellText(doc: DocumentOutline, ref: CellRef | null): string | null {
    const block = ref ? blockAt(doc, ref.tableIndex) : undefined;
    return ref && block?.kind === 'table' ? (block.rows[ref.row]?.cells[ref.column]?.text.trim() ?? null) : null;
  }
  function lineText(doc: DocumentOutline, index: number | undefined): string | null {
    const block = index === undefined ? undefined : blockAt(doc, index);
    return block?.kind === 'paragraph' ? block.text.trim() : null;
  }
  const STANDARD_MD = readFileSync(path.join(FIXTURES, 'standard-en_US.md'), 'utf8');

  test('the inserted plan: name cells, Mitigation cells, criterion lines, and where each part starts', () => {
    const { doc, plan } = read(STANDARD_MD);
    expect(plan.stakeholders.map((p) => p.cell)).toEqual([1, 2, 3, 4, 5].map((row) => ({ tableIndex: 10, row, column: 0 })));
    expect(plan.stakeholders.map((p) => cellText(doc, p.cell))).toEqual(plan.stakeholders.map((p) => p.name));
    expect(plan.risks.map((r) => r.cell)).toEqual([1, 2, 3].map((row) => ({ tableIndex: 18, row, column: 2 })));
    expect(plan.risks.map((r) => cellText(doc, r.cell))).toEqual(plan.risks.map((r) => r.mitigation));
    expect(plan.successCriteriaPlaces).toEqual([13, 14, 15, 16]);
    expect(plan.successCriteriaPlaces.map((i) => lineText(doc, i))).toEqual(INSERTED_CRITERIA);
    expect(plan.sections).toEqual({ goal: 1, keyDates: 3, steps: 8, stakeholders: 10, successCriteria: 11, risks: 18 });
    const sections = plan.sections ?? {};
    expect([lineText(doc, sections.goal), lineText(doc, sections.keyDates), lineText(doc, sections.successCriteria)]).toEqual(['Goal', 'Key dates', 'Success criteria']);
    expect([sections.steps, sections.stakeholders, sections.risks].map((i) => (i === undefined ? null : blockAt(doc, i)?.kind))).toEqual(['table', 'table', 'table']);
  });

  test('rows reordered, criteria reordered and a note added above the Stakeholders: every place follows its item', () => {
    const markdown = [
      ['## Stakeholders', 'Notes from the Nov 20 call: Globex wants the pilot first.\n\n## Stakeholders'],
      [
        '| Dana Ruiz | Controller, Globex | Day-to-day evaluation lead. Internal advocate |\n| \\[Economic buyer name\\] | \\[Title\\], Globex | Budget approval. Business case sign-off |\n',
        '| Dana Ruiz | Controller, Globex | Day-to-day evaluation lead. Internal advocate |\n',
      ],
      [
        '| \\[Solutions engineer name\\] | \\[Title\\], Acme | Technical support. Demo, POC, integration |',
        '| \\[Solutions engineer name\\] | \\[Title\\], Acme | Technical support. Demo, POC, integration |\n| \\[Economic buyer name\\] | \\[Title\\], Globex | Budget approval. Business case sign-off |',
      ],
      [
        '1. \\[Criterion 1: e.g. "Acme Close integrates with our systems and works in our environment"\\]  \n',
        '',
      ],
      [
        '4. If all criteria pass',
        '3. \\[Criterion 1: e.g. "Acme Close integrates with our systems and works in our environment"\\]  \n4. If all criteria pass',
      ],
      [
        '| Security review takes \\> 3 weeks | Delays decision by 3 weeks | Send security docs proactively. Offer to brief IT directly |\n',
        '',
      ],
      [
        '| Competing priority (Q3 planning) delays evaluation | Evaluation pauses | Align MAP timeline to avoid Q3 planning conflict |',
        '| Competing priority (Q3 planning) delays evaluation | Evaluation pauses | Align MAP timeline to avoid Q3 planning conflict |\n| Security review takes \\> 3 weeks | Delays decision by 3 weeks | Send security docs proactively. Offer to brief IT directly |',
      ],
    ].reduce((md, [from = '', to = '']) => {
      if (!md.includes(from)) throw new Error(`Not in the plan: ${from}`);
      return md.replace(from, to);
    }, STANDARD_MD);
    const { doc, plan } = read(markdown);
    expect(plan.diagnostics).toEqual([]);
    // The economic buyer moved to the last row of a table now one child further down.
    expect(plan.stakeholders.map((p) => [p.name, p.cell?.row])).toEqual([
      ['Dana Ruiz', 1],
      ['[Technical evaluator name]', 2],
      ['Sam Lee', 3],
      ['[Solutions engineer name]', 4],
      ['[Economic buyer name]', 5],
    ]);
    expect(plan.stakeholders.every((p) => p.cell?.tableIndex === 11 && p.cell.column === 0)).toBe(true);
    expect(plan.stakeholders.map((p) => cellText(doc, p.cell))).toEqual(plan.stakeholders.map((p) => p.name));
    expect(plan.risks.map((r) => [r.risk, r.cell])).toEqual([
      ['EB unavailable for business case meeting', { tableIndex: 19, row: 1, column: 2 }],
      ['Competing priority (Q3 planning) delays evaluation', { tableIndex: 19, row: 2, column: 2 }],
      ['Security review takes > 3 weeks', { tableIndex: 19, row: 3, column: 2 }],
    ]);
    expect(plan.risks.map((r) => cellText(doc, r.cell))).toEqual(plan.risks.map((r) => r.mitigation));
    expect(plan.successCriteria[2]).toBe(INSERTED_CRITERIA[0]);
    expect(plan.successCriteriaPlaces).toEqual([14, 15, 16, 17]);
    expect(plan.successCriteriaPlaces.map((i) => lineText(doc, i))).toEqual(plan.successCriteria);
    expect(plan.sections).toEqual({ goal: 1, keyDates: 3, steps: 8, stakeholders: 11, successCriteria: 12, risks: 19 });
  });

  test('a risks table without a Mitigation column places the risk; a heading with no table under it is no place; "Key dates:" opens its part', () => {
    const plan = readPlan(
      outline(
        TITLE,
        para('Key dates:'),
        bullet('Decision target: Feb 12, 2027'),
        heading('Steps'),
        table([['Action', 'Owner'], ['Kickoff', 'Both']]),
        heading('Stakeholders'),
        para('To be added after the call.'),
        heading('Risks'),
        table([['Risk', 'Impact'], ['Budget freeze', 'High']]),
      ),
      CTX,
    );
    expect(plan.risks).toEqual([{ risk: 'Budget freeze', impact: 'High', mitigation: '', cell: { tableIndex: 8, row: 1, column: 0 } }]);
    expect(plan.stakeholders).toEqual([]);
    expect(plan.successCriteriaPlaces).toEqual([]);
    expect(plan.sections).toEqual({ keyDates: 1, steps: 4, risks: 8 });
  });

  test('without headings: the goal paragraph, and the line asking what success looks like', () => {
    const markdown = readFileSync(path.join(FIXTURES, 'headings-deleted.md'), 'utf8');
    const { doc, plan } = read(markdown);
    expect(plan.sections).toEqual({ goal: 1, steps: 5, stakeholders: 6, successCriteria: 7, risks: 10 });
    expect(lineText(doc, plan.sections?.goal)).toBe(plan.goal);
    expect(lineText(doc, plan.sections?.successCriteria)).toBe('What does Globex need to see to feel confident moving forward?');
    expect(plan.successCriteriaPlaces.map((i) => lineText(doc, i))).toEqual(['Close runs in 5 days in the pilot', 'Payback under 6 months']);
  });
});

describe('plans after the prospect edited them', () => {
  test('renamed headers and sections: Milestone / Responsible / Target date / Progress / Predecessor', () => {
    const plan = fixture('renamed-headers');
    expect(plan.stepsTable?.headers).toEqual(['Step #', 'Milestone', 'Responsible', 'Target date', 'Progress', 'Predecessor']);
    expect(stepRows(plan)).toEqual([
      [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'complete'],
      [2, 'Vendor management security review', 'Globex vendor management', 'theirs', '2027-01-08', 'in_progress'],
      [3, 'Pilot/POC setup (if applicable)', 'Acme', 'ours', '2026-12-25', 'pending'],
      [4, 'Pilot results review', 'Both', 'both', '2027-01-08', 'pending'],
      [5, 'ROI/business case presentation to Maria Gomez', 'Sam Lee (Acme) + Dana Ruiz (Globex)', 'both', '2027-01-15', 'pending'],
      [6, 'Pricing proposal delivery', 'Sam Lee (Acme)', 'ours', '2027-01-15', 'pending'],
      [7, 'Budget committee review', 'Maria Gomez', 'theirs', '2027-01-22', 'blocked'],
      [8, 'Procurement/legal review', 'Globex procurement', 'theirs', '2027-01-29', 'pending'],
      [9, 'Contract redlines and negotiation', 'Both', 'both', '2027-02-05', 'pending'],
      [10, 'Contract signature', 'Maria Gomez', 'theirs', '2027-02-12', 'pending'],
      [11, 'Onboarding kickoff', 'Acme CS team', 'ours', '2027-02-19', 'pending'],
    ]);
    expect(links(plan)).toEqual(STANDARD_LINKS);
    expect(plan.goal).toBe('Globex evaluates Acme Close to solve month-end close takes 12 days and makes a go/no-go decision by Feb 12, 2027.');
    expect(keyDates(plan)).toEqual(['2026-12-07', '2027-02-12', '2027-02-19']);
    expect(plan.stakeholders.map((s) => [s.name, s.title, s.responsibility, s.side])).toEqual([
      ['Dana Ruiz', 'Controller', 'Day-to-day evaluation lead. Internal advocate', 'theirs'],
      ['Maria Gomez', 'CFO', 'Budget approval. Business case sign-off', 'theirs'],
      ['Sam Lee', 'Account Executive', 'Commercial lead. Pricing, proposal, negotiation', 'ours'],
    ]);
    expect(plan.successCriteria).toEqual(['Close runs in 5 days in the pilot', 'Passes our security review with no critical findings']);
    expect(plan.risks).toEqual([
      { risk: 'Budget committee meets monthly', impact: 'Signature slips to March', mitigation: 'Get on the January agenda now', cell: { tableIndex: 16, row: 1, column: 2 } },
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('reordered columns, Notes and Link columns kept and ignored', () => {
    const plan = fixture('reordered-columns');
    expect(stepRows(plan)).toEqual([
      [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'complete'],
      [2, 'Security questionnaire review', 'Acme sends, Globex IT reviews', 'both', '2026-12-25', 'in_progress'],
      [3, 'Pilot/POC setup (if applicable)', 'Acme', 'ours', '2026-12-25', 'pending'],
      [4, 'Pilot results review', 'Both', 'both', '2027-01-08', 'pending'],
      [5, 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-01-29', 'pending'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: [], 3: [1], 4: [3], 5: [2, 4] });
    expect(plan.stepsTable).toEqual({
      index: 8,
      columns: { action: 0, status: 1, owner: 2, number: 3, due: 4, dependsOn: 7 },
      headers: ['Task', 'Status', 'Who', '#', 'Deadline', 'Notes', 'Link', 'Blocked by'],
      otherColumns: ['Notes', 'Link'],
      phase: null,
    });
    expect(plan.steps[4]?.cells.due).toEqual({ tableIndex: 8, row: 5, column: 4 });
    expect(plan.diagnostics).toEqual([]);
  });

  test('rows inserted, deleted and moved; phase rows, a half-filled row and an empty row', () => {
    const plan = fixture('rows-edited');
    expect(stepRows(plan).map(([n, action, , , due, status]) => [n, action, due, status])).toEqual([
      [1, 'Technical deep-dive with engineering', '2026-12-18', 'complete'],
      [2, 'Security questionnaire review', '2026-12-25', 'in_progress'],
      [3, 'DPA review by Globex legal', '2026-12-30', 'pending'],
      [3, 'Pilot/POC setup (if applicable)', '2026-12-25', 'pending'],
      [4, 'Pilot results review', '2027-01-08', 'pending'],
      [5, 'ROI/business case presentation to [Economic buyer name]', '2027-01-15', 'pending'],
      [7, 'Internal review and stakeholder alignment', '2027-01-22', 'pending'],
      [9, 'Contract redlines and negotiation', '2027-02-05', 'pending'],
      [8, 'Procurement/legal review', '2027-01-29', 'pending'],
      [10, 'Contract signature', '2027-02-12', 'pending'],
      [11, 'Onboarding kickoff', '2027-02-19', 'pending'],
    ]);
    // "3" means the numbered row, not the inserted row that only sits third.
    const byAction = (a: string) => plan.steps.find((s) => s.action === a);
    expect(byAction('Pilot results review')?.dependsOn).toEqual([byAction('Pilot/POC setup (if applicable)')?.key]);
    expect(byAction('DPA review by Globex legal')?.dependsOn).toEqual([byAction('Security questionnaire review')?.key]);
    expect(byAction('Contract redlines and negotiation')?.dependsOn).toEqual([byAction('Procurement/legal review')?.key]);
    expect(plan.steps.map((s) => s.row)).toEqual([2, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13]);
    expect(messages(plan)).toEqual([
      'Steps table, row 1: "Phase 1: Evaluation" fills only the first cell (a merged or heading row), so it is read as the phase of the steps below it, not as a step.',
      'Steps table, row 4, #: the cell is empty, so this step is numbered 3 by its position; row 5 is numbered 3 too, so renumber the steps.',
      'Steps table, row 7: "Phase 2: Commercials" fills only the first cell (a merged or heading row), so it is read as the phase of the steps below it, not as a step.',
      'Steps table, row 9, Depends on: Step 7 (Internal review and stakeholder alignment) depends on step 6, which is not in the plan; that link was ignored.',
      'Steps table, row 14 has no action, owner or due date, so it is skipped.',
    ]);
    expect(plan.diagnostics.map((d) => [d.severity, d.where, d.text, d.cell])).toEqual([
      ['info', 'Steps table, row 1', 'Phase 1: Evaluation', { tableIndex: 8, row: 1, column: 0 }],
      ['info', 'Steps table, row 4, #', '', { tableIndex: 8, row: 4, column: 0 }],
      ['info', 'Steps table, row 7', 'Phase 2: Commercials', { tableIndex: 8, row: 7, column: 0 }],
      ['warning', 'Steps table, row 9, Depends on', '6', { tableIndex: 8, row: 9, column: 5 }],
      ['info', 'Steps table, row 14', null, { tableIndex: 8, row: 14, column: 1 }],
    ]);
  });

  test('the same steps keep their keys after those edits, matched against the steps seen before', () => {
    const before = fixture('standard-en_US');
    const known = before.steps.map((s) => ({ key: s.key, action: s.action, number: s.number, due: s.due }));
    const after = fixture('rows-edited', { knownSteps: known });
    const keyBefore = new Map(before.steps.map((s) => [s.action, s.key]));
    for (const step of after.steps) {
      if (step.action === 'DPA review by Globex legal') expect(known.map((k) => k.key)).not.toContain(step.key);
      else expect(step.key).toBe(keyBefore.get(step.action));
    }
  });

  test('every date form people type', () => {
    const plan = fixture('date-forms');
    expect(plan.steps.map((s) => [s.dueText, s.due, s.dueFormat?.style ?? null])).toEqual([
      ['2026-02-20', '2026-02-20', 'iso'],
      ['Feb 27', '2026-02-27', 'text'],
      ['Mar 3', '2026-03-03', 'text'],
      ['Week 3', '2026-03-06', 'week'],
      ['Tue 3/10', '2026-03-10', 'numeric'],
      ['March 12th, 2026', '2026-03-12', 'text'],
      ['Mar 16-20', '2026-03-20', 'text'],
      ['3/24 (tentative)', '2026-03-24', 'numeric'],
      ['27 Mar 2026', '2026-03-27', 'text'],
      ['4/3/26', '2026-04-03', 'numeric'],
      ['TBD', null, null],
      ['Q2', null, null],
      ['', null, null],
      ['next-ish', null, null],
    ]);
    expect(keyDates(plan)).toEqual(['2026-02-16', '2026-04-03', null]);
    expect(plan.keyDates.goLiveTarget?.valueText).toBe('Q2');
    expect(plan.diagnostics).toEqual([
      {
        severity: 'info',
        where: 'Steps table, row 12, Due date',
        text: 'Q2',
        message: 'Steps table, row 12, Due date: "Q2" is a period, not a day, so this step is treated as undated.',
        cell: { tableIndex: 8, row: 12, column: 3 },
      },
      {
        severity: 'warning',
        where: 'Steps table, row 14, Due date',
        text: 'next-ish',
        message: 'Steps table, row 14, Due date: "next-ish" is not a date, so this step is treated as undated.',
        cell: { tableIndex: 8, row: 14, column: 3 },
      },
    ]);
  });

  test('day-first numeric dates are read day-first even for a US reader, from the document\'s own dates', () => {
    const plan = fixture('day-first', { locale: 'en_US' });
    expect(plan.dayFirst).toBe(true);
    expect(plan.steps.map((s) => [s.dueText, s.due])).toEqual([
      ['18/12/2026', '2026-12-18'],
      ['23/12', '2026-12-23'],
      ['8/1/27', '2027-01-08'],
      ['15.01.2027', '2027-01-15'],
      ['3/2', '2027-02-03'],
      ['Fri 12/2', '2027-02-12'],
    ]);
    expect(keyDates(plan)).toEqual(['2026-12-07', '2027-02-12', '2027-02-19']);
    expect(plan.diagnostics).toEqual([]);
  });

  test('a missing year near New Year takes the year nearest the plan, whether read in November or in January', () => {
    for (const today of ['2026-11-27', '2027-01-20']) {
      const plan = fixture('new-year', { today });
      expect(keyDates(plan)).toEqual(['2026-12-07', '2027-02-12', null]);
      expect(plan.steps.map((s) => s.due)).toEqual(['2026-12-18', '2026-12-30', '2027-01-08', '2027-01-29', '2027-02-12']);
    }
  });

  test('emoji and free-text statuses; an unknown one is kept as written and reported', () => {
    const plan = fixture('emoji-statuses');
    expect(plan.steps.map((s) => [s.statusText, s.status])).toEqual([
      ['✅', 'complete'],
      ['🟡', 'in_progress'],
      ['⛔', 'blocked'],
      ['✅ Done - 1/7', 'complete'],
      ['🟡 WIP', 'in_progress'],
      ['⛔ Blocked by legal', 'blocked'],
      ['50%', 'in_progress'],
      ['ask Dana', null],
      ['', 'pending'],
    ]);
    expect(plan.diagnostics).toEqual([
      {
        severity: 'warning',
        where: 'Steps table, row 8, Status',
        text: 'ask Dana',
        message: 'Steps table, row 8, Status: "ask Dana" is not a status the add-on knows, so it is kept as written. It understands Pending, In progress, Complete, Blocked and Not needed (Cancelled, N/A).',
        cell: { tableIndex: 5, row: 8, column: 4 },
      },
    ]);
  });

  test('person chips: names and emails for owners and stakeholders, sides from the stakeholder table and email domains', () => {
    const plan = fixture('person-chips');
    expect(plan.steps.map((s) => [s.owner, s.side])).toEqual([
      ['Priya Shah, Bo Chen', 'both'],
      ['Globex IT + Bo Chen', 'theirs'],
      ['Sam Lee', 'ours'],
      ['Lee Wong', 'theirs'],
      ['Omar Haddad', 'ours'],
      ['Chris', 'unknown'],
    ]);
    const at = (row: number): CellRef => ({ tableIndex: 7, row, column: 0 });
    expect(plan.stakeholders).toEqual([
      { name: 'Dana Ruiz', title: 'Controller', responsibility: 'Day-to-day evaluation lead. Internal advocate', side: 'theirs', email: 'dana@globex.com', cell: at(1) },
      { name: 'Lee Wong', title: 'VP Finance', responsibility: 'Budget approval. Business case sign-off', side: 'theirs', email: 'lee.wong@globex.com', cell: at(2) },
      { name: 'Bo Chen', title: 'IT Security Lead', responsibility: 'Security review. Integration validation', side: 'theirs', email: 'bo.chen@globex.com', cell: at(3) },
      { name: 'Sam Lee', title: 'Account Executive', responsibility: 'Commercial lead. Pricing, proposal, negotiation', side: 'ours', email: 'sam@acme.com', cell: at(4) },
      { name: 'Priya Shah', title: 'Solutions Engineer', responsibility: 'Technical support. Demo, POC, integration', side: 'ours', email: null, cell: at(5) },
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('date chips in due cells (Docs exports them as their text)', () => {
    const plan = fixture('date-chips', { datesAsChips: true });
    expect(plan.steps.map((s) => [s.dueText, s.due])).toEqual([
      ['Dec 18, 2026', '2026-12-18'],
      ['Dec 25, 2026', '2026-12-25'],
      ['Jan 8', '2027-01-08'],
      ['Feb 12, 2027', '2027-02-12'],
    ]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('a pricing table before the plan and another after it are left alone', () => {
    const plan = fixture('pricing-table');
    expect(plan.title).toBe('Mutual Action Plan: Acme + Globex');
    expect(stepRows(plan)).toEqual([
      [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'pending'],
      [2, 'Security questionnaire review', 'Acme sends, Globex IT reviews', 'both', '2026-12-25', 'pending'],
      [3, 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-02-12', 'pending'],
    ]);
    expect(plan.stepsTable?.index).toBe(10);
    expect(plan.risks).toEqual([]);
    expect(plan.diagnostics).toEqual([]);
  });

  test('no "Depends on" column: each step waits for the row above', () => {
    const plan = fixture('no-depends-column');
    expect(stepRows(plan).map(([n, , , , due, status]) => [n, due, status])).toEqual([
      [1, '2026-12-11', 'complete'],
      [2, '2026-12-18', 'in_progress'],
      [3, null, 'pending'],
      [4, '2026-12-25', 'pending'],
      [5, '2027-01-08', 'pending'],
    ]);
    expect(links(plan)).toEqual({ 1: [], 2: [1], 3: [2], 4: [3], 5: [4] });
    expect(plan.steps.every((s) => s.dependsText === null)).toBe(true);
    expect(plan.diagnostics).toEqual([]);
  });

  test('no Key dates section: "Week N" cannot be placed, and says why; dates without a year follow today', () => {
    const plan = fixture('no-key-dates');
    expect(keyDates(plan)).toEqual([null, null, null]);
    expect(stepRows(plan)).toEqual([
      [1, 'Demo + discovery (if not already done)', 'Both', 'both', null, 'pending'],
      [2, 'Technical validation (integration check, security review)', 'Both', 'both', null, 'pending'],
      [3, 'Pricing proposal', 'Vendor', 'ours', null, 'pending'],
      [4, 'Internal review with VP/stakeholders', 'Champion', 'theirs', '2026-12-18', 'pending'],
      [5, 'Contract signature', 'EB', 'theirs', '2027-01-08', 'pending'],
    ]);
    // One sentence for the column, not one per cell.
    expect(messages(plan)).toEqual([
      'Steps table, Typical timing: rows 1, 2 and 3 are dated in weeks ("Week 1", "Week 2"…) counted from the evaluation start, which the plan does not give, so those steps are undated and cannot be shifted or checked for lateness. Add a line "Evaluation start: <date>" under the title or in Key dates.',
    ]);
  });

  test('headings deleted: the tables are still found by their header rows, and the lists by what they say', () => {
    const plan = fixture('headings-deleted');
    expect(plan.goal).toBe('Globex evaluates Acme Close to solve month-end close takes 12 days and makes a go/no-go decision by Feb 12, 2027.');
    expect(keyDates(plan)).toEqual(['2026-12-07', '2027-02-12', '2027-02-19']);
    expect(stepRows(plan)).toEqual([
      [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'complete'],
      [2, 'Security questionnaire review', 'Acme sends, Globex IT reviews', 'both', '2026-12-25', 'in_progress'],
      [3, 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-02-12', 'pending'],
    ]);
    expect(plan.stakeholders.map((s) => [s.name, s.side])).toEqual([['Dana Ruiz', 'theirs'], ['Sam Lee', 'ours']]);
    expect(plan.successCriteria).toEqual(['Close runs in 5 days in the pilot', 'Payback under 6 months']);
    expect(plan.risks).toHaveLength(1);
    expect(plan.diagnostics).toEqual([]);
  });

  test('two tables that both look like Steps: the one under the "Steps" heading is read, and the seller is told', () => {
    const plan = fixture('two-steps-tables');
    expect(plan.steps.map((s) => s.action)).toEqual(['Technical deep-dive with engineering', 'Contract signature']);
    expect(plan.diagnostics).toEqual([
      {
        severity: 'warning',
        where: 'Steps table',
        text: null,
        message: 'Two tables look like the Steps table. The add-on reads the one under "Steps" and ignores the one under "Next steps from the call (Nov 20)".',
        cell: null,
      },
    ]);
  });

  test('a messy plan: every problem named by table, row, column and text, in document order', () => {
    const plan = fixture('messy');
    expect(stepRows(plan)).toEqual([
      [1, 'Technical deep-dive with engineering', 'Both', 'both', '2026-12-18', 'complete'],
      [2, 'Security questionnaire review', 'Globex IT', 'theirs', '2026-12-25', 'pending'],
      [3, 'Pilot/POC setup', 'Acme', 'ours', '2027-01-08', 'pending'],
      [4, 'Pilot results review', 'Both', 'both', null, null],
      [4, 'Pricing proposal delivery', 'Acme', 'ours', '2027-01-15', 'pending'],
      [5, 'Contract signature', 'Dana Ruiz (Globex)', 'theirs', '2027-02-12', 'pending'],
      [7, '', 'Globex legal', 'theirs', null, 'pending'],
    ]);
    expect(keyDates(plan)).toEqual(['2026-12-07', null, null]);
    expect(plan.stepsTable?.otherColumns).toEqual(['Target date']);
    expect(plan.diagnostics.map((d) => [d.severity, d.where, d.text])).toEqual([
      ['warning', 'Key dates, Decision target', 'after budget approval'],
      ['warning', 'Steps table, Who / when', 'Who / when'],
      ['warning', 'Steps table, Target date', 'Target date'],
      ['warning', 'Steps table, row 2, Depends on', '12'],
      ['warning', 'Steps table, row 4, Due date', 'next-ish'],
      ['warning', 'Steps table, row 4, Status', 'ask Dana'],
      ['warning', 'Steps table, rows 4 and 5, #', '4'],
      ['warning', 'Steps table, row 5, Depends on', '4'],
      ['info', 'Steps table, row 7, #', ''],
      ['warning', 'Steps table, row 7, Action', ''],
      ['warning', 'Steps table, Depends on', null],
    ]);
    expect(messages(plan)).toEqual([
      'Key dates, Decision target: "after budget approval" is not a date, so it is treated as not set.',
      'Steps table: the header "Who / when" could mean Owner or Due date; it is read as Owner.',
      'Steps table: both "Due date" and "Target date" look like the Due date column; the add-on reads "Due date" and keeps "Target date" as an extra column.',
      'Steps table, row 2, Depends on: Step 2 (Security questionnaire review) depends on step 12, which is not in the plan; that link was ignored.',
      'Steps table, row 4, Due date: "next-ish" is not a date, so this step is treated as undated.',
      'Steps table, row 4, Status: "ask Dana" is not a status the add-on knows, so it is kept as written. It understands Pending, In progress, Complete, Blocked and Not needed (Cancelled, N/A).',
      'Steps table, rows 4 and 5 are both numbered 4. Renumber the steps so that each number is used once; until then "Depends on 4" cannot tell them apart.',
      'Steps table, row 5, Depends on: Step 4 (Pricing proposal delivery) depends on step 4, but 2 rows are numbered 4; that link was ignored. Renumber the steps.',
      'Steps table, row 7, #: the cell is empty, so this step is numbered 7 by its position.',
      'Steps table, row 7, Action: the cell is empty, so this step has no name.',
      'Steps table, Depends on: Steps 3 → 5 → 3 depend on each other in a circle; dates cannot be shifted until one of these links is removed.',
    ]);
  });
});

describe('tables that share column words', () => {
  test('a Steps table with a Risk column and a risks table with Action and Owner columns are each read as what they are', () => {
    const plan = readPlan(
      outline(
        TITLE,
        table([['#', 'Action', 'Owner', 'Due date', 'Risk'], ['1', 'Kickoff', 'Both', 'Dec 18, 2026', 'EB may not attend']]),
        table([['Risk', 'Action', 'Owner'], ['Budget freeze', 'Escalate to the CFO', 'Dana']]),
      ),
      CTX,
    );
    expect(plan.steps.map((s) => s.action)).toEqual(['Kickoff']);
    expect(plan.stepsTable?.otherColumns).toEqual(['Risk']);
    expect(plan.risks).toEqual([{ risk: 'Budget freeze', impact: '', mitigation: 'Escalate to the CFO', cell: { tableIndex: 2, row: 1, column: 1 } }]);
    expect(plan.diagnostics).toEqual([]);
  });
});

test('two Steps tables under one "Steps" heading (split by phase): both are read, each step in its phase', () => {
  const plan = readPlan(
    outline(TITLE, heading('Steps'), heading('Phase 1', 3), table([['Action', 'Owner'], ['Kickoff', 'Both']]), heading('Phase 2', 3), table([['Action', 'Owner'], ['Signature', 'Globex']])),
    CTX,
  );
  expect(plan.steps.map((s) => [s.label, s.action, s.phase, s.cells.action?.tableIndex])).toEqual([
    ['1', 'Kickoff', 'Phase 1', 3],
    ['2', 'Signature', 'Phase 2', 5],
  ]);
  expect(plan.stepsTables.map((t) => [t.index, t.phase])).toEqual([[3, 'Phase 1'], [5, 'Phase 2']]);
  expect(messages(plan)).toEqual([]);
});

test('a day-first date in a Notes column settles the order of the due dates', () => {
  const plan = readPlan(outline(TITLE, table([['Action', 'Due date', 'Notes'], ['Kickoff', '3/4/2027', 'moved from 14/3']])), CTX);
  expect(plan.dayFirst).toBe(true);
  expect(plan.steps[0]?.due).toBe('2027-04-03');
});

describe('owner columns per side, however the header names the side', () => {
  test.each<[string, string, Record<string, number>]>([
    ['Our owner', 'Their owner', { ownerOurs: 1, ownerTheirs: 2 }],
    ['Acme owner', 'Globex owner', { ownerOurs: 1, ownerTheirs: 2 }],
    ['Owner (Globex)', 'Owner (Acme)', { ownerTheirs: 1, ownerOurs: 2 }],
    ['Customer owner', 'Owner', { ownerTheirs: 1, ownerOurs: 2 }],
  ])('"%s" + "%s"', (first, second, columns) => {
    const plan = readPlan(outline(TITLE, table([['Action', first, second, 'Due date'], ['Security review', 'Lee', '—', 'Dec 9, 2026']])), CTX);
    expect(plan.stepsTable?.columns).toEqual({ action: 0, ...columns, due: 3 });
    const lee = columns.ownerOurs === 1 ? 'ours' : 'theirs';
    expect(plan.steps.map((s) => [s.side, s.sideOwners])).toEqual([[lee, lee === 'ours' ? { ours: 'Lee', theirs: '' } : { ours: '', theirs: 'Lee' }]]);
  });
});

describe('a date chip in a paragraph of several labelled dates', () => {
  const steps = table([['Action', 'Due date'], ['Kickoff', 'Nov 16, 2026'], ['Signature', 'Feb 12, 2027']]);
  const chip = dateChip('2027-02-12T12:00:00.000Z', 'Feb 12, 2027');
  const dates = (plan: ReturnType<typeof readPlan>) =>
    Object.fromEntries(Object.entries(plan.keyDates).map(([name, k]) => [name, k && [k.date, k.inChip ?? false]]));

  test('"·" between labels, the chip in the middle: it is that label\'s date; the typed ones stay typed', () => {
    const plan = readPlan(outline(TITLE, heading('Key dates'), para('Evaluation start: Nov 16, 2026 · Decision target:  · Go-live target: Mar 1, 2027', [chip]), steps), CTX);
    expect(dates(plan)).toEqual({ evaluationStart: ['2026-11-16', false], decisionTarget: ['2027-02-12', true], goLiveTarget: ['2027-03-01', false] });
    expect(plan.diagnostics).toEqual([]);
  });

  test('a soft line break, the chip first', () => {
    const plan = readPlan(outline(TITLE, para('Kickoff: \rDecision date: Jan 15, 2027 | Target go-live date: March 1, 2027', [dateChip('2026-11-16T00:00:00.000Z', 'Nov 16, 2026')]), steps), CTX);
    expect(dates(plan)).toEqual({ evaluationStart: ['2026-11-16', true], decisionTarget: ['2027-01-15', false], goLiveTarget: ['2027-03-01', false] });
  });

  test('two chips among three labels: each to its label, in order', () => {
    const plan = readPlan(
      outline(TITLE, bullet('Evaluation start:  · Decision target: Feb 12, 2027 · Go-live target: ', [dateChip('2026-11-16T00:00:00.000Z', 'Nov 16, 2026'), dateChip('2027-03-01T00:00:00.000Z', 'Mar 1, 2027')]), steps),
      CTX,
    );
    expect(dates(plan)).toEqual({ evaluationStart: ['2026-11-16', true], decisionTarget: ['2027-02-12', false], goLiveTarget: ['2027-03-01', true] });
  });

  test('a person chip beside the dates is no date; a label left empty with no chip is not set', () => {
    const plan = readPlan(
      outline(TITLE, para('Decision target:  · Go-live target: Mar 1, 2027 · Owner: ', [{ kind: 'person', name: 'Dana Ruiz', email: 'dana@globex.com' }]), steps),
      CTX,
    );
    expect(dates(plan)).toEqual({ evaluationStart: null, decisionTarget: [null, false], goLiveTarget: ['2027-03-01', false] });
  });
});

describe('which company in the title is ours', () => {
  const steps = table([['Action', 'Owner', 'Due date'], ['Pilot', 'Acme', 'Dec 9, 2026'], ['Signature', 'Globex', 'Jan 22, 2027'], ['Kickoff', 'Both', 'Dec 1, 2026']]);
  const sides = (plan: ReturnType<typeof readPlan>) => plan.steps.map((s) => s.side);

  test('the settings name our company: the title\'s other company is theirs, whatever the order ("Acme" for "Acme Analytics")', () => {
    const title = heading('Globex + Acme Analytics MAP', 1);
    expect(sides(readPlan(outline(title, steps), { ...CTX, yourCompany: 'Acme' }))).toEqual(['ours', 'theirs', 'both']);
    expect(sides(readPlan(outline(title, steps), { ...CTX, theirCompany: 'Globex' }))).toEqual(['ours', 'theirs', 'both']);
  });

  test('nothing in the plan tells: the title\'s order (ours first, as the add-on writes it) decides', () => {
    expect(sides(readPlan(outline(heading('Globex + Acme: Mutual Action Plan', 1), steps), CTX))).toEqual(['theirs', 'ours', 'both']);
  });
});

describe('the two companies a title names', () => {
  test.each([
    ['Acme x Initech – Joint Evaluation Plan', 'Acme', 'Initech'],
    ['Globex / Acme Mutual Close Plan', 'Globex', 'Acme'],
    ['Acme + Globex Joint Success Plan', 'Acme', 'Globex'],
    ['Acme Analytics | Globex close plan', 'Acme Analytics', 'Globex'],
    ['Success Plan — Globex / Acme', 'Globex', 'Acme'],
    ['Joint Evaluation Plan: Acme and Globex', 'Acme', 'Globex'],
    ['Mutual Action Plan: Acme + Globex', 'Acme', 'Globex'],
  ])('"%s" names %s and %s, in its order, with no words of the plan\'s kind left on either', (title, first, second) => {
    expect(companiesFromTitle(title)).toEqual({ yourCompany: first, theirCompany: second });
  });

  test.each(['Action plan', 'Joint Execution Plan', 'Mutual plan', 'Evaluation plan for Globex'])('"%s" names no two companies', (title) => {
    expect(companiesFromTitle(title)).toBeNull();
  });
});
