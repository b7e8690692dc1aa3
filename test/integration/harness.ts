/** Runs the built add-on (dist/Code.js) the way Apps Script does, on an emulated Google Doc, for the integration tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation, loadAddOn, type AddOn, type GoogleEmulationOptions, type Json, type Manifest } from '../../emulation';
import { DocumentEmulation, documentFromMarkdown, documentToMarkdown, type BlockSnapshot, type ChipText, type TableSnapshot } from '../../emulation/document';
import type { RawInsertForm } from '../../src/server/contract';

const DIST = path.join(__dirname, '..', '..', 'dist');

function distFile(name: string): string {
  try {
    return readFileSync(path.join(DIST, name), 'utf8');
  } catch {
    throw new Error(`dist/${name} is missing: run "npm test" (it builds first) or "npm run build".`);
  }
}

/** The add-on's entry points, so tests call them with their real result types. */
type Server = typeof import('../../src/server/entry');

export interface Session {
  env: GoogleEmulation;
  /** google.script.run.name(...args), typed by the entry point's declared result; arguments are untrusted JSON. */
  run<K extends keyof Server>(name: K, ...args: unknown[]): ReturnType<Server[K]>;
  addOn: AddOn;
  doc: DocumentEmulation;
  /** The document as Google Docs would export it to Markdown: what a person reads. */
  markdown(): string;
  blocks(): BlockSnapshot[];
  /** The first table whose header row starts with these cells. */
  table(...header: string[]): TableSnapshot;
  /** A cell of the Steps table as a person edits it: row 1 is step 1's row, the column by its header text. */
  stepCell(row: number, column: string): GoogleAppsScript.Document.TableCell;
  /** Moves the emulated clock to another day (mid-afternoon UTC). */
  setToday(iso: string): void;
  /** Sets the emulated clock to an exact instant, for tests about time zones. */
  setInstant(instant: string): void;
  /**
   * The `details` (elapsed ms, service calls by service) the last sidebar action answered with.
   * `run` and `addOn.runSync` hand tests the result without it, so results compare as the action's own.
   */
  lastDetails(): Json | undefined;
}

export interface SessionOptions {
  /** The document's content, as a Google Docs Markdown export. Empty document when omitted. */
  markdown?: string;
  locale?: string;
  timeZone?: string;
  /** Today's date for the emulated clock (mid-afternoon UTC, so it is the same day in the Americas and Europe). */
  today?: string;
  /** Document properties already stored (by this or another add-on) before the first action. */
  properties?: Record<string, string>;
  /** The spreadsheets in Drive, shared with other sessions (several sellers, one team workbook). */
  spreadsheetFiles?: GoogleEmulationOptions['spreadsheetFiles'];
  userEmail?: string;
  /** The document's Drive id (several documents in one test need their own). */
  documentId?: string;
  /** Table cells holding exactly a date ("Dec 12, 2025") become date chips, as Docs shows them. */
  datesAsChips?: boolean;
  /** What getText() gives for a chip (undocumented by Google): see ChipText. Default 'omitted'. */
  chipText?: ChipText;
}

export function openDocument(options: SessionOptions = {}): Session {
  let now = new Date(`${options.today ?? '2026-11-27'}T15:00:00Z`);
  const env = new GoogleEmulation({
    locale: options.locale ?? 'en_US',
    timeZone: options.timeZone ?? 'America/New_York',
    now: () => now,
    files: { Sidebar: distFile('Sidebar.html'), Picker: distFile('Picker.html') },
    // The built manifest: its scopes are all the add-on gets, and its advanced services are what exists.
    manifest: JSON.parse(distFile('appsscript.json')) as Manifest,
    ...(options.spreadsheetFiles ? { spreadsheetFiles: options.spreadsheetFiles } : {}),
    ...(options.userEmail ? { userEmail: options.userEmail } : {}),
    ...(options.properties ? { properties: { document: options.properties } } : {}),
    document: (ctx) =>
      options.markdown === undefined
        ? new DocumentEmulation(ctx, { name: 'Acme + Globex MAP', ...(options.documentId ? { id: options.documentId } : {}) })
        : documentFromMarkdown(options.markdown, ctx, {
            name: 'Acme + Globex MAP',
            ...(options.documentId ? { id: options.documentId } : {}),
            ...(options.datesAsChips ? { datesAsChips: true } : {}),
          }),
  });
  const loaded = loadAddOn(env, distFile('Code.js'));
  let details: Json | undefined;
  const withoutDetails = (result: Json): Json => {
    if (result === null || typeof result !== 'object' || Array.isArray(result) || !('details' in result)) return result;
    const { details: d, ...rest } = result;
    details = d;
    return rest;
  };
  const addOn: AddOn = {
    ...loaded,
    runSync: (name, ...args) => withoutDetails(loaded.runSync(name, ...args)),
    run: async (name, ...args) => withoutDetails(await loaded.run(name, ...args)),
  };
  const doc = env.document;
  if (options.chipText) doc._state.chipText = options.chipText;
  return {
    env,
    addOn,
    doc,
    run: (name, ...args) => addOn.runSync(name, ...args) as never,
    markdown: () => documentToMarkdown(doc),
    blocks: () => doc._snapshot(),
    table(...header: string[]) {
      const found = doc._snapshot().find(
        (b): b is TableSnapshot => b.kind === 'table' && header.every((h, i) => b.rows[0]?.[i]?.text === h),
      );
      if (!found) throw new Error(`No table with header ${header.join(' | ')} in:\n${documentToMarkdown(doc)}`);
      return found;
    },
    stepCell(row: number, column: string) {
      const table = doc.getBody().getTables().find((t) => t.getRow(0).getCell(1).getText() === 'Action');
      if (!table) throw new Error('No Steps table in the document');
      const header = table.getRow(0);
      for (let c = 0; c < header.getNumCells(); c++) if (header.getCell(c).getText() === column) return table.getCell(row, c);
      throw new Error(`No column "${column}" in the Steps table`);
    },
    setToday(iso: string) {
      now = new Date(`${iso}T15:00:00Z`);
    },
    setInstant(instant: string) {
      now = new Date(instant);
    },
    lastDetails: () => details,
  };
}

/** A plan from test/fixtures/reading/ (plans written the way other people write them), as Markdown. */
export function readingFixture(name: string): string {
  return readFileSync(path.join(__dirname, '..', 'fixtures', 'reading', `${name}.md`), 'utf8');
}

/** The key the Shift list gives the step labelled `label` ("5a"), as the sidebar sends it. */
export function stepKey(s: Session, label: string): string {
  const state = s.run('getShiftState');
  if (!('steps' in state)) throw new Error(JSON.stringify(state));
  const step = state.steps.find((st) => st.label === label);
  if (!step) throw new Error(`No step ${label} in ${state.steps.map((st) => st.label).join(', ')}`);
  return step.key;
}

/** Texts of a table's cells, row by row. */
export function cellTexts(table: TableSnapshot): string[][] {
  return table.rows.map((row) => row.map((cell) => cell.text));
}

/** A filled Insert form as the sidebar sends it (all strings); override any field. */
export function insertForm(overrides: Partial<Omit<RawInsertForm, 'people' | 'theirWords'>> & {
  people?: Partial<RawInsertForm['people']>;
  theirWords?: Partial<RawInsertForm['theirWords']>;
} = {}): RawInsertForm {
  const person = (name = '', title = '') => ({ name, title });
  const { people, theirWords, ...rest } = overrides;
  return {
    yourCompany: 'Acme',
    theirCompany: 'Globex',
    product: 'Acme Close',
    problem: 'month-end close takes 12 days',
    dealType: 'standard',
    dealStage: 'post-demo',
    annualContractValue: '85,000',
    evaluationStart: '2026-12-07',
    decisionTarget: '',
    goLiveTarget: '',
    ...rest,
    people: {
      champion: person('Dana Ruiz', 'Controller'),
      economicBuyer: person(),
      technicalEvaluator: person(),
      accountExecutive: person('Sam Lee', 'Account Executive'),
      solutionsEngineer: person(),
      ...people,
    },
    theirWords: { procurement: '', legal: '', security: '', internalReview: '', ...theirWords },
  };
}
