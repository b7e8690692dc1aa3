/** Every sidebar action answers with its result and, beside it, how long it took and how many calls it made into Google's services. */
import { metered, type ActionDetails } from '../adapters/service-meter';

export type { ActionDetails };

/** A result as it crosses to the sidebar: the action's own fields plus `details`. */
export type Measured<R> = R & { details: ActionDetails };

/** Wraps an entry point so its result carries `details` (shown in the sidebar's "Details" line). */
export function measured<A extends unknown[], R extends object>(action: (...args: A) => R): (...args: A) => Measured<R> {
  return (...args: A) => {
    const { result, details } = metered(() => action(...args));
    return { ...result, details };
  };
}
