/** Reads a step's status cell as people type it ("Done - 3/2", "WIP", "🟡") into the method's four statuses. */
import type { Status } from '../plan';

/**
 * A status cell read back. Known text gives its status. An empty cell is pending but not
 * known: nobody has reported the step, so it counts as not started yet is not written back
 * or reported as "Pending". Other text is kept as written with no status.
 */
export type ParsedStatus =
  | { status: Status; known: true; text: string }
  | { status: 'pending'; known: false; text: string }
  | { status: null; known: false; text: string };

// First match wins, so the order settles mixed cells: a negation before the word it negates
// ("not started"), a blocker before progress, progress before completion ("almost done"), and
// lateness after completion ("Done (delayed)"). Lateness is the due date's business: a delayed,
// overdue or at-risk step is still moving, so it is in progress, not blocked.
const RULES: [RegExp, Status][] = [
  [/ ((not|hasn t|haven t|isn t) (yet )?(started|begun|done|complete|completed|finished|signed|sent|submitted|approved|received|delivered)|not yet|incomplete|to ?do) /, 'pending'],
  [/ (blocked|blocker|on hold|hold|stuck|paused|stalled|halted|cannot proceed) /, 'blocked'],
  [/ (in progress|wip|started|ongoing|on ?going|under ?way|in review|under review|reviewing|in flight|active|partial|partially|almost|nearly|working) /, 'in_progress'],
  [/ (complete|completed|done|closed|finished|signed|signed off|approved|accepted|delivered|sent|submitted|received|resolved|passed) /, 'complete'],
  [/ (delayed|late|overdue|slipped|slipping|at risk|on track|waiting|awaiting) /, 'in_progress'],
  [/ (pending|not started|open|planned|scheduled|upcoming|queued|backlog|new) /, 'pending'],
];

// Marks and traffic lights, read only when no word settled the cell ("🟢 On track" is in progress).
const MARKS: [RegExp, Status][] = [
  [/[✓✔✅☑🟢]|\[x\]/iu, 'complete'],
  [/[🔴⛔🚫🛑]/u, 'blocked'],
  [/[🟡🟠⏳⌛🔄🚧]/u, 'in_progress'],
  [/[⚪⬜☐🔲]|\[ \]/u, 'pending'],
];

export function parseStatus(text: string): ParsedStatus {
  if (!text.trim()) return { status: 'pending', known: false, text };
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim()} `;
  const hit = (rules: [RegExp, Status][], s: string): Status | undefined => rules.find(([re]) => re.test(s))?.[1];
  let status = hit(RULES, words);
  const percent = /(\d+) ?%/.exec(words);
  if (!status && percent) status = +percent[1]! === 0 ? 'pending' : +percent[1]! >= 100 ? 'complete' : 'in_progress';
  status ??= hit(MARKS, text);
  return status ? { status, known: true, text } : { status: null, known: false, text };
}

/** The method's words for a status, as written into the document. */
export function statusLabel(status: Status): 'Pending' | 'In progress' | 'Complete' | 'Blocked' {
  return ({ pending: 'Pending', in_progress: 'In progress', complete: 'Complete', blocked: 'Blocked' } as const)[status];
}
