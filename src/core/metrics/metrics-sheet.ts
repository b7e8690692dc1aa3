/** The Metrics sheet: each metric of the method's Measurement table with its definition, target, value to date and per quarter, all by formula over the data sheets, coloured against its target, with charts. */
import {
  DEALS,
  FORMATS,
  METRICS_SHEET,
  OPPORTUNITIES,
  quoteSheet,
  SLIPS,
  STEP_KINDS_SHEET,
  STEPS,
  wholeColumn,
  type DataSheet,
  type DealColumnId,
  type OpportunityColumnId,
  type SlipColumnId,
  type StepColumnId,
} from './layout';
import { BAD, formula, GOOD, literal, text, type ChartSpec, type ConditionalRule, type GridCell, type GridSheet } from './grid';
import { STEP_KINDS } from './step-kinds';

// ─── Where things are ────────────────────────────────────────────────────────────────────────
//
// Row 2 holds the two inputs every metric reads: "As of" (=TODAY(), so the quarters roll by
// themselves; a person may type a date to look back) and the deal size the adoption rate counts
// from ($50K, the method's). Row 3 holds each quarter's first day, row 4 the headers; each
// metric is one row: label, definition, target, target value, value to date, four quarters
// (oldest first, the current one last) and how it is computed. Below them the ranking of the
// kinds of step that slip most, read from the Step kinds sheet.
//
// Every formula reads whole columns of the data sheets (Deals!$AB:$AB), so rows people paste or
// add below count, and every count has a criterion the header row fails (a date, "won", "yes"),
// so the header never counts. Only COUNTIFS, SUMIFS, IFERROR, INDEX, MATCH, MAX, EDATE, DATE,
// YEAR, MONTH, INT, ISNUMBER, AND, NOT, IF, COUNTIF and TODAY are used: Google Sheets and
// HyperFormula evaluate them alike (the tests evaluate every one).

export const AS_OF = '$B$2';
export const DEAL_SIZE = '$D$2';
/** 1-based row of the quarter starts and of the headers. */
const QUARTER_ROW = 3;
const HEADER_ROW = 4;
const FIRST_METRIC_ROW = 5;
/** Columns: A label, B definition, C target, D target value, E to date, F-I quarters, J how. */
const QUARTER_COLUMNS = ['F', 'G', 'H', 'I'] as const;
const KINDS = STEP_KINDS.length;

export type MetricId =
  | 'adoption'
  | 'completion'
  | 'winRateWith'
  | 'winRateWithout'
  | 'winRateRatio'
  | 'cycleWith'
  | 'cycleWithout'
  | 'cycleFaster'
  | 'accuracyDays'
  | 'accuracyWithin'
  | 'slipMost'
  | 'plans'
  | 'plansMatched'
  | 'opportunities';

interface MetricRow {
  id: MetricId;
  label: string;
  definition: string;
  target: string;
  /** The number the value is compared with, and how; null for a supporting row. */
  targetValue: number | null;
  meets: '>' | '>=' | '<=' | null;
  /** A number format, or null for Sheets' automatic one (a formula in a plain-text "@" cell would stay its text). */
  format: string | null;
  /** The value to date: criteria added by `quarter` restrict it to the quarter starting in that column's row 3. */
  value: (quarter: string | null, at: (id: MetricId) => string) => string;
  how: string;
  /** Computed over the CRM report's opportunities: without an import there is nothing to count, and the row says so. */
  needsCrm?: true;
}

/** A metric's cells' format: none for the automatic one. */
function formatOf(m: MetricRow): Pick<GridCell, 'format'> {
  return m.format === null ? {} : { format: m.format };
}

const D = (id: DealColumnId) => wholeColumn(DEALS, id);
const S = (id: StepColumnId) => wholeColumn(STEPS, id);
const SL = (id: SlipColumnId) => wholeColumn(SLIPS, id);
const O = (id: OpportunityColumnId) => wholeColumn(OPPORTUNITIES, id);

/** Criteria restricting a column's dates to the quarter whose first day is in `column`3. */
function inQuarter(dates: string, column: string | null): string {
  if (column === null) return '';
  const start = `${column}$${QUARTER_ROW}`;
  return `,${dates},">="&${start},${dates},"<"&EDATE(${start},3)`;
}

/** A row's key column is never empty on a real row and is its header on row 1: "not the header" excludes it. */
function notHeader<Id extends string>(sheet: DataSheet<Id>, id: Id): string {
  const header = sheet.columns.find((c) => c.id === id)?.header ?? '';
  return `${wholeColumn(sheet, id)},"<>"&${literal(header)}`;
}

function share(part: string, whole: string): string {
  return `=IFERROR(${part}/${whole},"")`;
}

/**
 * A ratio of two cells that may hold "" (no data): spreadsheets disagree on "" in arithmetic
 * (one engine reads it as 0), so both are checked to be numbers first.
 */
function bothNumbers(a: string, b: string, f: (a: string, b: string) => string): string {
  return `=IF(AND(ISNUMBER(${a}),ISNUMBER(${b})),IFERROR(${f(a, b)},""),"")`;
}

const WITH = '"<>"';
const WITHOUT = '""';

function winRate(plan: string, q: string | null): string {
  const base = `${O('plan')},${plan}`;
  const won = `COUNTIFS(${base},${O('outcome')},"won"${inQuarter(O('closeDate'), q)})`;
  const lost = `COUNTIFS(${base},${O('outcome')},"lost"${inQuarter(O('closeDate'), q)})`;
  return share(won, `(${won}+${lost})`);
}

/** Average days from Created to Close of won deals: (sum of close dates - sum of created dates) / count, over rows with both. */
function cycleTime(plan: string, q: string | null): string {
  const c = `${O('outcome')},"won",${O('plan')},${plan},${O('created')},"<>",${O('closeDate')},"<>"${inQuarter(O('closeDate'), q)}`;
  return `=IFERROR((SUMIFS(${O('closeDate')},${c})-SUMIFS(${O('created')},${c}))/COUNTIFS(${c}),"")`;
}

/** Any number, not text: the count of deals with a "close vs first target". */
const ANY_NUMBER = '">-1000000000"';

function rowOf(id: MetricId): number {
  const index = METRIC_ROWS.findIndex((m) => m.id === id);
  return FIRST_METRIC_ROW + index;
}

/** What a metric over opportunities shows until a CRM report is imported, beside its empty value. */
export const NO_CRM_REPORT =
  'No CRM report imported yet: this needs the deals without a plan, which only the CRM report brings (Extensions > Mutual Action Plan > Import CRM report).';

/** The "How it is computed" cell: for a metric over opportunities, the reason it is empty while Opportunities is. */
function howCell(m: MetricRow): GridCell {
  if (!m.needsCrm) return text(m.how, { muted: true });
  const imported = `COUNTIFS(${notHeader(OPPORTUNITIES, 'opportunityId')},${O('opportunityId')},"<>")`;
  return formula(`IF(${imported}=0,${literal(NO_CRM_REPORT)},${literal(m.how)})`, { muted: true });
}

/** A cell of a metric's row in column `column` ("E" to date, "F".."I" the quarters). */
export function metricCell(id: MetricId, column = 'E'): string {
  return `${column}${rowOf(id)}`;
}

const KINDS_RANGE = (column: string) => `${quoteSheet(STEP_KINDS_SHEET)}!$${column}$2:$${column}$${KINDS + 1}`;
const KINDS_QUARTER = (column: string) => `${quoteSheet(STEP_KINDS_SHEET)}!${column}$2:${column}$${KINDS + 1}`;

export const METRIC_ROWS: readonly MetricRow[] = [
  {
    id: 'adoption',
    label: 'MAP adoption rate',
    definition: '% of deals past demo stage with an active MAP',
    target: '> 60% for $50K+ deals',
    targetValue: 0.6,
    meets: '>',
    format: FORMATS.percent,
    value: (q) => {
      const base = `${O('amount')},">="&${DEAL_SIZE},${O('pastDemo')},"yes"${inQuarter(O('created'), q)}`;
      return share(`COUNTIFS(${base},${O('plan')},"<>")`, `COUNTIFS(${base})`);
    },
    how: 'Opportunities of at least the deal size in D2 past the demo stage (by Created date) that have a plan matched.',
    needsCrm: true,
  },
  {
    id: 'completion',
    label: 'MAP completion rate',
    definition: '% of MAP steps completed on time',
    target: '> 70%',
    targetValue: 0.7,
    meets: '>',
    format: FORMATS.percent,
    value: (q) => {
      const yes = `COUNTIFS(${S('onTime')},"yes"${inQuarter(S('baselineDue'), q)})`;
      const no = `COUNTIFS(${S('onTime')},"no"${inQuarter(S('baselineDue'), q)})`;
      return share(yes, `(${yes}+${no})`);
    },
    how: 'Steps completed by their first planned date, out of the steps complete or past that date (by first planned date).',
  },
  {
    id: 'winRateWith',
    label: 'Win rate with a MAP',
    definition: 'Win rate comparison',
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.percent,
    value: (q) => winRate(WITH, q),
    how: 'Won / (won + lost) among opportunities with a plan (by Close date).',
    needsCrm: true,
  },
  {
    id: 'winRateWithout',
    label: 'Win rate without a MAP',
    definition: 'Win rate comparison',
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.percent,
    value: (q) => winRate(WITHOUT, q),
    how: 'Won / (won + lost) among opportunities without a plan (by Close date).',
    needsCrm: true,
  },
  {
    id: 'winRateRatio',
    label: 'Deals with MAP vs without: win rate',
    definition: 'Win rate comparison',
    target: 'MAP deals should win at 1.5-2x',
    targetValue: 1.5,
    meets: '>=',
    format: FORMATS.ratio,
    value: (_q, at) => bothNumbers(at('winRateWith'), at('winRateWithout'), (a, b) => `${a}/${b}`),
    how: 'Win rate with a MAP / win rate without.',
    needsCrm: true,
  },
  {
    id: 'cycleWith',
    label: 'Cycle time with a MAP (days)',
    definition: 'Cycle time comparison',
    target: '',
    targetValue: null,
    meets: null,
    format: '0.0',
    value: (q) => cycleTime(WITH, q),
    how: 'Average calendar days from Created to Close date of won opportunities with a plan (by Close date).',
    needsCrm: true,
  },
  {
    id: 'cycleWithout',
    label: 'Cycle time without a MAP (days)',
    definition: 'Cycle time comparison',
    target: '',
    targetValue: null,
    meets: null,
    format: '0.0',
    value: (q) => cycleTime(WITHOUT, q),
    how: 'The same for won opportunities without a plan.',
    needsCrm: true,
  },
  {
    id: 'cycleFaster',
    label: 'Deals with MAP vs without: cycle time',
    definition: 'Cycle time comparison',
    target: 'MAP deals should close 20-30% faster',
    targetValue: 0.2,
    meets: '>=',
    format: FORMATS.percent,
    value: (_q, at) => bothNumbers(at('cycleWith'), at('cycleWithout'), (a, b) => `1-${a}/${b}`),
    how: '1 - cycle time with a MAP / cycle time without: how much faster MAP deals close.',
    needsCrm: true,
  },
  {
    id: 'accuracyDays',
    label: 'MAP-to-close accuracy',
    definition: "How close was the MAP's target close date to actual close date?",
    target: 'Within 2 weeks',
    targetValue: 14,
    meets: '<=',
    format: '0.0',
    value: (q) => {
      const x = D('closeVsTarget');
      const e = inQuarter(D('closedOn'), q);
      return `=IFERROR((SUMIFS(${x},${x},">0"${e})-SUMIFS(${x},${x},"<0"${e}))/COUNTIFS(${x},${ANY_NUMBER}${e}),"")`;
    },
    how: 'Average calendar days between the first planned decision target and the actual close, early or late, over closed deals with a plan (by close date).',
  },
  {
    id: 'accuracyWithin',
    label: 'Closed within 2 weeks of the target',
    definition: "Share of closed MAP deals whose close was within the target's days of the first planned decision target",
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.percent,
    value: (q) => {
      const x = D('closeVsTarget');
      const e = inQuarter(D('closedOn'), q);
      const days = `$D$${rowOf('accuracyDays')}`;
      return share(`COUNTIFS(${x},">=-"&${days},${x},"<="&${days}${e})`, `COUNTIFS(${x},${ANY_NUMBER}${e})`);
    },
    how: 'Closed deals whose close vs first target (Deals) is within the days in D of MAP-to-close accuracy.',
  },
  {
    id: 'slipMost',
    label: 'Steps that slip most often',
    definition: 'Which MAP steps cause the most delays?',
    target: 'Identify and address',
    targetValue: null,
    meets: null,
    format: null,
    value: (q) => {
      if (q === null) {
        return `=IF(MAX(${KINDS_RANGE('B')})>0,INDEX(${KINDS_RANGE('A')},MATCH(1,${KINDS_RANGE('F')},0)),"")`;
      }
      // The quarter's columns on Step kinds: G for the first quarter column (F here), and so on.
      const column = String.fromCharCode('G'.charCodeAt(0) + QUARTER_COLUMNS.indexOf(q as (typeof QUARTER_COLUMNS)[number]));
      const range = KINDS_QUARTER(column);
      return `=IF(MAX(${range})>0,INDEX(${KINDS_RANGE('A')},MATCH(MAX(${range}),${range},0)),"")`;
    },
    how: 'The kind of step with the most slips (then the most slip days); per quarter, the most slips recorded in it. Ranking below.',
  },
  {
    id: 'plans',
    label: 'Plans in the workbook',
    definition: 'Deals rows',
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.count,
    value: (q) => `=COUNTIFS(${notHeader(DEALS, 'documentId')},${D('documentId')},"<>"${inQuarter(D('planStarted'), q)})`,
    how: 'Plans exported (by the day each plan started).',
  },
  {
    id: 'plansMatched',
    label: 'Opportunities with a plan',
    definition: 'Plans matched to a CRM opportunity',
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.count,
    value: (q) => `=COUNTIFS(${notHeader(OPPORTUNITIES, 'plan')},${O('plan')},"<>"${inQuarter(O('created'), q)})`,
    how: 'Opportunities whose Plan column names a plan: matched by CRM id, else by account name, at import (by Created date).',
  },
  {
    id: 'opportunities',
    label: 'Opportunities in the CRM report',
    definition: 'Opportunities rows',
    target: '',
    targetValue: null,
    meets: null,
    format: FORMATS.count,
    value: (q) => `=COUNTIFS(${notHeader(OPPORTUNITIES, 'opportunityId')},${O('opportunityId')},"<>"${inQuarter(O('created'), q)})`,
    how: 'Deals with and without a MAP, from the CRM report (by Created date).',
  },
];

/** A metric's formula for the value to date (column null: E) or a quarter's column. */
function valueFormula(m: MetricRow, column: string | null): string {
  return m.value(column, (id) => `${column ?? 'E'}${rowOf(id)}`);
}

/** The rule formula saying a metric's cell meets its target, for the cell `cell` (its target in column D of the same row). */
export function meetsFormula(op: '>' | '>=' | '<=', cell: string): string {
  const row = cell.replace(/^[A-Z]+/, '');
  return `AND(ISNUMBER(${cell}),${cell}${op}$D${row})`;
}

const RANKING_TITLE_ROW = FIRST_METRIC_ROW + METRIC_ROWS.length + 1;
const RANKING_HEADER_ROW = RANKING_TITLE_ROW + 1;
export const FIRST_RANK_ROW = RANKING_HEADER_ROW + 1;

function rankingRows(): (GridCell | null)[][] {
  const rows: (GridCell | null)[][] = [];
  rows.push([text('Steps that slip most often, by kind of step', { bold: true }), text('Slips and slip days summed over every plan (steps since removed included), highest first.', { muted: true })]);
  rows.push(['Rank', 'Kind of step', 'Slips', 'Slip days', 'Steps that slipped'].map((h) => text(h, { bold: true })));
  for (let k = 1; k <= KINDS; k++) {
    const r = FIRST_RANK_ROW + k - 1;
    const at = `$K${r}`;
    const pick = (column: string) => `INDEX(${KINDS_RANGE(column)},${at})`;
    rows.push([
      { value: k, format: FORMATS.count },
      formula(`IF(${pick('B')}>0,${pick('A')},"")`),
      formula(`IF($B${r}="","",${pick('B')})`, { format: FORMATS.count }),
      formula(`IF($B${r}="","",${pick('C')})`, { format: FORMATS.count }),
      formula(`IF($B${r}="","",${pick('D')})`, { format: FORMATS.count }),
      null,
      null,
      null,
      null,
      null,
      // Which row of Step kinds holds rank k: a helper the cells to its left read.
      formula(`MATCH($A${r},${KINDS_RANGE('F')},0)`, { muted: true }),
    ]);
  }
  return rows;
}

/** The Metrics sheet as "Set up MAP metrics" writes it. */
export function metricsSheet(): GridSheet {
  const rows: (GridCell | null)[][] = [];
  rows.push([
    text('MAP metrics', { bold: true }),
    text('Computed by formula from the Deals, Steps, Slips and Opportunities sheets: edit or paste rows there and these follow.', { muted: true }),
  ]);
  rows.push([
    text('As of', { bold: true }),
    formula('TODAY()', { format: FORMATS.date, note: 'The quarters count back from this day. Type a date to look back; put =TODAY() back to follow the calendar.' }),
    text('Deal size for adoption', { bold: true }),
    { value: 50000, format: FORMATS.money, note: 'The adoption rate counts opportunities of at least this amount (the method: $50K+ deals).' },
  ]);
  const starts: (GridCell | null)[] = [text('Quarter from', { muted: true }), null, null, null, null];
  QUARTER_COLUMNS.forEach((c, i) => {
    const next = QUARTER_COLUMNS[i + 1];
    starts.push(
      next === undefined
        ? formula(`DATE(YEAR(${AS_OF}),INT((MONTH(${AS_OF})-1)/3)*3+1,1)`, { format: FORMATS.date, muted: true })
        : formula(`EDATE(${next}${QUARTER_ROW},-3)`, { format: FORMATS.date, muted: true }),
    );
  });
  rows.push(starts);
  rows.push([
    ...['Metric', "Definition (the method's words)", 'Target', 'Target value', 'To date'].map((h) => text(h, { bold: true })),
    ...QUARTER_COLUMNS.map((c) => formula(`"Q"&(INT((MONTH(${c}${QUARTER_ROW})-1)/3)+1)&" "&YEAR(${c}${QUARTER_ROW})`, { bold: true })),
    text('How it is computed', { bold: true }),
  ]);
  for (const m of METRIC_ROWS) {
    rows.push([
      text(m.label, { bold: m.targetValue !== null || m.id === 'slipMost' }),
      text(m.definition),
      m.target === '' ? null : text(m.target),
      m.targetValue === null ? null : { value: m.targetValue, ...formatOf(m) },
      formula(valueFormula(m, null), formatOf(m)),
      ...QUARTER_COLUMNS.map((c) => formula(valueFormula(m, c), formatOf(m))),
      howCell(m),
    ]);
  }
  rows.push([]);
  rows.push(...rankingRows());

  const rules: ConditionalRule[] = [];
  for (const m of METRIC_ROWS) {
    if (m.meets === null) continue;
    const r = rowOf(m.id);
    const range = `E${r}:I${r}`;
    const meets = meetsFormula(m.meets, `E${r}`);
    rules.push({ range, formula: `=${meets}`, ...GOOD });
    rules.push({ range, formula: `=AND(ISNUMBER(E${r}),NOT(${meets}))`, ...BAD });
  }

  return { name: METRICS_SHEET, rows, frozenRows: HEADER_ROW, columnWidths: [240, 300, 200, 90, 90, 90, 90, 90, 90, 420, 40], rules, charts: charts(), hidden: false };
}

function quarterRange(id: MetricId): string {
  const r = rowOf(id);
  return `${METRICS_SHEET}!F${r}:I${r}`;
}

function charts(): ChartSpec[] {
  const quarters = `${METRICS_SHEET}!F${HEADER_ROW}:I${HEADER_ROW}`;
  const below = FIRST_RANK_ROW + KINDS + 2;
  const lastRank = FIRST_RANK_ROW + KINDS - 1;
  return [
    {
      id: 'win-rate',
      type: 'COLUMN',
      title: 'Win rate with and without a MAP, by quarter',
      domain: quarters,
      series: [
        { label: 'With a MAP', range: quarterRange('winRateWith') },
        { label: 'Without a MAP', range: quarterRange('winRateWithout') },
      ],
      percent: true,
      anchor: { row: below, column: 1 },
    },
    {
      id: 'cycle-time',
      type: 'COLUMN',
      title: 'Cycle time of won deals with and without a MAP (days), by quarter',
      domain: quarters,
      series: [
        { label: 'With a MAP', range: quarterRange('cycleWith') },
        { label: 'Without a MAP', range: quarterRange('cycleWithout') },
      ],
      percent: false,
      anchor: { row: below, column: 4 },
    },
    {
      id: 'completion',
      type: 'LINE',
      title: 'MAP completion rate (steps on time), by quarter',
      domain: quarters,
      series: [{ label: 'Completed on time', range: quarterRange('completion') }],
      percent: true,
      anchor: { row: below + 20, column: 1 },
    },
    {
      id: 'slips-by-kind',
      type: 'BAR',
      title: 'Slips by kind of step',
      domain: `${METRICS_SHEET}!B${FIRST_RANK_ROW}:B${lastRank}`,
      series: [{ label: 'Slips', range: `${METRICS_SHEET}!C${FIRST_RANK_ROW}:C${lastRank}` }],
      percent: false,
      anchor: { row: below + 20, column: 4 },
    },
  ];
}

// ─── The Step kinds sheet: per-kind totals the ranking reads ────────────────────────────────

/**
 * One row per kind: slips, slip days and steps that slipped (from Steps), a score that orders by
 * slips then slip days, a unique rank (ties go to the kind listed first), and the slips recorded
 * in each of the Metrics sheet's quarters (from Slips).
 */
export function stepKindsSheet(): GridSheet {
  const quarterHeaders = QUARTER_COLUMNS.map((c) => formula(`"Slips recorded in "&${METRICS_SHEET}!${c}$${HEADER_ROW}`, { bold: true }));
  const rows: (GridCell | null)[][] = [
    [...['Kind of step', 'Slips', 'Slip days', 'Steps that slipped', 'Score', 'Rank'].map((h) => text(h, { bold: true })), ...quarterHeaders],
  ];
  STEP_KINDS.forEach((kind, i) => {
    const r = i + 2;
    rows.push([
      text(kind.label),
      formula(`SUMIFS(${S('slips')},${S('kind')},$A${r})`, { format: FORMATS.count }),
      formula(`SUMIFS(${S('daysSlipped')},${S('kind')},$A${r})`, { format: FORMATS.count }),
      formula(`COUNTIFS(${S('kind')},$A${r},${S('slips')},">0")`, { format: FORMATS.count }),
      // Slips first, slip days next: a kind's days stay far below 10 million.
      formula(`B${r}*10000000+C${r}`, { format: FORMATS.count, muted: true }),
      formula(`COUNTIF($E$2:$E$${KINDS + 1},">"&E${r})+COUNTIF($E$2:E${r},E${r})`, { format: FORMATS.count, muted: true }),
      ...QUARTER_COLUMNS.map((c) =>
        formula(`COUNTIFS(${SL('kind')},$A${r},${SL('recordedOn')},">="&${METRICS_SHEET}!${c}$${QUARTER_ROW},${SL('recordedOn')},"<"&EDATE(${METRICS_SHEET}!${c}$${QUARTER_ROW},3))`, {
          format: FORMATS.count,
        }),
      ),
    ]);
  });
  return { name: STEP_KINDS_SHEET, rows, frozenRows: 1, columnWidths: [220, 70, 80, 120, 110, 50, 150, 150, 150, 150], rules: [], charts: [], hidden: false };
}
