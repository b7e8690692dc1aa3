/** The one error type whose message is written for the person using the add-on. */

/** A failure the person can act on ("someone else is updating this plan"); its message is shown as is. */
export class UserError extends Error {
  override name = 'UserError';
}
