/** Month names in the other languages plans are written in (French, German, Spanish, Portuguese, Italian, Dutch): read from a cell and written back in its language. */

export type MonthLanguage = 'fr' | 'de' | 'es' | 'pt' | 'it' | 'nl';

/** The order a tie between languages is settled in when neither the cell nor the plan says more. */
export const MONTH_LANGUAGES: readonly MonthLanguage[] = ['fr', 'de', 'es', 'pt', 'it', 'nl'];

// CLDR's wide and abbreviated ("format") month names: a short name's dot is part of it ("janv.", "mars").
const NAMES: Record<MonthLanguage, { long: string[]; short: string[] }> = {
  fr: {
    long: 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' '),
    short: 'janv. févr. mars avr. mai juin juil. août sept. oct. nov. déc.'.split(' '),
  },
  de: {
    long: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' '),
    short: 'Jan. Feb. März Apr. Mai Juni Juli Aug. Sept. Okt. Nov. Dez.'.split(' '),
  },
  es: {
    long: 'enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre'.split(' '),
    short: 'ene. feb. mar. abr. may. jun. jul. ago. sept. oct. nov. dic.'.split(' '),
  },
  pt: {
    long: 'janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro'.split(' '),
    short: 'jan. fev. mar. abr. mai. jun. jul. ago. set. out. nov. dez.'.split(' '),
  },
  it: {
    long: 'gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre'.split(' '),
    short: 'gen feb mar apr mag giu lug ago set ott nov dic'.split(' '),
  },
  nl: {
    long: 'januari februari maart april mei juni juli augustus september oktober november december'.split(' '),
    short: 'jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.'.split(' '),
  },
};

const plain = (word: string): string =>
  word
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\.$/, '')
    .toLowerCase();

/** What a typed word says: its month, the languages it is a month in, and whether it is the long name (null: both, "mai", "juni"). */
export interface MonthWord {
  month: number;
  languages: MonthLanguage[];
  long: boolean | null;
}

const WORDS = new Map<string, MonthWord>();
for (const language of MONTH_LANGUAGES) {
  for (const style of ['long', 'short'] as const) {
    NAMES[language][style].forEach((name, i) => {
      const key = plain(name);
      const word = WORDS.get(key) ?? { month: i + 1, languages: [], long: style === 'long' };
      if (!word.languages.includes(language)) word.languages.push(language);
      // A name that is long somewhere and short elsewhere ("mai", "juni", "mars") says nothing about the style.
      if (word.long !== null && word.long !== (style === 'long')) word.long = null;
      WORDS.set(key, word);
    });
  }
}

/** The month a typed word names in one of these languages ("févr.", "Fevrier", "mrt"), or null. */
export function monthWord(typed: string): MonthWord | null {
  return WORDS.get(plain(typed)) ?? null;
}

// Short names that are also English words ("3 out of 5", "5 set", "2 days ago") count only with
// their dot or a year after them.
const ENGLISH_WORDS = new Set(['out', 'set', 'ago', 'mag', 'gen']);

/**
 * A regular-expression alternation of every name, accented and not, longest first, for a day-first
 * date ("5 janv. 2027", "5. Januar", "5 de enero"). English names are not in it (cell-dates.ts has them).
 */
export const FOREIGN_MONTHS: string = [
  // One pass over the names (each bare and as written, accents kept): this runs on every call's load.
  ...new Set(MONTH_LANGUAGES.flatMap((l) => [...NAMES[l].long, ...NAMES[l].short]).flatMap((n) => [plain(n), n.replace(/\.$/, '').toLowerCase()])),
]
  .sort((a, b) => b.length - a.length)
  .map((w) => (ENGLISH_WORDS.has(w) ? `${w}(?=\\.|\\s+\\d{4})` : w))
  .join('|');

/** A month's name in a language: long, or short with its dot only where the cell writes dots ("févr." or "févr"; "mars" has none). */
export function monthName(month: number, language: MonthLanguage, long: boolean, dot: boolean): string {
  const name = NAMES[language][long ? 'long' : 'short'][month - 1]!;
  return dot || long ? name : name.replace(/\.$/, '');
}

/** Whether the language writes "5 de enero de 2027". */
export const writesDe = (language: MonthLanguage | undefined): boolean => language === 'es' || language === 'pt';
