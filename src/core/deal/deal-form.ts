/** The Deal panel's form: the stored deal as the form's strings, and the form read back into a deal (one sentence per wrong field). */
import { dealDetailsSchema, UNKNOWN_DEAL, type DealDetails } from './deal';
import { parseAnnualValue } from '../method/insert-form';
import type { FieldErrors } from '../plan';
import * as z from 'zod/mini';
import { onFirstUse } from '../on-first-use';

/** The form as the sidebar sends it: every field a string from its control ("" for not known). */
export interface RawDealForm {
  seller: string;
  theirCompany: string;
  dealType: string;
  stage: string;
  annualContractValue: string;
  currency: string;
  crm: string;
  outcome: string;
  closedOn: string;
}

const rawForm = onFirstUse(() =>
  z.object({
    seller: z.string(),
    theirCompany: z.string(),
    dealType: z.string(),
    stage: z.string(),
    annualContractValue: z.string(),
    currency: z.string(),
    crm: z.string(),
    outcome: z.string(),
    closedOn: z.string(),
  }),
);

export function dealForm(deal: DealDetails): RawDealForm {
  return {
    seller: deal.seller ?? '',
    theirCompany: deal.theirCompany ?? '',
    dealType: deal.dealType ?? '',
    stage: deal.stage ?? '',
    annualContractValue: deal.annualContractValue === null ? '' : String(deal.annualContractValue),
    currency: deal.currency,
    crm: deal.crm ?? '',
    outcome: deal.outcome,
    closedOn: deal.closedOn ?? '',
  };
}

/** The currency a seller in this locale most likely sells in; they change it in the Deal panel. */
export function defaultCurrency(locale: string): string {
  const region = /[_-]([A-Za-z]{2})$/.exec(locale)?.[1]?.toUpperCase() ?? '';
  const byRegion: Record<string, string> = { US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', IN: 'INR', JP: 'JPY', CH: 'CHF', SE: 'SEK', BR: 'BRL' };
  const euro = ['DE', 'FR', 'ES', 'IT', 'NL', 'BE', 'AT', 'IE', 'PT', 'FI'];
  return byRegion[region] ?? (euro.includes(region) ? 'EUR' : 'USD');
}

/** A plan nobody described yet, in the user's likely currency. */
export function unknownDeal(locale: string): DealDetails {
  return { ...UNKNOWN_DEAL, currency: defaultCurrency(locale) };
}

/**
 * Reads the form: the value as sellers type it ("85,000", "$85K", "1.2M"), empty fields as not
 * known, then the stored shape's rules (a closed deal needs its close date). Every wrong field
 * gets its sentence; the close date of a deal set back to open is dropped, not refused.
 */
export function readDealForm(raw: unknown): { ok: true; deal: DealDetails } | { ok: false; errors: FieldErrors } {
  const parsed = rawForm().safeParse(raw);
  if (!parsed.success) return { ok: false, errors: { form: 'The deal form could not be read. Close and reopen the sidebar, then try again.' } };
  const f = parsed.data;
  const errors: FieldErrors = {};
  let value: number | null = null;
  if (f.annualContractValue.trim()) {
    value = parseAnnualValue(f.annualContractValue);
    if (value === null) errors.annualContractValue = 'Annual contract value must be a number, like 85,000.';
  }
  const blank = (t: string): string | null => (t.trim() === '' ? null : t);
  const candidate = {
    seller: blank(f.seller),
    theirCompany: blank(f.theirCompany),
    dealType: blank(f.dealType),
    stage: blank(f.stage),
    annualContractValue: value,
    currency: f.currency,
    crm: blank(f.crm),
    outcome: f.outcome,
    closedOn: f.outcome.trim() === 'open' ? null : blank(f.closedOn),
  };
  const checked = z.safeParse(dealDetailsSchema(), candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const path = issue.path.map(String).join('.') || 'form';
      if (!(path in errors)) errors[path] = issue.message;
    }
  }
  if (Object.keys(errors).length || !checked.success) return { ok: false, errors };
  const d = checked.data;
  return { ok: true, deal: { ...d, seller: d.seller || null, theirCompany: d.theirCompany || null, crm: d.crm || null } };
}

/** The CRM field when it is an https link the sidebar may open (never a script URL from storage). */
export function crmLink(crm: string | null): string | null {
  return crm && /^https:\/\/\S+$/i.test(crm) ? crm : null;
}
