/** Keeps the deal behind the plan (type, stage, value, CRM link, outcome) in document properties, beside the plan's settings. */
import { dealDetailsSchema, type DealDetails } from '../core/deal/deal';
import { unknownDeal } from '../core/deal/deal-form';
import * as z from 'zod/mini';
import type { PlanSettings } from './plan-store';
import { documentProperties } from './property-cache';

/** Document properties: everyone working on the plan sees and edits the same deal. */
const DEAL_KEY = 'map.deal';

export function saveDeal(deal: DealDetails): void {
  documentProperties().setProperty(DEAL_KEY, JSON.stringify(deal));
}

/**
 * The stored deal; for a plan inserted before the Deal panel existed, what its Insert form saved
 * (type, stage, value, their company); for a plan the add-on did not insert, nothing known. A
 * stored value that does not pass the schema is ignored (logged), never trusted.
 */
export function loadDeal(settings: PlanSettings | null, locale: string): DealDetails {
  const raw = documentProperties().getProperty(DEAL_KEY);
  if (raw) {
    try {
      const parsed = z.safeParse(dealDetailsSchema(), JSON.parse(raw));
      if (parsed.success) return parsed.data;
    } catch {
      // Not JSON: fall back to what the settings know.
    }
    console.warn(`${DEAL_KEY}: the saved deal is not in the expected shape; ignored.`);
  }
  const deal = unknownDeal(settings?.locale ?? locale);
  if (!settings) return deal;
  return { ...deal, theirCompany: settings.theirCompany, dealType: settings.dealType, stage: settings.dealStage, annualContractValue: settings.annualContractValue };
}
