/** `npm run map`: the add-on's reading and shifting on a Markdown MAP (a Google Docs export), for scripts and tests, with no Google account. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation, loadAddOn, ScriptError, type AddOn } from '../emulation';
import { documentFromMarkdown, documentToMarkdown } from '../emulation/document';
import { readDocumentPlan } from '../src/adapters/document-reader';
import { checkHealth, healthSummary } from '../src/core/method/health';
import type { ParsedPlan } from '../src/core/reading/parsed-plan';
import { calendarOfPlan } from '../src/core/scheduling/holidays';
import { DEAL_STAGES, DEAL_TYPES, type DealStage, type DealType } from '../src/core/plan';
import type { ShiftApplied, ShiftOptionsFields, ShiftPreview, ShiftRequest } from '../src/server/contract';
import { EXPORT_USAGE, exportCommand, ExportUsageError } from './map-export';

const USAGE = `Usage:
  npm run map -- parse FILE.md                      the plan and its diagnostics, as JSON
  npm run map -- check FILE.md [--stage S] [--value N] [--type T]
                                                    the health check's findings against the method
  npm run map -- shift FILE.md --step N --to DATE   preview on stderr, the shifted Markdown on stdout (N as written: 3, 5a, 2.1)
  npm run map -- shift FILE.md --detect --baseline EARLIER.md
                                                    shift from the dates edited since EARLIER.md
${EXPORT_USAGE}
Options:
  --to DATE|+N days|+N weeks   the step's new date, or the change ("+1 week", "-2 days")
  --mode keep-gaps|fix-overlaps, --pull-in, --calendar-days, --holidays 2026-12-25,2027-01-01
  --hold-decision, --hold-go-live   keep those key dates fixed (flagged when the steps overrun them)
  --include 7,5a  shift steps whose date looks wrong (far outside the plan) anyway (numbers as written)
  --no-change-log   do not add a dated line to the plan's "Changes" section
  --stage discovery|post-demo|proposal|negotiation, --value 85000 (annual contract value),
  --type standard|mid-market|enterprise|expansion|closing   the deal, for check (unknown when left out)
  --locale en_US   --today YYYY-MM-DD`;

export interface MapIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readFile(file: string): string;
  /** The built add-on (dist/Code.js and dist/Sidebar.html), as Apps Script would run it. */
  dist: string;
  /** For export: writes a file (its folder made first). */
  writeFile?(file: string, text: string): void;
  /** For export: where relative paths start, and where `npm start` keeps its sidecars (default: .preview there). */
  cwd?: string;
  previewDir?: string;
}

class UsageError extends Error {}

interface Args {
  command: string;
  file: string;
  flags: Map<string, string | true>;
}

const VALUED = new Set(['--step', '--to', '--mode', '--holidays', '--include', '--locale', '--today', '--baseline', '--stage', '--value', '--type']);
const SWITCHES = new Set(['--detect', '--pull-in', '--calendar-days', '--hold-decision', '--hold-go-live', '--no-change-log']);

function parseArgs(argv: string[]): Args {
  const [command, file, ...rest] = argv;
  if (!command || !['parse', 'shift', 'check'].includes(command)) throw new UsageError(command ? `Unknown command "${command}".` : 'Name a command.');
  if (!file || file.startsWith('--')) throw new UsageError(`"${command}" needs a Markdown file.`);
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const flag = rest[i] ?? '';
    if (SWITCHES.has(flag)) flags.set(flag, true);
    else if (VALUED.has(flag)) {
      const value = rest[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value.`);
      flags.set(flag, value);
    } else throw new UsageError(`Unknown option "${flag}".`);
  }
  return { command, file, flags };
}

function text(flags: Args['flags'], name: string): string | undefined {
  const value = flags.get(name);
  return typeof value === 'string' ? value : undefined;
}

function readMarkdown(io: MapIO, file: string): string {
  try {
    return io.readFile(file);
  } catch (error) {
    throw new UsageError(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** One emulated user with one document, running the built add-on. */
function session(io: MapIO, markdown: string, args: Args, properties?: Record<string, string>): { env: GoogleEmulation; addOn: AddOn } {
  const today = text(args.flags, '--today') ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new UsageError('--today takes a date as YYYY-MM-DD.');
  const env = new GoogleEmulation({
    locale: text(args.flags, '--locale') ?? 'en_US',
    now: new Date(`${today}T12:00:00Z`),
    timeZone: 'UTC',
    document: (ctx) => documentFromMarkdown(markdown, ctx, { name: path.basename(args.file, '.md') }),
    files: { Sidebar: io.readFile(path.join(io.dist, 'Sidebar.html')) },
    ...(properties ? { properties: { document: properties } } : {}),
  });
  return { env, addOn: loadAddOn(env, io.readFile(path.join(io.dist, 'Code.js'))) };
}

/** The plan in a Markdown file, read by the add-on's own reader (which needs DocumentApp's enums, as in Apps Script). */
function readPlanFile(io: MapIO, args: Args): { plan: ParsedPlan; today: string; locale: string } {
  const { env } = session(io, readMarkdown(io, args.file), args);
  const saved = (globalThis as Record<string, unknown>).DocumentApp;
  Object.assign(globalThis, { DocumentApp: env.globals().DocumentApp });
  try {
    const today = text(args.flags, '--today') ?? new Date().toISOString().slice(0, 10);
    const { plan } = readDocumentPlan(env.document as unknown as GoogleAppsScript.Document.Document, { locale: env.locale, today });
    return { plan, today, locale: env.locale };
  } finally {
    (globalThis as Record<string, unknown>).DocumentApp = saved;
  }
}

function parseCommand(io: MapIO, args: Args): number {
  io.stdout(`${JSON.stringify(readPlanFile(io, args).plan, null, 2)}\n`);
  return 0;
}

/** A step number as the plan writes it: "3", "5a", "2.1", "step 3". */
const STEP_NUMBER = /^(?:step\s*)?#?\s*\d{1,4}(?:\.\d{1,3})*[a-z]?$/i;

/** "--include 7,5a": the steps as the plan numbers them; which exist is the add-on's to say. */
function stepList(flags: Args['flags'], flag: string): string[] {
  const items = (text(flags, flag) ?? '').split(',').map((n) => n.trim()).filter(Boolean);
  const bad = items.find((n) => !STEP_NUMBER.test(n));
  if (bad !== undefined) throw new UsageError(`${flag} takes step numbers as the plan writes them, separated by commas, e.g. ${flag} 7,5a ("${bad}" is not one).`);
  return items;
}

function shiftOptions(flags: Args['flags']): ShiftOptionsFields {
  const mode = text(flags, '--mode');
  if (mode !== undefined && mode !== 'keep-gaps' && mode !== 'fix-overlaps') throw new UsageError('--mode is keep-gaps or fix-overlaps.');
  return {
    ...(mode ? { mode } : {}),
    pullIn: flags.has('--pull-in'),
    calendarDays: flags.has('--calendar-days'),
    holidays: (text(flags, '--holidays') ?? '').split(',').map((d) => d.trim()).filter(Boolean),
    holdDecisionTarget: flags.has('--hold-decision'),
    holdGoLiveTarget: flags.has('--hold-go-live'),
    include: stepList(flags, '--include'),
    changeLog: !flags.has('--no-change-log'),
  };
}

function describePreview(preview: Extract<ShiftPreview, { ok: true }>): string {
  const lines = [preview.summary, '', ...preview.warnings.map((w) => `  Warning: ${w}`)];
  for (const r of preview.rows) lines.push(`  Step ${r.label} ${r.action}: ${r.from} -> ${r.to} (${r.reason})`);
  for (const p of preview.pinned) lines.push(`  Step ${p.label} ${p.action}: not moved (${p.reason})`);
  for (const u of preview.undated) lines.push(`  Step ${u.label} ${u.action}: ${u.note}`);
  for (const k of preview.keyDates) lines.push(`  ${k.label}: ${k.moved ? `${k.from} -> ${k.to}` : `stays ${k.from}`}${k.warning ? ` (${k.warning})` : ''}`);
  for (const n of preview.notes) lines.push(`  Note: ${n}`);
  return `${lines.join('\n')}\n`;
}

function shiftCommand(io: MapIO, args: Args): number {
  const options = shiftOptions(args.flags);
  let request: ShiftRequest;
  let properties: Record<string, string> | undefined;
  if (args.flags.has('--detect')) {
    const baseline = text(args.flags, '--baseline');
    if (!baseline) throw new UsageError('--detect needs --baseline EARLIER.md: the version whose dates were the schedule.');
    // Reading the earlier version records its dates as the schedule, as the add-on does on first use.
    const earlier = session(io, readMarkdown(io, baseline), args);
    earlier.addOn.runSync('getShiftState');
    properties = earlier.env.properties.document.toObject();
    request = { kind: 'detect', options };
  } else {
    // The number as the plan writes it: "3", "5a", "2.1".
    const step = text(args.flags, '--step')?.trim() ?? '';
    const to = text(args.flags, '--to');
    if (!STEP_NUMBER.test(step)) throw new UsageError('--step takes a step number as the plan writes it, e.g. --step 3 or --step 5a.');
    if (!to) throw new UsageError('--to takes the new date or the change, e.g. --to 2026-03-14 or --to "+1 week".');
    request = { kind: 'step', step, to, options };
  }
  const { env, addOn } = session(io, readMarkdown(io, args.file), args, properties);
  const preview = addOn.runSync('previewShift', request) as ShiftPreview;
  if (!preview.ok) {
    io.stderr(`${[preview.message, ...preview.problems].join('\n')}\n`);
    return 1;
  }
  io.stderr(describePreview(preview));
  const applied = addOn.runSync('applyShift', request) as ShiftApplied;
  if (!applied.ok) {
    io.stderr(`${[applied.message, ...applied.problems].join('\n')}\n`);
    return 1;
  }
  for (const skipped of applied.skipped) io.stderr(`Skipped: ${skipped}\n`);
  io.stdout(documentToMarkdown(env.document));
  return 0;
}

const SEVERITY_LABEL: Record<'critical' | 'warning' | 'info', string> = { critical: 'CRITICAL', warning: 'WARNING', info: 'INFO' };

function dealOf(flags: Args['flags']): { stage: DealStage | null; annualContractValue: number | null; dealType: DealType | null } {
  const stage = text(flags, '--stage');
  if (stage !== undefined && !(DEAL_STAGES as readonly string[]).includes(stage)) throw new UsageError(`--stage is one of ${DEAL_STAGES.join(', ')}.`);
  const type = text(flags, '--type');
  if (type !== undefined && !(DEAL_TYPES as readonly string[]).includes(type)) throw new UsageError(`--type is one of ${DEAL_TYPES.join(', ')}.`);
  const valueText = text(flags, '--value');
  const value = valueText === undefined ? null : Number(valueText.replace(/[$,\s]/g, ''));
  if (value !== null && (!Number.isFinite(value) || value < 0)) throw new UsageError('--value takes the annual contract value as a number, e.g. --value 85000.');
  return { stage: (stage as DealStage | undefined) ?? null, annualContractValue: value, dealType: (type as DealType | undefined) ?? null };
}

/** The health check on a file with no history: the off-track signals need the add-on's memory of the plan, so they are not checked. */
function checkCommand(io: MapIO, args: Args): number {
  const deal = dealOf(args.flags);
  const { plan, today, locale } = readPlanFile(io, args);
  // Working days on the plan's calendar, as the add-on counts them: the locale's public holidays, the plan's and --holidays.
  const teamHolidays = (text(args.flags, '--holidays') ?? '').split(',').map((d) => d.trim()).filter(Boolean);
  const { calendar } = calendarOfPlan(plan, { locale, teamHolidays });
  const findings = checkHealth({ plan, history: null, deal, today, calendar });
  const blocks = findings.map((f) =>
    [`${SEVERITY_LABEL[f.severity]}  ${f.title}  [${f.rule}]`, `  ${f.detail}`, `  What to do: ${f.action}`, ...(f.say ? [`  Say: "${f.say}"`] : [])].join('\n'),
  );
  io.stdout(`${[healthSummary(findings), ...blocks].join('\n\n')}\n`);
  // No plan could be read: say so in the exit code too, as shift does when the add-on refuses.
  return findings.some((f) => f.rule === 'no-steps') ? 1 : 0;
}

/** Runs one command; returns the exit code (0 done, 1 the add-on refused, 2 a usage error). */
export function runMap(argv: string[], io: MapIO): number {
  try {
    if (argv[0] === 'export') {
      const cwd = io.cwd ?? process.cwd();
      const writeFile = io.writeFile ?? ((file: string, text: string) => {
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, text);
      });
      return exportCommand(argv.slice(1), { ...io, writeFile, cwd, previewDir: io.previewDir ?? path.join(cwd, '.preview') });
    }
    const args = parseArgs(argv);
    if (args.command === 'check') return checkCommand(io, args);
    return args.command === 'parse' ? parseCommand(io, args) : shiftCommand(io, args);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ExportUsageError) {
      io.stderr(`${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (error instanceof ScriptError) {
      io.stderr(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (require.main === module) {
  process.exitCode = runMap(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    readFile: (f) => readFileSync(f, 'utf8'),
    dist: path.resolve(__dirname, '..', 'dist'),
  });
}
