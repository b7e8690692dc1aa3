/** The Review tab: the weekly check-in with the champion — what is at risk this week first, what each side owes, what moved, the timeline, and "Mark reviewed" always in view. */
import type { PlanRead, ReviewItem, WeeklyReview } from '../server/contract';
import { panelRunner } from './actions';
import { button, PRIMARY, el, replace, type Child, tagged } from './dom';
import { announce, messageBox } from './feedback';
import { clamped, footer, verdict } from './parts';
import { call } from './server';
import { lastRead, onRead, reread } from './store';
import type { Tab } from './tabs';
import { renderTimeline } from './timeline';

/** The step number beside its action (two lines at most), then "Dana Ruiz (Globex) · overdue by 3 working days". */
function item(i: ReviewItem): HTMLElement {
  const meta = [i.owner, i.note].filter(Boolean).join(' · ');
  return el(
    'li',
    { 'data-step': i.label, class: 'numbered' },
    tagged('strong', 'item-num', tagged('span', 'sr-only', 'Step '), i.label),
    tagged('div', 'item-body', clamped(i.action), meta && tagged('span', 'why', meta)),
  );
}

/** A titled list; an empty one says so, since "nothing at risk" is an answer too. */
function list(id: string, title: string, entries: readonly HTMLElement[], className = 'items'): Child[] {
  return [el('h3', null, `${title} (${entries.length})`), entries.length > 0 ? el('ul', { id, class: className }, ...entries) : el('p', { id, class: 'hint' }, 'None.')];
}

/** A list folded to its title and count ("What we owe next (3)"), the items on demand; an empty one is a line saying so. */
function fold(id: string, title: string, entries: readonly HTMLElement[], lead?: string): HTMLElement {
  if (entries.length === 0) return el('p', { id, class: 'fold' }, `${title}: none`);
  return el('details', { id: `${id}-more`, class: 'fold' }, el('summary', null, `${title} (${entries.length})`), lead && tagged('p', 'hint', lead), el('ul', { id, class: 'items' }, ...entries));
}

function lastText(review: Pick<WeeklyReview, 'lastReviewed'>): string {
  return review.lastReviewed ? `Last reviewed ${review.lastReviewed.text}` : 'Not reviewed yet';
}

/** "This week: 2 at risk; we owe 3, they owe 2." */
function verdictText(r: WeeklyReview): string {
  const risk = r.atRisk.length === 0 ? 'nothing at risk' : `${r.atRisk.length} at risk`;
  return `This week: ${risk}; we owe ${r.owedByUs.length}, they owe ${r.owedByThem.length}.`;
}

function reviewView(r: WeeklyReview): Child[] {
  const since = r.since.charAt(0).toUpperCase() + r.since.slice(1);
  return [
    ...list('review-at-risk', 'At risk', r.atRisk.map(item), 'items flagged at-risk'),
    // The verdict gives the counts; who owes what opens on demand, so Mark reviewed and the timeline stay near.
    tagged(
      'div',
      'folds',
      fold('review-owed-by-us', 'What we owe next', r.owedByUs.map(item)),
      fold('review-owed-by-them', 'What they owe next', r.owedByThem.map(item)),
      fold('review-completed', 'Completed', r.completed.map(item), `${since}.`),
      fold('review-new-steps', 'New steps', r.newSteps.map(item)),
      fold(
        'review-new-stakeholders',
        'New stakeholders',
        r.newStakeholders.map((p) => el('li', null, el('strong', null, p.name), p.title && tagged('span', 'muted', ` — ${p.title}`))),
      ),
      el(
        'details',
        { id: 'review-questions-more', class: 'fold' },
        el('summary', null, 'The four questions, answered'),
        el('ol', { id: 'review-questions', class: 'questions' }, ...r.questions.map((q) => el('li', null, tagged('strong', 'step-action', q.question), tagged('span', 'step-meta', q.answer)))),
      ),
    ),
  ];
}

/** Draws the tab from the shared read, and again from every new read that changes the review or the picture. */
function renderReviewTab(panel: HTMLElement): void {
  const runner = panelRunner(panel);
  let shown = '';
  const head = verdict('review-verdict');
  const last = el('p', { id: 'review-last', class: 'hint' });
  const timeline = el('div', { id: 'timeline', class: 'timeline' });
  const timelineSection = el('section', { id: 'timeline-section', 'aria-labelledby': 'timeline-heading' }, el('h3', { id: 'timeline-heading' }, 'Timeline'), timeline);
  const body = el('div', { id: 'review-body' });
  const writeLine = el('input', { type: 'checkbox', id: 'review-write-line', name: 'review-write-line' });
  const markButton = button('review-mark-button', 'Mark reviewed', PRIMARY);
  const markResult = el('div', { id: 'review-mark-result' });
  replace(
    panel,
    head,
    last,
    body,
    timelineSection,
    footer(
      el('div', { id: 'review-mark', class: 'foot-stack' },
        markResult,
        tagged('div', 'check', writeLine, el('label', { for: 'review-write-line' }, 'Also write “Last reviewed” into the document for the prospect')),
        tagged('div', 'foot-row', markButton),
      ),
    ),
  );

  const draw = (read: PlanRead): void => {
    const plan = read.plan;
    const key = JSON.stringify([plan?.review, plan?.timeline]);
    if (key === shown) return;
    shown = key;
    markButton.disabled = !plan;
    timelineSection.hidden = !plan;
    if (!plan) {
      replace(head, read.problem ? 'The plan could not be read.' : 'No plan in this document yet: insert one from the Insert tab.');
      last.textContent = '';
      body.replaceChildren();
      return;
    }
    replace(head, verdictText(plan.review));
    last.textContent = lastText(plan.review);
    replace(body, ...reviewView(plan.review));
    renderTimeline(timeline, plan.timeline);
  };

  markButton.onclick = () =>
    void runner.run(markButton, 'Saving…', async () => {
      const result = await call('markReviewed', { writeLine: writeLine.checked });
      replace(markResult, messageBox('success', result.message, [], 'review-mark-message'));
      announce(result.message);
      await reread();
    }, 'Not marked as reviewed.');
  onRead(draw);
  draw(lastRead());
}

export const reviewTab: Tab = { id: 'review', label: 'Review', render: renderReviewTab };
