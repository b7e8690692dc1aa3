/** google.script.run as a promise: the one implementation behind the Docs and the Sheets sidebars' typed `call`. */

/** The part of Google's client API a sidebar uses; undefined outside Google's iframe (a plain browser). */
type Runner = { [name: string]: (...args: unknown[]) => void } & {
  withSuccessHandler(handler: (value: unknown) => void): Runner;
  withFailureHandler(handler: (error: unknown) => void): Runner;
};
declare const google: { script: { run: Runner } } | undefined;

/**
 * Runs a server function and resolves with what it returned. google.script.run carries JSON only
 * and reports a thrown server error (or a dropped connection) to the failure handler: both reject.
 * Each sidebar's `call` types the name, the arguments and the result from its own entry file.
 */
export function runOnServer(app: string, name: string, args: readonly unknown[], onResult?: (value: unknown, roundTripMs: number) => void): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const sent = performance.now();
    if (typeof google === 'undefined' || !google.script?.run) {
      reject(new Error(`The add-on can only talk to ${app === 'Google Sheets' ? 'the workbook' : 'the document'} from inside ${app}.`));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => {
        onResult?.(value, Math.round(performance.now() - sent));
        resolve(value);
      })
      .withFailureHandler(reject);
    runner[name]?.(...args);
  });
}
