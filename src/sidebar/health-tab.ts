/** The Health tab: the plan checked against the method's anti-patterns, each finding with what to do, words to say and where it is in the document. */
import type { FindingView, HealthReport, SidebarState } from '../server/contract';
import { panelRunner, type PanelRunner } from './actions';
import { el, replace, type Child } from './dom';
import { announce, messageBox, showBanner } from './feedback';
import { call, failureText } from './server';
import type { Tab } from './tabs';

const GROUPS: readonly [FindingView['severity'], string][] = [
  ['critical', 'Critical'],
  ['warning', 'Warnings'],
  ['info', 'Worth a look'],
];

/** "Post-demo (evaluation confirmed)" → "Post-demo": the bracket explains the stage, which the seller already knows. */
function stageLabel(stage: string, state: SidebarState): string {
  const label = state.dealStages.find((s) => s.id === stage)?.label ?? stage;
  return label.replace(/\s*\(.*\)$/, '');
}

/** "Deal stage: Post-demo · Annual value: 85,000", or null when the checks knew neither. */
function dealLine(report: HealthReport, state: SidebarState): string | null {
  const { dealStage, annualContractValue: value } = report;
  if (dealStage === null && value === null) return null;
  const stage = dealStage === null ? 'unknown' : stageLabel(dealStage, state);
  // No currency sign: the plan does not say which currency the seller sells in.
  const amount = value === null ? 'unknown' : value.toLocaleString(document.documentElement.lang || undefined);
  return `Deal stage: ${stage} · Annual value: ${amount}`;
}

/** Copies through the clipboard API, else the old copy command; failing both, leaves the words selected for Ctrl+C. */
async function copyWords(node: HTMLElement, text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Google's sidebar iframe may not grant clipboard access: fall back to the selection.
  }
  const selection = getSelection();
  const range = document.createRange();
  range.selectNodeContents(node);
  selection?.removeAllRanges();
  selection?.addRange(range);
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  }
}

function label(text: string): HTMLElement {
  return el('span', { class: 'finding-label' }, text);
}

function card(finding: FindingView, runner: PanelRunner): HTMLElement {
  const message = el('div', { class: 'finding-message', role: 'status' });
  const say = finding.say;
  let sayBlock: HTMLElement | null = null;
  if (say !== null) {
    const words = el('q', { class: 'finding-say-text' }, say);
    const copy = el('button', { type: 'button', class: 'link-button finding-copy', 'aria-label': 'Copy what to say' }, 'Copy');
    copy.addEventListener('click', () => {
      void copyWords(words, say).then((copied) => {
        const said = copied ? 'Copied.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
        replace(message, el('p', { class: 'hint' }, said));
        announce(said);
      });
    });
    sayBlock = el('blockquote', { class: 'finding-say' }, label('Say:'), ' ', words, ' ', copy);
  }
  let show: HTMLButtonElement | null = null;
  const place = finding.place;
  if (place !== null) {
    const button = el('button', { type: 'button', class: 'button small finding-show' }, 'Show in document');
    button.addEventListener('click', () => {
      void runner.run(button, 'Finding it…', async () => {
        try {
          const result = await call('selectPlace', place);
          replace(message, result.ok ? el('p', { class: 'hint' }, result.message) : messageBox('error', result.message));
          announce(result.message);
        } catch (error) {
          showBanner('Could not show it in the document.', failureText(error));
        }
      });
    });
    show = button;
  }
  return el(
    'li',
    { class: `finding ${finding.severity}`, 'data-rule': finding.rule, 'data-severity': finding.severity },
    el('h4', { class: 'finding-title' }, finding.title),
    el('p', { class: 'finding-detail' }, finding.detail),
    el('p', { class: 'finding-method' }, label('The method:'), ' ', el('q', null, finding.method)),
    el('p', { class: 'finding-action' }, label('What to do:'), ' ', finding.action),
    sayBlock,
    show,
    message,
  );
}

function reportView(report: HealthReport, state: SidebarState, runner: PanelRunner): Child[] {
  const deal = dealLine(report, state);
  const head = [el('p', { id: 'health-summary', class: 'summary' }, report.summary), deal && el('p', { id: 'health-deal', class: 'hint' }, deal)];
  if (report.findings.length === 0) {
    return [
      ...head,
      el('div', { id: 'health-findings' }, messageBox('success', '✓ No anti-patterns found: this plan follows the method. Keep it current with a weekly review.', [], 'health-ok')),
    ];
  }
  const groups = GROUPS.flatMap(([severity, title]) => {
    const found = report.findings.filter((f) => f.severity === severity);
    if (found.length === 0) return [];
    return [
      el(
        'section',
        { id: `health-${severity}`, 'aria-labelledby': `health-${severity}-heading` },
        el('h3', { id: `health-${severity}-heading` }, `${title} (${found.length})`),
        el('ul', { class: 'findings' }, ...found.map((f) => card(f, runner))),
      ),
    ];
  });
  return [...head, el('div', { id: 'health-findings' }, ...groups)];
}

/** Draws the tab; returns the check, run each time the tab is shown (the plan may have been edited meanwhile). */
function renderHealthTab(panel: HTMLElement, state: SidebarState): () => void {
  const runner = panelRunner(panel);
  let report: HealthReport | null = null;
  let loading = false;
  const loadingLine = el('p', { class: 'loading', role: 'status' }, 'Checking the plan…');
  const output = el('div', { id: 'health-output' });
  const again = el('button', { type: 'button', id: 'health-check-button', class: 'link-button', hidden: true }, 'Check again');
  replace(panel, el('p', { class: 'intro' }, 'Checks this plan against the method’s anti-patterns. ', again), loadingLine, output);

  const check = async (): Promise<void> => {
    try {
      const next = await call('getHealth');
      report = next;
      loadingLine.hidden = true;
      again.hidden = false;
      replace(output, ...reportView(next, state, runner));
      // Drawn during a locked call ("Check again"): stay locked until it ends.
      if (runner.isBusy()) panel.querySelectorAll('button').forEach((b) => (b.disabled = true));
      announce(next.summary);
    } catch (error) {
      showBanner('The plan could not be checked.', failureText(error));
      if (!report) replace(loadingLine, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
    }
  };

  const load = async (): Promise<void> => {
    if (loading || runner.isBusy()) return;
    loading = true;
    if (!report) replace(loadingLine, 'Checking the plan…');
    panel.setAttribute('aria-busy', 'true');
    try {
      await check();
    } finally {
      loading = false;
      panel.setAttribute('aria-busy', 'false');
    }
  };

  again.addEventListener('click', () => {
    if (!loading) void runner.run(again, 'Checking…', check);
  });
  return () => void load();
}

export const healthTab: Tab = { id: 'health', label: 'Health', render: renderHealthTab };
