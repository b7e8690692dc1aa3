/** The inserted plan's words fitted to this deal: the problem as a phrase in the goal and criteria, and the quarters the plan's dates span for its risks. */
import { compareDates, dateParts } from '../scheduling/calendar';
import type { IsoDate } from '../plan';

/** The problem becomes a phrase of the goal sentence: a phrase, not a paragraph (the Insert form says so). */
export const PROBLEM_MAX_LENGTH = 160;

/** Lead-ins people type before the problem itself: "They want to", "To", "The problem is that". */
const LEAD_INS: readonly RegExp[] = [
  /^(?:the\s+)?problem(?:\s+is)?(?:\s+that)?\s*[:-]?\s+/i,
  /^(?:they|we|the team|the client|the customer|the prospect|\p{Lu}[\p{L}&.-]*)\s+(?:want|wants|need|needs|would like|are looking|is looking|hope|hopes|plan|plans)\s+to\s+/iu,
  /^(?:help(?:s|ing)?\s+(?:them|us|the team)\s+(?:to\s+)?)/i,
  /^to\s+/i,
];

/**
 * Verbs a problem phrase often starts with: then it reads "to <phrase>" ("to cut month-end close to 5 days").
 * Marked pure: the sidebar imports only PROBLEM_MAX_LENGTH from this file, and leaves the list out.
 */
const VERBS = /* @__PURE__ */ new Set(
  /* @__PURE__ */ (
    'cut reduce improve increase speed automate replace consolidate eliminate get make stop fix solve address lower shorten grow boost ' +
    'streamline close track manage move modernise modernize centralise centralize unify standardise standardize simplify scale avoid end ' +
    'remove retire migrate connect integrate build launch enable give find hire keep win save spend free prevent catch report forecast'
  ).split(' '),
);

/** Words that make a statement of it ("month-end close takes 12 days"): then it reads "because <phrase>". */
const STATEMENT =
  /\b(?:is|are|was|were|takes?|took|has|have|had|costs?|requires?|needs?|lacks?|can't|cannot|don't|doesn't|won't|relies|rely|depends?|spends?|wastes?|loses?|miss(?:es)?|struggles?|fails?|breaks?|runs?|uses?|waits?|sits?|goes|gets?|slips?|happens?)\b/i;

export interface ProblemPhrase {
  /** The problem as typed, fitted as a phrase: no trailing period, no lead-in, lower case unless a name. */
  phrase: string;
  /** How the goal sentence joins it: "to cut…", "because month-end close takes…", "to address slow reporting". */
  inGoal: string;
}

/**
 * Fits what the seller typed into the goal ("Globex evaluates Acme Close <inGoal> and makes a
 * go/no-go decision by…"): trailing punctuation and lead-ins go, the first letter is lower-cased
 * unless the first word is a name (an acronym, a mixed-case or company word, or two capitalised
 * words in a row such as "New York").
 */
export function problemPhrase(problem: string, names: readonly string[] = []): ProblemPhrase {
  let phrase = problem.trim().replace(/\s+/g, ' ').replace(/[\s.!?;:,]+$/, '');
  for (let changed = true; changed; ) {
    changed = false;
    for (const lead of LEAD_INS) {
      const next = phrase.replace(lead, '');
      if (next !== phrase && next.length > 0) {
        phrase = next;
        changed = true;
      }
    }
  }
  phrase = lowerFirst(phrase, names);
  const first = (phrase.split(/[\s,]/)[0] ?? '').toLowerCase();
  const inGoal = VERBS.has(first) ? `to ${phrase}` : STATEMENT.test(phrase) ? `because ${phrase}` : `to address ${phrase}`;
  return { phrase, inGoal };
}

function lowerFirst(phrase: string, names: readonly string[]): string {
  const [first = '', second = ''] = phrase.split(' ');
  const bare = first.replace(/[^\p{L}\p{N}-]/gu, '');
  const isName =
    bare.length === 0 ||
    /^\p{Lu}{2,}/u.test(bare) || // an acronym: "AP", "CRM", "SOC2"
    /^\p{L}\p{Ll}*\p{Lu}/u.test(bare) || // mixed case: "NetSuite", "iPhone"
    names.some((n) => n.split(/\s+/).some((w) => w.toLowerCase() === bare.toLowerCase())) ||
    (/^\p{Lu}/u.test(bare) && /^\p{Lu}\p{Ll}/u.test(second)); // "New York", "Google Sheets"
  return isName ? phrase : phrase.charAt(0).toLowerCase() + phrase.slice(1);
}

/**
 * The quarter planning the plan runs into, from its own dates: the first quarter that starts
 * between the evaluation start and the last date (go-live, else the decision target), named for
 * the work teams do before it ("year-end and Q1 planning" in a December-April plan); without a
 * quarter start inside the span, the quarter-end close it runs into ("Q2 quarter-end close").
 */
export function quarterPlanning(start: IsoDate, end: IsoDate): string {
  const from = dateParts(start);
  const last = compareDates(end, start) >= 0 ? end : start;
  const quarter = (month: number): number => Math.floor((month - 1) / 3) + 1;
  const q = quarter(from.month);
  // The first day of the next quarter after the start.
  const nextQ = q === 4 ? 1 : q + 1;
  const nextYear = q === 4 ? from.year + 1 : from.year;
  const boundary = `${nextYear}-${String((nextQ - 1) * 3 + 1).padStart(2, '0')}-01`;
  if (compareDates(boundary, last) <= 0) return nextQ === 1 ? 'year-end and Q1 planning' : `Q${nextQ} planning`;
  return `Q${q} quarter-end close`;
}
