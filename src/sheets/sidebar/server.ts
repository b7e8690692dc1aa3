/** Typed calls from the Sheets add-on's sidebar to its server functions over google.script.run. */
import { failureText as sentence } from '../../sidebar/server';

/** One sentence for the person from whatever a failed call rejected with. */
export function failureText(error: unknown): string {
  return sentence(error, 'Google Sheets');
}

/** The Sheets add-on's exported functions. A type-only import: server code is never bundled into the sidebar. */
export type Server = typeof import('../entry');

type ServerCalls = { [K in keyof Server]: (...args: Parameters<Server[K]>) => void };

type Runner = ServerCalls & {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
};

declare const google: { script: { run: Runner } } | undefined;

/** Calls a server function and resolves with its result; a thrown server error (or a dropped connection) rejects. */
export function call<K extends keyof Server>(name: K, ...args: Parameters<Server[K]>): Promise<Awaited<ReturnType<Server[K]>>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error('The add-on can only talk to the workbook from inside Google Sheets.'));
      return;
    }
    const runner: ServerCalls = google.script.run
      .withSuccessHandler((value) => resolve(value as Awaited<ReturnType<Server[K]>>))
      .withFailureHandler(reject);
    runner[name](...args);
  });
}
