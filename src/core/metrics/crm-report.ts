/** A CRM opportunity report as Salesforce or HubSpot export it (CSV), read into Opportunities rows: names, amounts, stages, dates and outcomes in their usual forms. */
import { isoFromParts } from '../scheduling/calendar';
import type { IsoDate } from '../plan';
import { dateCell } from './cells';
import { parseCsv } from './csv';
import type { OpportunityColumnId, Row } from './layout';

export type OpportunityOutcome = 'open' | 'won' | 'lost';
export type ReportSource = 'Salesforce' | 'HubSpot' | 'CSV';

export interface Opportunity {
  /** The CRM's id; without an id column, "name (account)", stable across imports of the same report. */
  id: string;
  name: string;
  account: string;
  amount: number | null;
  currency: string | null;
  stage: string;
  pastDemo: boolean;
  created: IsoDate | null;
  closeDate: IsoDate | null;
  outcome: OpportunityOutcome;
  source: ReportSource;
  /** The document id of the plan matched to it (match.ts), or null: a deal without a MAP. */
  plan: string | null;
  matchedBy: 'CRM id' | 'account name' | null;
}

export interface ReportProblem {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  message: string;
}

export type CrmReport =
  | { ok: true; source: ReportSource; opportunities: Opportunity[]; problems: ReportProblem[] }
  | { ok: false; error: string };

type Field = 'id' | 'name' | 'account' | 'amount' | 'currency' | 'stage' | 'created' | 'close' | 'won' | 'closed';

/** Header names per field, as the two CRMs and spreadsheets write them (compared in lower case, spaces squeezed). */
const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  id: ['opportunity id', 'opportunity 18 digit id', 'opportunity id (18)', 'record id', 'deal id', 'id', 'crm id'],
  name: ['opportunity name', 'deal name', 'opportunity', 'deal', 'name'],
  account: ['account name', 'associated company', 'associated company (primary)', 'company name', 'company', 'account'],
  amount: ['amount', 'amount (converted)', 'amount in company currency', 'deal amount', 'annual contract value', 'acv', 'total contract value', 'value'],
  currency: ['opportunity currency', 'amount currency', 'currency', 'deal currency code', 'currency code', 'currency iso code'],
  stage: ['stage', 'stage name', 'deal stage', 'opportunity stage'],
  created: ['created date', 'create date', 'created', 'created on', 'date created'],
  close: ['close date', 'closed date', 'close', 'expected close date'],
  won: ['won', 'closed won', 'is won', 'iswon', 'is closed won'],
  closed: ['closed', 'is closed', 'isclosed'],
};

function squeeze(header: string): string {
  return header.trim().toLowerCase().replace(/\s+/g, ' ');
}

function findColumns(header: readonly string[]): Partial<Record<Field, number>> {
  const names = header.map(squeeze);
  const found: Partial<Record<Field, number>> = {};
  for (const field of Object.keys(ALIASES) as Field[]) {
    // The first alias that names a column wins: "Opportunity ID" before a generic "Id".
    for (const alias of ALIASES[field]) {
      const index = names.indexOf(alias);
      if (index >= 0 && !Object.values(found).includes(index)) {
        found[field] = index;
        break;
      }
    }
  }
  return found;
}

function sourceOf(header: readonly string[]): ReportSource {
  const names = new Set(header.map(squeeze));
  if (names.has('opportunity name') || names.has('account name') || names.has('opportunity id')) return 'Salesforce';
  if (names.has('deal name') || names.has('record id') || names.has('deal stage') || names.has('associated company')) return 'HubSpot';
  return 'CSV';
}

const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = { '€': 'EUR', '£': 'GBP', '¥': 'JPY', '₹': 'INR', 'CHF': 'CHF' };

/**
 * An amount as reports write it: "85000", "85,000.00", "$85,000", "USD 85,000", "85.000,00 €",
 * "1 250 000". The last of "." and "," is the decimal mark when both appear; a lone separator
 * followed by exactly three digits groups thousands.
 */
export function parseAmount(raw: string): { amount: number | null; currency: string | null } {
  const t = raw.trim();
  if (t === '') return { amount: null, currency: null };
  const code = /\b([A-Z]{3})\b/.exec(t)?.[1] ?? null;
  const symbol = Object.keys(CURRENCY_SYMBOLS).find((s) => t.includes(s));
  const currency = code ?? (symbol ? (CURRENCY_SYMBOLS[symbol] ?? null) : null);
  const negative = /^\(.*\)$/.test(t) || /-\s*[\d.,]/.test(t);
  let digits = t.replace(/[^\d.,]/g, '');
  if (digits === '') return { amount: null, currency };
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  if (lastDot >= 0 && lastComma >= 0) {
    const decimal = lastDot > lastComma ? '.' : ',';
    const group = decimal === '.' ? ',' : '.';
    digits = digits.split(group).join('').replace(decimal, '.');
  } else if (lastComma >= 0 || lastDot >= 0) {
    const sep = lastComma >= 0 ? ',' : '.';
    const parts = digits.split(sep);
    const grouping = parts.length > 2 || (parts[parts.length - 1]?.length === 3 && (parts[0]?.length ?? 0) > 0);
    digits = grouping ? parts.join('') : parts.join('.');
  }
  const n = Number(digits);
  return { amount: Number.isFinite(n) ? (negative ? -n : n) : null, currency };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * A date as CRM exports write it, with any time of day dropped: "2026-03-14", "2026-03-14 10:22",
 * "3/14/2026", "14/03/2026" (day first when the report's dates say so), "14.03.2026",
 * "Mar 14, 2026", "14 Mar 2026", two-digit years as 20xx.
 */
export function parseReportDate(raw: string, dayFirst: boolean): IsoDate | null {
  const t = raw.trim().replace(/[T ]\d{1,2}:\d{2}.*$/, '').trim();
  if (t === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(t);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const year = m[3]?.length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
    const a = Number(m[1]);
    const b = Number(m[2]);
    // A dotted date is day first everywhere it is written.
    const first = dayFirst || t.includes('.');
    return first ? isoFromParts(year, b, a) : isoFromParts(year, a, b);
  }
  m = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(t);
  if (m) return monthDate(m[1] ?? '', Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s+([A-Za-z]{3})[a-z]*\.?,?\s+(\d{4})$/.exec(t);
  if (m) return monthDate(m[2] ?? '', Number(m[1]), Number(m[3]));
  return null;
}

function monthDate(month: string, day: number, year: number): IsoDate | null {
  const index = MONTHS.indexOf(month.toLowerCase());
  return index < 0 ? null : isoFromParts(year, index + 1, day);
}

/** True when some numeric date in these cells can only be day first (its first number is above 12). */
function datesAreDayFirst(values: readonly string[]): boolean {
  return values.some((v) => {
    const m = /^\s*(\d{1,2})\/(\d{1,2})\/\d{2,4}/.exec(v);
    return m !== null && Number(m[1]) > 12;
  });
}

function truthy(raw: string): boolean | null {
  const t = raw.trim().toLowerCase();
  if (['true', 'yes', '1', 'y', 'won', 'closed'].includes(t)) return true;
  if (['false', 'no', '0', 'n', ''].includes(t)) return false;
  return null;
}

/** Won or lost from the stage's name ("Closed Won", HubSpot's "closedwon"); open otherwise. */
export function outcomeOfStage(stage: string): OpportunityOutcome {
  const t = stage.toLowerCase().replace(/[^a-z]/g, '');
  if (/closedwon|^won$|^signed$/.test(t)) return 'won';
  if (/closedlost|^lost$|disqualified|closednodecision/.test(t)) return 'lost';
  return 'open';
}

/**
 * Whether a deal at this stage is past the demo. Salesforce's default stages past it: Value
 * Proposition, Id. Decision Makers, Perception Analysis, Proposal/Price Quote, Negotiation/Review,
 * Closed; before it: Prospecting, Qualification, Needs Analysis. HubSpot's: Decision Maker
 * Bought-In, Contract Sent, Closed; before it: Appointment Scheduled, Qualified To Buy,
 * Presentation Scheduled. A closed deal counts as past the demo; a stage not recognised does not.
 */
export function isPastDemo(stage: string): boolean {
  const t = stage.toLowerCase().replace(/[^a-z]/g, '');
  if (/closed|won|lost/.test(t)) return true;
  if (/prospect|qualif|discovery|appointment|needsanalysis|lead|intro|scheduled|firstmeeting|^new/.test(t)) return false;
  return /valueprop|decisionmaker|perception|proposal|quote|negotiat|contract|evaluation|pilot|poc|trial|technical|validation|businesscase|commit|verbal|boughtin|postdemo|demodone|democompleted|legal|procurement|security/.test(t);
}

/** Reads a CRM report. Rows without a name and an account are skipped and reported; dates or amounts not understood are reported and left empty. */
export function readCrmReport(csv: string): CrmReport {
  const records = parseCsv(csv);
  const header = records[0];
  if (!header) return { ok: false, error: 'The report is empty.' };
  const columns = findColumns(header);
  if (columns.name === undefined && columns.account === undefined) {
    return { ok: false, error: 'This does not look like an opportunity report: it has no "Opportunity Name", "Deal Name", "Account Name" or "Associated Company" column.' };
  }
  const source = sourceOf(header);
  const body = records.slice(1);
  const cell = (record: readonly string[], field: Field): string => {
    const index = columns[field];
    return index === undefined ? '' : (record[index] ?? '').trim();
  };
  const dayFirst = datesAreDayFirst(body.flatMap((r) => [cell(r, 'created'), cell(r, 'close')]));
  const problems: ReportProblem[] = [];
  const opportunities: Opportunity[] = [];
  const ids = new Set<string>();
  body.forEach((record, i) => {
    const line = i + 2;
    const name = cell(record, 'name');
    const account = cell(record, 'account');
    // Salesforce ends a report export with a footer: "Grand Totals (11 records)", then lines of
    // one field each (copyright, "Confidential Information - Do Not Distribute", "Generated By").
    if (record.filter((v) => v.trim() !== '').length <= 1 || /^(grand )?totals?\b/i.test(record[0]?.trim() ?? '')) return;
    if (name === '' && account === '') {
      if (record.some((v) => v.trim() !== '')) problems.push({ line, message: 'No opportunity name or account: skipped.' });
      return;
    }
    const date = (field: 'created' | 'close', label: string): IsoDate | null => {
      const raw = cell(record, field);
      const parsed = parseReportDate(raw, dayFirst);
      if (raw !== '' && parsed === null) problems.push({ line, message: `${label} "${raw}" is not a date: left empty.` });
      return parsed;
    };
    const rawAmount = cell(record, 'amount');
    const { amount, currency } = parseAmount(rawAmount);
    if (rawAmount !== '' && amount === null) problems.push({ line, message: `Amount "${rawAmount}" is not a number: left empty.` });
    const stage = cell(record, 'stage');
    const won = columns.won === undefined ? null : truthy(cell(record, 'won'));
    const closed = columns.closed === undefined ? null : truthy(cell(record, 'closed'));
    let outcome = outcomeOfStage(stage);
    if (won === true) outcome = 'won';
    else if (won === false && closed === true) outcome = 'lost';
    else if (won === false && closed === false) outcome = 'open';
    else if (closed === true && outcome === 'open') outcome = 'lost';
    let id = cell(record, 'id') || `${name} (${account})`;
    if (ids.has(id)) {
      problems.push({ line, message: `Opportunity id "${id}" appears twice: the later row is kept apart as "${id} #${line}".` });
      id = `${id} #${line}`;
    }
    ids.add(id);
    opportunities.push({
      id,
      name,
      account,
      amount,
      currency: (cell(record, 'currency') || currency || '').toUpperCase() || null,
      stage,
      pastDemo: isPastDemo(stage) || outcome !== 'open',
      created: date('created', 'Created date'),
      closeDate: date('close', 'Close date'),
      outcome,
      source,
      plan: null,
      matchedBy: null,
    });
  });
  return { ok: true, source, opportunities, problems };
}

/** The Opportunities sheet's row for an opportunity. */
export function opportunityRow(o: Opportunity): Row<OpportunityColumnId> {
  return {
    opportunityId: o.id,
    name: o.name,
    account: o.account,
    amount: o.amount,
    currency: o.currency,
    stage: o.stage,
    pastDemo: o.pastDemo ? 'yes' : 'no',
    created: dateCell(o.created),
    closeDate: dateCell(o.closeDate),
    outcome: o.outcome,
    plan: o.plan,
    matchedBy: o.matchedBy,
    source: o.source,
  };
}
