/** Typed calls from the sidebar to the add-on's server functions over google.script.run. */
/** The server's exported functions. A type-only import: the server's code must never be bundled into the sidebar. */
export type Server = typeof import('../server/entry');

/** Each server function as google.script.run exposes it: same arguments, result delivered to the success handler. */
type ServerCalls = { [K in keyof Server]: (...args: Parameters<Server[K]>) => void };

type Runner = ServerCalls & {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
};

/** The part of Google's client API the sidebar uses; undefined outside Google's iframe (a plain browser). */
declare const google: { script: { run: Runner } } | undefined;

/**
 * Calls a server function and resolves with its result. google.script.run carries JSON only and
 * reports a thrown server error (or a dropped connection) to the failure handler: both reject.
 */
export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<Awaited<ReturnType<Server[K]>>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('The add-on can only talk to the document from inside Google Docs.'));
      return;
    }
    const runner: ServerCalls = google.script.run
      // The server's declared return type is the contract; the value is what it returned.
      .withSuccessHandler((value) => {
        showDetails(name, value);
        resolve(value as Awaited<ReturnType<Server[K]>>);
      })
      .withFailureHandler(reject);
    runner[name](...args);
  });
}

/**
 * The "Details" line at the bottom of the sidebar: what the last action cost on Google (elapsed
 * time and service calls by service), for the person running docs/acceptance.md.
 */
function showDetails(name: string, value: unknown): void {
  const line = document.getElementById('details');
  const details = value && typeof value === 'object' ? (value as { details?: { ms?: unknown; calls?: unknown } }).details : undefined;
  if (!line || !details || typeof details.ms !== 'number') return;
  const calls = details.calls && typeof details.calls === 'object' ? Object.entries(details.calls as Record<string, number>) : [];
  const total = calls.reduce((sum, [, n]) => sum + n, 0);
  line.textContent = `Details: ${name} ${details.ms} ms, ${calls.length ? `${total} calls (${calls.map(([s, n]) => `${s.replace(/App$|Service$/, '')} ${n}`).join(', ')})` : 'calls not counted'}`;
}

/** One sentence for the person from whatever a failed call rejected with: never a stack, never markup. */
export function failureText(error: unknown, app = 'Google Docs'): string {
  const raw = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  // Apps Script reports a dropped connection as "NetworkError: Connection failure due to HTTP 0".
  if (/NetworkError|HTTP 0\b/i.test(raw)) return `${app} could not be reached. Check your connection and try again.`;
  const text = raw.replace(/^(Exception|Error|ScriptError):\s*/i, '').trim();
  if (!text) return 'Something went wrong. Try again; if it keeps failing, reload the document.';
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
