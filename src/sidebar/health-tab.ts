/** The Health tab: the plan checked against the method's anti-patterns, worst first, each finding with where it is, and the method's words, advice and words to say on demand. */
import type { FindingView, HealthReport, PlanRead, SidebarState } from '../server/contract';
import { panelRunner, type PanelRunner } from './actions';
import { button, el, replace, type Child, tagged } from './dom';
import { announce, messageBox } from './feedback';
import { clamped, disclosure, footer, verdict } from './parts';
import { call } from './server';
import { lastRead, onRead, reread } from './store';
import type { Tab } from './tabs';

const GROUPS: readonly [FindingView['severity'], string][] = [
  ['critical', 'Critical'],
  ['warning', 'Warnings'],
  ['info', 'Worth a look'],
];

/** The findings about this week: what is overdue, at risk or new (the filter's "This week"). */
const THIS_WEEK: ReadonlySet<string> = new Set<FindingView['rule']>(['overdue', 'close-date', 'go-live-date', 'slipping', 'eb-overdue', 'scope', 'dead-plan', 'champion-silent']);

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

const label = (text: string): HTMLElement => tagged('span', 'finding-label', text);

function card(finding: FindingView, runner: PanelRunner): HTMLElement {
  const message = el('div', { class: 'finding-message', role: 'status' });
  const say = finding.say;
  let sayBlock: HTMLElement | null = null;
  if (say !== null) {
    const words = tagged('q', 'finding-say-text', say);
    const copy = el('button', { type: 'button', class: 'link-button finding-copy', 'aria-label': 'Copy what to say' }, 'Copy');
    copy.onclick = () =>
      void copyWords(words, say).then((copied) => {
        const said = copied ? 'Copied.' : 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
        replace(message, tagged('p', 'hint', said));
        announce(said);
      });
    sayBlock = tagged('blockquote', 'finding-say', label('Say:'), ' ', words, ' ', copy);
  }
  const place = finding.place;
  let show: HTMLButtonElement | null = null;
  if (place !== null) {
    const button = el('button', { type: 'button', class: 'link-button finding-show' }, 'Show in document');
    button.onclick = () =>
      void runner.run(button, 'Finding it…', async () => {
        const result = await call('selectPlace', place);
        replace(message, result.ok ? tagged('p', 'hint', result.message) : messageBox('error', result.message));
        announce(result.message);
      }, 'Could not show it in the document.');
    show = button;
  }
  return el(
    'li',
    { class: `finding ${finding.severity}`, 'data-rule': finding.rule, 'data-severity': finding.severity },
    tagged('h4', 'finding-title', finding.title),
    clamped(finding.detail, { class: 'finding-detail' }, 'p'),
    el(
      'div',
      { class: 'finding-links' },
      show,
      disclosure(
        say === null ? 'Why and what to do' : 'Why, what to do, what to say',
        { class: 'finding-more' },
        tagged('p', 'finding-method', label('The method:'), ' ', el('q', null, finding.method)),
        tagged('p', 'finding-action', label('What to do:'), ' ', finding.action),
        sayBlock,
      ),
    ),
    message,
  );
}

/** "5 findings: 5 warnings. Worst: Steps owned by a role." */
function verdictOf(report: HealthReport): Child[] {
  const worst = report.findings[0];
  return [el('span', { id: 'health-summary' }, report.summary), worst && tagged('span', 'worst', ` Worst: ${worst.title}.`)];
}

function findingsView(report: HealthReport, runner: PanelRunner, thisWeek: boolean): HTMLElement {
  const shown = report.findings.filter((f) => !thisWeek || THIS_WEEK.has(f.rule));
  if (report.findings.length === 0) {
    return el('div', { id: 'health-findings' }, messageBox('success', '✓ No anti-patterns found: this plan follows the method. Keep it current with a weekly review.', [], 'health-ok'));
  }
  if (shown.length === 0) return el('div', { id: 'health-findings' }, tagged('p', 'hint', 'Nothing overdue, at risk or new this week.'));
  const groups = GROUPS.flatMap(([severity, title]) => {
    const found = shown.filter((f) => f.severity === severity);
    if (found.length === 0) return [];
    return [
      el(
        'section',
        { id: `health-${severity}`, 'aria-labelledby': `health-${severity}-heading` },
        el('h3', { id: `health-${severity}-heading` }, `${title} (${found.length})`),
        tagged('ul', 'findings', ...found.map((f) => card(f, runner))),
      ),
    ];
  });
  return el('div', { id: 'health-findings' }, ...groups);
}

/** Draws the tab from the shared read, and again from every new read that changes the findings. */
function renderHealthTab(panel: HTMLElement, state: SidebarState): void {
  const runner = panelRunner(panel);
  let thisWeek = false;
  let shown = '';
  const head = verdict('health-verdict');
  const deal = el('p', { id: 'health-deal', class: 'hint' });
  const filter = el('div', { id: 'health-filter', class: 'segmented', role: 'group', 'aria-label': 'Show findings' });
  const output = el('div', { id: 'health-output' });
  const again = button('health-check-button', 'Check again');
  replace(panel, head, deal, filter, output, footer(again));

  const draw = (read: PlanRead, force = false): void => {
    const report = read.plan?.health ?? null;
    const key = JSON.stringify(report) + String(thisWeek);
    // A read that changed nothing leaves the tab as the person left it (open details, a "Selected" note).
    if (key === shown && !force) return;
    shown = key;
    if (!report) {
      replace(head, read.problem ? 'The plan could not be checked.' : 'No plan in this document yet: insert one from the Insert tab.');
      deal.hidden = filter.hidden = true;
      output.replaceChildren();
      again.disabled = false;
      return;
    }
    replace(head, ...verdictOf(report));
    const dealText = dealLine(report, state);
    deal.hidden = dealText === null;
    deal.textContent = dealText ?? '';
    const weekCount = report.findings.filter((f) => THIS_WEEK.has(f.rule)).length;
    filter.hidden = report.findings.length === 0;
    const option = (value: boolean, text: string): HTMLElement =>
      el('button', { type: 'button', class: 'segment', 'aria-pressed': String(thisWeek === value), 'data-filter': value ? 'week' : 'all', onclick: () => {
        thisWeek = value;
        draw(lastRead(), true);
        filter.querySelector<HTMLElement>(`[data-filter="${value ? 'week' : 'all'}"]`)?.focus();
      } }, text);
    replace(filter, option(false, `All (${report.findings.length})`), option(true, `This week (${weekCount})`));
    replace(output, findingsView(report, runner, thisWeek));
  };

  again.onclick = () =>
    void runner.run(again, 'Checking…', async () => {
      await reread();
      announce(lastRead().plan?.health.summary ?? 'No plan to check.');
    });
  onRead((read) => draw(read));
  draw(lastRead());
}

export const healthTab: Tab = { id: 'health', label: 'Health', render: renderHealthTab };
