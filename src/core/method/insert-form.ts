/** Checks the sidebar's Insert form (raw strings from google.script.run) and turns it into an InsertForm, or into one sentence per rejected field. */
// zod/mini with a namespace import keeps the bundle small (~15 KB against ~450 KB for full zod).
import * as z from 'zod/mini';
import { compareDates, isIsoDate } from '../scheduling/calendar';
import { PROBLEM_MAX_LENGTH } from './draft-words';
import { DEAL_STAGES, DEAL_TYPES, ROLES } from '../plan';
import type { FieldErrors, InsertForm, Person, Role, TheirWords } from '../plan';
import { DEFAULT_THEIR_WORDS } from './templates';
import { onFirstUse } from '../on-first-use';

/** Longest text accepted per kind of field, in UTF-16 code units after trimming. */
export const MAX_LENGTH = {
  /** Company, product, person names and titles. */
  name: 120,
  /** The problem goes into the goal sentence as a phrase. */
  problem: PROBLEM_MAX_LENGTH,
  /** The prospect's word for a step ("vendor management"). */
  word: 60,
} as const;

const PROBLEM_MISSING = 'Enter the problem they want to solve, as a short phrase: e.g. "cut month-end close from 12 days to 5".';

/** Dates outside these years are typos ("0202-03-02" from a half-typed date field), not plans. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** Above this an annual contract value is a typo (it still leaves room for currencies counted in millions). */
const MAX_ANNUAL_VALUE = 1e12;

export type InsertFormResult = { ok: true; form: InsertForm } | { ok: false; errors: FieldErrors };

const ROLE_LABELS: Record<Role, string> = {
  champion: "the champion's",
  economicBuyer: "the economic buyer's",
  technicalEvaluator: "the technical evaluator's",
  accountExecutive: "your account executive's",
  solutionsEngineer: "your solutions engineer's",
};

const WORD_LABELS: Record<keyof TheirWords, string> = {
  procurement: 'procurement',
  legal: 'legal',
  security: 'the security review team',
  internalReview: 'their internal review',
};

const FORM_UNREADABLE = 'The form could not be read. Close and reopen the sidebar, then try again.';

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Trims and folds every run of whitespace (newlines and tabs pasted from an email included)
 * into one space: every field lands on one line of the document (a title, a table cell, the
 * goal sentence).
 */
function normaliseText(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Control characters other than whitespace are rejected rather than silently removed: they
 * are invisible, so the seller would not know what was changed, and they can break the
 * document text. Whitespace controls were already folded into spaces by normaliseText.
 */
function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

interface TextMessages {
  missing: string;
  notText: string;
  tooLong: string;
  control: string;
}

function textMessages(subject: string, missing: string, max: number): TextMessages {
  return {
    missing,
    notText: `${capitalise(subject)} must be text.`,
    tooLong: `${capitalise(subject)} is too long: use at most ${max} characters.`,
    control: `${capitalise(subject)} contains invisible control characters. Retype it, or paste it as plain text.`,
  };
}

function checkedString(messages: TextMessages, max: number, required: boolean) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? messages.missing : messages.notText) })
    .check(
      z.overwrite(normaliseText),
      z.refine((text: string) => !hasControlCharacter(text), { error: messages.control, abort: true }),
      z.maxLength(max, { error: messages.tooLong, abort: true }),
      z.refine((text: string) => !required || text.length > 0, { error: messages.missing }),
    );
}

function requiredText(subject: string, missing: string, max: number) {
  return checkedString(textMessages(subject, missing, max), max, true);
}

/** Optional text: missing, null or blank all mean "not given". */
function optionalText(subject: string, max: number) {
  return z.nullish(checkedString(textMessages(subject, '', max), max, false));
}

/** Dates come from the sidebar's date inputs as YYYY-MM-DD; nothing else is read, since 03/02/2026 reads both ways. */
function dateField(subject: string, missing: string, required: boolean) {
  const notADate = `${capitalise(subject)} must be a date, like 2026-03-02.`;
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? missing : notADate) })
    .check(
      z.overwrite((text: string) => text.trim()),
      z.refine((text: string) => !required || text !== '', { error: missing, abort: true }),
      z.refine((text: string) => text === '' || isIsoDate(text), { error: notADate, abort: true }),
      z.refine((text: string) => text === '' || inYearRange(text), {
        error: `Check the year of ${subject}: it must be between ${FIRST_YEAR} and ${LAST_YEAR}.`,
      }),
    );
}

function inYearRange(iso: string): boolean {
  const year = Number(iso.slice(0, 4));
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

const ACV_MISSING = 'Enter the annual contract value, like 85,000.';
const ACV_NOT_NUMBER = 'Annual contract value must be a number, like 85,000.';

function annualValueProblem(input: string | number): string | null {
  const value = typeof input === 'number' ? input : parseAnnualValue(input);
  if (typeof input === 'string' && input.trim() === '') return ACV_MISSING;
  if (value === null || !Number.isFinite(value)) return ACV_NOT_NUMBER;
  if (value <= 0) return 'Annual contract value must be more than 0.';
  if (value > MAX_ANNUAL_VALUE) return 'Annual contract value looks too large: enter the yearly amount, like 85,000 or 1.2M.';
  return null;
}

const annualValueField = () =>
  z
    .union([z.string(), z.number()], {
      error: (issue) => (issue.input === undefined || issue.input === null ? ACV_MISSING : ACV_NOT_NUMBER),
    })
    .check(
      z.superRefine((input: string | number, ctx) => {
        const problem = annualValueProblem(input);
        if (problem) ctx.addIssue({ code: 'custom', message: problem, input });
      }),
    );

function personField(role: Role) {
  const whose = ROLE_LABELS[role];
  return z.nullish(
    z.object(
      {
        name: optionalText(`${whose} name`, MAX_LENGTH.name),
        title: optionalText(`${whose} title`, MAX_LENGTH.name),
      },
      { error: `${capitalise(whose)} details could not be read. Close and reopen the sidebar, then try again.` },
    ),
  );
}

function theirWordField(word: keyof TheirWords) {
  return optionalText(`their word for ${WORD_LABELS[word]}`, MAX_LENGTH.word);
}

const insertFormSchema = onFirstUse(() =>
  z.object(
    {
      yourCompany: requiredText('your company name', 'Enter your company name.', MAX_LENGTH.name),
      theirCompany: requiredText("the prospect's company name", "Enter the prospect's company name.", MAX_LENGTH.name),
      product: requiredText('the product name', 'Enter the product they are evaluating.', MAX_LENGTH.name),
      problem: checkedString(
        {
          ...textMessages('the problem', PROBLEM_MISSING, MAX_LENGTH.problem),
          tooLong: `Keep the problem to a short phrase of at most ${MAX_LENGTH.problem} characters: it becomes part of the goal sentence, e.g. "cut month-end close from 12 days to 5".`,
        },
        MAX_LENGTH.problem,
        true,
      ),
      dealType: z.enum(DEAL_TYPES, { error: 'Choose a deal type.' }),
      dealStage: z.enum(DEAL_STAGES, { error: 'Choose the deal stage.' }),
      annualContractValue: annualValueField(),
      evaluationStart: dateField('the evaluation start', 'Enter the evaluation start date.', true),
      decisionTarget: z.nullish(dateField('the decision target', '', false)),
      goLiveTarget: z.nullish(dateField('the go-live target', '', false)),
      people: z.nullish(
        z.object(
          {
            champion: personField('champion'),
            economicBuyer: personField('economicBuyer'),
            technicalEvaluator: personField('technicalEvaluator'),
            accountExecutive: personField('accountExecutive'),
            solutionsEngineer: personField('solutionsEngineer'),
          },
          { error: 'The people could not be read. Close and reopen the sidebar, then try again.' },
        ),
      ),
      theirWords: z.nullish(
        z.object(
          {
            procurement: theirWordField('procurement'),
            legal: theirWordField('legal'),
            security: theirWordField('security'),
            internalReview: theirWordField('internalReview'),
          },
          { error: "The prospect's words could not be read. Close and reopen the sidebar, then try again." },
        ),
      ),
    },
    { error: FORM_UNREADABLE },
  ),
);

/**
 * Any issue a schema above did not word itself (none should reach here) still gets a sentence
 * for the seller, never zod's default wording.
 */
function fallbackMessage(path: readonly PropertyKey[]): string {
  return path.length === 0 ? FORM_UNREADABLE : 'Check this field: it could not be read.';
}

/**
 * Validates the raw Insert form. Strings are trimmed and inner whitespace (newlines, tabs)
 * folded to single spaces; other control characters are refused with a message. Blank
 * optional people stay blank (the plan shows a placeholder); blank prospect words take the
 * default wording; blank optional dates become null.
 */
export function validateInsertForm(raw: unknown): InsertFormResult {
  const errors: FieldErrors = {};
  const parsed = insertFormSchema().safeParse(raw, {
    error: (issue) => fallbackMessage(issue.path ?? []),
    // Apps Script may refuse code generation; the interpreted path parses the same.
    jitless: true,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const key = issue.path.length === 0 ? 'form' : issue.path.map(String).join('.');
      // The first problem per field is the one worth fixing first.
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  addDateOrderErrors(raw, errors);
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };

  const data = parsed.data;
  const people = {} as Record<Role, Person>;
  for (const role of ROLES) {
    const person = data.people?.[role];
    people[role] = { name: person?.name ?? '', title: person?.title ?? '' };
  }
  const theirWords = { ...DEFAULT_THEIR_WORDS };
  for (const word of Object.keys(DEFAULT_THEIR_WORDS) as (keyof TheirWords)[]) {
    const given = data.theirWords?.[word];
    if (given) theirWords[word] = given;
  }
  return {
    ok: true,
    form: {
      yourCompany: data.yourCompany,
      theirCompany: data.theirCompany,
      product: data.product,
      problem: data.problem,
      dealType: data.dealType,
      dealStage: data.dealStage,
      annualContractValue: toAnnualValue(data.annualContractValue),
      evaluationStart: data.evaluationStart,
      decisionTarget: data.decisionTarget || null,
      goLiveTarget: data.goLiveTarget || null,
      people,
      theirWords,
    },
  };
}

function toAnnualValue(input: string | number): number {
  // annualValueProblem has already refused anything parseAnnualValue cannot read.
  return typeof input === 'number' ? input : (parseAnnualValue(input) ?? 0);
}

/** The dates' order across fields, checked only for dates that are valid on their own. */
function addDateOrderErrors(raw: unknown, errors: FieldErrors): void {
  if (typeof raw !== 'object' || raw === null) return;
  const record = raw as Record<string, unknown>;
  const valid = (key: string): string | null => {
    const value = record[key];
    if (key in errors || typeof value !== 'string') return null;
    const text = value.trim();
    return isIsoDate(text) && inYearRange(text) ? text : null;
  };
  const start = valid('evaluationStart');
  const decision = valid('decisionTarget');
  const goLive = valid('goLiveTarget');
  if (start && decision && compareDates(decision, start) < 0) {
    errors.decisionTarget = 'The decision target must be after the evaluation start.';
  }
  if (goLive && decision && compareDates(goLive, decision) < 0) {
    errors.goLiveTarget = 'The go-live target must be on or after the decision target.';
  } else if (goLive && start && compareDates(goLive, start) < 0) {
    errors.goLiveTarget = 'The go-live target must be after the evaluation start.';
  }
}

const CURRENCY_SYMBOL = '[$€£¥₹]';
const AMOUNT = new RegExp(
  '^(-)?' + // a sign before the currency: "-$5,000"
    `(?:[a-z]{3}\\s*)?(?:${CURRENCY_SYMBOL}\\s*)?` + // "USD 85,000", "$85K"
    '(-)?' + // or after it: "$-5,000"
    "(\\d[\\d,.\\s'’]*?)\\s*" +
    '(k|thousand|m|mm|mn|mio|million)?\\.?\\s*' + // "85k", "1.2M", "2 mio."
    `(?:${CURRENCY_SYMBOL}|[a-z]{3})?$`, // "85 000 €", "85000 EUR"
);

const MULTIPLIERS: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mm: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
};

/**
 * Reads an annual contract value as a seller types it: "85000", "85,000", "$85K", "1.2M",
 * "85k", "USD 85,000", "85 000 €", "85.000" (dot grouping), "1,5M" (decimal comma). Returns
 * the amount in currency units rounded to cents (negative when written with a minus), or
 * null when the text is not an amount. A lone dot followed by exactly three digits and no
 * suffix ("85.000") is read as thousands: an annual value with fractions of a cent is not
 * what anyone means.
 */
export function parseAnnualValue(text: string): number | null {
  const match = AMOUNT.exec(text.trim().toLowerCase());
  if (!match) return null;
  const [, signBefore, signAfter, digits = '', suffix] = match;
  const number = readNumber(digits.replace(/[\s'’]+/g, ' ').trim(), suffix !== undefined);
  if (number === null) return null;
  const value = Math.round(number * (suffix ? (MULTIPLIERS[suffix] ?? 1) : 1) * 100) / 100;
  return signBefore || signAfter ? -value : value;
}

function readNumber(token: string, hasSuffix: boolean): number | null {
  let plain: string | null = null;
  if (/^\d+(\.\d+)?$/.test(token) && !(!hasSuffix && /^\d{1,3}\.\d{3}$/.test(token))) plain = token;
  else if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(token)) plain = token.replace(/,/g, '');
  else if (/^\d{1,3}( \d{3})+([.,]\d+)?$/.test(token)) plain = token.replace(/ /g, '').replace(',', '.');
  else if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(token)) plain = token.replace(/\./g, '').replace(',', '.');
  else if (/^\d+,\d{1,2}$/.test(token)) plain = token.replace(',', '.');
  if (plain === null) return null;
  const value = Number(plain);
  return Number.isFinite(value) ? value : null;
}
