/** The Review tab: the weekly check-in with the champion — the timeline, the method's four questions answered, what moved and what is owed, and "Mark reviewed". */
import type { ReviewItem, Timeline, WeeklyReview } from '../server/contract';
import { panelRunner } from './actions';
import { el, replace, type Child } from './dom';
import { announce, messageBox, showBanner } from './feedback';
import { call, failureText } from './server';
import type { Tab } from './tabs';
import { renderTimeline } from './timeline';

/** "Step 4 · Pilot results review — Dana Ruiz (Globex) — overdue by 3 working days". */
function item(i: ReviewItem): HTMLElement {
  return el(
    'li',
    { 'data-step': i.label },
    el('strong', null, `Step ${i.label}`),
    ` · ${i.action}`,
    el('span', { class: 'muted' }, i.owner && ` — ${i.owner}`, i.note && ` — ${i.note}`),
  );
}

/** A titled list; an empty one says so, since "nothing at risk" is an answer too. */
function list(id: string, title: string, entries: readonly HTMLElement[], lead?: string, className = 'items'): Child[] {
  return [
    el('h3', null, `${title} (${entries.length})`),
    lead && el('p', { class: 'hint' }, lead),
    entries.length > 0 ? el('ul', { id, class: className }, ...entries) : el('p', { id, class: 'hint' }, 'None.'),
  ];
}

function lastText(review: Pick<WeeklyReview, 'lastReviewed'>): string {
  return review.lastReviewed ? `Last reviewed ${review.lastReviewed.text}` : 'Not reviewed yet';
}

function reviewView(r: WeeklyReview): Child[] {
  const since = r.since.charAt(0).toUpperCase() + r.since.slice(1);
  return [
    el('h3', null, 'The four questions'),
    el(
      'ol',
      { id: 'review-questions', class: 'questions' },
      ...r.questions.map((q) => el('li', null, el('strong', { class: 'step-action' }, q.question), el('span', { class: 'step-meta' }, q.answer))),
    ),
    ...list('review-completed', 'Completed', r.completed.map(item), `${since}.`),
    ...list('review-at-risk', 'At risk', r.atRisk.map(item), undefined, 'items flagged at-risk'),
    ...list('review-owed-by-us', 'What we owe next', r.owedByUs.map(item)),
    ...list('review-owed-by-them', 'What they owe next', r.owedByThem.map(item)),
    ...list('review-new-steps', 'New steps', r.newSteps.map(item)),
    ...list(
      'review-new-stakeholders',
      'New stakeholders',
      r.newStakeholders.map((p) => el('li', null, el('strong', null, p.name), p.title && el('span', { class: 'muted' }, ` — ${p.title}`))),
    ),
  ];
}

/** Draws the tab; returns the read, run each time the tab is shown (the plan may have moved since). */
function renderReviewTab(panel: HTMLElement): () => void {
  const runner = panelRunner(panel);
  let review: WeeklyReview | null = null;
  let loading = false;
  const loadingLine = el('p', { class: 'loading', role: 'status' }, 'Reading the plan…');
  const last = el('p', { id: 'review-last', class: 'summary', hidden: true });
  const timeline = el('div', { id: 'timeline', class: 'timeline' });
  const timelineSection = el('section', { 'aria-labelledby': 'timeline-heading', hidden: true }, el('h3', { id: 'timeline-heading' }, 'Timeline'), timeline);
  const body = el('div', { id: 'review-body' });
  const writeLine = el('input', { type: 'checkbox', id: 'review-write-line', name: 'review-write-line' });
  const markButton = el('button', { type: 'button', id: 'review-mark-button', class: 'button primary' }, 'Mark reviewed');
  const markResult = el('div', { id: 'review-mark-result' });
  const mark = el(
    'section',
    { id: 'review-mark', class: 'tools', 'aria-labelledby': 'review-mark-heading', hidden: true },
    el('h3', { id: 'review-mark-heading' }, 'After the check-in'),
    el(
      'div',
      { class: 'check' },
      writeLine,
      el('label', { for: 'review-write-line' }, 'Also write a “Last reviewed” line into the document so the prospect sees it'),
    ),
    el('div', { class: 'inline-actions' }, markButton),
    markResult,
  );
  replace(
    panel,
    el('p', { class: 'intro' }, 'Ten minutes with the champion each week: where the plan stands and what is owed next.'),
    last,
    loadingLine,
    timelineSection,
    body,
    mark,
  );

  /** The picture is a help, not the review: if it fails, the review still shows. */
  const drawTimeline = (t: Timeline | Error): void => {
    if (t instanceof Error) replace(timeline, el('p', { class: 'hint' }, `The timeline could not be drawn: ${failureText(t)}`));
    else renderTimeline(timeline, t);
  };

  const read = async (): Promise<void> => {
    const picture = call('getTimeline').catch((error: unknown) => (error instanceof Error ? error : new Error(failureText(error))));
    try {
      const next = await call('getReview');
      review = next;
      loadingLine.hidden = true;
      last.hidden = false;
      mark.hidden = false;
      timelineSection.hidden = false;
      last.textContent = lastText(next);
      replace(body, ...reviewView(next));
      drawTimeline(await picture);
      announce(`Review ready. ${lastText(next)}.`);
    } catch (error) {
      showBanner('The review could not be prepared.', failureText(error));
      if (!review) replace(loadingLine, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
    }
  };

  const load = async (): Promise<void> => {
    if (loading || runner.isBusy()) return;
    loading = true;
    if (!review) replace(loadingLine, 'Reading the plan…');
    // A "Marked as reviewed" from an earlier visit would read as news.
    markResult.replaceChildren();
    panel.setAttribute('aria-busy', 'true');
    try {
      await read();
    } finally {
      loading = false;
      panel.setAttribute('aria-busy', 'false');
    }
  };

  markButton.addEventListener('click', () => {
    void runner.run(markButton, 'Saving…', async () => {
      try {
        const result = await call('markReviewed', { writeLine: writeLine.checked });
        last.textContent = lastText(result);
        replace(markResult, messageBox('success', result.message, [], 'review-mark-message'));
        announce(result.message);
      } catch (error) {
        showBanner('Not marked as reviewed.', failureText(error));
        announce('Not marked as reviewed.');
      }
    });
  });
  return () => void load();
}

export const reviewTab: Tab = { id: 'review', label: 'Review', render: renderReviewTab };
