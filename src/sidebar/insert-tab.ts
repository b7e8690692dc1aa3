/** The Insert tab: the seller's deal in a form, a preview of the drafted plan, and inserting it into the document. */
import type { DealType, Guidance } from '../core/plan';
import { PROBLEM_MAX_LENGTH } from '../core/method/draft-words';
import type { DateView, InsertResult, PreviewResult, RawInsertForm, SidebarState } from '../server/contract';
import { button, PRIMARY, el, replace, type Child, tagged } from './dom';
import { panelRunner } from './actions';
import { announce, messageBox, revealHeading } from './feedback';
import { choiceField, clearFieldErrors, field, formValues, showFieldErrors, type Choice, group } from './fields';
import { call } from './server';
import type { Tab } from './tabs';
import { footer } from './parts';
import { lastRead, reread } from './store';

type PersonKey = keyof RawInsertForm['people'];
type WordKey = keyof RawInsertForm['theirWords'];

const THEIR_SIDE: readonly [PersonKey, string][] = [
  ['champion', 'Champion'],
  ['economicBuyer', 'Economic buyer'],
  ['technicalEvaluator', 'Technical evaluator'],
];
const YOUR_SIDE: readonly [PersonKey, string][] = [
  ['accountExecutive', 'Your AE'],
  ['solutionsEngineer', 'Your SE / SA'],
];
// The method: "use their language for their steps"; the examples show what kind of word is meant.
const THEIR_WORDS: readonly [WordKey, string, string][] = [
  ['procurement', 'Procurement', 'e.g. vendor management'],
  ['legal', 'Legal', 'e.g. contract review'],
  ['security', 'Security review', 'e.g. InfoSec assessment'],
  ['internalReview', 'Internal review', 'e.g. budget committee'],
];
// The method's best moment to introduce a MAP, so the likeliest answer.
const DEFAULT_STAGE = 'post-demo';

type Success<T extends { ok: boolean }> = Extract<T, { ok: true }>;

/**
 * The server's labels carry their explanation in brackets ("Enterprise ($80-300K+ ACV, 60-120 days)"),
 * too long for a closed select at 300 px: the name goes in the option, the bracket below the select.
 */
function choice(value: string, label: string, suffix = ''): Choice {
  const parts = /^(.+?)\s*\((.+)\)$/.exec(label);
  if (!parts) return { value, text: label + suffix };
  const detail = parts[2] ?? '';
  return { value, text: (parts[1] ?? label) + suffix, detail: detail.charAt(0).toUpperCase() + detail.slice(1) };
}

const row = (...children: Child[]): HTMLElement => tagged('div', 'row', ...children);

function person(key: PersonKey, role: string): HTMLElement {
  return el(
    'fieldset',
    { class: 'person' },
    el('legend', null, role),
    row(
      field({ path: `people.${key}.name`, label: `${role} name`, placeholder: 'Name', quietLabel: true }),
      field({ path: `people.${key}.title`, label: `${role} title`, placeholder: 'Title', quietLabel: true }),
    ),
  );
}

function buildForm(state: SidebarState): HTMLFormElement {
  const stage = state.dealStages.some((s) => s.id === DEFAULT_STAGE) ? DEFAULT_STAGE : undefined;
  return el(
    'form',
    { id: 'insert-form', novalidate: true, onsubmit: (event) => event.preventDefault() },
    group(
      'Deal',
      null,
      row(
        field({ path: 'yourCompany', label: 'Your company', required: true }),
        field({ path: 'theirCompany', label: 'Their company', required: true }),
      ),
      field({ path: 'product', label: 'Product', required: true }),
      field(
        {
          path: 'problem',
          label: 'The problem it solves',
          type: 'textarea',
          required: true,
          placeholder: 'e.g. cut month-end close from 12 days to 5',
          hint: `A short phrase that completes the goal ("… evaluates your product to …"): what they want to fix or reach, in their words. Up to ${PROBLEM_MAX_LENGTH} characters.`,
        },
        // The browser stops at the server's own limit, so nobody types a paragraph to have it refused.
        el('textarea', { rows: 2, maxlength: String(PROBLEM_MAX_LENGTH) }),
      ),
      choiceField(
        { path: 'dealType', label: 'Deal type' },
        state.dealTypes.map((t) => choice(t.id, t.label, ` · ${t.stepCount} steps`)),
      ),
      row(
        choiceField({ path: 'dealStage', label: 'Deal stage' }, state.dealStages.map((s) => choice(s.id, s.label)), stage),
        field({ path: 'annualContractValue', label: 'Annual contract value', inputmode: 'decimal', placeholder: '85,000', required: true }),
      ),
    ),
    group(
      'Dates',
      null,
      field({ path: 'evaluationStart', label: 'Evaluation start', type: 'date', required: true }),
      row(
        field({ path: 'decisionTarget', label: 'Decision target', type: 'date', describedBy: 'hint-targets' }),
        field({ path: 'goLiveTarget', label: 'Go-live target', type: 'date', describedBy: 'hint-targets' }),
      ),
      el('p', { id: 'hint-targets', class: 'hint' }, 'Optional. Leave empty: the steps set it.'),
    ),
    group(
      'People',
      { 'aria-describedby': 'hint-people' },
      el('p', { id: 'hint-people', class: 'hint' }, 'Optional. An empty one shows in the plan as a placeholder like “[Economic buyer name]” to fill in later.'),
      el('p', { class: 'side', 'aria-hidden': 'true' }, 'Their side'),
      ...THEIR_SIDE.map(([key, role]) => person(key, role)),
      el('p', { class: 'side', 'aria-hidden': 'true' }, 'Your side'),
      ...YOUR_SIDE.map(([key, role]) => person(key, role)),
    ),
    el(
      'details',
      { id: 'their-words' },
      el('summary', null, 'Their words ', tagged('span', 'optional', '(optional)')),
      el(
        'fieldset',
        { 'aria-describedby': 'hint-their-words' },
        tagged('legend', 'sr-only', 'What they call'),
        el('p', { id: 'hint-their-words', class: 'hint' }, 'What they call their own steps. The plan uses their words, not ours.'),
        ...THEIR_WORDS.map(([key, label, example]) => field({ path: `theirWords.${key}`, label, placeholder: example })),
      ),
    ),
  );
}

/** The form as the server's RawInsertForm: every value the string its control holds; the server trims and validates. */
const readForm = (form: HTMLFormElement): RawInsertForm => formValues(form) as unknown as RawInsertForm;

function suggestionLabel(type: DealType, state: SidebarState): string {
  if (type === 'closing') return 'Use the closing checklist';
  const label = state.dealTypes.find((t) => t.id === type)?.label ?? type;
  return `Use “${label}”`;
}

/** The method's advice: warnings look like warnings; a suggested deal type becomes a one-click switch. */
function guidanceList(id: string, items: readonly Guidance[], state: SidebarState, onSuggest?: (type: DealType) => void): HTMLElement | null {
  if (items.length === 0) return null;
  return el(
    'ul',
    { id, class: 'guidance' },
    ...items.map((g) =>
      el(
        'li',
        { class: `guidance-item ${g.level}`, 'data-guidance-code': g.code, 'data-level': g.level },
        tagged('span', 'sr-only', g.level === 'warning' ? 'Warning: ' : 'Note: '),
        g.message,
        g.suggestDealType && onSuggest && state.dealTypes.some((t) => t.id === g.suggestDealType)
          ? el(
              'button',
              {
                type: 'button',
                class: 'button small',
                'data-suggest-deal-type': g.suggestDealType,
                onclick: () => g.suggestDealType && onSuggest(g.suggestDealType),
              },
              suggestionLabel(g.suggestDealType, state),
            )
          : null,
      ),
    ),
  );
}

function placeholderList(id: string, placeholders: readonly string[], heading: string): Child[] {
  if (placeholders.length === 0) return [];
  return [el('h3', null, heading), el('ul', { id, class: 'chips' }, ...placeholders.map((p) => el('li', null, p)))];
}

function keyDate(key: string, label: string, date: DateView): HTMLElement {
  return el('div', { 'data-key-date': key }, el('dt', null, label), el('dd', null, el('time', { datetime: date.iso }, date.text)));
}

function previewView(result: Success<PreviewResult>, state: SidebarState, onSuggest: (type: DealType) => void): HTMLElement {
  const k = result.keyDates;
  return el(
    'section',
    { id: 'preview', 'aria-labelledby': 'preview-heading' },
    el('h2', { id: 'preview-heading', tabindex: -1 }, 'Preview'),
    el('p', { id: 'preview-title', class: 'plan-title' }, result.title),
    el('p', { id: 'preview-stale', class: 'stale', hidden: true }, 'The form changed since this preview. Preview again to update it.'),
    guidanceList('preview-guidance', result.guidance, state, onSuggest),
    el('h3', null, 'Key dates'),
    el(
      'dl',
      { id: 'preview-dates', class: 'dates' },
      keyDate('evaluationStart', 'Evaluation start', k.evaluationStart),
      keyDate('decisionTarget', 'Decision target', k.decisionTarget),
      keyDate('goLiveTarget', 'Go-live target', k.goLiveTarget),
    ),
    el('h3', null, `Steps (${result.steps.length})`),
    el(
      'ol',
      { id: 'preview-steps', class: 'steps' },
      ...result.steps.map((s) =>
        el(
          'li',
          { 'data-step': s.number },
          el('span', { class: 'step-number', 'aria-hidden': 'true' }, String(s.number)),
          el(
            'div',
            { class: 'step-body' },
            tagged('span', 'step-action', s.action),
            tagged('span', 'step-meta', tagged('span', 'step-owner', s.owner), ' · ', el('time', { class: 'step-due', datetime: s.due.iso }, s.due.text)),
          ),
        ),
      ),
    ),
    ...placeholderList('preview-placeholders', result.placeholders, 'To fill in later'),
  );
}

function insertedView(result: Success<InsertResult>, state: SidebarState): HTMLElement {
  return el(
    'section',
    { id: 'insert-result', 'aria-labelledby': 'insert-heading' },
    el('h2', { id: 'insert-heading', tabindex: -1 }, 'Plan inserted'),
    el('p', { id: 'insert-message', class: 'message success' }, result.message),
    guidanceList('insert-guidance', result.guidance, state),
    ...placeholderList('insert-placeholders', result.placeholders, 'Fill these in the document'),
  );
}

function renderInsertTab(panel: HTMLElement, state: SidebarState): void {
  const form = buildForm(state);
  (form.elements.namedItem('evaluationStart') as HTMLInputElement).value = state.today;
  const topMessage = el('div', { id: 'form-message', role: 'alert' });
  const results = el('div', { id: 'results' });
  const previewButton = button('preview-button', 'Preview');
  const insertButton = button('insert-button', 'Insert MAP', PRIMARY);
  const runner = panelRunner(panel);

  // A document with a plan gets no form: one plan per deal, and an empty form there only invites a second.
  const existing = lastRead().plan?.title ?? state.existingPlan;
  if (existing) {
    replace(
      panel,
      el('p', { id: 'insert-verdict', class: 'verdict' }, 'This document already has a plan.'),
      el(
        'p',
        { id: 'existing-plan', class: 'message notice' },
        'This document already has a plan: ',
        el('strong', null, existing),
        '. Keep one plan per deal: update that one (the Health, Shift dates and Review tabs work on it; its stage, value and outcome are in ',
        el('button', { type: 'button', id: 'open-deal', class: 'link-button', onclick: () => document.getElementById('tab-deal')?.click() }, 'the Deal tab'),
        '), or start a new document to plan another deal.',
      ),
    );
    return;
  }
  replace(
    panel,
    el('p', { id: 'insert-verdict', class: 'verdict' }, 'No plan in this document yet. Fill in what you know, preview the plan, then insert it where your cursor is.'),
    topMessage,
    form,
    results,
    footer(previewButton, insertButton),
  );

  const showTopMessage = (text: string, more: readonly string[]): void => replace(topMessage, messageBox('error', text, more));

  /** One server call with the buttons locked; an answer never shows beside the last one's field errors. */
  const run = (button: HTMLButtonElement, label: string, failed: string, work: () => Promise<void>): Promise<void> =>
    runner.run(button, label, async () => {
      topMessage.replaceChildren();
      clearFieldErrors(form);
      await work();
    }, failed);

  const preview = (): Promise<void> =>
    run(previewButton, 'Previewing…', 'Preview failed.', async () => {
      const result = await call('previewMap', readForm(form));
      if (result.ok) {
        replace(results, previewView(result, state, useDealType));
        announce(`Preview ready: ${result.steps.length} steps.`);
        revealHeading('preview-heading');
      } else {
        replace(results, guidanceList('preview-guidance', result.guidance, state, useDealType));
        const unmatched = showFieldErrors(form, result.errors);
        showTopMessage('Some fields need a look before the plan can be previewed.', unmatched);
        announce('Preview not ready: some fields need a look.');
      }
    });

  const insert = (button: HTMLButtonElement): Promise<void> =>
    run(button, 'Inserting…', 'Not inserted.', async () => {
      const result = await call('insertMap', readForm(form));
      if (result.ok) {
        replace(results, insertedView(result, state));
        // The server keeps one plan per document: a second click could only fail.
        button.remove();
        previewButton.remove();
        announce('Plan inserted.');
        revealHeading('insert-heading');
        // Every other tab now has a plan to show.
        await reread();
      } else {
        const unmatched = showFieldErrors(form, result.errors);
        showTopMessage(result.message, unmatched);
        announce('Not inserted: some fields need a look.');
      }
    });

  function useDealType(type: DealType): void {
    (form.elements.namedItem('dealType') as HTMLSelectElement).value = type;
    void preview();
  }

  previewButton.onclick = () => void preview();
  insertButton.onclick = () => void insert(insertButton);
  const markStale = (): void => {
    const stale = document.getElementById('preview-stale');
    if (stale) stale.hidden = false;
  };
  form.addEventListener('input', markStale);
  form.addEventListener('change', markStale);
}

export const insertTab: Tab = { id: 'insert', label: 'Insert', render: renderInsertTab };
