/** `npm run map -- export FILE.md... --out DIR`: the team workbook's rows and metrics as CSV files (deals, steps, slips, metrics) for BigQuery or any warehouse, from Markdown MAPs and the history `npm start` kept beside them. */
import path from 'node:path';
import { GoogleEmulation } from '../emulation';
import { documentFromMarkdown } from '../emulation/document';
import { readDocumentPlan } from '../src/adapters/document-reader';
import { loadHistory, type PropertyStore } from '../src/adapters/history-store';
import { isIsoDate } from '../src/core/scheduling/calendar';
import { parseDealDetails, UNKNOWN_DEAL, type DealDetails } from '../src/core/deal/deal';
import { liveSteps, type PlanHistory } from '../src/core/history/history';
import { csvText, type CellValue } from '../src/core/metrics/cells';
import { opportunityRow, readCrmReport, type Opportunity } from '../src/core/metrics/crm-report';
import { writeCsv } from '../src/core/metrics/csv';
import { DEALS, OPPORTUNITIES, SLIPS, STEPS, type ColumnType, type DataSheet } from '../src/core/metrics/layout';
import { matchPlans, type PlanToMatch } from '../src/core/metrics/match';
import { METRIC_ROWS } from '../src/core/metrics/metrics-sheet';
import { referenceMetrics, type ReferencePlan } from '../src/core/metrics/reference';
import { planRows, type PlanRows } from '../src/core/metrics/rows';
import { sheetValues, workbookData } from '../src/core/metrics/workbook';
import type { ParsedPlan } from '../src/core/reading/parsed-plan';
import { DEAL_STAGES, DEAL_TYPES, type IsoDate } from '../src/core/plan';
import { openDocument, restore } from './preview/storage';

export interface ExportIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): string;
  writeFile(file: string, text: string): void;
  /** Where `npm start` keeps its sidecars (the history beside each Markdown file): `.preview` under the working directory. */
  previewDir: string;
  cwd: string;
}

export class ExportUsageError extends Error {}

export const EXPORT_USAGE = `  npm run map -- export FILE.md... --out DIR [--crm REPORT.csv] [--today YYYY-MM-DD] [--as-of YYYY-MM-DD]
                                                    deals.csv, steps.csv, slips.csv and metrics.csv (and
                                                    opportunities.csv with --crm), with BigQuery schemas`;

interface ExportArgs {
  files: string[];
  out: string;
  crm: string | null;
  today: IsoDate;
  asOf: IsoDate;
  locale: string;
}

function parseExportArgs(argv: readonly string[]): ExportArgs {
  const files: string[] = [];
  const flags = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (['--out', '--crm', '--today', '--as-of', '--locale'].includes(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new ExportUsageError(`${arg} needs a value.`);
      flags.set(arg, value);
    } else if (arg.startsWith('--')) throw new ExportUsageError(`Unknown option "${arg}".`);
    else files.push(arg);
  }
  if (files.length === 0) throw new ExportUsageError('"export" needs at least one Markdown file.');
  const out = flags.get('--out');
  if (!out) throw new ExportUsageError('"export" needs --out DIR: the folder the CSV files go to.');
  const today = flags.get('--today') ?? new Date().toISOString().slice(0, 10);
  const asOf = flags.get('--as-of') ?? today;
  for (const [flag, date] of [['--today', today], ['--as-of', asOf]] as const) {
    if (!isIsoDate(date)) throw new ExportUsageError(`${flag} takes a date as YYYY-MM-DD.`);
  }
  return { files, out, crm: flags.get('--crm') ?? null, today, asOf, locale: flags.get('--locale') ?? 'en_US' };
}

/** The document properties as the history store reads them. */
function storeOf(properties: Record<string, string>): PropertyStore {
  const entries = new Map(Object.entries(properties));
  return {
    getProperties: () => Object.fromEntries(entries),
    getKeys: () => [...entries.keys()],
    setProperty(key: string, value: string) {
      entries.set(key, value);
      return this as unknown as GoogleAppsScript.Properties.Properties;
    },
    setProperties(values: Record<string, string>) {
      for (const [k, v] of Object.entries(values)) entries.set(k, v);
      return this as unknown as GoogleAppsScript.Properties.Properties;
    },
    deleteProperty(key: string) {
      entries.delete(key);
      return this as unknown as GoogleAppsScript.Properties.Properties;
    },
  } as PropertyStore;
}

/**
 * The deal the Deal panel saved ("map.deal"), else what the Insert form saved ("map.settings":
 * type, stage, value, their company), else nothing known. What does not validate is ignored.
 */
export function dealFromProperties(properties: Record<string, string>): DealDetails {
  const json = (key: string): unknown => {
    try {
      return JSON.parse(properties[key] ?? 'null') as unknown;
    } catch {
      return null;
    }
  };
  const saved = parseDealDetails(json('map.deal'));
  if (saved.ok) return saved.deal;
  const settings = json('map.settings') as Record<string, unknown> | null;
  if (!settings || typeof settings !== 'object') return { ...UNKNOWN_DEAL };
  const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
  return {
    ...UNKNOWN_DEAL,
    theirCompany: text(settings.theirCompany),
    dealType: (DEAL_TYPES as readonly unknown[]).includes(settings.dealType) ? (settings.dealType as DealDetails['dealType']) : null,
    stage: (DEAL_STAGES as readonly unknown[]).includes(settings.dealStage) ? (settings.dealStage as DealDetails['stage']) : null,
    annualContractValue: typeof settings.annualContractValue === 'number' ? settings.annualContractValue : null,
  };
}

interface ReadPlan extends ReferencePlan {
  url: string;
  file: string;
}

/** A Markdown plan as the add-on reads it: its sidecar's step identities and history restored when `npm start` saved one. */
function readPlanWithHistory(io: ExportIO, file: string, args: ExportArgs): ReadPlan {
  const opened = openDocument(file, { previewDir: io.previewDir, cwd: io.cwd });
  if (opened.markdown === null) throw new ExportUsageError(`Cannot read ${file}: ${opened.messages.join(' ')}`);
  const markdown = opened.markdown;
  const properties = opened.sidecar?.documentProperties ?? {};
  const env = new GoogleEmulation({
    locale: args.locale,
    now: new Date(`${args.today}T12:00:00Z`),
    timeZone: 'UTC',
    document: (ctx) => documentFromMarkdown(markdown, ctx, { name: opened.name }),
  });
  if (opened.sidecar) for (const problem of restore(env.document, markdown, opened.sidecar)) io.stderr(`${file}: ${problem}\n`);
  const history: PlanHistory | null = loadHistory(storeOf(properties));
  const saved = (globalThis as Record<string, unknown>).DocumentApp;
  Object.assign(globalThis, { DocumentApp: env.globals().DocumentApp });
  let plan: ParsedPlan;
  try {
    const knownSteps = history ? liveSteps(history).map((r) => ({ key: r.key, action: r.action, number: r.number, due: r.currentDue })) : [];
    plan = readDocumentPlan(env.document as unknown as GoogleAppsScript.Document.Document, { locale: args.locale, today: args.today, knownSteps }).plan;
  } finally {
    (globalThis as Record<string, unknown>).DocumentApp = saved;
  }
  if (!plan.stepsTable) io.stderr(`${file}: no steps table found; the plan is exported with no steps.\n`);
  const relative = path.relative(io.cwd, opened.file) || opened.file;
  return {
    file: relative,
    // A Markdown file has no document id: its path (from where the command runs) keys its rows.
    documentId: relative.split(path.sep).join('/'),
    url: `file://${opened.file}`,
    plan,
    history,
    deal: dealFromProperties(properties),
    today: args.today,
  };
}

const BIGQUERY_TYPES: Readonly<Record<ColumnType, string>> = {
  text: 'STRING',
  link: 'STRING',
  'yes-no': 'STRING',
  number: 'INT64',
  money: 'FLOAT64',
  percent: 'FLOAT64',
  date: 'DATE',
};

/** A header as a warehouse column name: "Due (first planned)" → due_first_planned. */
export function columnName(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

/** BigQuery's reserved keywords a header could turn into: a column may not be named so without backticks in every query. */
const RESERVED = new Set(['from', 'to', 'select', 'where', 'group', 'order', 'by', 'limit', 'all', 'and', 'or', 'not', 'end', 'case', 'when', 'join', 'on']);

/** The BigQuery schema of a data sheet's CSV file, in column order (bq load maps CSV columns by position). */
export function bigQuerySchema(sheet: DataSheet): { name: string; type: string; mode: 'NULLABLE' | 'REQUIRED'; description: string }[] {
  return sheet.columns.map((c) => ({
    name: RESERVED.has(columnName(c.header)) ? `${columnName(c.header)}_${c.type === 'date' ? 'date' : 'value'}` : columnName(c.header),
    type: BIGQUERY_TYPES[c.type],
    mode: (sheet.key as readonly string[]).includes(c.id) ? 'REQUIRED' : 'NULLABLE',
    description: c.note,
  }));
}

export const METRICS_SCHEMA = [
  { name: 'metric_id', type: 'STRING', mode: 'REQUIRED', description: 'The metric (adoption, completion, winRateWith...), or slips-by-kind / slip-days-by-kind.' },
  { name: 'metric', type: 'STRING', mode: 'REQUIRED', description: 'As the Metrics sheet names it.' },
  { name: 'target', type: 'STRING', mode: 'NULLABLE', description: "The method's target." },
  { name: 'period', type: 'STRING', mode: 'REQUIRED', description: 'to date, or the quarter (2027-Q1).' },
  { name: 'period_start', type: 'DATE', mode: 'NULLABLE', description: "The quarter's first day." },
  { name: 'value', type: 'FLOAT64', mode: 'NULLABLE', description: 'The number; empty when there is no data.' },
  { name: 'value_text', type: 'STRING', mode: 'NULLABLE', description: 'For steps that slip most often: the kind of step.' },
] as const;

function csvOf(values: CellValue[][]): string {
  return writeCsv(values.map((row) => row.map(csvText)));
}

/** A folder as the person reads it: relative when under where the command runs. */
function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function quarterName(start: IsoDate): string {
  return `${start.slice(0, 4)}-Q${Math.floor((Number(start.slice(5, 7)) - 1) / 3) + 1}`;
}

/** Runs `export`; returns the exit code (0 done). Usage errors are thrown as ExportUsageError. */
export function exportCommand(argv: readonly string[], io: ExportIO): number {
  const args = parseExportArgs(argv);
  const plans = args.files.map((file) => readPlanWithHistory(io, file, args));
  let opportunities: Opportunity[] = [];
  if (args.crm !== null) {
    let csv: string;
    try {
      csv = io.readFile(args.crm);
    } catch (error) {
      throw new ExportUsageError(`Cannot read ${args.crm}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const report = readCrmReport(csv);
    if (!report.ok) throw new ExportUsageError(`${args.crm}: ${report.error}`);
    for (const p of report.problems) io.stderr(`${args.crm}, line ${p.line}: ${p.message}\n`);
    opportunities = report.opportunities;
  }
  const toMatch: PlanToMatch[] = plans.map((p) => ({
    documentId: p.documentId,
    crm: p.deal.crm,
    // As the Deals row names the company: the deal's, else the prospect's agreement line.
    theirCompany: p.deal.theirCompany ?? p.plan.agreement?.company ?? null,
    title: p.plan.title,
    started: p.history?.baseline.on ?? p.today,
  }));
  const match = matchPlans(toMatch, opportunities);
  const rows: PlanRows[] = plans.map((p) => planRows({ documentId: p.documentId, url: p.url, plan: p.plan, history: p.history, deal: p.deal, today: p.today }));
  const data = workbookData(rows, match.opportunities.map(opportunityRow));

  const out = path.resolve(io.cwd, args.out);
  const written: string[] = [];
  const write = (name: string, text: string) => {
    io.writeFile(path.join(out, name), text);
    written.push(name);
  };
  const sheets: [string, DataSheet, CellValue[][]][] = [
    ['deals', DEALS, sheetValues(DEALS, data.deals)],
    ['steps', STEPS, sheetValues(STEPS, data.steps)],
    ['slips', SLIPS, sheetValues(SLIPS, data.slips)],
  ];
  if (args.crm !== null) sheets.push(['opportunities', OPPORTUNITIES, sheetValues(OPPORTUNITIES, data.opportunities)]);
  for (const [name, sheet, values] of sheets) {
    write(`${name}.csv`, csvOf(values));
    write(`${name}.schema.json`, `${JSON.stringify(bigQuerySchema(sheet), null, 2)}\n`);
  }

  const reference = referenceMetrics({ plans, opportunities: match.opportunities, asOf: args.asOf });
  const metricRecords: string[][] = [METRICS_SCHEMA.map((c) => c.name)];
  const number = (v: number | string): [string, string] => (typeof v === 'number' ? [String(v), ''] : ['', csvText(v)]);
  for (const m of METRIC_ROWS) {
    const values = reference.metrics[m.id];
    metricRecords.push([m.id, m.label, m.target, 'to date', '', ...number(values.toDate)]);
    values.quarters.forEach((v, i) => {
      const start = reference.quarterStarts[i] ?? '';
      metricRecords.push([m.id, m.label, m.target, quarterName(start), start, ...number(v)]);
    });
  }
  for (const k of reference.ranking) {
    metricRecords.push(['slips-by-kind', 'Slips by kind of step', '', 'to date', '', String(k.slips), k.kind]);
    metricRecords.push(['slip-days-by-kind', 'Slip days by kind of step', '', 'to date', '', String(k.slipDays), k.kind]);
  }
  write('metrics.csv', writeCsv(metricRecords));
  write('metrics.schema.json', `${JSON.stringify(METRICS_SCHEMA, null, 2)}\n`);

  io.stdout(
    `Exported ${plans.length} plan${plans.length === 1 ? '' : 's'} (${data.steps.length} step rows, ${plural(data.slips.length, 'slip')}${args.crm !== null ? `, ${plural(data.opportunities.length, 'opportunity', 'opportunities')}` : ''}) to ${shownPath(io.cwd, out)}: ${written.filter((f) => f.endsWith('.csv')).join(', ')}.\n`,
  );
  if (args.crm !== null) {
    for (const p of match.unmatched) io.stdout(`Not matched to an opportunity: ${p.documentId} (${p.theirCompany ?? 'company unknown'}): give it its CRM id in the Deal panel.\n`);
  }
  return 0;
}
