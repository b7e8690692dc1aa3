/** The document's and the user's properties for one action: each store read once with getProperties(), every later read answered from that copy. */

/*
 * A property call costs about 30 ms on Google, a write about 60 ms (docs/apps-script.md), and every
 * call counts against the daily quota (50,000 a day for a consumer account). Apps Script evaluates
 * the file again for every execution, so what is kept here lives for one action only. Writes go
 * straight through (a write that breaks the quota must fail where it is made, so the caller can
 * say what was not saved) and keep the copy current.
 */

type Properties = GoogleAppsScript.Properties.Properties;

export type CachedStore = Pick<Properties, 'getProperty' | 'getProperties' | 'getKeys' | 'setProperty' | 'setProperties' | 'deleteProperty'>;

function cached(open: () => Properties): CachedStore {
  let store: Properties | null = null;
  let values: Record<string, string> | null = null;
  const target = (): Properties => (store ??= open());
  const read = (): Record<string, string> => (values ??= { ...target().getProperties() });
  const self: CachedStore = {
    getProperty: (key) => (Object.prototype.hasOwnProperty.call(read(), key) ? (read()[key] ?? null) : null),
    getProperties: () => ({ ...read() }),
    getKeys: () => Object.keys(read()),
    setProperty(key, value) {
      target().setProperty(key, value);
      if (values) values[key] = String(value);
      return self as Properties;
    },
    setProperties(properties, deleteAllOthers?: boolean) {
      if (deleteAllOthers === undefined) target().setProperties(properties);
      else target().setProperties(properties, deleteAllOthers);
      if (values) values = { ...(deleteAllOthers ? {} : values), ...Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, String(v)])) };
      return self as Properties;
    },
    deleteProperty(key) {
      target().deleteProperty(key);
      if (values) delete values[key];
      return self as Properties;
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

/** The person's own properties (their time zone). */
export function userProperties(): CachedStore {
  fresh();
  return (userCopy ??= cached(() => PropertiesService.getUserProperties()));
}
