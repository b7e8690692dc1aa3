/** The deal behind a plan (type, stage, value, CRM link, outcome): what the Deal panel edits, the health check and the export read, and the document does not hold. */
import * as z from 'zod/mini';
import { onFirstUse } from '../on-first-use';
import { isIsoDate } from '../scheduling/calendar';
import { DEAL_STAGES, DEAL_TYPES, type DealStage, type DealType, type IsoDate } from '../plan';

export const DEAL_OUTCOMES = ['open', 'won', 'lost', 'no-decision'] as const;
/** Open while the deal runs; won, lost or no decision once it closes ("no decision": the prospect did nothing, the method's real competitor). */
export type DealOutcome = (typeof DEAL_OUTCOMES)[number];

export const DEAL_OUTCOME_LABELS: Readonly<Record<DealOutcome, string>> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
  'no-decision': 'No decision',
};

export interface DealDetails {
  /** The seller who runs the deal, as people name them (the account executive). */
  seller: string | null;
  theirCompany: string | null;
  dealType: DealType | null;
  stage: DealStage | null;
  /** Annual contract value in `currency` units. */
  annualContractValue: number | null;
  /** ISO 4217 code: USD, EUR, GBP... */
  currency: string;
  /** The CRM opportunity's id, or its link as pasted (crmIdOf finds the id in a Salesforce or HubSpot link). */
  crm: string | null;
  outcome: DealOutcome;
  /** The day the deal was won, lost or given up; null while open. */
  closedOn: IsoDate | null;
}

/** A plan nobody described yet: every fact unknown, the deal open. */
export const UNKNOWN_DEAL: Readonly<DealDetails> = {
  seller: null,
  theirCompany: null,
  dealType: null,
  stage: null,
  annualContractValue: null,
  currency: 'USD',
  crm: null,
  outcome: 'open',
  closedOn: null,
};

const MAX_TEXT = 200;
/** Above a billion a year is a typo (the Insert form stops far lower). */
const MAX_VALUE = 1e9;

/**
 * The stored and submitted shape of DealDetails. A won, lost or no-decision deal needs its close
 * date; an open one has none. Text is trimmed; an empty text means "not given".
 */
export const dealDetailsSchema = onFirstUse(() => {
  const text = z.nullable(
    z.string({ error: 'Must be text.' }).check(
      z.overwrite((t: string) => t.trim()),
      z.maxLength(MAX_TEXT, { error: `Use at most ${MAX_TEXT} characters.` }),
    ),
  );
  return z
    .object({
      seller: text,
      theirCompany: text,
      dealType: z.nullable(z.enum(DEAL_TYPES, { error: 'Choose a deal type.' })),
      stage: z.nullable(z.enum(DEAL_STAGES, { error: 'Choose the deal stage.' })),
      annualContractValue: z.nullable(
        z.number({ error: 'The annual contract value must be a number, like 85000.' }).check(
          z.refine((n: number) => Number.isFinite(n) && n >= 0 && n <= MAX_VALUE, { error: 'The annual contract value must be between 0 and 1,000,000,000.' }),
        ),
      ),
      currency: z.string({ error: 'Choose a currency.' }).check(
        z.overwrite((t: string) => t.trim().toUpperCase()),
        z.regex(/^[A-Z]{3}$/, { error: 'The currency is a three-letter code, like USD or EUR.' }),
      ),
      crm: text,
      outcome: z.enum(DEAL_OUTCOMES, { error: 'The outcome is open, won, lost or no decision.' }),
      closedOn: z.nullable(z.string().check(z.refine((t: string) => isIsoDate(t), { error: 'The close date must be a date, like 2026-03-02.' }))),
    })
    .check(
      z.refine((d) => d.outcome === 'open' || d.closedOn !== null, { error: 'Give the day the deal closed.', path: ['closedOn'] }),
      z.refine((d) => d.outcome !== 'open' || d.closedOn === null, { error: 'An open deal has no close date yet.', path: ['closedOn'] }),
    );
});

/** Validated deal details with empty texts as null, or the first problem in the person's words. */
export function parseDealDetails(raw: unknown): { ok: true; deal: DealDetails } | { ok: false; error: string; field: string | null } {
  const parsed = z.safeParse(dealDetailsSchema(), raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : null;
    return { ok: false, error: issue?.message ?? 'The deal details could not be read.', field };
  }
  const d = parsed.data;
  const blank = (t: string | null): string | null => (t === null || t === '' ? null : t);
  return {
    ok: true,
    deal: { ...d, seller: blank(d.seller), theirCompany: blank(d.theirCompany), crm: blank(d.crm) },
  };
}

/**
 * The opportunity id in what a person pasted into "CRM id": a Salesforce id (15 or 18
 * characters, in a Lightning or Classic link or alone), a HubSpot deal's record id (the number
 * after /deal/ or /record/0-3/), or the text itself otherwise.
 */
export function crmIdOf(crm: string | null): string | null {
  if (crm === null) return null;
  const t = crm.trim();
  if (t === '') return null;
  const salesforce = /\/(?:lightning\/r\/Opportunity\/)?(006[A-Za-z0-9]{12}(?:[A-Za-z0-9]{3})?)(?=[/?#]|$)/.exec(t);
  if (salesforce?.[1]) return salesforce[1];
  const hubspot = /\/(?:deal|record\/0-3)\/(\d+)(?=[/?#]|$)/.exec(t);
  if (hubspot?.[1]) return hubspot[1];
  return t;
}
