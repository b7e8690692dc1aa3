/** Who is using the add-on and when: the user's locale, their time zone, and today's date on their calendar. */
import { todayIn } from '../core/scheduling/calendar';
import type { IsoDate } from '../core/plan';
import { userProperties } from './property-cache';

/** The browser's time zone, remembered per user: the script's own zone is the add-on project's, not the person's. */
const TIME_ZONE_KEY = 'map.timeZone';

/** The user's locale ("en_US", "en_GB"), which decides how dates are written into the document. */
export function userLocale(): string {
  return Session.getActiveUserLocale() || 'en_US';
}

/** True for an IANA zone name this runtime knows ("Pacific/Auckland"). */
function isTimeZone(name: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,63}$/.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/**
 * Remembers the time zone the sidebar's browser reports, so that "today" (overdue, at risk, the
 * weekly review) is the person's day even from menu actions, which have no browser to ask. An
 * unknown name is ignored. Writes only when it changed.
 */
export function rememberTimeZone(name: unknown): void {
  if (typeof name !== 'string' || !isTimeZone(name)) return;
  const store = userProperties();
  if (store.getProperty(TIME_ZONE_KEY) !== name) store.setProperty(TIME_ZONE_KEY, name);
}

/** This instant (ISO): orders what happened on the same day, such as a review and a step added after it. */
export function now(): string {
  return new Date().toISOString();
}

/** The zone the plan's days and times are read in: the person's remembered zone, else the script's. */
export function timeZone(): string {
  return userProperties().getProperty(TIME_ZONE_KEY) || Session.getScriptTimeZone() || 'UTC';
}

/** Today on the person's calendar. Plan dates are days, so only the day matters. */
export function today(): IsoDate {
  return todayIn(timeZone());
}
