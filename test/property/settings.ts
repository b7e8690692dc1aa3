/** How the property-based tests run: a fixed seed in CI, a random one locally, and a failure printed so that it replays as a plain test. */
import fc from 'fast-check';

/** The seed CI always uses, so a red CI run is the same run on every machine. */
export const CI_SEED = 20261206;

/**
 * The run's seed: PROPERTY_SEED when replaying, the fixed one in CI (CI=true), a random one
 * locally (so every local run explores new cases).
 */
function seed(): number {
  const given = process.env.PROPERTY_SEED;
  if (given !== undefined && given !== '') return Number(given);
  if (process.env.CI === 'true') return CI_SEED;
  return (Date.now() ^ (Math.random() * 0x7fffffff)) | 0;
}

const SEED = seed();
const REPLAYING = Boolean(process.env.PROPERTY_SEED);

/** Each file its own stream of cases (files that share a property run in parallel, each on other cases). */
function fileSeed(file: string): number {
  if (REPLAYING) return SEED;
  let hash = 0;
  for (const ch of file) hash = (Math.imul(hash, 31) + ch.charCodeAt(0)) | 0;
  return (SEED ^ hash) | 0;
}

/**
 * Runs a property `numRuns` times (PROPERTY_RUNS multiplies it: PROPERTY_RUNS=10 for a long soak).
 * On failure fast-check has already shrunk the case; the error names the file, the seed and the
 * path, and the command that replays exactly that case.
 */
export function holds<T>(file: string, property: fc.IProperty<T>, numRuns: number): void {
  const factor = Number(process.env.PROPERTY_RUNS ?? '1') || 1;
  const path = process.env.PROPERTY_PATH || undefined;
  const details = fc.check(property, { seed: fileSeed(file), numRuns: Math.round(numRuns * factor), ...(path ? { path, endOnFailure: true } : {}) });
  if (!details.failed) return;
  const replay = `PROPERTY_SEED=${details.seed} PROPERTY_PATH=${details.counterexamplePath ?? ''} npx jest ${file}`;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(
    `Property failed after ${details.numRuns} case(s), shrunk ${details.numShrinks} time(s).\n` +
      `Replay this exact case: ${replay}\n` +
      `Counterexample:\n${fc.stringify(details.counterexample)}\n\n${cause}`,
  );
}

export function runSeed(): number {
  return SEED;
}
