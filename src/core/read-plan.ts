/** Reads a Mutual Action Plan back from a document outline, however people edited it: sections by heading, tables by their header words, cells by the cell parsers, and diagnostics in a seller's words. */
import { detectDayFirst, parseDueDate, type DateContext, type DateFormat } from './cell-dates';
import { classifyOwner, type OwnerContext } from './cell-owner';
import { parseStatus } from './cell-status';
import { isIsoDate } from './calendar';
import type {
  CellRef, Chip, Diagnostic, DocumentOutline, KeyDateLine, KeyDateName, OutlineBlock, OutlineCell, OutlineParagraph,
  OutlineTable, ParsedPlan, ParsedRisk, ParsedStakeholder, ParsedStep, PlanSection, StepColumn, StepsTable,
} from './parsed-plan';
import { KEY_DATE_LABELS } from './parsed-plan';
import type { IsoDate, Side } from './plan';
import { buildDependencies, topologicalOrder, type DependencyRow } from './schedule';

// ---------------------------------------------------------------------------------------------
// The read context and the words people use
// ---------------------------------------------------------------------------------------------

/** A step seen on an earlier read (from the stored history): lets a row whose marker was lost keep its identity. */
export interface KnownStep {
  key: string;
  action: string;
  number: number;
  due: IsoDate | null;
}

export interface ReadContext {
  /** The user's locale ("en_US"): decides "3/4" when nothing in the document does. */
  locale: string;
  /** The user's today: the last resort for a date written without its year. */
  today: IsoDate;
  /** From saved settings; otherwise read from the title "Mutual Action Plan: Acme + Globex". */
  yourCompany?: string;
  theirCompany?: string;
  knownSteps?: KnownStep[];
}

export type StakeholderColumn = 'name' | 'title' | 'responsibility' | 'company' | 'email';
export type RiskColumn = 'risk' | 'impact' | 'mitigation';
export type SectionName = PlanSection;

/**
 * Header words for each column of the Steps table, as people write them. A header matches when
 * it is one of these (case, punctuation and "(s)" ignored) or, failing that, contains one as whole
 * words; the longest phrase wins ("Action owner" is the owner, not the action).
 */
export const STEP_HEADER_WORDS: Readonly<Record<StepColumn, readonly string[]>> = {
  number: ['#', 'No.', 'Nr', 'Num', 'Number', 'Step #', 'Step no.', 'Step number', 'Step', 'ID', 'Seq', 'Order'],
  action: [
    'Action', 'Actions', 'Milestone', 'Milestones', 'Task', 'Tasks', 'Activity', 'Activities', 'Action item', 'Step description',
    'Description', 'What', 'Deliverable', 'Item', 'Next step', 'To do',
  ],
  owner: ['Owner', 'Owner(s)', 'Action owner', 'Responsible', 'Who', 'Assignee', 'Assigned to', 'Lead', 'DRI', 'Accountable', 'Responsible party'],
  due: [
    'Due date', 'Due', 'Due by', 'Target date', 'Deadline', 'By when', 'Date', 'When', 'Target', 'Timing', 'Typical timing',
    'ETA', 'End date', 'Completion date', 'Finish',
  ],
  status: ['Status', 'Progress', 'State', 'Done', 'RAG'],
  dependsOn: [
    'Depends on', 'Depends', 'Dependency', 'Dependencies', 'Predecessor', 'Predecessors', 'After', 'Blocked by', 'Prerequisite',
    'Prerequisites', 'Requires', 'Waits for', 'Follows',
  ],
};

/** Headers that contain a step word but are something else ("Start date" is not the due date); they stay extra columns. */
export const STEP_OTHER_HEADER_WORDS: readonly string[] = [
  'Start date', 'Start', 'Date added', 'Created', 'Last updated', 'Updated', 'Notes', 'Comments', 'Link', 'Links',
];

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
  stakeholders: ['Stakeholders', 'Key stakeholders', 'People', 'Team', 'Contacts', 'Who is involved', 'Decision makers', 'Buying committee'],
  successCriteria: ['Success criteria', 'Criteria', 'Definition of success', 'What success looks like', 'Success'],
  risks: ['Risks and blockers', 'Risks & blockers', 'Risks / blockers', 'Risks', 'Risk', 'Blockers'],
};

/** Labels of the Key dates lines ("Decision target: Mar 31, 2026"). */
export const KEY_DATE_WORDS: Readonly<Record<KeyDateName, readonly string[]>> = {
  evaluationStart: ['Evaluation start', 'Evaluation starts', 'Evaluation begins', 'Evaluation kickoff', 'Eval start', 'Start', 'Start date', 'Kickoff', 'Kick-off', 'Project start'],
  decisionTarget: [
    'Decision target', 'Decision date', 'Decision', 'Decision by', 'Target decision', 'Go/no-go', 'Go/no-go decision', 'Close date',
    'Target close', 'Signature target',
  ],
  goLiveTarget: ['Go-live target', 'Go-live', 'Go live', 'Go-live date', 'Launch', 'Launch date', 'Live date', 'Implementation target', 'Rollout'],
};

/** The method's names for the Steps columns, used in sentences when a header cell is blank. */
const STEP_COLUMN_NAMES: Record<StepColumn, string> = {
  number: '#', action: 'Action', owner: 'Owner', due: 'Due date', status: 'Status', dependsOn: 'Depends on',
};
const KEY_DATE_ORDER: readonly KeyDateName[] = ['evaluationStart', 'decisionTarget', 'goLiveTarget'];

// ---------------------------------------------------------------------------------------------
// Words and headers
// ---------------------------------------------------------------------------------------------

/** Lower case, "(s)" and punctuation gone except "#", single spaces: "Owner(s):" and "owner" read alike. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** One line of text as a person reads it: soft breaks and paragraph breaks are spaces. */
function clean(text: string): string {
  return text.replace(/[\r\n\t\v]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

type Words<K extends string> = Readonly<Record<K, readonly string[]>>;

/** The columns a header could be, best first; several means the header is ambiguous. */
function headerKinds<K extends string>(header: string, words: Words<K>, others: readonly string[] = []): K[] {
  const h = normaliseHeader(header);
  if (!h) return [];
  const kinds = Object.keys(words) as K[];
  const exact = kinds.filter((k) => words[k].some((p) => normaliseHeader(p) === h));
  if (exact.length > 0) return exact;
  if (others.some((p) => normaliseHeader(p) === h)) return [];
  const padded = ` ${h} `;
  const hits: { kind: K | null; start: number; end: number }[] = [];
  const find = (phrase: string, kind: K | null): void => {
    const p = normaliseHeader(phrase);
    if (!p) return;
    for (let at = padded.indexOf(` ${p} `); at >= 0; at = padded.indexOf(` ${p} `, at + 1)) hits.push({ kind, start: at, end: at + p.length + 1 });
  };
  for (const k of kinds) for (const p of words[k]) find(p, k);
  for (const p of others) find(p, null);
  // A phrase inside a longer one found at the same place does not count ("due" inside "due date").
  const kept = hits.filter((a) => !hits.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  kept.sort((a, b) => a.start - b.start);
  if (kept.some((hit) => hit.kind === null)) return [];
  return [...new Set(kept.map((hit) => hit.kind as K))];
}

interface ColumnMap<K extends string> {
  columns: Partial<Record<K, number>>;
  /** Headers that named two kinds of column: which it could be, and which it was read as. */
  ambiguous: { column: number; kinds: K[]; chosen: K }[];
  /** A second header for a column already found: it is kept as an extra column. */
  repeated: { column: number; kind: K; first: number }[];
  /** Columns that are none of ours, kept and ignored. */
  other: number[];
}

function mapColumns<K extends string>(headers: readonly string[], words: Words<K>, others: readonly string[] = []): ColumnMap<K> {
  const map: ColumnMap<K> = { columns: {}, ambiguous: [], repeated: [], other: [] };
  const kinds = headers.map((h) => headerKinds(h, words, others));
  const take = (column: number, kind: K): void => {
    const first = map.columns[kind];
    if (first === undefined) map.columns[kind] = column;
    else {
      map.repeated.push({ column, kind, first });
      map.other.push(column);
    }
  };
  // Plain headers first, so an ambiguous one only takes what is left ("Owner / due" beside "Owner").
  kinds.forEach((ks, column) => {
    if (ks.length === 0) map.other.push(column);
    else if (ks.length === 1) take(column, ks[0] as K);
  });
  kinds.forEach((ks, column) => {
    if (ks.length < 2) return;
    const chosen = ks.find((k) => map.columns[k] === undefined) ?? (ks[0] as K);
    map.ambiguous.push({ column, kinds: ks, chosen });
    take(column, chosen);
  });
  map.other.sort((a, b) => a - b);
  return map;
}

function sectionOfHeading(text: string): SectionName | null {
  const h = normaliseHeader(text);
  if (!h) return null;
  let best: { name: SectionName; length: number } | null = null;
  for (const name of Object.keys(SECTION_HEADING_WORDS) as SectionName[]) {
    for (const phrase of SECTION_HEADING_WORDS[name]) {
      const p = normaliseHeader(phrase);
      if ((h === p || h.startsWith(`${p} `)) && (!best || p.length > best.length)) best = { name, length: p.length };
    }
  }
  return best?.name ?? null;
}

function list(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

const quoted = (words: readonly string[]): string[] => words.map((w) => `"${w}"`);

// ---------------------------------------------------------------------------------------------
// Sections
// ---------------------------------------------------------------------------------------------

interface Section {
  name: SectionName | null;
  /** The heading as written, to name a table in a sentence ("the one under "Next steps""). */
  heading: string | null;
  /** Body index of the heading or name line that opened the section; -1 before any. */
  start: number;
}

const PLAN_TITLE = /mutual action plan/i;
const SUCCESS_LEAD_IN = /need to see|success criteria|what success looks like|definition of success/i;

/**
 * The section each block sits in. A heading starts one; so does a short plain paragraph that is
 * exactly a section's name ("Key dates:" in bold), since people often skip heading styles. A
 * deeper heading that is no section of ours ("Phase 1" under "Steps") stays in its parent.
 */
function sectionsOf(blocks: readonly OutlineBlock[], titleAt: number): Section[] {
  const out: Section[] = [];
  let current: Section & { level: number } = { name: null, heading: null, start: -1, level: 0 };
  blocks.forEach((block, i) => {
    const start = block.index;
    if (block.kind === 'paragraph' && i !== titleAt) {
      const text = clean(block.text);
      const name = block.list === null && text.length <= 60 ? sectionOfHeading(text) : null;
      const isHeading = block.heading > 0 && text !== '';
      const exactName = name !== null && block.heading === 0 && SECTION_HEADING_WORDS[name].some((w) => normaliseHeader(w) === normaliseHeader(text));
      if (isHeading && name) current = { name, heading: text, start, level: block.heading };
      else if (isHeading && !(current.name && block.heading > current.level)) current = { name: null, heading: text, start, level: block.heading };
      else if (exactName && name) current = { name, heading: text, start, level: 7 };
    }
    if (i === titleAt) current = { name: null, heading: null, start, level: 0 };
    out.push({ name: current.name, heading: current.heading, start: current.start });
  });
  return out;
}

/** The plan's title: a heading naming a Mutual Action Plan, else such a line, else the first Heading 1 that is no section of ours. */
function findTitle(blocks: readonly OutlineBlock[]): number {
  const titled = (b: OutlineBlock): boolean => b.kind === 'paragraph' && b.list === null && PLAN_TITLE.test(b.text) && clean(b.text).length <= 120;
  const named = blocks.findIndex((b) => titled(b) && b.kind === 'paragraph' && b.heading > 0);
  if (named >= 0) return named;
  const line = blocks.findIndex(titled);
  if (line >= 0) return line;
  return blocks.findIndex((b) => b.kind === 'paragraph' && b.heading === 1 && clean(b.text) !== '' && sectionOfHeading(b.text) === null);
}

/** "Mutual Action Plan: Acme + Globex": the seller's company first, as the add-on writes it. */
export function companiesFromTitle(title: string): { yourCompany: string; theirCompany: string } | null {
  const t = clean(title);
  const m = /mutual action plan\s*[:\-–—|]\s*(.+)$/i.exec(t) ?? /^(.+?)\s*[:\-–—|]\s*mutual action plan$/i.exec(t);
  const pair = m?.[1];
  if (!pair) return null;
  for (const joiner of [/\s+\+\s+|\+/, /\s+<>\s+/, /\s+(?:x|×)\s+/i, /\s+&\s+/, /\s+\/\s+/, /\s+and\s+/i, /\s+(?:vs\.?|with)\s+/i]) {
    const parts = pair.split(joiner).map((p) => p.trim());
    if (parts.length === 2 && parts[0] && parts[1]) return { yourCompany: parts[0], theirCompany: parts[1] };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

type TableKind = 'steps' | 'stakeholders' | 'risks';

interface FoundTable {
  table: OutlineTable;
  /** Position in outline.blocks. */
  at: number;
  kind: TableKind;
  headerRow: number;
  section: Section;
}

const EMPTY_CELL: OutlineCell = { text: '', chips: [] };

/** A step number as typed: "3", "3.", "#3", "Step 3". */
const NUMBER_CELL = /^(?:step\s*)?#?\s*(\d{1,4})\s*[.):]?$/i;

function cellAt(table: OutlineTable, row: number, column: number | undefined): OutlineCell {
  if (column === undefined) return EMPTY_CELL;
  return table.rows[row]?.cells[column] ?? EMPTY_CELL;
}

const isBlank = (cell: OutlineCell): boolean => clean(cell.text) === '' && cell.chips.length === 0;

function headersOf(table: OutlineTable, row: number): string[] {
  return (table.rows[row]?.cells ?? []).map((c) => clean(c.text));
}

/**
 * What a header row says the table is. A risks table may have "Action" and "Owner" columns and a
 * Steps table a "Risk" column, so when both fit, the one whose main column comes first wins.
 */
function kindOfHeaders(headers: readonly string[], section: SectionName | null): TableKind | null {
  const risks = mapColumns(headers, RISK_HEADER_WORDS).columns;
  const steps = stepColumns(headers).columns;
  const stepDetails = [steps.owner, steps.due, steps.status].filter((c) => c !== undefined).length;
  const risky = risks.risk !== undefined && (risks.impact !== undefined || risks.mitigation !== undefined);
  const stepLike = steps.action !== undefined && stepDetails > 0;
  if (risky && (!stepLike || (risks.risk ?? 0) < (steps.action ?? 0))) return 'risks';
  if (stepLike) return 'steps';
  const people = mapColumns(headers, STAKEHOLDER_HEADER_WORDS).columns;
  if (people.name !== undefined && (people.title !== undefined || people.responsibility !== undefined || people.company !== undefined || people.email !== undefined)) return 'stakeholders';
  // Under its own heading a table needs less to be recognised.
  if (section === 'steps' && (steps.action !== undefined || stepDetails + (steps.number !== undefined ? 1 : 0) >= 2)) return 'steps';
  if (section === 'stakeholders' && people.name !== undefined) return 'stakeholders';
  if (section === 'risks' && risks.risk !== undefined) return 'risks';
  return null;
}

/** The Steps columns; a "Step" header is the action when nothing else is ("Step | Owner | Due"). */
function stepColumns(headers: readonly string[]): ColumnMap<StepColumn> {
  const map = mapColumns(headers, STEP_HEADER_WORDS, STEP_OTHER_HEADER_WORDS);
  const n = map.columns.number;
  if (map.columns.action === undefined && n !== undefined && /^steps?$/.test(normaliseHeader(headers[n] ?? ''))) {
    map.columns.action = n;
    delete map.columns.number;
  }
  return map;
}

/** A header in the first row, or in the second under a title row ("Evaluation plan" merged across). */
function classifyTable(table: OutlineTable, section: SectionName | null): { kind: TableKind; headerRow: number } | null {
  for (const headerRow of [0, 1]) {
    if (headerRow >= table.rows.length) break;
    const kind = kindOfHeaders(headersOf(table, headerRow), section);
    if (kind) return { kind, headerRow };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

/**
 * A date chip's calendar date: the date part of its instant in UTC. Docs shows a date chip in UTC
 * ("The display value uses the UTC timezone", …/document/date#getDisplayText()), so this is the
 * day the person sees on the chip, whatever the script's or the reader's time zone.
 */
export function chipDate(chip: Extract<Chip, { kind: 'date' }>): IsoDate | null {
  const ms = Date.parse(chip.timestamp);
  if (Number.isNaN(ms)) return null;
  const iso = new Date(ms).toISOString().slice(0, 10);
  return isIsoDate(iso) ? iso : null;
}

type DateReading =
  | { kind: 'date'; date: IsoDate; format: DateFormat | null; text: string }
  | { kind: 'undated'; reason: 'empty' | 'tbd' | 'quarter' | 'unknown' | 'week'; text: string };

const WEEK_WORD = /\b(?:weeks?|wks?\.?|w)\s*\d/i;

/** A cell or line's date: its date chip wins over its text; the chip's display text gives the form to write back. */
function readDate(text: string, chips: readonly Chip[], ctx: DateContext): DateReading {
  const chip = chips.find((c): c is Extract<Chip, { kind: 'date' }> => c.kind === 'date');
  const chipDay = chip ? chipDate(chip) : null;
  if (chip && chipDay) {
    const shown = parseDueDate(chip.displayText, ctx);
    const rest = clean(text);
    return { kind: 'date', date: chipDay, format: shown.kind === 'date' ? shown.format : null, text: rest ? `${chip.displayText} ${rest}` : chip.displayText };
  }
  const parsed = parseDueDate(text, ctx);
  if (parsed.kind === 'date') return { kind: 'date', date: parsed.date, format: parsed.format, text };
  if (parsed.reason === 'unknown' && !ctx.evaluationStart && WEEK_WORD.test(text)) return { kind: 'undated', reason: 'week', text };
  return { kind: 'undated', reason: parsed.reason, text };
}

function median(dates: readonly IsoDate[]): IsoDate | null {
  if (dates.length === 0) return null;
  const sorted = [...dates].sort();
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? null;
}

// ---------------------------------------------------------------------------------------------
// Key dates
// ---------------------------------------------------------------------------------------------

interface KeyDateSource {
  name: KeyDateName;
  block: OutlineParagraph;
  label: string;
  valueText: string;
}

const LABEL_LINE = /^\s*([^:–—]{1,40}?)\s*(?::|\s[–—-]\s)\s*(.*)$/s;

function keyDateNameOf(label: string): KeyDateName | null {
  const l = normaliseHeader(label);
  let best: { name: KeyDateName; length: number } | null = null;
  for (const name of KEY_DATE_ORDER) {
    for (const phrase of KEY_DATE_WORDS[name]) {
      const p = normaliseHeader(phrase);
      if ((l === p || l.startsWith(`${p} `)) && (!best || p.length > best.length)) best = { name, length: p.length };
    }
  }
  return best?.name ?? null;
}

/** Key date lines: those in the Key dates section, then "Label: date" lines elsewhere for a name not found there. */
function findKeyDateLines(blocks: readonly OutlineBlock[], sections: readonly Section[], titleAt: number): KeyDateSource[] {
  const inSection: KeyDateSource[] = [];
  const elsewhere: KeyDateSource[] = [];
  blocks.forEach((block, i) => {
    if (block.kind !== 'paragraph' || block.heading > 0 || i === titleAt) return;
    const m = LABEL_LINE.exec(block.text);
    const label = m?.[1];
    const name = label ? keyDateNameOf(label) : null;
    if (!name || !label) return;
    const source = { name, block, label, valueText: m?.[2] ?? '' };
    if (sections[i]?.name === 'keyDates') inSection.push(source);
    else if (sections[i]?.name !== 'steps' && sections[i]?.name !== 'successCriteria') elsewhere.push(source);
  });
  const found = new Map<KeyDateName, KeyDateSource>();
  for (const source of [...inSection, ...elsewhere]) if (!found.has(source.name)) found.set(source.name, source);
  return KEY_DATE_ORDER.flatMap((name) => found.get(name) ?? []);
}

// ---------------------------------------------------------------------------------------------
// Step identity
// ---------------------------------------------------------------------------------------------

/** Action text for matching: case, punctuation and spacing ignored. */
function normaliseAction(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(normaliseAction(text).split(' ').filter(Boolean).map((w) => (w.length > 3 ? w.replace(/s$/, '') : w)));
}

/** Renamed but recognisable: one action contains the other, or they share most of their words. */
function similarAction(a: string, b: string): boolean {
  const [x, y] = [normaliseAction(a), normaliseAction(b)];
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const [wa, wb] = [words(a), words(b)];
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size) >= 0.5;
}

/** FNV-1a, base 36: short, stable across reads and runtimes. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-7);
}

interface IdentityRow {
  marker: string | null;
  action: string;
  number: number;
  due: IsoDate | null;
  row: number;
}

/**
 * Keys for the step rows. A row's own marker (named range) wins, unless an earlier row already
 * holds the same one; then a row without one takes a known step with the same action (the same
 * number and date break ties), then one with the same number and a similar action; any other row
 * gets a new key from its action and row, never one a known step had (its history is another step's).
 */
function assignKeys(rows: readonly IdentityRow[], known: readonly KnownStep[]): string[] {
  const keys: (string | null)[] = [];
  const used = new Set<string>();
  for (const r of rows) {
    const k = r.marker && !used.has(r.marker) ? r.marker : null;
    if (k) used.add(k);
    keys.push(k);
  }
  const pool = known.filter((k) => !used.has(k.key));
  const claim = (i: number, step: KnownStep): void => {
    keys[i] = step.key;
    used.add(step.key);
    pool.splice(pool.indexOf(step), 1);
  };
  rows.forEach((r, i) => {
    const action = normaliseAction(r.action);
    if (keys[i] || !action) return;
    const same = pool.filter((k) => normaliseAction(k.action) === action);
    const best = same.find((k) => k.number === r.number) ?? same.find((k) => k.due !== null && k.due === r.due) ?? same[0];
    if (best) claim(i, best);
  });
  rows.forEach((r, i) => {
    if (keys[i]) return;
    const best = pool.find((k) => k.number === r.number && similarAction(k.action, r.action));
    if (best) claim(i, best);
  });
  const taken = new Set([...used, ...known.map((k) => k.key)]);
  return rows.map((r, i) => {
    const existing = keys[i];
    if (existing) return existing;
    let key = `s${shortHash(`${normaliseAction(r.action)}|${r.row}`)}`;
    for (let salt = 1; taken.has(key); salt++) key = `s${shortHash(`${normaliseAction(r.action)}|${r.row}|${salt}`)}`;
    taken.add(key);
    return key;
  });
}

// ---------------------------------------------------------------------------------------------
// People and sides
// ---------------------------------------------------------------------------------------------

const people = (chips: readonly Chip[]): Extract<Chip, { kind: 'person' }>[] => chips.filter((c): c is Extract<Chip, { kind: 'person' }> => c.kind === 'person');

const chipName = (chip: Extract<Chip, { kind: 'person' }>): string => chip.name.trim() || chip.email;

/** A cell's people: the text as typed, with chip names added that the text does not already say. */
function withChipNames(text: string, chips: readonly Chip[]): string {
  let out = clean(text);
  for (const chip of people(chips)) {
    const name = chipName(chip);
    if (out.toLowerCase().includes(name.toLowerCase())) continue;
    if (!out) out = name;
    else if (/(?:[+,&/;]|\band|\bwith)$/i.test(out)) out = `${out} ${name}`;
    else out = `${out}, ${name}`;
  }
  return out;
}

function companyKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whose address an email is: a stakeholder's, or a company's domain ("dana@globex.com" is Globex's). */
function sideOfEmail(email: string, ctx: OwnerContext, stakeholders: readonly ParsedStakeholder[]): Side {
  const e = email.trim().toLowerCase();
  const known = stakeholders.find((s) => s.email?.toLowerCase() === e && s.side !== 'unknown');
  if (known) return known.side;
  const domain = e.split('@')[1] ?? '';
  const labels = domain.split('.').map(companyKey);
  const ours = ctx.yourCompany && labels.includes(companyKey(ctx.yourCompany));
  const theirs = ctx.theirCompany && labels.includes(companyKey(ctx.theirCompany));
  return ours && !theirs ? 'ours' : theirs && !ours ? 'theirs' : 'unknown';
}

function combineSides(sides: readonly Side[]): Side {
  const known = new Set(sides.filter((s) => s !== 'unknown'));
  if (known.has('both') || (known.has('ours') && known.has('theirs'))) return 'both';
  return [...known][0] ?? 'unknown';
}

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** "Controller, Globex" is titled Controller: the company beside a title says whose person it is, and is not the title. */
function stripCompany(role: string, companies: readonly string[]): string {
  let t = clean(role);
  for (const c of companies.filter((name) => name.trim().length > 1)) {
    const n = esc(c.trim());
    t = t
      .replace(new RegExp(`\\s*(?:,|\\bat|@|[-–—])\\s*${n}$`, 'i'), '')
      .replace(new RegExp(`\\s*\\(${n}\\)$`, 'i'), '')
      .replace(new RegExp(`^${n}$`, 'i'), '');
  }
  return t.trim();
}

// ---------------------------------------------------------------------------------------------
// The reader
// ---------------------------------------------------------------------------------------------

/**
 * Reads the plan out of a document outline. Pure: no Google services, never throws on anything
 * a person can type. What it cannot read comes back in `diagnostics`, each naming the table, row,
 * column and text in a seller's words.
 */
export function readPlan(outline: DocumentOutline, context: ReadContext): ParsedPlan {
  return new PlanReader(outline, context).read();
}

class PlanReader {
  private readonly blocks: readonly OutlineBlock[];
  private readonly diagnostics: Diagnostic[] = [];
  private readonly places: number[][] = [];
  private readonly titleAt: number;
  private readonly sections: Section[];
  private readonly companies: { yourCompany: string; theirCompany: string };

  constructor(
    outline: DocumentOutline,
    private readonly context: ReadContext,
  ) {
    this.blocks = outline.blocks;
    this.titleAt = findTitle(this.blocks);
    this.sections = sectionsOf(this.blocks, this.titleAt);
    const title = this.titleBlock();
    const fromTitle = title ? companiesFromTitle(title.text) : null;
    this.companies = {
      yourCompany: context.yourCompany?.trim() || fromTitle?.yourCompany || '',
      theirCompany: context.theirCompany?.trim() || fromTitle?.theirCompany || '',
    };
  }

  read(): ParsedPlan {
    const tables = this.findTables();
    const stepsTable = this.chooseTable(tables, 'steps');
    const peopleTable = this.chooseTable(tables, 'stakeholders');
    const risksTable = this.chooseTable(tables, 'risks');
    const keyLines = findKeyDateLines(this.blocks, this.sections, this.titleAt);
    const steps = stepsTable ? this.stepsLayout(stepsTable) : null;

    // One numeric order for the whole document, from every text in it that may hold a date: the
    // key dates and the step rows' cells ("Mar 3 (was 14/2)" in a Notes column counts too), but
    // not "#" or "Depends on", whose numbers are steps.
    const dueCells = stepsTable && steps ? steps.rows.map((r) => cellAt(stepsTable.table, r, steps.map.columns.due)) : [];
    const notDates = new Set([steps?.map.columns.number, steps?.map.columns.dependsOn]);
    const rowTexts = stepsTable && steps
      ? steps.rows.flatMap((r) => (stepsTable.table.rows[r]?.cells ?? []).filter((_, c) => !notDates.has(c)).map((c) => c.text))
      : [];
    const dayFirst = detectDayFirst([...keyLines.map((k) => k.valueText), ...rowTexts], this.context.locale);

    // The reference date: the plan's own dates settle a missing year, not today.
    const today = this.context.today;
    const firstStart = this.keyDates(keyLines, { dayFirst, referenceDate: today }, false).evaluationStart?.date ?? null;
    const firstDates = dueCells
      .map((c) => readDate(c.text, c.chips, { dayFirst, referenceDate: firstStart ?? today, evaluationStart: firstStart }))
      .flatMap((d) => (d.kind === 'date' ? [d.date] : []));
    const referenceDate = median(firstDates) ?? firstStart ?? today;
    const keyDates = this.keyDates(keyLines, { dayFirst, referenceDate }, true);
    const dateContext: DateContext = { dayFirst, referenceDate, evaluationStart: keyDates.evaluationStart?.date ?? null };

    const stakeholders = peopleTable ? this.stakeholders(peopleTable) : [];
    const ownerContext: OwnerContext = {
      ...this.companies,
      ourPeople: stakeholders.filter((s) => s.side === 'ours').map((s) => s.name),
      theirPeople: stakeholders.filter((s) => s.side === 'theirs').map((s) => s.name),
    };
    if (!stepsTable) this.noStepsTable();
    const parsedSteps = stepsTable && steps ? this.steps(stepsTable, steps, dateContext, ownerContext, stakeholders) : [];
    const goal = this.goal();
    const criteria = this.successCriteria();
    const foundSteps: StepsTable | null =
      stepsTable && steps
        ? {
            index: stepsTable.table.index,
            columns: { ...steps.map.columns },
            headers: steps.headers,
            otherColumns: steps.map.other.map((c) => steps.headers[c] ?? ''),
            phase: null,
          }
        : null;

    return {
      title: this.titleBlock() ? clean(this.titleBlock()?.text ?? '') : null,
      goal: goal?.text ?? null,
      keyDates,
      steps: parsedSteps,
      stepsTable: foundSteps,
      stepsTables: foundSteps ? [foundSteps] : [],
      agreement: null,
      holidays: [],
      stakeholders,
      successCriteria: criteria.lines.map((c) => c.text),
      successCriteriaPlaces: criteria.lines.map((c) => c.index),
      risks: risksTable ? this.risks(risksTable) : [],
      sections: this.sectionPlaces({ steps: stepsTable, stakeholders: peopleTable, risks: risksTable }, goal?.index ?? null, criteria.leadIn),
      dayFirst,
      referenceDate,
      diagnostics: this.sortedDiagnostics(),
    };
  }

  /** Where each part starts (see ParsedPlan.sections): its table, else the line that opens it. */
  private sectionPlaces(
    tables: Record<TableKind, FoundTable | null>,
    goalAt: number | null,
    criteriaLeadIn: number | null,
  ): Partial<Record<SectionName, number>> {
    const out: Partial<Record<SectionName, number>> = {};
    for (const s of this.sections) if (s.name && s.start >= 0 && out[s.name] === undefined) out[s.name] = s.start;
    for (const kind of ['steps', 'stakeholders', 'risks'] as const) {
      // A table part is its table: a heading with no table under it has nothing to select.
      const found = tables[kind];
      if (found) out[kind] = found.table.index;
      else delete out[kind];
    }
    if (out.goal === undefined && goalAt !== null) out.goal = goalAt;
    if (out.successCriteria === undefined && criteriaLeadIn !== null) out.successCriteria = criteriaLeadIn;
    return out;
  }

  private titleBlock(): OutlineParagraph | null {
    const b = this.blocks[this.titleAt];
    return b?.kind === 'paragraph' ? b : null;
  }

  /** `at` places a diagnostic without a cell: body index, then row and column within a table. */
  private warn(severity: Diagnostic['severity'], where: string, text: string | null, message: string, cell: CellRef | null = null, at?: number[]): void {
    this.diagnostics.push({ severity, where, text, message, cell });
    this.places.push(at ?? (cell ? [cell.tableIndex, cell.row, cell.column] : [-1]));
  }

  /** Diagnostics in document order, as a seller reads down the page; same place, order found. */
  private sortedDiagnostics(): Diagnostic[] {
    const order = this.diagnostics.map((d, i) => ({ d, at: this.places[i] ?? [-1], i }));
    order.sort((a, b) => {
      for (let k = 0; k < Math.max(a.at.length, b.at.length); k++) {
        const [x, y] = [a.at[k] ?? -1, b.at[k] ?? -1];
        if (x !== y) return x - y;
      }
      return a.i - b.i;
    });
    return order.map((o) => o.d);
  }

  // --- tables ---

  private findTables(): FoundTable[] {
    const found: FoundTable[] = [];
    this.blocks.forEach((block, at) => {
      if (block.kind !== 'table') return;
      const section = this.sections[at] ?? { name: null, heading: null, start: -1 };
      const kind = classifyTable(block, section.name);
      if (kind) found.push({ table: block, at, section, ...kind });
    });
    return found;
  }

  /** The table of a kind: the one under its own heading, else the first; any other is named and ignored. */
  private chooseTable(tables: readonly FoundTable[], kind: TableKind): FoundTable | null {
    const candidates = tables.filter((t) => t.kind === kind);
    // A heading that says "Steps" beats one that only could ("Next steps from the call").
    const own = { steps: 'steps', stakeholders: 'stakeholders', risks: 'risks' }[kind];
    const score = (t: FoundTable): number => {
      const h = normaliseHeader(t.section.heading ?? '');
      return h === own || h.startsWith(`${own} `) ? 2 : t.section.name === kind ? 1 : 0;
    };
    const best = Math.max(0, ...candidates.map(score));
    const underHeading = best > 0 ? candidates.find((t) => score(t) === best) : undefined;
    const chosen = underHeading ?? candidates[0] ?? null;
    if (chosen && candidates.length > 1) {
      const label = { steps: 'Steps', stakeholders: 'Stakeholders', risks: 'Risks' }[kind];
      const count = ['', 'One', 'Two', 'Three', 'Four', 'Five'][candidates.length] ?? String(candidates.length);
      const ignored = candidates.filter((t) => t !== chosen);
      // Tables under the same heading are told apart by their order ("the second one under "Steps"").
      const where = (t: FoundTable): string => {
        const h = t.section.heading;
        if (!h) return `the ${ordinal(candidates.indexOf(t) + 1)} one`;
        const same = candidates.filter((c) => c.section.heading === h);
        return same.length > 1 ? `the ${ordinal(same.indexOf(t) + 1)} one under "${h}"` : `the one under "${h}"`;
      };
      const used = underHeading ? where(chosen) : 'the first one';
      this.warn(
        'warning',
        `${label} table`,
        null,
        `${count} tables look like the ${label} table. The add-on reads ${used} and ignores ${list(ignored.map(where))}.`,
        null,
        [chosen.table.index, -1],
      );
    }
    return chosen;
  }

  // --- Steps ---

  private stepsLayout(found: FoundTable): { headers: string[]; map: ColumnMap<StepColumn>; rows: number[] } {
    const headers = headersOf(found.table, found.headerRow);
    const map = stepColumns(headers);
    const name = (c: number, kind?: StepColumn): string => headers[c] || (kind ? STEP_COLUMN_NAMES[kind] : `column ${c + 1}`);
    for (const a of map.ambiguous) {
      this.warn(
        'warning',
        `Steps table, ${name(a.column)}`,
        headers[a.column] ?? null,
        `Steps table: the header "${headers[a.column] ?? ''}" could mean ${list(a.kinds.map((k) => STEP_COLUMN_NAMES[k]), 'or')}; it is read as ${STEP_COLUMN_NAMES[a.chosen]}.`,
        { tableIndex: found.table.index, row: found.headerRow, column: a.column },
      );
    }
    for (const r of map.repeated) {
      this.warn(
        'warning',
        `Steps table, ${name(r.column)}`,
        headers[r.column] ?? null,
        `Steps table: both "${name(r.first, r.kind)}" and "${name(r.column, r.kind)}" look like the ${STEP_COLUMN_NAMES[r.kind]} column; the add-on reads "${name(r.first, r.kind)}" and keeps "${name(r.column, r.kind)}" as an extra column.`,
        { tableIndex: found.table.index, row: found.headerRow, column: r.column },
      );
    }
    const rows: number[] = [];
    for (let r = found.headerRow + 1; r < found.table.rows.length; r++) rows.push(r);
    return { headers, map, rows };
  }

  private steps(
    found: FoundTable,
    layout: { headers: string[]; map: ColumnMap<StepColumn>; rows: number[] },
    dates: DateContext,
    owners: OwnerContext,
    stakeholders: readonly ParsedStakeholder[],
  ): ParsedStep[] {
    const { table, headerRow } = found;
    const { headers, map } = layout;
    const cols = map.columns;
    const width = headers.length;
    const header = (kind: StepColumn): string => {
      const c = cols[kind];
      return (c !== undefined ? headers[c] : '') || STEP_COLUMN_NAMES[kind];
    };
    const ref = (row: number, kind: StepColumn): CellRef | null => {
      const c = cols[kind];
      return c === undefined ? null : { tableIndex: table.index, row, column: c };
    };

    interface Draft extends Omit<ParsedStep, 'key' | 'dependsOn' | 'label' | 'phase' | 'sideOwners' | 'dueImplausible'> {
      marker: string | null;
      explicitNumber: boolean;
    }
    const drafts: Draft[] = [];
    // Numbers written in the # column, by the first row that has each: a row numbered by position may clash with one.
    const writtenNumbers = new Map<number, number>();
    for (const r of layout.rows) {
      const n = NUMBER_CELL.exec(clean(cellAt(table, r, cols.number).text))?.[1];
      if (n !== undefined && !writtenNumbers.has(Number(n))) writtenNumbers.set(Number(n), r);
    }

    for (const r of layout.rows) {
      const row = table.rows[r];
      if (!row) continue;
      const label = `Steps table, row ${r - headerRow}`;
      const cells = row.cells;
      if (cells.every(isBlank)) continue;
      if (cells.length < width) {
        this.warn('warning', label, null, `${label} has ${cells.length} ${cells.length === 1 ? 'cell' : 'cells'} but the header has ${width}; the missing cells are read as empty.`, { tableIndex: table.index, row: r, column: 0 });
      }
      const cell = (kind: StepColumn): OutlineCell => cellAt(table, r, cols[kind]);
      const filled = cells.map((c, i) => (isBlank(c) ? -1 : i)).filter((i) => i >= 0);
      const first = clean(cells[0]?.text ?? '');
      // A merged row keeps its text in its first cell: a phase heading such as "Phase 2: Contracting".
      if (filled.length === 1 && filled[0] === 0 && cols.action !== 0 && width >= 3 && !/^\d+[.)]?$/.test(first)) {
        this.warn('info', label, first, `${label}: "${first}" fills only the first cell (a merged or heading row), so it is not read as a step.`, { tableIndex: table.index, row: r, column: 0 });
        continue;
      }
      const action = clean(cell('action').text);
      const ownerCell = cell('owner');
      const owner = withChipNames(ownerCell.text, ownerCell.chips);
      const dueCell = cell('due');
      if (!action && !owner && isBlank(dueCell)) {
        this.warn('info', label, null, `${label} has no action, owner or due date, so it is skipped.`, ref(r, 'action'));
        continue;
      }
      if (!action && cols.action !== undefined) {
        this.warn('warning', `${label}, ${header('action')}`, '', `${label}, ${header('action')}: the cell is empty, so this step has no name.`, ref(r, 'action'));
      }

      // Number: as written, else the row's place among the steps.
      const numberText = clean(cell('number').text);
      const written = NUMBER_CELL.exec(numberText);
      const position = drafts.length + 1;
      if (!written && cols.number !== undefined) {
        const where = `${label}, ${header('number')}`;
        const said = numberText ? `"${numberText}" is not a step number` : 'the cell is empty';
        const twin = writtenNumbers.get(position);
        const clash = twin === undefined ? '' : `; row ${twin - headerRow} is numbered ${position} too, so renumber the steps`;
        this.warn('info', where, numberText, `${where}: ${said}, so this step is numbered ${position} by its position${clash}.`, ref(r, 'number'));
      }

      // Due date.
      const due = readDate(dueCell.text, dueCell.chips, dates);
      if (cols.due !== undefined && due.kind === 'undated') this.undated(`${label}, ${header('due')}`, due, ref(r, 'due'));

      // Status.
      const statusText = cell('status').text;
      const status = parseStatus(statusText);
      if (cols.status !== undefined && status.status === null) {
        const shown = clean(statusText);
        this.warn(
          'warning',
          `${label}, ${header('status')}`,
          shown,
          `${label}, ${header('status')}: "${shown}" is not a status the add-on knows, so it is kept as written. It understands Pending, In progress, Complete and Blocked.`,
          ref(r, 'status'),
        );
      }

      // Owner: names in the text and person chips; addresses decide what names cannot.
      let side = owner ? classifyOwner(owner, owners) : 'unknown';
      const chipPeople = people(ownerCell.chips);
      if (chipPeople.length > 0) {
        const chipSides = chipPeople.map((c) => sideOfEmail(c.email, owners, stakeholders));
        side = side === 'unknown' ? combineSides(chipSides) : combineSides([side, ...chipSides]);
      }

      const cellRefs: Partial<Record<StepColumn, CellRef>> = {};
      for (const kind of Object.keys(cols) as StepColumn[]) {
        const c = ref(r, kind);
        if (c) cellRefs[kind] = c;
      }
      drafts.push({
        marker: row.key,
        row: r,
        number: written ? Number(written[1]) : position,
        explicitNumber: !!written,
        action,
        owner,
        side,
        due: due.kind === 'date' ? due.date : null,
        dueText: due.text,
        dueFormat: due.kind === 'date' ? due.format : null,
        status: status.status,
        statusText,
        dependsText: cols.dependsOn !== undefined ? cell('dependsOn').text : null,
        cells: cellRefs,
      });
    }

    if (drafts.length === 0) {
      this.warn('info', 'Steps table', null, 'The Steps table has no steps yet.', { tableIndex: table.index, row: headerRow, column: 0 });
    }

    // The same number twice: "Depends on 4" cannot tell the rows apart.
    const byNumber = new Map<number, Draft[]>();
    for (const d of drafts) if (d.explicitNumber) byNumber.set(d.number, [...(byNumber.get(d.number) ?? []), d]);
    for (const [n, same] of byNumber) {
      if (same.length < 2) continue;
      const rows = list(same.map((d) => String(d.row - headerRow)));
      this.warn(
        'warning',
        `Steps table, rows ${rows}, ${header('number')}`,
        String(n),
        `Steps table, rows ${rows} are ${same.length === 2 ? 'both' : 'all'} numbered ${n}. Renumber the steps so that each number is used once; until then "Depends on ${n}" cannot tell them apart.`,
        ref(same[1]?.row ?? 0, 'number'),
      );
    }

    const keys = assignKeys(
      drafts.map((d) => ({ marker: d.marker, action: d.action, number: d.number, due: d.due, row: d.row })),
      this.context.knownSteps ?? [],
    );

    // Links. A row numbered by position only answers to its number when no written number claims it.
    const explicit = new Set(drafts.filter((d) => d.explicitNumber).map((d) => d.number));
    const highest = Math.max(0, ...drafts.map((d) => d.number));
    const depRows: DependencyRow[] = drafts.map((d, i) => ({
      key: keys[i] ?? '',
      number: d.explicitNumber || !explicit.has(d.number) ? d.number : highest + i + 1,
      action: d.action,
      dependsText: d.dependsText,
    }));
    const links = buildDependencies(depRows, cols.dependsOn !== undefined);
    for (const problem of links.problems) {
      const who = problem.steps[0];
      const candidates = drafts.filter((_, i) => depRows[i]?.number === who);
      const d = candidates.find((c) => problem.message.includes(c.action.slice(0, 40))) ?? candidates[0];
      if (!d) continue;
      const where = `Steps table, row ${d.row - headerRow}, ${header('dependsOn')}`;
      this.warn('warning', where, clean(d.dependsText ?? ''), `${where}: ${problem.message}`, ref(d.row, 'dependsOn'));
    }
    const parsed: ParsedStep[] = drafts.map((d, i) => {
      const { marker: _marker, explicitNumber: _explicit, ...step } = d;
      const key = keys[i] ?? '';
      return { ...step, key, label: String(step.number), phase: null, sideOwners: null, dueImplausible: false, dependsOn: links.dependsOn[key] ?? [] };
    });
    if (cols.dependsOn !== undefined) {
      const order = topologicalOrder(
        parsed.map((s) => ({ key: s.key, number: s.number, dependsOn: s.dependsOn })),
        'dates cannot be shifted until one of these links is removed',
      );
      for (const problem of order.problems) {
        const where = `Steps table, ${header('dependsOn')}`;
        this.warn('warning', where, null, `${where}: ${problem.message}`, null, [table.index, Number.MAX_SAFE_INTEGER]);
      }
    }
    return parsed;
  }

  private undated(where: string, due: Extract<DateReading, { kind: 'undated' }>, cell: CellRef | null, subject = 'this step'): void {
    const shown = clean(due.text);
    if (due.reason === 'unknown') {
      this.warn('warning', where, shown, `${where}: "${shown}" is not a date, so ${subject} is treated as undated.`, cell);
    } else if (due.reason === 'week') {
      this.warn('warning', where, shown, `${where}: "${shown}" counts from the evaluation start, which the plan does not give (add "Evaluation start: <date>" under Key dates), so ${subject} is treated as undated.`, cell);
    } else if (due.reason === 'quarter') {
      this.warn('info', where, shown, `${where}: "${shown}" is a period, not a day, so ${subject} is treated as undated.`, cell);
    }
  }

  private noStepsTable(): void {
    const w = STEP_HEADER_WORDS;
    this.warn(
      'error',
      'Steps table',
      null,
      `No Steps table was found. The add-on looks for a table whose header row has an action column (${list(quoted(w.action.slice(0, 8)), 'or')}) and an owner, due date or status column (${list(quoted(['Owner', 'Responsible', 'Due date', 'Target date', 'Status', 'Progress']), 'or')}).`,
    );
  }

  // --- Key dates ---

  private keyDates(lines: readonly KeyDateSource[], base: DateContext, report: boolean): Record<KeyDateName, KeyDateLine | null> {
    const out: Record<KeyDateName, KeyDateLine | null> = { evaluationStart: null, decisionTarget: null, goLiveTarget: null };
    // The start comes first: "Decision target: Week 8" counts from it.
    for (const name of KEY_DATE_ORDER) {
      const line = lines.find((l) => l.name === name);
      if (!line) continue;
      const ctx: DateContext = { ...base, evaluationStart: out.evaluationStart?.date ?? null };
      const reading = readDate(line.valueText, line.block.chips, ctx);
      out[name] = {
        date: reading.kind === 'date' ? reading.date : null,
        text: line.block.text,
        valueText: line.valueText || reading.text,
        format: reading.kind === 'date' ? reading.format : null,
        paragraphIndex: line.block.index,
      };
      if (report && reading.kind === 'undated') {
        const where = `Key dates, ${clean(line.label) || KEY_DATE_LABELS[name]}`;
        const shown = clean(reading.text);
        const at = [line.block.index];
        if (reading.reason === 'unknown') this.warn('warning', where, shown, `${where}: "${shown}" is not a date, so it is treated as not set.`, null, at);
        else if (reading.reason === 'week') this.warn('warning', where, shown, `${where}: "${shown}" counts from the evaluation start, which is not given, so it is treated as not set.`, null, at);
      }
    }
    return out;
  }

  // --- Stakeholders, criteria, risks, goal ---

  private stakeholders(found: FoundTable): ParsedStakeholder[] {
    const { table, headerRow } = found;
    const headers = headersOf(table, headerRow);
    const cols = mapColumns(headers, STAKEHOLDER_HEADER_WORDS).columns;
    const { yourCompany, theirCompany } = this.companies;
    const companyOnly: OwnerContext = { yourCompany, theirCompany, ourPeople: [], theirPeople: [] };
    const out: ParsedStakeholder[] = [];
    for (let r = headerRow + 1; r < table.rows.length; r++) {
      const cells = table.rows[r]?.cells ?? [];
      if (cells.every(isBlank)) continue;
      const get = (k: StakeholderColumn): OutlineCell => cellAt(table, r, cols[k]);
      const nameCell = get('name');
      const role = clean(get('title').text);
      const company = clean(get('company').text);
      const chips = cells.flatMap((c) => people(c.chips));
      const nameChip = people(nameCell.chips)[0] ?? null;
      const name = clean(nameCell.text) || (nameChip ? chipName(nameChip) : '');
      const typedEmail = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,}/i.exec([get('email').text, nameCell.text].join(' '))?.[0] ?? null;
      const email = nameChip?.email ?? typedEmail ?? chips[0]?.email ?? null;
      let side: Side = company ? classifyOwner(company, companyOnly) : 'unknown';
      if (side === 'unknown' && role) side = classifyOwner(role, companyOnly);
      if (side === 'unknown' && email) side = sideOfEmail(email, companyOnly, []);
      if (side === 'unknown' && name) side = classifyOwner(name, companyOnly);
      out.push({
        name,
        title: stripCompany(role, [yourCompany, theirCompany]),
        responsibility: clean(get('responsibility').text),
        side,
        email,
        cell: cols.name === undefined ? null : { tableIndex: table.index, row: r, column: cols.name },
      });
    }
    return out;
  }

  private risks(found: FoundTable): ParsedRisk[] {
    const { table, headerRow } = found;
    const cols = mapColumns(headersOf(table, headerRow), RISK_HEADER_WORDS).columns;
    const out: ParsedRisk[] = [];
    // The mitigation is what a finding about a risk asks for; the risk cell places the row without one.
    const column = cols.mitigation ?? cols.risk;
    for (let r = headerRow + 1; r < table.rows.length; r++) {
      const get = (k: RiskColumn): string => clean(cellAt(table, r, cols[k]).text);
      const cell = column === undefined ? null : { tableIndex: table.index, row: r, column };
      const risk = { risk: get('risk'), impact: get('impact'), mitigation: get('mitigation'), cell };
      if (risk.risk || risk.impact || risk.mitigation) out.push(risk);
    }
    return out;
  }

  /**
   * Lines of the Success criteria section, the method's question above them left out. Without that
   * heading, the list right after a line asking what success looks like ("What does Globex need to see..."),
   * whose body index is `leadIn` (the section's place when it has no heading).
   */
  private successCriteria(): { lines: { text: string; index: number }[]; leadIn: number | null } {
    const hasSection = this.sections.some((s) => s.name === 'successCriteria');
    const lines: { text: string; index: number }[] = [];
    let question: number | null = null;
    let leadIn: number | null = null;
    this.blocks.forEach((block, i) => {
      if (block.kind !== 'paragraph' || block.heading > 0 || i === this.titleAt) {
        question = null;
        return;
      }
      const text = clean(block.text);
      if (!text) return;
      if (hasSection) {
        const asks = block.list === null && (text.endsWith('?') || this.isSectionLabel(block));
        if (this.sections[i]?.name === 'successCriteria' && !asks) lines.push({ text, index: block.index });
      } else if (block.list === null) question = SUCCESS_LEAD_IN.test(text) ? block.index : null;
      else if (question !== null) {
        lines.push({ text, index: block.index });
        leadIn ??= question;
      }
    });
    return { lines, leadIn };
  }

  private isSectionLabel(block: OutlineParagraph): boolean {
    const name = sectionOfHeading(block.text);
    return name !== null && SECTION_HEADING_WORDS[name].some((w) => normaliseHeader(w) === normaliseHeader(block.text));
  }

  /**
   * The Goal section's text; without that heading, the first plain paragraph after the title, with
   * its body index (the Goal section's place then). A goal under its heading gives no index: the
   * heading is the place.
   */
  private goal(): { text: string; index: number | null } | null {
    const lines: string[] = [];
    this.blocks.forEach((block, i) => {
      if (block.kind === 'paragraph' && this.sections[i]?.name === 'goal' && block.heading === 0 && !this.isSectionLabel(block) && clean(block.text)) lines.push(clean(block.text));
    });
    if (lines.length > 0) return { text: lines.join('\n'), index: null };
    if (this.sections.some((s) => s.name === 'goal') || this.titleAt < 0) return null;
    for (let i = this.titleAt + 1; i < this.blocks.length; i++) {
      const block = this.blocks[i];
      if (!block || block.kind === 'table' || this.sections[i]?.name) return null;
      const text = clean(block.text);
      if (!text || block.list !== null || keyDateNameOf(LABEL_LINE.exec(text)?.[1] ?? '') !== null) continue;
      if (block.heading > 0) return null;
      return { text, index: block.index };
    }
    return null;
  }
}

function ordinal(n: number): string {
  return ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth'][n] ?? `${n}th`;
}
