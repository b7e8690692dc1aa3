/** Typed calls from the sidebar to the add-on's server functions over google.script.run. */
import { runOnServer } from './script-run';

/** The server's exported functions. A type-only import: the server's code must never be bundled into the sidebar. */
export type Server = typeof import('../server/entry');

/** Calls a server function and resolves with its result; its declared return type is the contract. */
export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<Awaited<ReturnType<Server[K]>>> {
  return runOnServer('Google Docs', name, args, (value, roundTripMs) => showDetails(name, value, roundTripMs)) as Promise<Awaited<ReturnType<Server[K]>>>;
}

/**
 * The "Details" line at the bottom of the sidebar: what the last action cost on Google (its time on
 * the server, service calls by service, and the round trip seen from the sidebar), for the person
 * running docs/acceptance.md. The round trip less the server time is what Google adds: starting a
 * runtime, evaluating Code.js, the network.
 */
function showDetails(name: string, value: unknown, roundTripMs: number): void {
  const line = document.getElementById('details');
  const details = value && typeof value === 'object' ? (value as { details?: { ms?: unknown; calls?: unknown } }).details : undefined;
  if (!line || !details || typeof details.ms !== 'number') return;
  const calls = details.calls && typeof details.calls === 'object' ? Object.entries(details.calls as Record<string, number>) : [];
  const total = calls.reduce((sum, [, n]) => sum + n, 0);
  line.textContent = `Details: ${name} ${details.ms} ms (${roundTripMs} ms round trip), ${calls.length ? `${total} calls (${calls.map(([s, n]) => `${s.replace(/App$|Service$/, '')} ${n}`).join(', ')})` : 'calls not counted'}`;
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
