/** Emulated PropertiesService: string-only key-value stores with Google's size quotas, shared across executions. */
import { CallLog, countCalls } from './calls';
import type { AuthGate } from './session';

/**
 * Google's quotas page (/apps-script/guides/services/quotas): "Properties value size 9 KB / val",
 * "Properties total storage 500 KB / property store". Bytes are UTF-8 and KB is read as 1024;
 * third-party measurements (tanaikech, 2023) found slightly lower practical limits with the key
 * counted too, so the add-on must keep a margin below these.
 */
export const PROPERTY_VALUE_LIMIT_BYTES = 9 * 1024;
export const PROPERTY_STORE_LIMIT_BYTES = 500 * 1024;

/**
 * Public reports show this one message both for a store that is full and for a single value over
 * 9 KB (a JSON blob written as one property); "Argument too large: value" is CacheService's
 * message, not this service's. Unverified on Google's reference pages.
 */
export const PROPERTY_QUOTA_MESSAGE =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

/**
 * Property reads and writes a day (/apps-script/guides/services/quotas): 50,000 for a consumer
 * account, 500,000 for Google Workspace. Past it, calls fail with the message Apps Script gives
 * for every daily quota ("Service invoked too many times for one day: <service>.", reported for
 * properties in public threads; unverified on Google's pages).
 */
export const PROPERTY_CALLS_PER_DAY = { consumer: 50_000, workspace: 500_000 } as const;
export const PROPERTY_DAILY_QUOTA_MESSAGE = 'Service invoked too many times for one day: properties.';

/** The day's count of property calls, shared by every store of one user. */
export class PropertyQuota {
  private day = '';
  used = 0;

  constructor(
    private readonly today: () => string,
    readonly limit: number = PROPERTY_CALLS_PER_DAY.consumer,
  ) {}

  /** One read or write; throws once the day's calls are spent. */
  use(): void {
    const day = this.today();
    if (day !== this.day) {
      this.day = day;
      this.used = 0;
    }
    if (this.used >= this.limit) throw new Error(PROPERTY_DAILY_QUOTA_MESSAGE);
    this.used += 1;
  }
}

function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The stored strings behind one store (a document's, a user's, the script's). The environment
 * owns these so that a later execution sees what an earlier one wrote, as on Google's servers.
 */
export class PropertyStore {
  readonly entries = new Map<string, string>();
  /** The calls made on this store alone ("setProperties"), beside the execution's ledger: tests tell the document's writes from the user's. */
  readonly calls = new CallLog();

  constructor(initial: Record<string, string> = {}) {
    for (const [key, value] of Object.entries(initial)) this.entries.set(key, value);
  }

  /** Key plus value bytes of every entry, as counted against the 500 KB store quota. */
  bytes(entries: ReadonlyMap<string, string> = this.entries): number {
    let total = 0;
    for (const [key, value] of entries) total += utf8Bytes(key) + utf8Bytes(value);
    return total;
  }

  /** A copy for assertions. */
  toObject(): Record<string, string> {
    return Object.fromEntries(this.entries);
  }
}

/**
 * "Data types that are not already strings are automatically converted to strings"
 * (/apps-script/guides/properties): numbers, booleans and objects go through String().
 * null and undefined are rejected instead of being stored as "null"/"undefined": what Google
 * does there is unverified, and storing the word would hide a bug in the add-on.
 */
function toStoredString(value: unknown, name: 'key' | 'value'): string {
  if (value === null || value === undefined) throw new Error(`Invalid argument: ${name}`);
  const text = String(value);
  if (name === 'key' && text === '') throw new Error('Invalid argument: key');
  return text;
}

/** One store as the add-on sees it: /apps-script/reference/properties/properties */
export class PropertiesEmulation
  implements
    Pick<
      GoogleAppsScript.Properties.Properties,
      'getProperty' | 'setProperty' | 'getProperties' | 'setProperties' | 'getKeys' | 'deleteProperty' | 'deleteAllProperties'
    >
{
  constructor(
    readonly calls: CallLog,
    private readonly store: PropertyStore,
    private readonly quota: PropertyQuota | null = null,
  ) {}

  getProperty(key: string): string | null {
    this._use('getProperty');
    return this.store.entries.get(toStoredString(key, 'key')) ?? null;
  }

  setProperty(key: string, value: string): PropertiesEmulation {
    this._use('setProperty');
    this._commit(new Map([[toStoredString(key, 'key'), toStoredString(value, 'value')]]), false);
    return this;
  }

  /** "Gets a copy of all key-value pairs": changing the returned object writes nothing. */
  getProperties(): { [key: string]: string } {
    this._use('getProperties');
    return this.store.toObject();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): PropertiesEmulation {
    this._use('setProperties');
    if (properties === null || typeof properties !== 'object') throw new Error('Invalid argument: properties');
    const changes = new Map<string, string>();
    for (const [key, value] of Object.entries(properties)) changes.set(toStoredString(key, 'key'), toStoredString(value, 'value'));
    this._commit(changes, deleteAllOthers);
    return this;
  }

  getKeys(): string[] {
    this._use('getKeys');
    return [...this.store.entries.keys()];
  }

  deleteProperty(key: string): PropertiesEmulation {
    this._use('deleteProperty');
    this.store.entries.delete(toStoredString(key, 'key'));
    return this;
  }

  deleteAllProperties(): PropertiesEmulation {
    this._use('deleteAllProperties');
    this.store.entries.clear();
    return this;
  }

  /** One call: counted on this store's own ledger, then against the day's quota. */
  private _use(method: string): void {
    this.store.calls.record(method);
    this.quota?.use();
  }

  /** All or nothing: a write that would break a quota leaves the store as it was. */
  private _commit(changes: ReadonlyMap<string, string>, deleteAllOthers: boolean): void {
    for (const value of changes.values()) {
      if (utf8Bytes(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
    }
    const next = new Map(deleteAllOthers ? [] : this.store.entries);
    for (const [key, value] of changes) next.set(key, value);
    if (this.store.bytes(next) > PROPERTY_STORE_LIMIT_BYTES) throw new Error(PROPERTY_QUOTA_MESSAGE);
    this.store.entries.clear();
    for (const [key, value] of next) this.store.entries.set(key, value);
  }
}
countCalls(PropertiesEmulation, 'Properties');

/** The three stores an execution can reach. */
export interface PropertyStores {
  readonly document: PropertyStore;
  readonly user: PropertyStore;
  readonly script: PropertyStore;
}

/**
 * /apps-script/reference/properties/properties-service. Every getter needs authorization: in
 * AuthMode.NONE (an add-on's onOpen in a document where it has not been used) they throw, as the
 * AuthMode reference's own example says ("doesn't work in AuthMode.NONE").
 */
export class PropertiesServiceEmulation
  implements Pick<GoogleAppsScript.Properties.PropertiesService, 'getDocumentProperties' | 'getUserProperties' | 'getScriptProperties'>
{
  constructor(
    readonly calls: CallLog,
    private readonly stores: PropertyStores,
    private readonly auth: AuthGate,
    private readonly quota: PropertyQuota | null = null,
  ) {}

  getDocumentProperties(): PropertiesEmulation {
    this.auth.check('PropertiesService.getDocumentProperties', 'LIMITED');
    return new PropertiesEmulation(this.calls, this.stores.document, this.quota);
  }

  getUserProperties(): PropertiesEmulation {
    this.auth.check('PropertiesService.getUserProperties', 'LIMITED');
    return new PropertiesEmulation(this.calls, this.stores.user, this.quota);
  }

  getScriptProperties(): PropertiesEmulation {
    this.auth.check('PropertiesService.getScriptProperties', 'LIMITED');
    return new PropertiesEmulation(this.calls, this.stores.script, this.quota);
  }
}
countCalls(PropertiesServiceEmulation, 'PropertiesService');
