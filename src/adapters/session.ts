/** Who is using the add-on and when: the user's locale and today's date, read from Apps Script's Session. */
import { todayIn } from '../core/calendar';
import type { IsoDate } from '../core/plan';

/** The user's locale ("en_US", "en_GB"), which decides how dates are written into the document. */
export function userLocale(): string {
  return Session.getActiveUserLocale() || 'en_US';
}

/** Today as the script's time zone sees it; plan dates are calendar days, so only the day matters. */
export function today(): IsoDate {
  return todayIn(Session.getScriptTimeZone() || 'UTC');
}
