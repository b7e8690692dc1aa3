/** The Deal panel: the deal behind the plan (type, stage, value, CRM link, outcome) seen and edited in the sidebar, stored with the document, never written into its text. */
import { DEAL_OUTCOME_LABELS, DEAL_OUTCOMES, type DealDetails } from '../core/deal/deal';
import { crmLink, dealForm, readDealForm } from '../core/deal/deal-form';
import { findExistingPlan } from '../adapters/plan-writer';
import { loadDeal, saveDeal } from '../adapters/deal-store';
import { loadPlanSettings } from '../adapters/plan-store';
import { loadWorkbookLink } from '../adapters/workbook-link';
import { withDocumentLock } from '../adapters/lock';
import { userLocale } from '../adapters/session';
import { answer } from './errors';
import { exportAfterChange, lastExportView } from './export';
import type { DealSaved, DealView } from './contract';

function view(deal: DealDetails): DealView {
  const link = loadWorkbookLink();
  return {
    plan: findExistingPlan(DocumentApp.getActiveDocument()),
    form: dealForm(deal),
    crmLink: crmLink(deal.crm),
    outcomes: DEAL_OUTCOMES.map((id) => ({ id, label: DEAL_OUTCOME_LABELS[id] })),
    workbook: link ? { name: link.name, url: link.url } : null,
    autoExport: link?.auto ?? true,
    lastExport: lastExportView(),
  };
}

/** The Deal panel's content: what is stored, else what the Insert form saved, else nothing known. */
export function getDeal(): DealView {
  return answer('opening the deal', () => view(loadDeal(loadPlanSettings(), userLocale())));
}

/** "Save" in the Deal panel: validates, stores, and refreshes the workbook's rows when the seller exports automatically. */
export function saveDealDetails(raw: unknown): DealSaved {
  return answer('saving the deal', () => {
    const checked = readDealForm(raw);
    if (!checked.ok) return { ok: false, message: 'Some fields need a look before the deal can be saved.', errors: checked.errors };
    const deal = checked.deal;
    // A document without a plan has no rows to export yet. The refresh runs in the same lock, so its record goes in the deal's write.
    const exported = withDocumentLock(() => {
      saveDeal(deal);
      return findExistingPlan(DocumentApp.getActiveDocument()) ? exportAfterChange() : '';
    });
    return { ok: true, message: `Deal saved.${exported}`, deal: view(deal) };
  });
}
