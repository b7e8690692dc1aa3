/** "Check plan health" and "Weekly review": the method applied to the plan in the document, the timeline picture, and showing a finding's place. */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { checkHealth, healthSummary } from '../core/method/health';
import { recordReview } from '../core/history/history';
import { weeklyReview } from '../core/method/review';
import { planTimeline } from '../core/scheduling/timeline';
import { replaceCellText } from '../adapters/cell-writer';
import { withDocumentLock } from '../adapters/lock';
import { now } from '../adapters/session';
import { answer } from './errors';
import { exportAfterChange } from './export';
import { dateWriter, openPlan, rememberPlan, type PlanSession } from './plan-session';
import type { DocumentPlace, HealthReport, MarkReviewedResult, Timeline, WeeklyReview } from './contract';

/** Reads the plan for a check, saving what the read learnt (new edits, row markers) as every action does. */
function withPlan<T>(action: string, work: (session: PlanSession, formatDate: (iso: string) => string) => T, requirePlan = true): T {
  return answer(action, () =>
    withDocumentLock(() => {
      const session = openPlan({ requirePlan });
      const write = dateWriter(session.plan, session.locale);
      const result = work(session, (iso) => write(null, iso));
      return result;
    }),
  );
}

const STAGE_WORDS: Record<string, string> = {
  discovery: 'Discovery',
  'post-demo': 'Post-demo (evaluation confirmed)',
  proposal: 'Proposal',
  negotiation: 'Negotiation',
};

/** The Health tab's part of a read: every finding, in the method's words, with where it applies. */
export function healthOf(session: PlanSession, formatDate: (iso: string) => string): HealthReport {
  // The Deal panel's values (the Insert form's until the seller edits them).
  const d = session.deal;
  const findings = checkHealth({
    plan: session.plan,
    history: session.history,
    deal: { stage: d.stage, annualContractValue: d.annualContractValue, dealType: d.dealType },
    today: session.today,
    calendar: session.calendar.calendar,
    formatDate,
  });
  return {
    findings,
    summary: healthSummary(findings),
    dealStage: d.stage ? (STAGE_WORDS[d.stage] ?? d.stage) : null,
    annualContractValue: d.annualContractValue,
  };
}

/** The Review tab's part of a read: the method's four weekly questions, answered from the plan and its history. */
export function reviewOf(session: PlanSession, formatDate: (iso: string) => string): WeeklyReview {
  return weeklyReview({ plan: session.plan, history: session.history, today: session.today, calendar: session.calendar.calendar, formatDate });
}

/** The timeline picture's data. */
export function timelineOf(session: PlanSession): Timeline {
  return planTimeline(session.plan, session.history, session.today, session.calendar.calendar);
}

/** The Health tab (and "Check plan health" from the command line's point of view): one read, then the check. */
export function getHealth(): HealthReport {
  return withPlan('checking the plan', (session, formatDate) => {
    // A document without readable steps has no plan to remember: the check says what it could not read.
    if (session.plan.steps.length > 0) rememberPlan(session);
    return healthOf(session, formatDate);
  }, false);
}

/** The weekly review on its own read. */
export function getReview(): WeeklyReview {
  return withPlan('preparing the weekly review', (session, formatDate) => {
    rememberPlan(session);
    return reviewOf(session, formatDate);
  });
}

/** The timeline on its own read. */
export function getTimeline(): Timeline {
  return withPlan('drawing the timeline', (session) => {
    rememberPlan(session);
    return timelineOf(session);
  });
}

const LAST_REVIEWED = /^\s*Last reviewed\b.*$/i;

/**
 * "Mark reviewed": records the review (it resets the dead-plan clock) and, when asked, writes a
 * dated "Last reviewed" line so the prospect sees the plan is alive. An existing line is updated in
 * place; otherwise the line goes right after the Key dates, or after the title.
 */
export function markReviewed(raw: unknown): MarkReviewedResult {
  const parsed = z.object({ writeLine: z.boolean() }).safeParse(raw);
  if (!parsed.success) throw new Error('Mark reviewed needs { writeLine: true | false }. Reload the sidebar and try again.');
  return withPlan('marking the review', (session, formatDate) => {
    // Saved first: the row markers are placed by body index, which the new line below would shift.
    rememberPlan(session, { history: recordReview(session.history, session.today, now()), force: true });
    const text = `Last reviewed: ${formatDate(session.today)}`;
    let where = '';
    if (parsed.data.writeLine) {
      const body = session.doc.getBody();
      const existing = session.outline.blocks.find((b) => b.kind === 'paragraph' && LAST_REVIEWED.test(b.text));
      if (existing && existing.kind === 'paragraph') {
        const child = body.getChild(existing.index);
        const paragraph = child.getType() === DocumentApp.ElementType.LIST_ITEM ? child.asListItem() : child.asParagraph();
        replaceCellText(paragraph, existing.text, text);
      } else {
        const k = session.plan.keyDates;
        const anchors = [k.evaluationStart, k.decisionTarget, k.goLiveTarget].flatMap((line) => (line ? [line.paragraphIndex] : []));
        const title = session.outline.blocks.find((b) => b.kind === 'paragraph' && b.heading === 1);
        const after = anchors.length ? Math.max(...anchors) : (title?.index ?? -1);
        body.insertParagraph(after + 1, text);
      }
      where = ' The document now says so too.';
    }
    // Refreshed under this lock: the export's record goes in the review's one write of the properties.
    return { message: `Review recorded for ${formatDate(session.today)}.${where}${exportAfterChange()}`, lastReviewed: { iso: session.today, text: formatDate(session.today) } };
  });
}

const place = onFirstUse(() =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('cell'), tableIndex: z.number().check(z.int(), z.minimum(0)), row: z.number().check(z.int(), z.minimum(0)), column: z.number().check(z.int(), z.minimum(0)) }),
    z.object({ kind: z.literal('paragraph'), index: z.number().check(z.int(), z.minimum(0)) }),
  ]),
);

/** "Show in document": selects the cell or paragraph a finding points at, so the person lands on it. */
export function selectPlace(raw: unknown): { ok: boolean; message: string } {
  const parsed = place().safeParse(raw);
  if (!parsed.success) return { ok: false, message: 'That place could not be read. Check the plan again.' };
  return answer('showing the place', () => {
    const doc = DocumentApp.getActiveDocument();
    const body = doc.getBody();
    const p: DocumentPlace = parsed.data;
    const gone = { ok: false, message: 'That place is no longer in the document (it was edited since the check). Check the plan again.' };
    const index = p.kind === 'cell' ? p.tableIndex : p.index;
    if (index >= body.getNumChildren()) return gone;
    const block = body.getChild(index);
    let element: GoogleAppsScript.Document.Element = block;
    if (p.kind === 'cell') {
      if (block.getType() !== DocumentApp.ElementType.TABLE) return gone;
      const table = block.asTable();
      if (p.row >= table.getNumRows() || p.column >= table.getRow(p.row).getNumCells()) return gone;
      element = table.getCell(p.row, p.column);
    }
    doc.setSelection(doc.newRange().addElement(element).build());
    return { ok: true, message: 'Selected in the document.' };
  });
}
