/** The team workbook's layout: its sheets, each data sheet's columns in order (header, type, number format, who writes it) and the keys rows are found by. */

/** What a column holds; adapters write values of this type (see cells.ts) and apply the format. */
export type ColumnType = 'text' | 'number' | 'money' | 'percent' | 'date' | 'yes-no' | 'link';

/**
 * Who writes a column. 'export': the add-on (re)writes it on every export or import. 'person':
 * people type in it (notes, an outcome typed in the sheet); nothing the add-on does ever writes
 * it, and a re-export keeps what is there.
 */
export type ColumnOwner = 'export' | 'person';

export interface Column<Id extends string = string> {
  id: Id;
  /** The header text in row 1; columns are found by it, so people may move or add columns. */
  header: string;
  type: ColumnType;
  /** A Google Sheets number format pattern, or null for plain text. */
  format: string | null;
  owner: ColumnOwner;
  /** A note for the header cell: what the column means, in the analyst's words. */
  note: string;
}

export interface DataSheet<Id extends string = string> {
  name: string;
  /** The columns whose values together identify a row: a re-export finds and replaces rows by them. */
  key: readonly Id[];
  columns: readonly Column<Id>[];
}

/** Formats as Sheets spells them; dates unambiguous in every locale. */
export const FORMATS = {
  date: 'yyyy-mm-dd',
  money: '#,##0',
  count: '0',
  days: '0',
  percent: '0%',
  ratio: '0.00"x"',
} as const;

function col<Id extends string>(id: Id, header: string, type: ColumnType, note: string, owner: ColumnOwner = 'export'): Column<Id> {
  const format =
    type === 'date' ? FORMATS.date : type === 'money' ? FORMATS.money : type === 'number' ? FORMATS.count : type === 'percent' ? FORMATS.percent : null;
  return { id, header, type, format, owner, note };
}

// ─── Deals: one row per plan document ────────────────────────────────────────────────────────

export const DEAL_COLUMNS = [
  col('documentId', 'Document id', 'text', 'The Google Doc holding the plan: the row key.'),
  col('plan', 'Plan', 'link', "The plan's title, linked to its document."),
  col('seller', 'Seller', 'text', 'Who runs the deal on our side.'),
  col('theirCompany', 'Their company', 'text', 'The prospect.'),
  col('dealType', 'Deal type', 'text', 'standard, mid-market, enterprise, expansion or closing.'),
  col('stage', 'Stage', 'text', 'discovery, post-demo, proposal or negotiation.'),
  col('value', 'Value', 'money', 'Annual contract value, in Currency.'),
  col('currency', 'Currency', 'text', 'ISO code of Value.'),
  col('crmId', 'CRM id', 'text', 'The CRM opportunity the plan belongs to, when given.'),
  col('planStarted', 'Plan started', 'date', "The plan's baseline: inserted, or first read by the add-on."),
  col('evaluationStart', 'Evaluation start', 'date', 'Key date in the plan.'),
  col('decisionTargetFirst', 'Decision target (first planned)', 'date', 'The first decision date the plan gave.'),
  col('decisionTarget', 'Decision target (now)', 'date', 'The decision date the plan gives today.'),
  col('goLiveTarget', 'Go-live target', 'date', 'Key date in the plan.'),
  col('stepsTotal', 'Steps', 'number', 'Steps in the plan now.'),
  col('stepsComplete', 'Steps complete', 'number', 'Steps marked complete.'),
  col('stepsDue', 'Steps due so far', 'number', 'Steps complete or past their first planned date: what on-time completion is measured over.'),
  col('stepsOnTime', 'Completed on time', 'number', 'Steps completed by the date first planned.'),
  col('stepsOverdue', 'Steps overdue', 'number', 'Steps past their current date and not complete.'),
  col('stepsBlocked', 'Steps blocked', 'number', 'Steps marked blocked.'),
  col('completionRate', 'Completion rate', 'percent', 'Completed on time / Steps due so far: the method wants above 70%.'),
  col('slips', 'Slips', 'number', 'Times a step date moved later (steps since removed included).'),
  col('slipDays', 'Total slip days', 'number', 'Working days the steps moved from their first planned dates, summed.'),
  col('lastChange', 'Last change', 'date', 'Last day a status or date changed.'),
  col('lastReview', 'Last review', 'date', 'Last weekly review marked in the add-on.'),
  col('outcome', 'Outcome', 'text', 'open, won, lost or no decision, from the Deal panel.'),
  col('closedOn', 'Actual close date', 'date', 'The day the deal was won, lost or given up.'),
  col('closeVsTarget', 'Close vs first target (days)', 'number', 'Calendar days from the first planned decision target to the actual close (positive: later).'),
  col('exportedOn', 'Exported on', 'date', 'When the add-on last wrote this row.'),
  col('manualOutcome', 'Outcome (manual)', 'text', 'Type won, lost or no decision here to override Outcome; the export never writes this column.', 'person'),
  col('notes', 'Notes', 'text', 'Yours: the export never writes this column.', 'person'),
] as const;

export type DealColumnId = (typeof DEAL_COLUMNS)[number]['id'];

export const DEALS: DataSheet<DealColumnId> = { name: 'Deals', key: ['documentId'], columns: DEAL_COLUMNS };

// ─── Steps: one row per step per plan ────────────────────────────────────────────────────────

export const STEP_COLUMNS = [
  col('documentId', 'Document id', 'text', 'The plan the step belongs to (with Step key: the row key).'),
  col('stepKey', 'Step key', 'text', "The step's identity in its document: it follows the step through renumbering and renaming."),
  col('theirCompany', 'Their company', 'text', 'The prospect, for filtering.'),
  col('number', 'Step', 'text', 'The step number as written ("5", "5a").'),
  col('phase', 'Phase', 'text', 'The phase or milestone the step belongs to, when the plan has them.'),
  col('action', 'Action', 'text', 'The step as written.'),
  col('kind', 'Kind of step', 'text', 'The step classified by its action (security review, procurement...): what slips are grouped by.'),
  col('owner', 'Owner', 'text', 'As written.'),
  col('ownerSide', 'Owner side', 'text', 'Seller, Buyer, Both or Unknown.'),
  col('baselineDue', 'Due (first planned)', 'date', 'The first date the plan gave the step.'),
  col('currentDue', 'Due (now)', 'date', 'The date in the plan today.'),
  col('completedOn', 'Completed on', 'date', 'The first day the add-on saw the step complete.'),
  col('slips', 'Slips', 'number', 'Times its date moved later.'),
  col('daysSlipped', 'Days slipped', 'number', 'Working days from the first planned date to the date now (0 when not later).'),
  col('status', 'Status', 'text', 'Pending, In progress, Complete, Blocked, Not needed (cancelled, N/A); Removed for a step since deleted from the plan.'),
  col('onTime', 'On time', 'yes-no', 'yes: completed by the first planned date; no: completed later, or past it and not complete; open: not due yet; unknown: already complete when first seen after its date; not needed: dropped, left out of the completion rate.'),
  col('notes', 'Notes', 'text', 'Yours: the export never writes this column.', 'person'),
] as const;

export type StepColumnId = (typeof STEP_COLUMNS)[number]['id'];

export const STEPS: DataSheet<StepColumnId> = { name: 'Steps', key: ['documentId', 'stepKey'], columns: STEP_COLUMNS };

// ─── Slips: one row per recorded move of a step's date to a later day ───────────────────────

export const SLIP_COLUMNS = [
  col('documentId', 'Document id', 'text', 'The plan (with Slip id: the row key).'),
  col('slipId', 'Slip id', 'text', 'The recorded change: day, step and dates.'),
  col('theirCompany', 'Their company', 'text', 'The prospect, for filtering.'),
  col('stepKey', 'Step key', 'text', 'The step that slipped (see Steps).'),
  col('number', 'Step', 'text', 'The step number as last written.'),
  col('action', 'Action', 'text', 'The step as last written.'),
  col('kind', 'Kind of step', 'text', 'As in Steps.'),
  col('from', 'From', 'date', 'The date before the slip.'),
  col('to', 'To', 'date', 'The date after it.'),
  col('workingDays', 'Working days moved', 'number', 'Working days from From to To.'),
  col('recordedOn', 'Recorded on', 'date', 'The day the add-on recorded the change.'),
  col('cause', 'Cause', 'text', 'shift by the add-on, edit by hand, or undo.'),
  col('reason', 'Reason', 'text', 'Yours: why it slipped. The export never writes this column.', 'person'),
] as const;

export type SlipColumnId = (typeof SLIP_COLUMNS)[number]['id'];

export const SLIPS: DataSheet<SlipColumnId> = { name: 'Slips', key: ['documentId', 'slipId'], columns: SLIP_COLUMNS };

// ─── Opportunities: the CRM's deals, with and without a MAP ─────────────────────────────────

export const OPPORTUNITY_COLUMNS = [
  col('opportunityId', 'Opportunity id', 'text', "The CRM's id (Salesforce Opportunity ID, HubSpot Record ID): the row key."),
  col('name', 'Opportunity', 'text', 'As in the CRM.'),
  col('account', 'Account', 'text', 'The company, as in the CRM.'),
  col('amount', 'Amount', 'money', 'As in the CRM.'),
  col('currency', 'Currency', 'text', 'ISO code of Amount, when the report gives one.'),
  col('stage', 'Stage', 'text', 'As in the CRM.'),
  col('pastDemo', 'Past demo', 'yes-no', 'yes when the stage is past the demo (evaluation, proposal, negotiation, closed).'),
  col('created', 'Created', 'date', 'Created date in the CRM: cycle time starts here.'),
  col('closeDate', 'Close date', 'date', 'Close date in the CRM (expected, while open).'),
  col('outcome', 'Outcome', 'text', 'open, won or lost, from the stage or the Won/Closed columns.'),
  col('plan', 'Plan', 'text', 'The document id of its plan, when one is matched: the deal had a MAP.'),
  col('matchedBy', 'Matched by', 'text', 'CRM id or account name: how the plan was matched.'),
  col('source', 'Source', 'text', 'Salesforce, HubSpot or CSV: the report it came from.'),
  col('notes', 'Notes', 'text', 'Yours: the import never writes this column.', 'person'),
] as const;

export type OpportunityColumnId = (typeof OPPORTUNITY_COLUMNS)[number]['id'];

export const OPPORTUNITIES: DataSheet<OpportunityColumnId> = { name: 'Opportunities', key: ['opportunityId'], columns: OPPORTUNITY_COLUMNS };

// ─── The workbook ────────────────────────────────────────────────────────────────────────────

export const METRICS_SHEET = 'Metrics';
/** The per-kind totals the "steps that slip most often" ranking reads (see formulas). */
export const STEP_KINDS_SHEET = 'Step kinds';

/** Every sheet, in tab order: what "Set up MAP metrics" creates and repairs. */
export const SHEET_ORDER = [METRICS_SHEET, DEALS.name, STEPS.name, SLIPS.name, OPPORTUNITIES.name, STEP_KINDS_SHEET] as const;

export const DATA_SHEETS = [DEALS, STEPS, SLIPS, OPPORTUNITIES] as const;

/** A row of a data sheet: one value per column id; person columns are absent (never written). */
export type Row<Id extends string> = Partial<Record<Id, import('./cells').CellValue>>;

/** The column letter of a 0-based index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    letters = String.fromCharCode(65 + r) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The letter of a column in the layout (where "Set up" puts it). */
export function letterOf<Id extends string>(sheet: DataSheet<Id>, id: Id): string {
  const index = sheet.columns.findIndex((c) => c.id === id);
  if (index < 0) throw new Error(`No column ${id} in ${sheet.name}`);
  return columnLetter(index);
}

/** A whole-column reference for formulas (`Deals!$G:$G`): rows people paste below still count. */
export function wholeColumn<Id extends string>(sheet: DataSheet<Id>, id: Id): string {
  const letter = letterOf(sheet, id);
  return `${quoteSheet(sheet.name)}!$${letter}:$${letter}`;
}

/** A sheet name as a formula names it: quoted when it has spaces or other characters. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The header row of a data sheet, in layout order. */
export function headers<Id extends string>(sheet: DataSheet<Id>): string[] {
  return sheet.columns.map((c) => c.header);
}

/** The export's own columns (the ones it writes), in layout order. */
export function exportColumns<Id extends string>(sheet: DataSheet<Id>): Column<Id>[] {
  return sheet.columns.filter((c) => c.owner === 'export');
}

/** A row's key as one string (the key columns' texts joined), for finding the row again. */
export function rowKey<Id extends string>(sheet: DataSheet<Id>, row: Row<Id>): string {
  return sheet.key.map((id) => {
    const v = row[id];
    return typeof v === 'string' ? v : v === null || v === undefined ? '' : JSON.stringify(v);
  }).join('\u241f');
}
