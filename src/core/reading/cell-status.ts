/** Reads a step's status cell as people type it ("Done - 3/2", "WIP", "🟡", "Yes" under "Done?", "Amber" under "RAG") into the method's four statuses. */
import type { Status } from '../plan';

/**
 * What the status column is, by its header (see header-words.ts): a status ("Status", "Progress"),
 * a completion question or checkbox ("Done?", "Completed?", "✓"), whose yes means complete, or a
 * RAG rating ("RAG", "Health", "Traffic light"), whose colours are read as below. A cell is read
 * with its column in mind: "Yes" is complete under "Done?" and no status anywhere else.
 */
export type StatusColumnKind = 'status' | 'completion' | 'rag';

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
//
// Escalated and off track are blocked, not late: escalating is what the method does for a step that
// cannot move by itself ("Escalate through champion"), and off track is red on a RAG rating. Out
// for signature, with legal and needs review are in progress: the step has moved to someone who
// acts on it. Booked, confirmed, tentative and rescheduled set up a meeting that has not happened:
// pending.
const RULES: [RegExp, Status][] = [
  [/ ((not|hasn t|haven t|isn t) (yet )?(started|begun|done|complete|completed|finished|signed|sent|submitted|approved|received|delivered)|not yet|incomplete|to ?do) /, 'pending'],
  [/ (blocked|blocker|on hold|hold|stuck|paused|stalled|halted|cannot proceed|escalated|escalation|off track|not on track) /, 'blocked'],
  [
    / (in progress|wip|started|ongoing|on ?going|under ?way|in review|under review|reviewing|in flight|active|partial|partially|almost|nearly|working|needs review|needs approval|needs sign off|out for (signature|review|approval)|sent for (signature|review|approval)|with (legal|procurement|finance|security|it|counsel|purchasing)) /,
    'in_progress',
  ],
  [/ (invite sent|invitation sent|calendar invite sent) /, 'pending'],
  [/ (complete|completed|done|closed|finished|signed|signed off|approved|accepted|delivered|sent|submitted|received|resolved|passed) /, 'complete'],
  [/ (delayed|late|overdue|slipped|slipping|at risk|on track|waiting|awaiting) /, 'in_progress'],
  [/ (pending|not started|open|planned|scheduled|rescheduled|re scheduled|booked|rebooked|re booked|confirmed|tentative|tentatively|upcoming|queued|backlog|new) /, 'pending'],
];

// A dropped step ("Cancelled", "N/A", "Descoped", "Won't do") is not needed, in any column ("N/A"
// under "Done?" is no "No"), unless it was set up again: "Cancelled - rescheduled to 12/9" is a
// meeting still to hold, so the other words decide.
const NOT_NEEDED = / (cancelled|canceled|cancel|n a|na|not applicable|not needed|not required|no longer needed|no longer required|skipped|skip|descoped|de scoped|out of scope|won t do|wont do|will not do|dropped|obsolete) /;
const SET_UP_AGAIN = / (rescheduled|re scheduled|rebooked|re booked|moved to|new date) /;

// Marks and traffic lights, read only when no word settled the cell ("🟢 On track" is in progress).
const MARKS: [RegExp, Status][] = [
  [/[✓✔✅☑🟢]|\[x\]/iu, 'complete'],
  [/[🔴⛔🚫🛑]/u, 'blocked'],
  [/[🟡🟠⏳⌛🔄🚧]/u, 'in_progress'],
  [/[⚪⬜☐🔲]|\[ \]/u, 'pending'],
];

// A completion column's answers ("Done?": "Yes", "Y", "x", "TRUE" as a Sheets checkbox pastes).
const YES = /^ (yes|y|yep|yeah|x|true|ticked|checked) /;
const NO = /^ (no|n|nope|false|unticked|unchecked) /;

/**
 * A RAG rating in the method's terms. Green is "on track" and amber (yellow) "at risk": both are
 * in progress, because lateness is the due date's business, as for the words. Red is blocked, as
 * the 🔴 mark is: a red step is one its owner says will not finish as planned without someone
 * acting on it, which is what the method asks of a blocked step ("Can I help unblock anything?").
 * Blue, in the BRAG variant, is complete; grey is not started. A single letter ("G", "A", "R")
 * is read only as the whole cell of a RAG column.
 */
const RAG: [RegExp, Status][] = [
  [/ red /, 'blocked'],
  [/ (amber|yellow|orange) /, 'in_progress'],
  [/ green /, 'in_progress'],
  [/ blue /, 'complete'],
  [/ (grey|gray) /, 'pending'],
];
const RAG_LETTERS: Readonly<Record<string, Status>> = { r: 'blocked', a: 'in_progress', y: 'in_progress', g: 'in_progress', b: 'complete' };
const RAG_MARKS: [RegExp, Status][] = [
  [/🔴/u, 'blocked'],
  [/[🟡🟠]/u, 'in_progress'],
  [/🟢/u, 'in_progress'],
  [/🔵/u, 'complete'],
  [/⚪/u, 'pending'],
];

const hit = (rules: readonly [RegExp, Status][], s: string): Status | undefined => rules.find(([re]) => re.test(s))?.[1];

const RAG_START = /^ (red|amber|yellow|orange|green|blue|grey|gray) /;

/**
 * A column headed "Status" that holds RAG ratings ("Green", "Amber - legal slow", "R"): every
 * filled cell starts with a colour word, or every one is a lone R/A/G letter, and at least two
 * are. Read as a RAG column then; one "Green" among words stays a word it does not know.
 */
export function holdsRagRatings(texts: readonly string[]): boolean {
  const filled = texts.map((t) => ` ${t.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim()} `).filter((w) => w.trim() !== '');
  if (filled.length < 2) return false;
  // Coloured circles keep their own reading (MARKS: 🟢 is done in a plain column), as before.
  return filled.every((w) => RAG_START.test(w)) || filled.every((w) => RAG_LETTERS[w.trim()] !== undefined);
}

export function parseStatus(text: string, column: StatusColumnKind = 'status'): ParsedStatus {
  if (!text.trim()) return { status: 'pending', known: false, text };
  const words = ` ${text.toLowerCase().replace(/[^a-z0-9%]+/g, ' ').trim()} `;
  if (NOT_NEEDED.test(words) && !SET_UP_AGAIN.test(words)) return { status: 'not_needed', known: true, text };
  let status: Status | undefined;
  if (column === 'completion') {
    // "Yes" is complete whatever follows ("Yes (late)"); "No" is not done unless the rest says
    // how far it got ("No, blocked on budget", "No - in progress").
    if (YES.test(words)) status = 'complete';
    else if (NO.test(words)) status = hit(RULES, words.replace(NO, ' ')) ?? 'pending';
  }
  if (column === 'rag') {
    // A word that settles the step beats the colour ("Green - done" is complete, "Amber - not
    // started" pending); the colour beats words of progress or lateness ("Red - delayed" is blocked).
    const said = hit(RULES, words);
    const colour = RAG_LETTERS[words.trim()] ?? hit(RAG, words) ?? hit(RAG_MARKS, text);
    status = said === 'in_progress' ? (colour ?? said) : (said ?? colour);
  }
  status ??= hit(RULES, words);
  const percent = /(\d+) ?%/.exec(words);
  if (!status && percent) status = +percent[1]! === 0 ? 'pending' : +percent[1]! >= 100 ? 'complete' : 'in_progress';
  status ??= hit(MARKS, text);
  return status ? { status, known: true, text } : { status: null, known: false, text };
}

/** The method's words for a status, as written into the document. */
export function statusLabel(status: Status): 'Pending' | 'In progress' | 'Complete' | 'Blocked' | 'Not needed' {
  return ({ pending: 'Pending', in_progress: 'In progress', complete: 'Complete', blocked: 'Blocked', not_needed: 'Not needed' } as const)[status];
}
