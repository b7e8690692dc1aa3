/** The sidebar's one read of the document, shared by every tab: each tab draws the last read at once; a re-read follows an action, a return to the sidebar, or a request. */
import type { PlanRead } from '../server/contract';
import { showBanner } from './feedback';
import { call, failureText } from './server';

type Listener = (read: PlanRead) => void;

let current: PlanRead = { plan: null, problem: null };
let reading: Promise<void> | null = null;
const listeners: Listener[] = [];
const busyListeners: ((busy: boolean) => void)[] = [];

/** The last read. */
export function lastRead(): PlanRead {
  return current;
}

/** Calls `listener` with every new read (not the current one: draw that yourself). */
export function onRead(listener: Listener): void {
  listeners.push(listener);
}

/** Told when a re-read starts and ends, to say "Updating…" without hiding what is shown. */
export function onReading(listener: (busy: boolean) => void): void {
  busyListeners.push(listener);
}

/** Puts a read in place (the one the sidebar opened with, or one an action answered with) and redraws every tab. */
export function setRead(read: PlanRead): void {
  current = read;
  for (const listener of listeners) listener(read);
}

/**
 * Reads the document again. An action calls it after writing: the read is queued after any read
 * already in flight (which began before the write), so what it shows is the document after the action.
 */
export function reread(): Promise<void> {
  const read = async (): Promise<void> => {
    busyListeners.forEach((l) => l(true));
    try {
      setRead(await call('readPlan'));
    } catch (error) {
      showBanner('The plan could not be read again.', failureText(error));
    } finally {
      busyListeners.forEach((l) => l(false));
    }
  };
  const next = (reading ?? Promise.resolve()).then(read);
  reading = next;
  void next.then(() => {
    if (reading === next) reading = null;
  });
  return next;
}

/** A background refresh (the person comes back to the sidebar after editing the document): skipped while a read is under way. */
export function refreshInBackground(): void {
  if (!reading) void reread();
}
