/** google.script.run and google.script.host for the preview: the sidebar's server calls go to the preview server, with Google's client rules. */

/** Set by the server in a script element just before this one. */
interface ShimConfig {
  /** The script's public top-level functions: Google's client offers a stub for each, and only those. */
  functions: string[];
  endpoint: string;
}

type Handler = (value: unknown, userObject: unknown) => void;

interface Settings {
  readonly success: Handler | null;
  readonly failure: Handler | null;
  readonly userObject: unknown;
}

type Runner = Record<string, unknown> & {
  withSuccessHandler(handler: Handler): Runner;
  withFailureHandler(handler: Handler): Runner;
  withUserObject(userObject: unknown): Runner;
};

type RunResult = { ok: true; value: unknown } | { ok: false; error: { name: string; message: string } };

declare global {
  interface Window {
    __mapPreviewShim?: ShimConfig;
    google?: { script: { run: Runner; host: Record<string, unknown> } };
  }
}

const config: ShimConfig = window.__mapPreviewShim ?? { functions: [], endpoint: '/api/run' };

/**
 * Google's client checks arguments before sending (/apps-script/guides/html/reference/run):
 * numbers, booleans, strings, null, plain objects and arrays of those, and a form element (sent
 * as its fields). A Date, a function or another object fails at once, with the client's own
 * message; a circular reference fails; undefined inside an array becomes null; keys ending in
 * "__" are dropped (reported by third-party tests; unverified).
 */
function checked(value: unknown, key: string, ancestors: Set<object>): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') {
    return value === undefined ? null : value;
  }
  if (value instanceof HTMLFormElement) return formFields(value);
  if (typeof value !== 'object') throw new Error(`Failed due to illegal value in property: ${key}`);
  if (ancestors.has(value)) throw new Error('Failed due to circular reference.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown, index) => checked(item, String(index), ancestors));
    const proto: unknown = Object.getPrototypeOf(value);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!plain) throw new Error(`Failed due to illegal value in property: ${key}`);
    const copy: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      if (k.endsWith('__')) continue;
      // An undefined property is left out, as JSON would.
      if (item !== undefined) copy[k] = checked(item, k, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

/** A form crosses as its named fields; a field named twice becomes an array, as in Google's client. */
function formFields(form: HTMLFormElement): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  new FormData(form).forEach((value, name) => {
    if (typeof value !== 'string') return; // file uploads are not part of the preview
    const existing = fields[name];
    fields[name] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  });
  return fields;
}

/** Handlers run as Google's do: later, never inside the call. An error without a failure handler surfaces in the console. */
function deliver(settings: Settings, result: RunResult): void {
  if (result.ok) {
    settings.success?.(result.value, settings.userObject);
    return;
  }
  const error = new Error(result.error.message);
  // Google's exact error name is unverified; the server error's own name is the most useful stand-in.
  error.name = result.error.name;
  if (settings.failure) settings.failure(error, settings.userObject);
  else console.error(`Uncaught ${error.name}: ${error.message}`);
}

/**
 * Google's client runs at most 10 calls at once (an 11th waits) and they complete in any order
 * (/apps-script/guides/html/communication): the preview does the same, and holds each result a
 * random few milliseconds, so the sidebar always meets calls finishing out of order.
 */
const MAX_RUNNING = 10;
let running = 0;
const waiting: (() => void)[] = [];

function start(task: () => Promise<void>): void {
  if (running >= MAX_RUNNING) {
    waiting.push(() => start(task));
    return;
  }
  running += 1;
  void task().finally(() => {
    running -= 1;
    waiting.shift()?.();
  });
}

const jitter = <T>(value: T): Promise<T> => new Promise((resolve) => setTimeout(() => resolve(value), Math.random() * 30));

function send(name: string, args: unknown[], settings: Settings): void {
  const payload = JSON.stringify({ name, args: checked(args, '0', new Set()) });
  start(() => fetch(config.endpoint, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: payload })
    .then(async (response) => {
      if (!response.ok) {
        const text = await response.text();
        let message = text;
        try {
          message = (JSON.parse(text) as { error?: string }).error ?? text;
        } catch {
          // not JSON: the text itself
        }
        return { ok: false, error: { name: 'Error', message } } satisfies RunResult;
      }
      return (await response.json()) as RunResult;
    })
    // Google's client reports a lost connection this way.
    .catch((): RunResult => ({ ok: false, error: { name: 'NetworkError', message: 'NetworkError: Connection failure due to HTTP 0' } }))
    .then(jitter)
    .then((result) => deliver(settings, result)));
}

/** Each with* returns a new runner, so a handler set on one chain does not leak into google.script.run itself. */
function runner(settings: Settings): Runner {
  const stubs: Record<string, unknown> = {};
  for (const name of config.functions) {
    stubs[name] = (...args: unknown[]): void => send(name, args, settings);
  }
  return {
    ...stubs,
    withSuccessHandler: (handler: Handler) => runner({ ...settings, success: handler }),
    withFailureHandler: (handler: Handler) => runner({ ...settings, failure: handler }),
    withUserObject: (userObject: unknown) => runner({ ...settings, userObject }),
  };
}

/** The page around the iframe (same origin) closes the sidebar or dialog. */
function tellHost(action: 'close' | 'focus'): void {
  window.parent.postMessage({ source: 'map-preview-host', action }, window.location.origin);
}

window.google = {
  script: {
    run: runner({ success: null, failure: null, userObject: undefined }),
    host: {
      origin: window.location.origin,
      close: () => tellHost('close'),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => tellHost('focus') },
    },
  },
};

export {};
