/** The Sheets add-on's sidebar: what the team workbook holds, how sellers link their plans to it, and the CRM report import. */
import type { ImportResult, WorkbookState } from '../contract';
import { byId, el, replace } from '../../sidebar/dom';
import { announce, clearBanner, messageBox, showBanner } from '../../sidebar/feedback';
import { call, failureText } from './server';

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;
}

/** Runs a server action from a button: the button is disabled meanwhile, the outcome shown in `out`. */
async function act(button: HTMLButtonElement, out: HTMLElement, busy: string, work: () => Promise<string>): Promise<void> {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busy;
  announce(busy);
  try {
    const message = await work();
    replace(out, messageBox('success', message));
    announce(message);
    void refreshState();
  } catch (error) {
    replace(out, messageBox('error', failureText(error)));
  } finally {
    button.disabled = false;
    button.textContent = label;
  }
}

function aboutSection(state: WorkbookState): HTMLElement {
  const out = el('div', { id: 'about-result', 'aria-live': 'polite' });
  const setUp: HTMLButtonElement = el('button', { type: 'button', class: 'button primary', onclick: () => void act(setUp, out, 'Setting up…', async () => (await call('setUpMetrics')).message) }, 'Set up MAP metrics');
  const refresh: HTMLButtonElement = el('button', { type: 'button', class: 'button', onclick: () => void act(refresh, out, 'Refreshing…', async () => (await call('refreshMetrics')).message) }, 'Refresh metrics');
  const c = state.counts;
  return el('section', { 'aria-labelledby': 'about-title' },
    el('h2', { id: 'about-title' }, state.name),
    state.setUp
      ? el('p', { class: 'muted' }, 'The team workbook: each plan exported from Google Docs becomes rows here, and the Metrics sheet computes the method\'s numbers by formula.')
      : messageBox('notice', `Not set up yet: ${state.missing.join(', ')} ${state.missing.length === 1 ? 'is' : 'are'} missing. Set up MAP metrics creates them and keeps what is already here.`),
    el('dl', { class: 'counts', 'aria-label': 'What the workbook holds' },
      el('dt', null, 'Plans'), el('dd', { 'data-count': 'plans' }, plural(c.plans, 'plan')),
      el('dt', null, 'Steps'), el('dd', { 'data-count': 'steps' }, plural(c.steps, 'step')),
      el('dt', null, 'Slips'), el('dd', { 'data-count': 'slips' }, plural(c.slips, 'slip')),
      el('dt', null, 'CRM opportunities'), el('dd', { 'data-count': 'opportunities' }, plural(c.opportunities, 'opportunity', 'opportunities')),
      el('dt', null, 'Last export'), el('dd', { 'data-count': 'last-export' }, state.lastExport ?? 'none yet')),
    c.opportunities === 0
      ? el('p', { id: 'no-crm-report', class: 'muted' }, 'No CRM report imported yet: the adoption rate, and win rate and cycle time with vs without a MAP, need the deals without a plan, which only the CRM report brings. Until then those metrics stay empty. Use Import CRM report.')
      : null,
    el('div', { class: 'actions' }, setUp, refresh),
    out,
    el('h3', null, 'How sellers link their plans'),
    el('ol', null,
      el('li', null, 'Share this workbook with the sellers (Editor access).'),
      el('li', null, 'In the plan\'s Google Doc: Extensions > Mutual Action Plan > Export to Sheets.'),
      el('li', null, 'The first time, in the Deal tab\'s Team workbook, choose "Choose a workbook" and pick this spreadsheet. Later exports refresh the plan\'s rows by themselves.'),
    ),
    el('p', { class: 'muted' }, 'Columns named Notes, Outcome (manual) and Reason are yours: exports and imports never write them.'),
  );
}

function importSection(state: WorkbookState): HTMLElement {
  const out = el('div', { id: 'import-result', 'aria-live': 'polite' });
  const file = el('input', { type: 'file', id: 'crm-file', accept: '.csv,text/csv' });
  const sheet = el('select', { id: 'crm-sheet', disabled: state.otherSheets.length === 0 },
    ...(state.otherSheets.length === 0 ? [el('option', { value: '' }, 'No other sheet in this workbook')] : state.otherSheets.map((name) => el('option', { value: name }, name))));
  const fromFile = el('input', { type: 'radio', name: 'crm-source', value: 'csv', checked: true });
  const fromSheet = el('input', { type: 'radio', name: 'crm-source', value: 'sheet', disabled: state.otherSheets.length === 0 });
  const run: HTMLButtonElement = el('button', { type: 'button', class: 'button primary', onclick: () => void act(run, out, 'Importing…', async () => {
    let result: ImportResult;
    if (fromSheet.checked) {
      result = await call('importCrmReport', { source: 'sheet', sheetName: sheet.value });
    } else {
      const chosen = file.files?.[0];
      if (!chosen) throw new Error('Choose the CSV file your CRM exported first.');
      result = await call('importCrmReport', { source: 'csv', fileName: chosen.name, text: await chosen.text() });
    }
    if (!result.ok) throw new Error([result.message, ...result.problems].join(' '));
    const unmatched = result.unmatchedPlans.length > 0 ? ` Plans with no opportunity: ${result.unmatchedPlans.join(', ')}.` : '';
    return `${result.message}${unmatched}`;
  }) }, 'Import');
  return el('section', { 'aria-labelledby': 'import-title' },
    el('h2', { id: 'import-title' }, 'Import CRM report'),
    el('p', { class: 'muted' }, 'Your CRM\'s opportunity or deal report (Salesforce or HubSpot, as CSV): deals without a MAP are what the with/without comparisons need. It replaces the previous import in Opportunities.'),
    el('label', { class: 'choice' }, fromFile, 'A CSV file'),
    el('label', { for: 'crm-file', class: 'sr-only' }, 'CSV file'),
    file,
    el('label', { class: 'choice' }, fromSheet, 'A sheet I pasted the report into'),
    el('label', { for: 'crm-sheet', class: 'sr-only' }, 'Sheet'),
    sheet,
    el('div', { class: 'actions' }, run),
    out,
  );
}

let state: WorkbookState | null = null;

async function refreshState(): Promise<void> {
  try {
    const next = await call('getWorkbookState');
    // Only the counts change after an action; the forms keep what the person chose.
    state = next;
    const about = document.querySelector('[aria-labelledby="about-title"] dl.counts');
    const fresh = aboutSection(next).querySelector('dl.counts');
    if (about && fresh) about.replaceWith(fresh);
  } catch {
    // The action's own message already told the person what happened.
  }
}

async function load(): Promise<void> {
  const panels = byId('panels');
  try {
    state = await call('getWorkbookState');
    clearBanner();
    const sections = [aboutSection(state), importSection(state)];
    if (document.body.dataset.initialView === 'import') sections.reverse();
    replace(panels, ...sections);
  } catch (error) {
    showBanner('The sidebar could not load.', failureText(error));
    replace(panels, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
  }
}

void load();
