/** Values built the first time a call needs them: Apps Script evaluates the whole bundle on every menu click and sidebar call, so a schema only some calls use must not be built by all of them. */

/**
 * Wraps a builder so the value is made on the first call and reused after. Building the zod
 * schemas at load was about two thirds of evaluating dist/Code.js in a fresh runtime (`npm run
 * bench`, "evaluate Code.js in a fresh process").
 */
export function onFirstUse<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}
