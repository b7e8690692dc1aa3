/** The words people use for the plan's parts: header words of each table's columns, section headings and key-date labels. One list each, used by the reader and by every message that names them. */
import type { StatusColumnKind } from './cell-status';
import { normaliseHeader } from './columns';
import type { KeyDateName, PlanSection, StepColumn } from './parsed-plan';

export type StakeholderColumn = 'name' | 'title' | 'responsibility' | 'company' | 'email';
export type RiskColumn = 'risk' | 'impact' | 'mitigation';
export type SectionName = PlanSection;

/**
 * Header words for each column of the Steps table, as people write them. A header matches when
 * it is one of these (case, punctuation and "(s)" ignored) or, failing that, contains one as whole
 * words; the longest phrase wins ("Action owner" is the owner, not the action).
 */
export const STEP_HEADER_WORDS: Readonly<Record<StepColumn, readonly string[]>> = {
  // "Step" / "Steps" alone is decided by what its cells hold (see tables.ts): numbers make it the
  // number, words the action.
  number: [
    '#', 'No.', 'Nr', 'Num', 'Number', 'Step #', 'Step no.', 'Step number', 'Step', 'Steps', 'ID', 'Seq', 'Order',
    // An action word with a number mark numbers the rows ("Item #" is not the action).
    'Item #', 'Item no.', 'Item number', 'Task #', 'Task no.', 'Task number', 'Action #', 'Action no.', 'Milestone #',
  ],
  action: [
    'Action', 'Actions', 'Milestone', 'Milestones', 'Task', 'Tasks', 'Activity', 'Activities', 'Action item', 'Action items', 'Step name',
    'Step description', 'Description', 'What', 'Deliverable', 'Deliverables', 'Item', 'Items', 'Next step', 'To do', 'Task name',
  ],
  owner: ['Owner', 'Owner(s)', 'Owners', 'Action owner', 'Responsible', 'Who', 'Assignee', 'Assigned to', 'Lead', 'DRI', 'Accountable', 'Responsible party'],
  ownerOurs: [
    'Seller owner', 'Vendor owner', 'Supplier owner', 'Our owner', 'Owner (us)', 'Owner (Your Company)', 'Owner (seller)', 'Owner (vendor)',
    'Seller', 'Vendor', 'Seller lead', 'Vendor lead', 'Our lead', 'Seller side', 'Vendor side',
  ],
  ownerTheirs: [
    'Buyer owner', 'Customer owner', 'Client owner', 'Prospect owner', 'Their owner', 'Owner (Customer)', 'Owner (client)', 'Owner (buyer)',
    'Owner (prospect)', 'Owner (them)', 'Buyer', 'Customer', 'Client', 'Buyer lead', 'Customer lead', 'Client lead', 'Buyer side', 'Customer side',
  ],
  // What each side does for the step, in a column per side ("Milestone | Buyer tasks | Seller tasks").
  tasksOurs: [
    'Seller tasks', 'Vendor tasks', 'Supplier tasks', 'Our tasks', 'Seller actions', 'Vendor actions', 'Our actions', 'Seller activities',
    'Vendor activities', 'Seller steps', 'Vendor steps', 'Our steps', 'Seller responsibilities', 'Vendor responsibilities', 'Our responsibilities',
    'Seller action items', 'Vendor action items',
  ],
  tasksTheirs: [
    'Buyer tasks', 'Customer tasks', 'Client tasks', 'Prospect tasks', 'Your tasks', 'Buyer actions', 'Customer actions', 'Client actions',
    'Your actions', 'Buyer activities', 'Customer activities', 'Buyer steps', 'Customer steps', 'Your steps', 'Buyer responsibilities',
    'Customer responsibilities', 'Your responsibilities', 'Buyer action items', 'Customer action items',
  ],
  due: [
    'Due date', 'Due', 'Due by', 'Target date', 'Deadline', 'By when', 'Date', 'When', 'Target', 'Timing', 'Typical timing',
    'ETA', 'End date', 'Completion date', 'Finish', 'Target completion', 'Target completion date', 'Planned date', 'Commit date',
    'Date completed', 'Completed date',
    // A plan counted in weeks from the evaluation start ("Week 3").
    'Week', 'Weeks', 'Wk', 'Week #', 'Week no.', 'Week number', 'Timeframe', 'Time frame',
  ],
  status: [
    'Status', 'Progress', 'State', 'Status / notes', 'Status & notes', 'Status and notes', 'Status / comments',
    'Status & comments', 'Status and comments', 'Current status', 'Status update', 'Notes / status', 'Comments / status', 'Status notes',
    // Completion questions and checkbox columns, then RAG ratings: read with their own meaning (statusColumnKind).
    'Done', 'Done?', 'Complete', 'Complete?', 'Completed', 'Completed?', 'Finished', 'Finished?', 'Signed', 'Signed?', '✓',
    'RAG', 'RAG status', 'RAG rating', 'Status (RAG)', 'BRAG', 'Health', 'Traffic light', 'Traffic lights',
  ],
  dependsOn: [
    'Depends on', 'Depends', 'Dependency', 'Dependencies', 'Predecessor', 'Predecessors', 'After', 'Blocked by', 'Prerequisite',
    'Prerequisites', 'Requires', 'Waits for', 'Follows',
  ],
  // "Milestone" is the action when alone, the phase beside a "Task"/"Action" column (see tables.ts).
  phase: ['Phase', 'Phases', 'Stage', 'Stages', 'Workstream', 'Workstreams', 'Work stream', 'Track', 'Milestone group', 'Category'],
}

/** Headers that contain a step word but are something else ("Start date" is not the due date); they stay extra columns. */
export const STEP_OTHER_HEADER_WORDS: readonly string[] = [
  'Start date', 'Start', 'Date added', 'Created', 'Last updated', 'Updated', 'Notes', 'Comments', 'Link', 'Links',
  // Who or when a step was done: names and dates, not its status.
  'Completed by', 'Completed on', 'Done by', 'Done on', 'Signed by', 'Signed on', 'Finished on',
];

/** Status headers that ask whether the step is done ("Done?", "✓"): a yes is complete, a no or nothing not done. */
const COMPLETION_HEADER_WORDS: readonly string[] = ['Done', 'Complete', 'Completed', 'Finished', 'Signed', '✓'];
/** Status headers of a RAG rating ("RAG status", "Health"): green, amber and red are read in the method's terms (cell-status.ts). */
const RAG_HEADER_WORDS: readonly string[] = ['RAG', 'BRAG', 'Health', 'Traffic light', 'Traffic lights'];

/**
 * What a status column holds, by its header: a completion question, a RAG rating or a status. A
 * RAG word anywhere in the header makes it a rating ("RAG status", "Status (RAG)").
 */
export function statusColumnKind(header: string): StatusColumnKind {
  const h = ` ${normaliseHeader(header)} `;
  if (RAG_HEADER_WORDS.some((w) => h.includes(` ${normaliseHeader(w)} `))) return 'rag';
  if (COMPLETION_HEADER_WORDS.some((w) => h.trim() === normaliseHeader(w))) return 'completion';
  return 'status';
}

export const STAKEHOLDER_HEADER_WORDS: Readonly<Record<StakeholderColumn, readonly string[]>> = {
  name: ['Name', 'Names', 'Stakeholder', 'Stakeholders', 'Person', 'People', 'Contact', 'Who'],
  title: ['Role', 'Title', 'Job title', 'Position', 'Function'],
  responsibility: [
    'Responsibility in this evaluation', 'Responsibility', 'Responsibilities', 'Involvement', 'Role in this evaluation',
    'Role in the evaluation', 'Role in evaluation', 'Part in the evaluation',
  ],
  company: ['Company', 'Organization', 'Organisation', 'Org', 'Side'],
  email: ['Email', 'E-mail', 'Email address'],
};

export const RISK_HEADER_WORDS: Readonly<Record<RiskColumn, readonly string[]>> = {
  risk: ['Risk', 'Risks', 'Blocker', 'Blockers', 'Risk / blocker', 'Issue', 'Issues', 'Concern', 'Threat'],
  impact: ['Impact', 'Effect', 'Consequence', 'Severity', 'If it happens'],
  mitigation: ['Mitigation', 'Mitigations', 'Mitigation plan', 'Plan', 'Response', 'Countermeasure', 'Next step', 'Action'],
};

/** Section headings, matched whole or as the heading's first words ("Steps (updated Jan 5)"). */
export const SECTION_HEADING_WORDS: Readonly<Record<SectionName, readonly string[]>> = {
  goal: ['Goal', 'Goals', 'Objective', 'Objectives', 'Purpose', 'Our goal'],
  keyDates: ['Key dates', 'Dates', 'Important dates', 'Key milestones'],
  steps: ['Steps', 'Action plan', 'Actions', 'Plan', 'Next steps', 'Milestones', 'Tasks', 'Activities', 'Evaluation steps', 'Timeline', 'The plan'],
  stakeholders: [
    'Stakeholders', 'Key stakeholders', 'People', 'Team', 'Contacts', 'Key contacts', 'Who is involved', "Who's involved", 'Decision makers',
    'Decision team', 'Buying committee', 'Buying group', 'Key people', 'Deal team',
  ],
  successCriteria: ['Success criteria', 'Criteria', 'Definition of success', 'What success looks like', 'Success'],
  risks: [
    'Risks and blockers', 'Risks & blockers', 'Risks / blockers', 'Risks', 'Risk', 'Blockers', 'Risks and mitigations', 'Risks & mitigations',
    'Potential blockers', 'Potential risks', 'Known risks', 'Blockers and risks',
  ],
};

/** Headings of the plan's change log, where the add-on writes a dated line per shift: never read as steps or any other part. */
export const CHANGES_HEADING_WORDS: readonly string[] = ['Changes', 'Change log', 'Changelog', 'Plan changes', 'Revision history', 'Changes to the plan', 'Change history'];

/** How people qualify a key date's label: "Target go-live", "Expected close", "Forecast close", "Desired signature date". */
const KEY_DATE_QUALIFIERS = ['Target', 'Expected', 'Desired', 'Forecast', 'Forecasted', 'Planned', 'Projected', 'Estimated', 'Anticipated', 'Committed'];
const qualified = (events: readonly string[]): string[] => KEY_DATE_QUALIFIERS.flatMap((q) => events.map((e) => `${q} ${e}`));

/** Labels of the Key dates lines ("Decision target: Mar 31, 2026"), with every qualifier of each event ("Expected go-live"). */
export const KEY_DATE_WORDS: Readonly<Record<KeyDateName, readonly string[]>> = {
  evaluationStart: [
    'Evaluation start', 'Evaluation starts', 'Evaluation begins', 'Evaluation kickoff', 'Evaluation kick-off', 'Evaluation start date',
    'Eval start', 'Start', 'Start date', 'Kickoff', 'Kick-off', 'Kickoff date', 'Project start', 'Project kickoff', 'Start of evaluation',
    'Evaluation period starts', 'POC start', 'Pilot start',
    ...qualified(['start', 'start date', 'kickoff', 'kick-off', 'evaluation start']),
  ],
  decisionTarget: [
    'Decision target', 'Decision date', 'Decision', 'Decision by', 'Decision deadline',
    'Go/no-go', 'Go/no-go decision', 'Go/no-go date', 'Close date', 'Closing date', 'Close by',
    'Signature date', 'Signing date', 'Signature target', 'Signature by',
    'Contract signed by', 'Contract signature', 'Contract signature date', 'Sign by', 'Purchase decision', 'Commit date', 'Commit by',
    ...qualified(['close', 'close date', 'closing date', 'decision', 'decision date', 'signature', 'signature date', 'signing', 'signing date', 'sign date', 'commit date']),
  ],
  goLiveTarget: [
    'Go-live target', 'Go-live', 'Go live', 'Go-live date', 'Go live by', 'Go-live by', 'Launch', 'Launch date', 'Live date', 'Live by',
    'Implementation target', 'Rollout', 'Rollout date', 'Production go-live',
    ...qualified(['go-live', 'go live', 'go-live date', 'go live date', 'launch', 'launch date', 'live date', 'rollout', 'rollout date']),
  ],
};

/**
 * Labels that stand for a key date only when the plan names it by none of its own labels: the
 * contract's (or the implementation's) start is the day the signature must come before, so it is
 * read as the decision target, never as the evaluation start that "Week 3" counts from.
 */
export const KEY_DATE_STAND_INS: Readonly<Partial<Record<KeyDateName, readonly string[]>>> = {
  decisionTarget: ['Contract start', 'Contract start date', 'Subscription start', 'Subscription start date', 'Implementation start', 'Implementation start date', 'Implementation kickoff'],
};

/** The method's names for the Steps columns, used in sentences when a header cell is blank. */
export const STEP_COLUMN_NAMES: Record<StepColumn, string> = {
  number: '#', action: 'Action', owner: 'Owner', ownerOurs: 'Our owner', ownerTheirs: 'Their owner', tasksOurs: 'Our tasks', tasksTheirs: 'Their tasks',
  due: 'Due date', status: 'Status',
  dependsOn: 'Depends on', phase: 'Phase',
};

/** The sentence every "no Steps table" message uses, from the same word lists the reader accepts. */
export function stepsTableWanted(): string {
  const w = STEP_HEADER_WORDS;
  const words = (items: readonly string[]): string => items.map((x) => `"${x}"`).join(', ');
  return (
    `The add-on looks for a table whose header row has an action column (${words(['Action', 'Step', 'Step name', 'Task', 'Milestone', 'Deliverable', 'Item'])}, or ${w.action.length - 7} more) ` +
    `and an owner, due date or status column (${words(['Owner', 'Responsible', 'Seller owner', 'Buyer owner', 'Due date', 'Target date', 'Deadline', 'Status', 'Progress', 'Status / notes'])}).`
  );
}

/** The key dates in the order they are read: the start first, since "Decision target: Week 8" counts from it. */
export const KEY_DATE_ORDER: readonly KeyDateName[] = ['evaluationStart', 'decisionTarget', 'goLiveTarget'];
