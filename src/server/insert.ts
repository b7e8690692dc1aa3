/** "Insert MAP": the sidebar's state, the draft preview, and writing the pre-filled plan into the document. */
import { DEAL_STAGES, DEAL_TYPES } from '../core/plan';
import type { InsertForm, Plan } from '../core/plan';
import { validateInsertForm } from '../core/method/insert-form';
import { draftPlan } from '../core/method/draft';
import { DEAL_STAGE_LABELS, DEAL_TYPE_LABELS, DEAL_TEMPLATES } from '../core/method/templates';
import { formatPlanDate } from '../core/reading/date-format';
import { countryOfLocale, planCalendar } from '../core/scheduling/holidays';
import { findExistingPlan, insertedStepKey, writePlan } from '../adapters/plan-writer';
import { saveHistory } from '../adapters/history-store';
import { startHistory } from '../core/history/history';
import { savePlanSettings } from '../adapters/plan-store';
import { rememberTimeZone, today, userLocale } from '../adapters/session';
import { withDocumentLock } from '../adapters/lock';
import { commitProperties } from '../adapters/property-cache';
import { answer } from './errors';
import { planReadOrProblem } from './plan-view';
import { exportAfterChange } from './export';
import { saveDeal } from '../adapters/deal-store';
import { unknownDeal } from '../core/deal/deal-form';
import type { DateView, InsertResult, PreviewResult, SidebarState } from './contract';

/**
 * Called when the sidebar opens, with the browser's time zone (an IANA name; anything else is
 * ignored): the choices for the form, today, whether a plan is already here, and that plan as
 * read once for every tab.
 */
export function getSidebarState(timeZone?: unknown): SidebarState {
  return answer('opening the sidebar', () => {
    rememberTimeZone(timeZone);
    return {
      locale: userLocale(),
      today: today(),
      existingPlan: findExistingPlan(DocumentApp.getActiveDocument()),
      dealTypes: DEAL_TYPES.map((id) => ({ id, label: DEAL_TYPE_LABELS[id], stepCount: DEAL_TEMPLATES[id].steps.length })),
      dealStages: DEAL_STAGES.map((id) => ({ id, label: DEAL_STAGE_LABELS[id] })),
      read: planReadOrProblem(),
    };
  });
}

type Drafted =
  | { ok: true; form: InsertForm; plan: Plan; guidance: PreviewResult['guidance']; placeholders: string[]; locale: string }
  | { ok: false; errors: Record<string, string>; guidance: PreviewResult['guidance'] };

/** Validates the form and drafts the plan: the same path for preview and insert, so what is previewed is what is written. */
function draft(raw: unknown): Drafted {
  const validated = validateInsertForm(raw);
  if (!validated.ok) return { ok: false, errors: validated.errors, guidance: [] };
  const locale = userLocale();
  // No due date on a public holiday of the seller's country: the same calendar every later shift uses.
  const { calendar } = planCalendar({ country: countryOfLocale(locale), calendarDays: false, teamHolidays: [], around: validated.form.evaluationStart });
  const drafted = draftPlan(validated.form, { today: today(), calendar, formatDate: (iso) => formatPlanDate(iso, locale) });
  if (!drafted.ok) return { ok: false, errors: drafted.errors, guidance: drafted.guidance };
  return { ok: true, form: validated.form, plan: drafted.plan, guidance: drafted.guidance, placeholders: drafted.placeholders, locale };
}

/** The sidebar's "Preview": the steps with their dates as the document will show them, and the method's advice. */
export function previewMap(form: unknown): PreviewResult {
  return answer('previewing the plan', () => {
    const drafted = draft(form);
    if (!drafted.ok) return drafted;
    const { plan, locale } = drafted;
    const view = (iso: string): DateView => ({ iso, text: formatPlanDate(iso, locale) });
    const k = plan.keyDates;
    return {
      ok: true,
      title: plan.title,
      steps: plan.steps.map((s) => ({ number: s.number, action: s.action, owner: s.owner, due: view(s.due ?? k.evaluationStart) })),
      keyDates: {
        evaluationStart: view(k.evaluationStart),
        decisionTarget: view(k.decisionTarget ?? k.evaluationStart),
        goLiveTarget: view(k.goLiveTarget ?? k.evaluationStart),
      },
      guidance: drafted.guidance,
      placeholders: drafted.placeholders,
    };
  });
}

/** The sidebar's "Insert MAP": writes the draft at the cursor, unless this document already holds a plan. */
export function insertMap(form: unknown): InsertResult {
  return answer('inserting the plan', () => {
    const drafted = draft(form);
    if (!drafted.ok) {
      return { ok: false, message: 'Some fields need a look before the plan can be inserted.', errors: drafted.errors };
    }
    return withDocumentLock((): InsertResult => {
      const doc = DocumentApp.getActiveDocument();
      const existing = findExistingPlan(doc);
      if (existing) {
        return {
          ok: false,
          message: `This document already has a plan ("${existing}"). Keep one plan per deal: edit that one, or insert the new plan in a new document.`,
          errors: {},
        };
      }
      const { plan, locale } = drafted;
      writePlan(doc, plan, { formatDate: (iso) => formatPlanDate(iso, locale) });
      // The plan is in the document now: what the add-on remembers about it must not undo that.
      // A full property store (other add-ons share it) costs the memory, not the plan.
      let memory = '';
      let exported = '';
      try {
        const f = drafted.form;
        savePlanSettings({
          version: 1,
          yourCompany: f.yourCompany,
          theirCompany: f.theirCompany,
          dealType: f.dealType,
          dealStage: f.dealStage,
          annualContractValue: f.annualContractValue,
          locale,
          insertedOn: today(),
        });
        // The Deal panel's starting values: what the form said; the seller keeps them up to date there.
        saveDeal({
          ...unknownDeal(locale),
          seller: f.people.accountExecutive.name || null,
          theirCompany: f.theirCompany,
          dealType: f.dealType,
          stage: f.dealStage,
          annualContractValue: f.annualContractValue,
        });
        // The inserted dates are the baseline every later slip is measured against.
        const saved = saveHistory(
          startHistory(
            {
              steps: plan.steps.map((s) => ({ key: insertedStepKey(s.number), action: s.action, number: s.number, due: s.due, status: s.status, owner: s.owner })),
              keyDates: plan.keyDates,
            },
            today(),
            'insert',
          ),
        );
        if (!saved.saved) memory = ` ${saved.message ?? "The plan's history could not be saved; it starts at the next action."}`;
        // Under this lock, before the commit: the export's record goes in the same write.
        exported = exportAfterChange();
        // Sent here rather than when the lock is released: a failure is this message, not a failed insert.
        commitProperties();
      } catch (error) {
        console.error('saving plan memory failed', error);
        memory = " The add-on could not save what it knows about this plan (this document's add-on storage is full): the deal stage and value are not remembered, and the baseline starts at the next action.";
      }
      return {
        ok: true,
        message: `Inserted "${plan.title}" with ${plan.steps.length} steps. Walk the prospect through it and ask what is missing: their edits make it mutual.${memory}${exported}`,
        guidance: drafted.guidance,
        placeholders: drafted.placeholders,
      };
    });
  });
}
