/**
 * One plan exported into the shared team workbook, as a sequence of Sheets API calls: take the
 * workbook's own lock (one atomic addSheet), read the sheets' headers and keys, and write the
 * plan's rows and release the lock in one atomic batchUpdate. Written as a generator so the adapter
 * runs it against the Sheets service and tests interleave two exports at every call.
 */
import { DEALS, SLIPS, STEPS, type DataSheet, type Row } from '../metrics/layout';
import { columnPositions, keyRanges, missingColumnsRequests, newSheetRequests, planRowsRequests, type SheetSnapshot } from './sheet-rows';


/** A call the export asks its runner to make; the runner sends back the answer (or the failure's message). */
export type SheetsCall =
  | { kind: 'batchUpdate'; requests: GoogleAppsScript.Sheets.Schema.Request[] }
  | { kind: 'get' }
  | { kind: 'batchGet'; ranges: string[] }
  | { kind: 'sleep'; ms: number };

export type CallAnswer = { ok: true; value: unknown } | { ok: false; message: string };

/** The hidden sheet whose existence is the lock: only one addSheet of this name can succeed. */
export const LOCK_SHEET = 'MAP export lock';
/** A lock older than this was left by an export that stopped (Apps Script ends executions at 6 minutes; an export takes seconds). */
export const STALE_LOCK_MS = 120_000;
/** How long an export waits for another to finish before giving up with a message. */
const WAIT_MS = 30_000;
/** Lock sheet ids carry their creation time: seconds since 2020-01-01 (a non-negative int32 until 2088). */
const LOCK_EPOCH_S = 1_577_836_800;

export function lockSheetId(nowMs: number): number {
  return Math.floor(nowMs / 1000) - LOCK_EPOCH_S;
}

function lockTakenAt(sheetId: number): number {
  return (sheetId + LOCK_EPOCH_S) * 1000;
}

export interface PlanExportRows {
  documentId: string;
  deal: Row<string>;
  steps: Row<string>[];
  slips: Row<string>[];
}

export interface ExportOutcome {
  ok: boolean;
  message: string;
  /** Rows written per sheet (updated in place + appended). */
  written?: Record<string, { updated: number; added: number; removed: number }>;
}

const SHEETS: readonly DataSheet[] = [DEALS, STEPS, SLIPS];

function addLock(id: number): GoogleAppsScript.Sheets.Schema.Request {
  return { addSheet: { properties: { sheetId: id, title: LOCK_SHEET, hidden: true, gridProperties: { rowCount: 1, columnCount: 1 } } } };
}

function sheetsOf(value: unknown): GoogleAppsScript.Sheets.Schema.SheetProperties[] {
  const sheets = (value as GoogleAppsScript.Sheets.Schema.Spreadsheet | undefined)?.sheets ?? [];
  return sheets.flatMap((s) => (s.properties ? [s.properties] : []));
}

function rangesOf(value: unknown): unknown[][][] {
  return ((value as GoogleAppsScript.Sheets.Schema.BatchGetValuesResponse | undefined)?.valueRanges ?? []).map((r) => (r.values ?? []) as unknown[][]);
}

/**
 * Takes the workbook lock: an addSheet of LOCK_SHEET succeeds for one caller only (a sheet name is
 * unique, and a batchUpdate is atomic). A lock older than STALE_LOCK_MS is broken by one batch
 * [deleteSheet(old id), addSheet]: of two breakers only one can delete the old id, so only one wins.
 * Returns the lock sheet's id, or null after waiting WAIT_MS.
 */
function* takeLock(now: () => number): Generator<SheetsCall, number | null | string, CallAnswer> {
  const started = now();
  let pause = 500;
  for (;;) {
    const id = lockSheetId(now());
    const taken = yield { kind: 'batchUpdate', requests: [addLock(id)] };
    if (taken.ok) return id;
    if (!/already exists/i.test(taken.message)) return taken.message;
    const seen = yield { kind: 'get' };
    if (!seen.ok) return seen.message;
    const held = sheetsOf(seen.value).find((s) => s.title === LOCK_SHEET);
    if (held && held.sheetId !== undefined && now() - lockTakenAt(held.sheetId) > STALE_LOCK_MS) {
      const fresh = Math.max(lockSheetId(now()), held.sheetId + 1);
      const broken = yield { kind: 'batchUpdate', requests: [{ deleteSheet: { sheetId: held.sheetId } }, addLock(fresh)] };
      if (broken.ok) return fresh;
      continue;
    }
    if (!held) continue;
    if (now() - started > WAIT_MS) return null;
    yield { kind: 'sleep', ms: pause };
    pause = Math.min(pause * 2, 4000);
  }
}

/**
 * The whole export of one plan: at most 5 calls when the workbook is free (lock, get, two reads,
 * write-and-release), whatever the number of rows. Failing after the lock is taken releases it.
 */
export function* exportPlanRows(rows: PlanExportRows, now: () => number): Generator<SheetsCall, ExportOutcome, CallAnswer> {
  const lock = yield* takeLock(now);
  if (lock === null) {
    return { ok: false, message: 'The team workbook is busy: another export has held it for 30 seconds. Try again in a minute.' };
  }
  if (typeof lock === 'string') return { ok: false, message: lock };
  const release: GoogleAppsScript.Sheets.Schema.Request = { deleteSheet: { sheetId: lock } };
  const fail = function* (message: string): Generator<SheetsCall, ExportOutcome, CallAnswer> {
    yield { kind: 'batchUpdate', requests: [release] };
    return { ok: false, message };
  };

  const seen = yield { kind: 'get' };
  if (!seen.ok) return yield* fail(seen.message);
  const properties = sheetsOf(seen.value);
  const present = SHEETS.filter((sheet) => properties.some((p) => p.title === sheet.name));
  const headers = present.length ? yield { kind: 'batchGet', ranges: present.map((sheet) => `${sheet.name}!1:1`) } : { ok: true as const, value: { valueRanges: [] } };
  if (!headers.ok) return yield* fail(headers.message);
  const headerRows = rangesOf(headers.value);

  const positions = new Map<DataSheet, Map<string, number>>();
  const snapshots = new Map<DataSheet, SheetSnapshot>();
  const usedIds = new Set(properties.map((p) => p.sheetId));
  const requests: GoogleAppsScript.Sheets.Schema.Request[] = [];
  for (const sheet of SHEETS) {
    const i = present.indexOf(sheet);
    const p = properties.find((s) => s.title === sheet.name);
    if (i < 0 || !p || p.sheetId === undefined) {
      // The workbook lacks this sheet (a manager's empty workbook): it is added, headers first.
      let id = 1 + SHEETS.indexOf(sheet);
      while (usedIds.has(id)) id += 7;
      usedIds.add(id);
      requests.push(...newSheetRequests(sheet, id));
      positions.set(sheet, new Map(sheet.columns.map((c, n) => [c.id, n])));
      snapshots.set(sheet, { sheetId: id, rowCount: 1000, columnCount: Math.max(26, sheet.columns.length), header: sheet.columns.map((c) => c.header), keys: {} });
      continue;
    }
    const header = (headerRows[i]?.[0] ?? []).map((v) => String(v ?? ''));
    const at = columnPositions(sheet, header);
    const snapshot: SheetSnapshot = {
      sheetId: p.sheetId,
      rowCount: p.gridProperties?.rowCount ?? 1000,
      columnCount: p.gridProperties?.columnCount ?? 26,
      header,
      keys: {},
    };
    requests.push(...missingColumnsRequests(sheet, snapshot, at));
    positions.set(sheet, at);
    snapshots.set(sheet, snapshot);
  }

  if (present.length) {
    const keys = yield { kind: 'batchGet', ranges: present.flatMap((sheet) => keyRanges(sheet, positions.get(sheet)!)) };
    if (!keys.ok) return yield* fail(keys.message);
    const columns = rangesOf(keys.value);
    let n = 0;
    for (const sheet of present) {
      const snapshot = snapshots.get(sheet)!;
      for (const id of sheet.key) snapshot.keys[id] = (columns[n++] ?? []).map((row) => row[0] ?? '');
    }
  }

  const written: Record<string, { updated: number; added: number; removed: number }> = {};
  const planRows: Record<string, Row<string>[]> = { [DEALS.name]: [rows.deal], [STEPS.name]: rows.steps, [SLIPS.name]: rows.slips };
  for (const sheet of SHEETS) {
    const write = planRowsRequests(sheet, snapshots.get(sheet)!, positions.get(sheet)!, rows.documentId, planRows[sheet.name] ?? []);
    requests.push(...write.requests);
    written[sheet.name] = { updated: write.updated, added: write.added, removed: write.removed };
  }
  // The write and the release are one atomic request: if another export broke this lock as stale,
  // the deleteSheet of our lock fails and so does the write, so a late writer never overwrites.
  const done = yield { kind: 'batchUpdate', requests: [...requests, release] };
  if (!done.ok) {
    if (/No grid with id/i.test(done.message) && done.message.includes(String(lock))) {
      return { ok: false, message: 'The export took too long and another one went ahead; nothing was written. Export again.' };
    }
    return yield* fail(done.message);
  }
  return { ok: true, message: 'Exported.', written };
}

/** Runs an export generator to its end with a function that makes each call. */
export function runExport<T>(work: Generator<SheetsCall, T, CallAnswer>, make: (call: SheetsCall) => CallAnswer): T {
  let step = work.next(undefined as unknown as CallAnswer);
  while (!step.done) step = work.next(make(step.value));
  return step.value;
}
