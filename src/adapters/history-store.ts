/** Keeps the plan's history and the last shift's undo record in document properties, chunked under Google's per-value and per-store quotas. */
import { isIsoDate } from '../core/scheduling/calendar';
import { forgetRemovedSteps, trimEvents, type PlanHistory } from '../core/history/history';
import type { UndoRecord } from '../core/history/undo';
import { documentProperties, isLowSurrogate, REMOVED, utf8Bytes } from './property-cache';

export { utf8Bytes };

// Layout. A record is JSON split into chunks `<prefix>.0`, `<prefix>.1`, … of at most CHUNK_BYTES
// UTF-8 bytes each (Google allows about 9 KB a value, and third-party tests found a little less
// in practice), plus a manifest at `<prefix>` itself: { version, chunks, bytes, hash }.
//
// Writes. One setProperties() call per save: the chunks, the manifest, and REMOVED (see
// property-cache.ts) over every chunk the new record no longer needs, so that nothing is
// deleted by a second call and no key of another writer can be lost. Through the action's
// property copy (property-cache.ts), the history, the undo record and the settings of one
// action go to Google together in one call per store, under the document lock. A reader starts
// from the manifest and accepts the chunks only when their byte count and hash match it, so a
// record half written (should a write ever not be all or nothing) is never read: it reads as no
// record rather than as a mixture. Writers are expected to hold the document lock, as every
// plan write does.
//
// Budget. History and undo together stay under 200 KB of the document's 500 KB store (the rest
// is for the settings and later features): the history gets 160 KB, the undo record 40 KB. A
// history over its budget loses its oldest events first (the counters stay exact, see
// core/history/history.ts), then the records of removed steps; only a history still too large after that
// (hundreds of live steps) is not saved, and the report says so. An undo record over its budget
// is not saved (and the previous one is removed, so undo never restores the wrong shift).

/** The store methods used here: the document's properties, or an emulated store in tests. */
export interface PropertyStore {
  getProperties(): Record<string, string>;
  setProperties(properties: Record<string, string>): unknown;
}

const HISTORY_KEY = 'map.history';
const UNDO_KEY = 'map.undo';
const FORMAT_VERSION = 1;
export const CHUNK_BYTES = 8000;
export const HISTORY_BUDGET_BYTES = 160 * 1024;
export const UNDO_BUDGET_BYTES = 40 * 1024;
/** More chunks than any budget allows means the manifest is not ours to trust. */
const MAX_CHUNKS = Math.ceil(HISTORY_BUDGET_BYTES / CHUNK_BYTES) + 1;

export interface SaveReport {
  saved: boolean;
  /** Bytes this record takes in the store, keys included, as the quota counts them. */
  bytes: number;
  chunks: number;
  /** Older events were summarised to fit the budget in this save. */
  trimmed: boolean;
  eventsDropped: number;
  /** For the person, when something was summarised or could not be kept; null otherwise. */
  message: string | null;
}

interface Manifest {
  version: number;
  chunks: number;
  bytes: number;
  hash: string;
}

/** The action's copy of the document's properties: the history and the undo record are read from one getProperties(). */
function documentStore(): PropertyStore {
  return documentProperties();
}

// ─── History ─────────────────────────────────────────────────────────────────────────────────

/**
 * The saved history, or null when there is none or it cannot be trusted (never throws). On null
 * the plan as it stands becomes the new baseline (startHistory with 'hand').
 */
export function loadHistory(store: PropertyStore = documentStore()): PlanHistory | null {
  const value = readChunked(store, HISTORY_KEY);
  if (value === undefined) return null;
  if (isPlanHistory(value)) return value;
  console.warn(`${HISTORY_KEY}: the saved history is not in the expected shape; ignored.`);
  return null;
}

export function saveHistory(history: PlanHistory, store: PropertyStore = documentStore()): SaveReport {
  let kept = history;
  let dropped = 0;
  let laid = layout(HISTORY_KEY, JSON.stringify(kept));
  while (laid.bytes > HISTORY_BUDGET_BYTES && kept.events.length > 0) {
    // Drop about as many events as the excess holds, so a few passes at most reach the budget.
    const perEvent = utf8Bytes(JSON.stringify(kept.events)) / kept.events.length;
    const drop = Math.min(kept.events.length, Math.ceil((laid.bytes - HISTORY_BUDGET_BYTES) / perEvent) + 1);
    const trimmed = trimEvents(kept, kept.events.length - drop);
    kept = trimmed.history;
    dropped += trimmed.dropped;
    laid = layout(HISTORY_KEY, JSON.stringify(kept));
  }
  if (laid.bytes > HISTORY_BUDGET_BYTES) {
    kept = forgetRemovedSteps(kept, 0);
    laid = layout(HISTORY_KEY, JSON.stringify(kept));
  }
  if (laid.bytes > HISTORY_BUDGET_BYTES) {
    return notSaved(laid.bytes, 'The plan is too large for its history to be kept in this document; the plan itself is unchanged.');
  }
  const written = writeChunked(store, HISTORY_KEY, laid);
  if (!written.ok) {
    return notSaved(laid.bytes, 'The plan\'s history could not be saved (the document\'s storage is full); the plan itself is unchanged.');
  }
  return {
    saved: true,
    bytes: laid.bytes,
    chunks: written.chunks,
    trimmed: dropped > 0,
    eventsDropped: dropped,
    message:
      dropped > 0
        ? 'Older history entries were summarised to fit the document\'s storage; slip counts and completion dates are kept.'
        : null,
  };
}

// ─── Undo ────────────────────────────────────────────────────────────────────────────────────

export function loadUndo(store: PropertyStore = documentStore()): UndoRecord | null {
  const value = readChunked(store, UNDO_KEY);
  if (value === undefined) return null;
  if (isUndoRecord(value)) return value;
  console.warn(`${UNDO_KEY}: the saved undo record is not in the expected shape; ignored.`);
  return null;
}

/** Keeps the last shift's record; null removes it (after an undo, or when a later change makes it stale). */
export function saveUndo(record: UndoRecord | null, store: PropertyStore = documentStore()): SaveReport {
  if (record === null) {
    removeChunked(store, UNDO_KEY);
    return { saved: true, bytes: 0, chunks: 0, trimmed: false, eventsDropped: 0, message: null };
  }
  const laid = layout(UNDO_KEY, JSON.stringify(record));
  const bytes = laid.bytes;
  const refused = (): SaveReport => {
    // An older record left in place would offer to undo the wrong shift.
    removeChunked(store, UNDO_KEY);
    return notSaved(bytes, 'Undo is not available for this change: it touched too much of the plan to remember.');
  };
  if (bytes > UNDO_BUDGET_BYTES) return refused();
  const written = writeChunked(store, UNDO_KEY, laid);
  if (!written.ok) return refused();
  return { saved: true, bytes, chunks: written.chunks, trimmed: false, eventsDropped: 0, message: null };
}

function notSaved(bytes: number, message: string): SaveReport {
  return { saved: false, bytes, chunks: 0, trimmed: false, eventsDropped: 0, message };
}

// ─── Chunks ──────────────────────────────────────────────────────────────────────────────────

function chunkKey(prefix: string, index: number): string {
  return `${prefix}.${index}`;
}

/** A record laid out for the store: its chunks, its manifest, and the bytes both take as the quota counts them (keys too). */
interface Layout {
  chunks: string[];
  manifest: string;
  bytes: number;
}

function layout(prefix: string, json: string): Layout {
  const chunks = splitUtf8(json, CHUNK_BYTES);
  const jsonBytes = chunks.reduce((sum, chunk) => sum + utf8Bytes(chunk), 0);
  const manifest = JSON.stringify({ version: FORMAT_VERSION, chunks: chunks.length, bytes: jsonBytes, hash: fnv1a(json) } satisfies Manifest);
  let bytes = utf8Bytes(prefix) + utf8Bytes(manifest) + jsonBytes;
  chunks.forEach((_, i) => (bytes += utf8Bytes(chunkKey(prefix, i))));
  return { chunks, manifest, bytes };
}

function writeChunked(store: PropertyStore, prefix: string, { chunks, manifest }: Layout): { ok: boolean; chunks: number } {
  try {
    const values = staleChunks(store.getProperties(), prefix, chunks.length);
    chunks.forEach((chunk, i) => (values[chunkKey(prefix, i)] = chunk));
    values[prefix] = manifest;
    store.setProperties(values);
  } catch (error) {
    // A full store: setProperties writes all or nothing, so the previous record still reads.
    console.warn(`${prefix}: could not be saved`, error instanceof Error ? error.message : error);
    return { ok: false, chunks: 0 };
  }
  return { ok: true, chunks: chunks.length };
}

/** The record gone: its manifest and chunks overwritten by REMOVED, in one call (none when there is no record). */
function removeChunked(store: PropertyStore, prefix: string): void {
  const all = store.getProperties();
  const values = staleChunks(all, prefix, 0);
  const manifest = all[prefix];
  if (manifest !== undefined && manifest !== REMOVED) values[prefix] = REMOVED;
  if (Object.keys(values).length) store.setProperties(values);
}

/** REMOVED for each chunk numbered `first` or later that still holds something. */
function staleChunks(all: Record<string, string>, prefix: string, first: number): Record<string, string> {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)$`);
  const stale: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) {
    const m = pattern.exec(key);
    if (m && Number(m[1]) >= first && value !== REMOVED) stale[key] = REMOVED;
  }
  return stale;
}

/** The parsed record, or undefined when there is none or it cannot be trusted. */
function readChunked(store: PropertyStore, prefix: string): unknown {
  let all: Record<string, string>;
  try {
    all = store.getProperties();
  } catch (error) {
    console.warn(`${prefix}: could not be read`, error instanceof Error ? error.message : error);
    return undefined;
  }
  const raw = all[prefix];
  if (raw === undefined || raw === REMOVED) return undefined;
  const manifest = parseJson(raw);
  if (!isObject(manifest) || typeof manifest.version !== 'number') {
    console.warn(`${prefix}: unreadable manifest; ignored.`);
    return undefined;
  }
  if (manifest.version > FORMAT_VERSION) {
    console.warn(`${prefix}: saved by a newer version of the add-on (format ${manifest.version}); ignored.`);
    return undefined;
  }
  if (!isManifest(manifest)) {
    console.warn(`${prefix}: unreadable manifest; ignored.`);
    return undefined;
  }
  let json = '';
  for (let i = 0; i < manifest.chunks; i++) {
    const chunk = all[chunkKey(prefix, i)];
    if (chunk === undefined) {
      console.warn(`${prefix}: chunk ${i} is missing; ignored.`);
      return undefined;
    }
    json += chunk;
  }
  if (utf8Bytes(json) !== manifest.bytes || fnv1a(json) !== manifest.hash) {
    console.warn(`${prefix}: the chunks do not match the manifest (a write did not finish); ignored.`);
    return undefined;
  }
  const value = parseJson(json);
  if (value === undefined) console.warn(`${prefix}: not JSON; ignored.`);
  return value;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isManifest(v: Record<string, unknown>): v is Record<string, unknown> & Manifest {
  return (
    v.version === FORMAT_VERSION &&
    isCount(v.chunks) &&
    v.chunks >= 1 &&
    v.chunks <= MAX_CHUNKS &&
    isCount(v.bytes) &&
    typeof v.hash === 'string'
  );
}

// ─── Bytes ───────────────────────────────────────────────────────────────────────────────────

/** The UTF-8 bytes of the character starting at code unit `i`, and how many code units it takes (2 for a surrogate pair). */
function unitBytes(text: string, i: number): { bytes: number; units: number } {
  const c = text.charCodeAt(i);
  if (c < 0x80) return ONE;
  if (c < 0x800) return TWO;
  if (c >= 0xd800 && c <= 0xdbff) {
    if (isLowSurrogate(text.charCodeAt(i + 1))) return PAIR;
  }
  // Lone surrogates are written as U+FFFD, three bytes (JSON.stringify escapes them anyway).
  return THREE;
}

const ONE = { bytes: 1, units: 1 };
const TWO = { bytes: 2, units: 1 };
const THREE = { bytes: 3, units: 1 };
const PAIR = { bytes: 4, units: 2 };

/** Splits into pieces of at most `maxBytes` UTF-8 bytes, never inside a character (surrogate pairs stay whole). */
export function splitUtf8(text: string, maxBytes: number): string[] {
  const chunks: string[] = [];
  let start = 0;
  let size = 0;
  for (let i = 0; i < text.length; ) {
    const width = unitBytes(text, i);
    if (size + width.bytes > maxBytes) {
      chunks.push(text.slice(start, i));
      start = i;
      size = 0;
    }
    size += width.bytes;
    i += width.units;
  }
  chunks.push(text.slice(start));
  return chunks;
}

/** 32-bit FNV-1a over UTF-16 code units: enough to tell one saved record from another, not a security measure. */
function fnv1a(text: string): string {
  // Multiplying by the FNV prime (2^24 + 0x193) as shifts and adds, kept a 32-bit integer by `| 0`:
  // Math.imul is many times slower in some hosts (jest's vm contexts among them).
  let hash = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = (hash + (hash << 1) + (hash << 4) + (hash << 7) + (hash << 8) + (hash << 24)) | 0;
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

// ─── Shapes ──────────────────────────────────────────────────────────────────────────────────
// Everything read back is checked field by field: an older add-on or a bug could have saved
// anything, and a bad record must read as none rather than break the health check later. The
// checks are written as shapes (field → check) rather than as long conditions: the same rules in
// a third of the bundle's bytes.

type Json = Record<string, unknown>;
type Check = (v: unknown) => boolean;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0;
}

const isString: Check = (v) => typeof v === 'string';
const isDate: Check = (v) => typeof v === 'string' && isIsoDate(v);
const orNull = (check: Check): Check => (v) => v === null || check(v);
/** Absent in records saved before the field existed. */
const optional = (check: Check): Check => (v) => v === undefined || check(v);
const oneOf = (...values: readonly unknown[]): Check => (v) => values.includes(v);
const listOf = (check: Check): Check => (v) => Array.isArray(v) && v.every(check);
/** An object whose every named field passes its check (other fields are let through, as before). */
const shape = (fields: Record<string, Check>): Check => (v) => isObject(v) && Object.keys(fields).every((k) => fields[k]!(v[k]));

const isDateOrNull = orNull(isDate);
const isOptionalDates = optional(listOf(isDate));
const isStringOrNull = orNull(isString);
const isKeyDateName = oneOf('evaluationStart', 'decisionTarget', 'goLiveTarget');

const isStepRecord = shape({
  action: isString,
  number: (v) => typeof v === 'number',
  owner: isString,
  baselineDue: isDateOrNull,
  currentDue: isDateOrNull,
  lastDatedDue: isDateOrNull,
  slips: isCount,
  status: oneOf(null, 'pending', 'in_progress', 'complete', 'blocked', 'not_needed'),
  statusText: isString,
  completedOn: isDateOrNull,
  completeWhenFirstSeen: (v) => typeof v === 'boolean',
  addedOn: isDate,
  lastChangedOn: isDate,
  inBaseline: (v) => typeof v === 'boolean',
  removedOn: isDateOrNull,
  slippedFrom: isOptionalDates,
  addedAt: optional(isString),
});

const keyDateFields = {
  baseline: isDateOrNull,
  current: isDateOrNull,
  lastDated: isDateOrNull,
  changes: isCount,
  slips: isCount,
  slippedFrom: isOptionalDates,
};

const isEvent = shape({
  on: isDate,
  key: isString,
  kind: oneOf('due', 'status', 'added', 'removed', 'keyDate'),
  from: isStringOrNull,
  to: isStringOrNull,
  cause: oneOf('shift', 'hand', 'insert', 'undo'),
});

/** Each entry passes `check`, its key passing `isKey`. */
const recordOf = (check: (value: unknown, key: string) => boolean): Check => (v) => isObject(v) && Object.entries(v).every(([key, value]) => check(value, key));

const isPlanHistoryShape = shape({
  baseline: shape({ on: isDate, cause: oneOf('insert', 'hand') }),
  // A step is filed under its own key.
  steps: recordOf((step, key) => isStepRecord(step) && (step as Json).key === key),
  keyDates: recordOf((record, name) => isKeyDateName(name) && shape(keyDateFields)(record)),
  lastActivityOn: isDate,
  reviews: listOf(isDate),
  events: listOf(isEvent),
  summarised: shape({ events: isCount, through: isDateOrNull }),
  reviewedAt: optional(isString),
});

function isPlanHistory(v: unknown): v is PlanHistory {
  return isPlanHistoryShape(v);
}

const isUndoCell = shape({
  ref: shape({ tableIndex: isCount, row: isCount, column: isCount }),
  key: optional(isString),
  field: optional(oneOf('number', 'action', 'owner', 'due', 'status', 'dependsOn')),
  column: isString,
  before: isString,
  after: isString,
});

const isUndoRecordShape = shape({
  at: isDate,
  action: isString,
  cells: listOf(isUndoCell),
  keyDates: listOf(shape({ name: isKeyDateName, paragraphIndex: isCount, before: isString, after: isString })),
  paragraphs: optional(listOf(shape({ label: isString, before: isString, after: isString }))),
  change: optional(shape({ text: isString, heading: isStringOrNull })),
  countersBefore: shape({
    steps: listOf(shape({ key: isString, due: isDateOrNull, lastDatedDue: isDateOrNull, baselineDue: isDateOrNull, slips: isCount, slippedFrom: isOptionalDates })),
    keyDates: listOf(shape({ name: isKeyDateName, ...keyDateFields })),
  }),
});

function isUndoRecord(v: unknown): v is UndoRecord {
  return isUndoRecordShape(v);
}
