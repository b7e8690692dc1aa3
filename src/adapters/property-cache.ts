/** The document's and the user's properties for one action: each store read once with getProperties() and written once with setProperties(), every access in between answered from that copy. */

/*
 * A property call costs about 30 ms on Google, a write about 60 ms (docs/apps-script.md), and every
 * call counts against the daily quota (50,000 a day for a consumer account). Apps Script evaluates
 * the file again for every execution, so what is kept here lives for one action only.
 *
 * Writes are staged in the copy and sent in one setProperties() per store when the action commits
 * (commitProperties: before the document lock is released, and when a server function ends). A
 * staged write is checked against Google's documented limits where it is made, so the caller can
 * still say what was not saved.
 *
 * Deleting is writing REMOVED: a stale key is overwritten by that marker in the same call, and
 * reads through this copy see it as absent. setProperties(values, true) would delete in the same
 * call too, but it deletes every key this action did not write, including any another execution
 * wrote after this one read the store (user properties are not under the document lock at all):
 * a marker can only ever touch this add-on's own keys.
 */

type Properties = GoogleAppsScript.Properties.Properties;

/** What a deleted key holds: non-empty (whether Google stores an empty value is not documented), never a value the add-on writes. */
export const REMOVED = '(removed)';

/** /apps-script/guides/services/quotas: 9 KB a value, 500 KB a store, key and value counted in UTF-8. */
const VALUE_LIMIT_BYTES = 9 * 1024;
const STORE_LIMIT_BYTES = 500 * 1024;
/** Google's message for a full store or an oversized value (see emulation/properties.ts). */
const FULL = 'You have exceeded the property storage quota. Please remove some properties and try again.';

export interface CachedStore {
  getProperty(key: string): string | null;
  getProperties(): Record<string, string>;
  getKeys(): string[];
  /** Staged; throws as Google would when the store or the value would break its quota. */
  setProperty(key: string, value: string): CachedStore;
  setProperties(properties: Record<string, string>): CachedStore;
  /** Staged as REMOVED (no call at all when the key is not there). */
  deleteProperty(key: string): CachedStore;
  /** Sends the staged writes in one setProperties(); nothing when nothing is staged. */
  commit(): void;
}

/**
 * UTF-8 length without TextEncoder or Buffer, which Apps Script lacks. A plain loop over code
 * units: Apps Script's V8 is slow enough that an iterator per character shows on every save.
 * Lone surrogates count 3 bytes, as U+FFFD (JSON.stringify escapes them anyway).
 */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

function cached(open: () => Properties): CachedStore {
  let store: Properties | null = null;
  /** The store as it will be once the staged writes are sent (REMOVED markers included: they take quota too). */
  let values: Record<string, string> | null = null;
  let staged: Record<string, string> = {};
  /** Bytes of `values` as the store quota counts them, once a write needs it. */
  let total: number | null = null;
  const target = (): Properties => (store ??= open());
  const read = (): Record<string, string> => (values ??= { ...target().getProperties() });
  const live = (key: string): boolean => Object.prototype.hasOwnProperty.call(read(), key) && read()[key] !== REMOVED;
  const stage = (changes: Record<string, string>): void => {
    const current = read();
    total ??= Object.entries(current).reduce((sum, [key, value]) => sum + utf8Bytes(key) + utf8Bytes(value), 0);
    const strings = Object.fromEntries(Object.entries(changes).map(([key, value]) => [key, String(value)]));
    let after = total;
    for (const [key, value] of Object.entries(strings)) {
      const size = utf8Bytes(value);
      if (size > VALUE_LIMIT_BYTES) throw new Error(FULL);
      const old = current[key];
      after += size - (old === undefined ? -utf8Bytes(key) : utf8Bytes(old));
    }
    // All or nothing, as setProperties() is: a refused write changes neither the copy nor what is staged.
    if (after > STORE_LIMIT_BYTES) throw new Error(FULL);
    values = { ...current, ...strings };
    total = after;
    staged = { ...staged, ...strings };
  };
  const self: CachedStore = {
    getProperty: (key) => (live(key) ? (read()[key] ?? null) : null),
    getProperties: () => Object.fromEntries(Object.entries(read()).filter(([, value]) => value !== REMOVED)),
    getKeys: () => Object.keys(self.getProperties()),
    setProperty(key, value) {
      stage({ [key]: value });
      return self;
    },
    setProperties(properties) {
      stage(properties);
      return self;
    },
    deleteProperty(key) {
      if (live(key)) stage({ [key]: REMOVED });
      return self;
    },
    commit() {
      if (Object.keys(staged).length === 0) return;
      const writes = staged;
      staged = {};
      target().setProperties(writes);
    },
  };
  return self;
}

/** The services object the copies were made from: a new execution (or a test's new environment) starts fresh copies. */
let source: unknown = null;
let documentCopy: CachedStore | null = null;
let userCopy: CachedStore | null = null;

function fresh(): void {
  if (source === PropertiesService) return;
  source = PropertiesService;
  documentCopy = null;
  userCopy = null;
}

/** The document's properties, shared by everyone using the add-on on this document. */
export function documentProperties(): CachedStore {
  fresh();
  return (documentCopy ??= cached(() => PropertiesService.getDocumentProperties()));
}

/** The person's own properties (their time zone, their team workbook). */
export function userProperties(): CachedStore {
  fresh();
  return (userCopy ??= cached(() => PropertiesService.getUserProperties()));
}

/**
 * Sends every staged write: one setProperties() per store that has any. A failure here (a limit
 * Google did not document) throws after both stores were tried, with the first error.
 */
export function commitProperties(): void {
  let failure: unknown = null;
  for (const copy of [documentCopy, userCopy]) {
    try {
      copy?.commit();
    } catch (error) {
      failure ??= error;
    }
  }
  if (failure !== null) throw failure;
}
