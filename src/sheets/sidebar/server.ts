/** Typed calls from the Sheets add-on's sidebar to its server functions over google.script.run. */
import { runOnServer } from '../../sidebar/script-run';
import { failureText as sentence } from '../../sidebar/server';

/** One sentence for the person from whatever a failed call rejected with. */
export function failureText(error: unknown): string {
  return sentence(error, 'Google Sheets');
}

/** The Sheets add-on's exported functions. A type-only import: server code is never bundled into the sidebar. */
export type Server = typeof import('../entry');

/** Calls a server function and resolves with its result; a thrown server error (or a dropped connection) rejects. */
export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<Awaited<ReturnType<Server[K]>>> {
  return runOnServer('Google Sheets', name, args) as Promise<Awaited<ReturnType<Server[K]>>>;
}
