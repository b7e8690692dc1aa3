/** The plan as read back from a document people have edited: each value with the text it came from and where it sits, plus diagnostics. */
import type { DateFormat } from './cell-dates';
import type { IsoDate, Side, Status } from '../plan';

// ---------------------------------------------------------------------------------------------
// What the document adapter reads: plain data, one pass over the document
// ---------------------------------------------------------------------------------------------

/** A smart chip in a cell or paragraph. Dates arrive as the chip's own instant; people with their email. */
export type Chip =
  | { kind: 'date'; /** ISO instant from Date#getTimestamp */ timestamp: string; displayText: string }
  | { kind: 'person'; name: string; email: string };

export interface OutlineCell {
  /** TableCell#getText: what the person typed (chips contribute no text). */
  text: string;
  chips: Chip[];
}

export interface OutlineRow {
  cells: OutlineCell[];
  /** The step identity the add-on attached to this row (a named range), or null for a row it has not tagged. */
  key: string | null;
}

export interface OutlineTable {
  kind: 'table';
  /** Body child index at read time: where writes go back. */
  index: number;
  rows: OutlineRow[];
}

export interface OutlineParagraph {
  kind: 'paragraph';
  index: number;
  text: string;
  /** 0 for normal text, 1-6 for Heading 1-6; the document title counts as 1 (Docs exports both as "#"). */
  heading: number;
  list: 'bullet' | 'number' | null;
  /** A list item's nesting level (ListItem#getNestingLevel, 0 at the left); absent for a paragraph and for level 0. */
  nesting?: number;
  chips: Chip[];
}

export type OutlineBlock = OutlineTable | OutlineParagraph;

export interface DocumentOutline {
  blocks: OutlineBlock[];
}

// ---------------------------------------------------------------------------------------------
// What the reader makes of it
// ---------------------------------------------------------------------------------------------

/** A cell of a table, by the table's body index at read time. Writes re-check the cell's text before changing it. */
export interface CellRef {
  tableIndex: number;
  row: number;
  column: number;
}

/**
 * The columns of a Steps table. `phase`: a "Milestone"/"Phase"/"Stage" column beside the action.
 * `ownerOurs` / `ownerTheirs`: separate owner columns per side ("Seller owner" + "Buyer owner").
 * `tasksOurs` / `tasksTheirs`: what each side does for the step ("Seller tasks" + "Buyer tasks").
 */
export type StepColumn = 'number' | 'action' | 'owner' | 'ownerOurs' | 'ownerTheirs' | 'tasksOurs' | 'tasksTheirs' | 'due' | 'status' | 'dependsOn' | 'phase';

export interface ParsedStep {
  /** Stable identity across reordering, inserted rows and renamed actions. */
  key: string;
  /** 1-based row in the Steps table (row 0 is the header). */
  row: number;
  /** The number in the "#" column, or the row's position when the column is missing or not a number. */
  number: number;
  /**
   * The step's number as the person wrote it ("5", "5a", "2.1"), or its position when the column is
   * missing: what every list, preview, review and timeline shows, and what a dependency names.
   */
  label: string;
  /**
   * The phase or milestone the step belongs to: a "Milestone"/"Phase" column beside the task, or the
   * heading of its own table ("Phase 2: Commercials") when the plan is split over several tables.
   */
  phase: string | null;
  /**
   * The owners from separate columns per side ("Seller owner" + "Buyer owner"), as written ("" when a
   * side's cell is empty or says none); null when the table has a single owner column.
   */
  sideOwners: { ours: string; theirs: string } | null;
  /**
   * Each side's tasks from a column per side ("Milestone | Buyer tasks | Seller tasks"), as written
   * ("" when a side has none for this step); absent when the table has no such columns. The step is
   * the milestone; its side is whichever sides have tasks (unless an owner column says), and
   * `action` shows the tasks after it: "Discovery — Acme: Run discovery · Globex: Share current process".
   */
  sideTasks?: { ours: string; theirs: string };
  action: string;
  owner: string;
  side: Side;
  due: IsoDate | null;
  dueText: string;
  /**
   * True when the due date lies far outside the plan's span (1900, 2099, a typo year): a diagnostic
   * names the cell, and a shift leaves the step alone until the person confirms or corrects it.
   */
  dueImplausible: boolean;
  /** How the due cell wrote its date (to write a new one the same way); null when undated. */
  dueFormat: DateFormat | null;
  /** Null when the status text was not understood (kept as written, reported in diagnostics). */
  status: Status | null;
  statusText: string;
  /** The "Depends on" cell as written; null when the table has no such column. */
  dependsText: string | null;
  /** Keys of the steps this one waits for (from the column, or the previous row when there is none). */
  dependsOn: string[];
  cells: Partial<Record<StepColumn, CellRef>>;
}

export type KeyDateName = 'evaluationStart' | 'decisionTarget' | 'goLiveTarget';

/** The key dates as the plan names them, for every sentence that mentions one. */
export const KEY_DATE_LABELS: Readonly<Record<KeyDateName, string>> = {
  evaluationStart: 'Evaluation start',
  decisionTarget: 'Decision target',
  goLiveTarget: 'Go-live target',
};

/**
 * A key date as written: a line of the Key dates section ("Decision target: Mar 31, 2026"), one of
 * several labelled dates in one paragraph ("Evaluation start: Nov 16, 2026 · Decision target: Jan
 * 15, 2027"), or a row of a "Key dates" table.
 */
export interface KeyDateLine {
  date: IsoDate | null;
  /** The whole paragraph (or table cell) as written. */
  text: string;
  /** This key date's value, where the date is ("Jan 15, 2027"), without the label or the next label's part. */
  valueText: string;
  /**
   * Where `valueText` starts in `text`: a write replaces `text.slice(valueOffset, valueOffset +
   * valueText.length)` and nothing else, so the other dates of the paragraph stay as written.
   */
  valueOffset: number;
  format: DateFormat | null;
  /** Body index of the paragraph or list item (of the table, for a table row). */
  paragraphIndex: number;
  /** The date's cell when the key date is a row of a "Key dates" table; null for a paragraph. */
  cell: CellRef | null;
  /** The date is a date chip (add-ons cannot change one: the shift says to set it by hand). */
  inChip?: boolean;
}

export interface ParsedStakeholder {
  name: string;
  title: string;
  responsibility: string;
  side: Side;
  email: string | null;
  /** The row's name cell, where a finding about this person points; null when the reader could not place it. */
  cell: CellRef | null;
  /** Body index of the list item (or line) the person was read from, when the plan lists its people instead of a table. */
  paragraphIndex?: number;
}

export interface ParsedRisk {
  risk: string;
  impact: string;
  mitigation: string;
  /** The row's Mitigation cell, or its Risk cell when the table has no mitigation column; null when not placed. */
  cell: CellRef | null;
  /** Body index of the list item (or line) the risk was read from, when the plan lists its risks instead of a table. */
  paragraphIndex?: number;
  /** Who handles the risk, when a listed risk names them in parentheses ("(Priya)"); the table has no such column. */
  owner?: string;
}

/** The plan's parts, as the health check names what is missing from them. */
export type PlanSection = 'goal' | 'keyDates' | 'steps' | 'stakeholders' | 'successCriteria' | 'risks';

export interface Diagnostic {
  severity: 'error' | 'warning' | 'info';
  /** Where, in the words a seller uses: "Steps table, row 4, column Due date". */
  where: string;
  /** The text that was not understood, as written. */
  text: string | null;
  message: string;
  /** For the sidebar to select the place: the cell, when there is one. */
  cell: CellRef | null;
}

/** A steps table as found: which column holds what (by header words), and the columns kept but not used. */
export interface StepsTable {
  index: number;
  columns: Partial<Record<StepColumn, number>>;
  headers: string[];
  otherColumns: string[];
  /** The phase this table holds, from the heading above it ("Phase 1: Evaluation"); null for a single table. */
  phase: string | null;
}

/** "Agreed by: Dana Lee, Globex, Dec 8, 2026": the prospect's agreement to the plan, as written. */
export interface Agreement {
  text: string;
  /** Null while the line still holds its placeholder ("[Name]") or nothing. */
  name: string | null;
  company: string | null;
  date: IsoDate | null;
  paragraphIndex: number;
}

export interface ParsedPlan {
  title: string | null;
  goal: string | null;
  keyDates: Record<KeyDateName, KeyDateLine | null>;
  steps: ParsedStep[];
  /** The Steps table as found: which column holds what (by header words), and the columns kept but not used. */
  stepsTable: StepsTable | null;
  /**
   * Every steps table, in document order (a plan split per phase has several); `stepsTable` is the
   * first. Each step's cells carry their own table's index.
   */
  stepsTables: StepsTable[];
  /**
   * The "Agreed by" line (name, company, date) where the prospect records agreeing to the plan;
   * null when the document has none.
   */
  agreement: Agreement | null;
  /** Non-working days the plan itself lists (a "Holidays" line), on top of the team's calendar. */
  holidays: IsoDate[];
  stakeholders: ParsedStakeholder[];
  successCriteria: string[];
  /** Body index of each success criterion's paragraph or list item, parallel to `successCriteria`. */
  successCriteriaPlaces: number[];
  risks: ParsedRisk[];
  /**
   * Where each part starts, for findings about a part that is missing or empty. Steps, stakeholders
   * and risks: the body index of the table read (absent without one). Goal, key dates and success
   * criteria: the body index of the paragraph that opens the section (its heading, or a line that is
   * just its name such as "Key dates:"); without one, the goal paragraph itself and the line asking
   * what success looks like above the criteria. Absent when the document has no such part.
   */
  sections?: Partial<Record<PlanSection, number>>;
  /**
   * The parts read from list items or lines instead of a table (a table wins when there are both):
   * their place in `sections` is the first item's paragraph, and messages call them a list.
   */
  listSections?: ('stakeholders' | 'risks')[];
  /** The document's numeric date order, inferred once from every date cell. */
  dayFirst: boolean;
  /** The document writes its dotted dates month-first ("12.31.2026"); absent, they are day-first (DateContext.dottedMonthFirst). */
  dottedMonthFirst?: boolean;
  /** The date a year-less date is read nearest to (the median due date): writes use it too, so they read back the same. */
  referenceDate: IsoDate;
  diagnostics: Diagnostic[];
  /** Body index of a second plan's title below this one (named in a diagnostic, never read): nothing of this plan is written from there on. */
  otherPlanAt?: number;
  /**
   * Which company is the seller's and which the prospect's, as the reader decided it (the settings,
   * else the title checked against the plan's owners, people and agreement line); absent when the
   * plan names no two companies. Every message that names a side uses it, never the title's order.
   */
  companies?: { yourCompany: string; theirCompany: string };
}

/** The body index of the table a step's row is in (a plan split per phase has several); null for a step with no cell. */
export function stepTableIndex(step: Pick<ParsedStep, 'cells'>): number | null {
  for (const ref of Object.values(step.cells)) if (ref) return ref.tableIndex;
  return null;
}
