/**
 * Two sellers exporting into one team workbook at the same moment: the add-on's export (its
 * generator of Sheets API calls) run for two plans against the emulated Sheets service, interleaved
 * at every call boundary in every possible order. No row is lost, none is duplicated, no other
 * plan's row is touched, and a stale lock is broken by exactly one export.
 */
import { GoogleEmulation } from '../../emulation';
import { SCOPES } from '../../emulation/session';
import { SheetModel, SpreadsheetModel } from '../../emulation/spreadsheet';
import { exportPlanRows, LOCK_SHEET, lockSheetId, STALE_LOCK_MS, type CallAnswer, type ExportOutcome, type PlanExportRows, type SheetsCall } from '../../src/core/export/export-plan';
import { headerCell } from '../../src/core/export/sheet-rows';
import { DATA_SHEETS } from '../../src/core/metrics/layout';
import { recordsOf } from './workbook';

const MANIFEST = { oauthScopes: [SCOPES.driveFile], dependencies: { enabledAdvancedServices: [{ userSymbol: 'Sheets', serviceId: 'sheets', version: 'v4' }] } };
const NOW = Date.UTC(2026, 11, 6, 15, 0, 0);

function plan(documentId: string, company: string, steps: string[], version = 1): PlanExportRows {
  return {
    documentId,
    deal: { documentId, plan: `${company} plan v${version}`, theirCompany: company, stepsTotal: steps.length },
    steps: steps.map((key, i) => ({ documentId, stepKey: key, theirCompany: company, number: String(i + 1), action: `${company} ${key} v${version}` })),
    slips: steps.slice(0, 1).map((key) => ({ documentId, slipId: `${key}-slip`, stepKey: key, theirCompany: company })),
  };
}

/** The team workbook holding the plans' earlier rows, and one seller environment per export, each having picked it. */
function setting(earlier: PlanExportRows[], sellers: number, lockAgeMs: number | null) {
  const manager = new GoogleEmulation({ manifest: MANIFEST });
  const api = manager.sheets!.Spreadsheets;
  const book = api.create({
    properties: { title: 'Team' },
    sheets: DATA_SHEETS.map((sheet, i) => ({
      properties: { sheetId: i, title: sheet.name, gridProperties: { rowCount: 1000, columnCount: Math.max(26, sheet.columns.length) } },
      data: [{ startRow: 0, startColumn: 0, rowData: [{ values: sheet.columns.map((c) => headerCell(c)) }] }],
    })),
  });
  const id = book.spreadsheetId!;
  for (const rows of earlier) runToEnd(manager, id, rows);
  if (lockAgeMs !== null) {
    api.batchUpdate({ requests: [{ addSheet: { properties: { sheetId: lockSheetId(NOW - lockAgeMs), title: LOCK_SHEET, hidden: true } } }] }, id);
  }
  const envs = Array.from({ length: sellers }, () => {
    const env = new GoogleEmulation({ manifest: MANIFEST, spreadsheetFiles: manager.spreadsheetFiles });
    env._pickFile(id);
    return env;
  });
  return { initial: manager.spreadsheetFiles.get(id)!, drive: manager.spreadsheetFiles, id, envs };
}

/** A copy of a workbook as it was (cells are never mutated in place, so copying the maps is enough). */
function copyOf(book: SpreadsheetModel): SpreadsheetModel {
  const copy = new SpreadsheetModel(book.id, book.name, book.timeZone);
  copy.sheets.splice(0, copy.sheets.length, ...book.sheets.map((sheet) => {
    const s = new SheetModel(sheet.name, sheet.maxRows, sheet.maxColumns, sheet.sheetId);
    s.cells = new Map(sheet.cells);
    s.frozenRows = sheet.frozenRows;
    s.hidden = sheet.hidden;
    return s;
  }));
  copy.active = copy.sheets[0]!;
  return copy;
}

const settings = new Map<string, ReturnType<typeof setting>>();

/** The setting, with the workbook back as it started: the environments are made once per test, the workbook copied per run. */
function world(earlier: PlanExportRows[], sellers: number, lockAgeMs: number | null = null) {
  const name = JSON.stringify([earlier, sellers, lockAgeMs]);
  let made = settings.get(name);
  if (!made) {
    made = setting(earlier, sellers, lockAgeMs);
    settings.set(name, made);
  }
  const book = copyOf(made.initial);
  made.drive.set(made.id, book);
  return { book, id: made.id, envs: made.envs, drive: made.drive };
}

function caller(env: GoogleEmulation, id: string): (call: SheetsCall) => CallAnswer {
  const api = env.sheets!.Spreadsheets;
  return (call) => {
    try {
      if (call.kind === 'batchUpdate') return { ok: true, value: api.batchUpdate({ requests: call.requests }, id) };
      if (call.kind === 'get') return { ok: true, value: api.get(id) };
      if (call.kind === 'batchGet') return { ok: true, value: api.Values.batchGet(id, { ranges: call.ranges, valueRenderOption: 'UNFORMATTED_VALUE' }) };
      return { ok: true, value: null };
    } catch (error) {
      return { ok: false, message: (error as Error).message.replace(/^.*failed with error: /, '') };
    }
  };
}

function runToEnd(env: GoogleEmulation, id: string, rows: PlanExportRows, now = () => NOW): ExportOutcome {
  const make = caller(env, id);
  const gen = exportPlanRows(rows, now);
  let step = gen.next(undefined as unknown as CallAnswer);
  while (!step.done) step = gen.next(make(step.value));
  return step.value;
}

/** One export's progress: the answers its calls got so far (its generator is rebuilt from them), and whether it waits for the lock. */
interface Track {
  answers: CallAnswer[];
  calls: number;
  /** After a "sleep" (waiting for the lock), runnable again only once the others made a call. */
  waitingUntilOthersPass: number | null;
  slept: boolean;
}

/** An export's generator brought to where its track left it, by feeding it the same answers (no service call is made). */
function resume(rows: PlanExportRows, answers: readonly CallAnswer[]) {
  const gen = exportPlanRows(rows, () => NOW);
  let step = gen.next(undefined as unknown as CallAnswer);
  for (const answer of answers) step = gen.next(answer);
  return { gen, step };
}

interface Finished {
  book: SpreadsheetModel;
  outcomes: (ExportOutcome | null)[];
  tracks: Track[];
}

/**
 * Every schedule of the exports, depth first; `check` sees each finished workbook. A node of the
 * search is the workbook as it stands plus each export's answers so far: expanding it copies the
 * workbook, rebuilds the chosen export's generator from its answers and makes its next call. A
 * sleeping export waits for another to move, so every schedule ends. Past `branchDepth` calls the
 * rest runs in one order (for scenarios whose race is all in their first calls).
 */
function everySchedule(
  earlier: PlanExportRows[],
  exports: PlanExportRows[],
  check: (finished: Finished) => void,
  lockAgeMs: number | null = null,
  branchDepth = Number.POSITIVE_INFINITY,
): { schedules: number; contended: number } {
  const w = world(earlier, exports.length, lockAgeMs);
  const makers = w.envs.map((env) => caller(env, w.id));
  let schedules = 0;
  let contended = 0;
  const explore = (book: SpreadsheetModel, tracks: Track[], depth: number): void => {
    const states = tracks.map((t, i) => resume(exports[i]!, t.answers).step);
    const others = (i: number) => tracks.reduce((n, t, j) => (j === i ? n : n + t.calls), 0);
    const runnable = tracks.flatMap((t, i) => (!states[i]!.done && (t.waitingUntilOthersPass === null || others(i) > t.waitingUntilOthersPass) ? [i] : []));
    if (runnable.length === 0) {
      schedules += 1;
      if (tracks.some((t) => t.slept)) contended += 1;
      check({ book, outcomes: states.map((st) => (st.done ? st.value : null)), tracks });
      return;
    }
    for (const i of depth < branchDepth ? runnable : runnable.slice(0, 1)) {
      const copy = copyOf(book);
      w.drive.set(w.id, copy);
      const { gen, step } = resume(exports[i]!, tracks[i]!.answers);
      const track: Track = { answers: [...tracks[i]!.answers], calls: tracks[i]!.calls + 1, waitingUntilOthersPass: null, slept: tracks[i]!.slept };
      const answer = makers[i]!(step.value as SheetsCall);
      track.answers.push(answer);
      let next = gen.next(answer);
      while (!next.done && next.value.kind === 'sleep') {
        track.slept = true;
        track.waitingUntilOthersPass = others(i);
        const woke: CallAnswer = { ok: true, value: null };
        track.answers.push(woke);
        next = gen.next(woke);
      }
      explore(copy, tracks.map((t, j) => (j === i ? track : t)), depth + 1);
    }
  };
  explore(w.book, exports.map(() => ({ answers: [], calls: 0, waitingUntilOthersPass: null, slept: false })), 0);
  return { schedules, contended };
}

const stepKeys = (book: SpreadsheetModel) => recordsOf(book, 'Steps').map((r) => `${r['Document id']}/${r['Step key']}`).sort();

test('two plans exported at the same moment, interleaved at every call: every row there once, each plan as exported', () => {
  const earlier = [plan('doc-a', 'Globex', ['s1', 's2', 's3']), plan('doc-b', 'Initech', ['b1', 'b2'])];
  const a = plan('doc-a', 'Globex', ['s1', 's2', 's4'], 2);
  const b = plan('doc-b', 'Initech', ['b1', 'b2', 'b3'], 2);
  const seen = everySchedule(earlier, [a, b], ({ book, outcomes }) => {
    expect(outcomes.map((o) => o?.ok)).toEqual([true, true]);
    expect(stepKeys(book)).toEqual(['doc-a/s1', 'doc-a/s2', 'doc-a/s4', 'doc-b/b1', 'doc-b/b2', 'doc-b/b3']);
    expect(recordsOf(book, 'Steps').every((r) => (r.Action ?? "").endsWith('v2'))).toBe(true);
    expect(recordsOf(book, 'Deals').map((r) => r.Plan).sort()).toEqual(['Globex plan v2', 'Initech plan v2']);
    expect(recordsOf(book, 'Slips')).toHaveLength(2);
    expect(book.sheets.some((s) => s.name === LOCK_SHEET)).toBe(false);
  });
  // Every order was tried, including those where one export waited for the other's lock.
  expect(seen.schedules).toBeGreaterThan(20);
  expect(seen.contended).toBeGreaterThan(0);
});

test('the same plan exported twice at the same moment: one export\'s rows, whole, never a mixture or a duplicate', () => {
  const earlier = [plan('doc-a', 'Globex', ['s1', 's2']), plan('doc-b', 'Initech', ['b1'])];
  const first = plan('doc-a', 'Globex', ['s1', 's2', 's3'], 2);
  const second = plan('doc-a', 'Globex', ['s1', 's3'], 3);
  const seen = everySchedule(earlier, [first, second], ({ book }) => {
    const steps = recordsOf(book, 'Steps').filter((r) => r['Document id'] === 'doc-a');
    const versions = new Set(steps.map((r) => (r.Action ?? "").slice(-2)));
    expect(versions.size).toBe(1);
    const keys = steps.map((r) => r['Step key']).sort();
    expect(keys).toEqual(versions.has('v2') ? ['s1', 's2', 's3'] : ['s1', 's3']);
    expect(recordsOf(book, 'Deals')).toHaveLength(2);
    expect(recordsOf(book, 'Steps').filter((r) => r['Document id'] === 'doc-b').map((r) => r.Action)).toEqual(['Initech b1 v1']);
  });
  expect(seen.schedules).toBeGreaterThan(20);
});

test('a lock left by a stopped export is broken by exactly one of two exports; both finish', () => {
  const earlier = [plan('doc-a', 'Globex', ['s1'])];
  const a = plan('doc-a', 'Globex', ['s1', 's2'], 2);
  const b = plan('doc-b', 'Initech', ['b1'], 2);
  const seen = everySchedule(earlier, [a, b], ({ book, outcomes }) => {
    expect(outcomes.map((o) => o?.ok)).toEqual([true, true]);
    expect(stepKeys(book)).toEqual(['doc-a/s1', 'doc-a/s2', 'doc-b/b1']);
    expect(book.sheets.some((s) => s.name === LOCK_SHEET)).toBe(false);
  }, STALE_LOCK_MS + 60_000, 7);
  expect(seen.contended).toBeGreaterThan(0);
});

test('a live lock is waited for, not broken: an export gives up with a message after 30 seconds', () => {
  const w = world([], 1, 0);
  let now = NOW;
  const outcome = runToEnd(w.envs[0]!, w.id, plan('doc-a', 'Globex', ['s1']), () => (now += 5_000));
  expect(outcome.ok).toBe(false);
  expect(outcome.message).toBe('The team workbook is busy: another export has held it for 30 seconds. Try again in a minute.');
  expect(recordsOf(w.book, 'Steps')).toEqual([]);
});

test('an export that outlived its lock writes nothing: the write and the release are one atomic request', () => {
  const w = world([plan('doc-a', 'Globex', ['s1'])], 2);
  const slow = exportPlanRows(plan('doc-a', 'Globex', ['s1', 's2'], 2), () => NOW);
  const make = caller(w.envs[0]!, w.id);
  let step = slow.next(undefined as unknown as CallAnswer);
  // The slow export takes the lock, reads, and stalls before its write...
  while (!step.done && !(step.value.kind === 'batchUpdate' && step.value.requests.length > 1)) step = slow.next(make(step.value));
  // ...three minutes later another export finds the lock stale, breaks it and exports.
  const later = runToEnd(w.envs[1]!, w.id, plan('doc-a', 'Globex', ['s1', 's3'], 3), () => NOW + STALE_LOCK_MS + 60_000);
  expect(later.ok).toBe(true);
  expect(step.done).toBe(false);
  const end = slow.next(make(step.value as SheetsCall));
  expect(end).toEqual({ done: true, value: { ok: false, message: 'The export took too long and another one went ahead; nothing was written. Export again.' } });
  expect(stepKeys(w.book)).toEqual(['doc-a/s1', 'doc-a/s3']);
});
