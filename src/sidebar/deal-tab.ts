/** The Deal tab: the deal behind the plan (type, stage, value, CRM link, outcome) to see and edit, and the team workbook it is exported to; the verdict says what Export writes and where, the footer holds Save and Export. */
import type { RawDealForm } from '../core/deal/deal-form';
import type { DealView, ExportResult, SidebarState } from '../server/contract';
import { panelRunner } from './actions';
import { button, el, PRIMARY, replace, tagged } from './dom';
import { announce, messageBox, showBanner } from './feedback';
import { choiceField, clearFieldErrors, field, fillForm, formValues, showFieldErrors, type Choice } from './fields';
import { footer, plural, verdict } from './parts';
import { call, failureText } from './server';
import { lastRead } from './store';
import type { Tab } from './tabs';

const row = (...children: HTMLElement[]): HTMLElement => tagged('div', 'row', ...children);
/** "Enterprise ($80-300K+ ACV, 60-120 days)" → "Enterprise": the form has no room for the bracket. */
const short = (label: string): string => label.replace(/\s*\(.*\)$/, '');

/** The form's fields are `deal.<name>` (ids `deal-<name>`): the Insert form on another tab has fields of the same names. */
function buildForm(state: SidebarState, view: DealView): HTMLFormElement {
  const unknown: Choice = { value: '', text: 'Not set' };
  return el(
    'form',
    { id: 'deal-form', novalidate: true, onsubmit: (event) => event.preventDefault() },
    row(field({ path: 'deal.seller', label: 'Seller' }), field({ path: 'deal.theirCompany', label: 'Their company' })),
    row(
      choiceField({ path: 'deal.dealType', label: 'Deal type' }, [unknown, ...state.dealTypes.map((t) => ({ value: t.id, text: short(t.label) }))]),
      choiceField({ path: 'deal.stage', label: 'Stage' }, [unknown, ...state.dealStages.map((s) => ({ value: s.id, text: short(s.label) }))]),
    ),
    row(field({ path: 'deal.annualContractValue', label: 'Annual value', inputmode: 'decimal', placeholder: '85,000' }), field({ path: 'deal.currency', label: 'Currency', placeholder: 'USD' })),
    field({ path: 'deal.crm', label: 'CRM opportunity id or link', hint: 'Optional: matches the plan to its CRM deal in the metrics.' }),
    row(
      choiceField({ path: 'deal.outcome', label: 'Outcome' }, view.outcomes.map((o) => ({ value: o.id, text: o.label }))),
      field({ path: 'deal.closedOn', label: 'Closed on', type: 'date' }),
    ),
  );
}

const read = (form: HTMLFormElement): RawDealForm => formValues(form, 'deal.') as unknown as RawDealForm;

/** "Last exported Dec 6, 14:05 to “MAP metrics”. Export writes the deal and 11 steps to “MAP metrics”, also after every change.": when the plan was last exported (in any session), and what Export writes where. */
function verdictText(view: DealView): string {
  if (!view.plan) return 'No plan in this document yet: keep its deal here; Export needs the plan (Insert tab).';
  const steps = lastRead().plan?.timeline.steps.length;
  const what = `the deal${steps === undefined ? '' : ` and ${plural(steps, 'step', 'steps')}`}`;
  const last = view.lastExport ? `Last exported ${view.lastExport.text} to “${view.lastExport.workbook}”. ` : '';
  // Exported by a colleague (the record is the document's), while this seller has linked no workbook yet.
  if (!view.workbook) return last ? `${last}Link your team workbook to export ${what} from here.` : `Not exported: no team workbook is linked yet. Create one to export ${what}.`;
  return `${last}Export writes ${what} to “${view.workbook.name}”${view.autoExport ? ', also after every change' : ''}.`;
}

function renderDealTab(panel: HTMLElement, state: SidebarState): () => void {
  const runner = panelRunner(panel);
  const head = verdict('deal-verdict');
  const message = el('div', { id: 'deal-message' });
  const exportMessage = el('div', { id: 'export-message' });
  const save = button('deal-save', 'Save');
  const exportButton = button('export-button', 'Export', PRIMARY);
  const create = button('create-workbook', 'Create a workbook', PRIMARY);
  const choose = button('choose-workbook', 'Choose a workbook');
  const workbook = el('section', { id: 'workbook', 'aria-labelledby': 'workbook-heading' });
  const foot = footer(tagged('div', 'foot-stack', message, exportMessage, tagged('div', 'foot-row', save, exportButton, create, choose)));
  let view: DealView | null = null;
  let form: HTMLFormElement | null = null;
  /** The form as last saved (or loaded): Save acts only on a change. */
  let saved = '';

  /** The verdict and the footer's buttons, for the deal as it stands: each enabled only when it can act. */
  const sync = (): void => {
    if (!view || !form) return;
    replace(head, verdictText(view));
    save.disabled = JSON.stringify(read(form)) === saved;
    exportButton.hidden = !view.workbook;
    create.hidden = choose.hidden = !!view.workbook;
    exportButton.disabled = create.disabled = choose.disabled = !view.plan;
  };

  const drawWorkbook = (v: DealView): void => {
    const heading = el('h3', { id: 'workbook-heading' }, 'Team workbook');
    if (!v.workbook) {
      replace(workbook, heading, tagged('p', 'hint', 'Export this plan to a Google Sheets workbook your team shares: create one, or choose the one your manager set up. Every plan you export goes to it.'));
      return;
    }
    const auto = el('input', { type: 'checkbox', id: 'auto-export', checked: v.autoExport });
    auto.onchange = () => {
      if (view) view = { ...view, autoExport: auto.checked };
      sync();
      void call('setAutoExport', { on: auto.checked }).catch((error: unknown) => {
        auto.checked = !auto.checked;
        if (view) view = { ...view, autoExport: auto.checked };
        sync();
        showBanner('The setting could not be changed.', failureText(error));
      });
    };
    replace(
      workbook,
      heading,
      el('p', null, 'Exports to ', el('a', { id: 'workbook-link', href: v.workbook.url, target: '_blank', rel: 'noopener' }, v.workbook.name)),
      tagged('div', 'check', auto, el('label', { for: 'auto-export' }, 'Update it after every change')),
    );
  };

  const exporting = (b: HTMLButtonElement, busy: string, work: () => Promise<ExportResult>): Promise<void> =>
    runner
      .run(b, busy, async () => {
        message.replaceChildren();
        const result = await work();
        replace(exportMessage, messageBox(result.ok ? 'success' : 'error', result.message));
        announce(result.message);
        if (result.ok && view) {
          view = { ...view, workbook: result.workbook, lastExport: result.lastExport };
          drawWorkbook(view);
        }
      }, 'The export failed.')
      .then(sync);
  exportButton.onclick = () => void exporting(exportButton, 'Exporting…', () => call('exportToSheets'));
  create.onclick = () => void exporting(create, 'Creating…', () => call('createTeamWorkbook', { name: 'MAP metrics' }));

  // The Picker dialog links the workbook; Apps Script gives a dialog and the sidebar no channel, so the tab asks (for 2 minutes).
  const watchForLink = async (): Promise<void> => {
    for (let i = 0; i < 60; i++) {
      await new Promise((done) => setTimeout(done, 2000));
      const linked = (await call('getDeal').catch(() => null))?.workbook;
      if (linked && view) {
        view = { ...view, workbook: linked };
        drawWorkbook(view);
        sync();
        return;
      }
    }
  };
  choose.onclick = () =>
    void runner
      .run(choose, 'Opening…', async () => {
        await call('showWorkbookPicker');
        replace(exportMessage, messageBox('notice', 'Choose the workbook in the dialog: this tab shows it once it is linked.'));
        void watchForLink();
      }, 'Google Picker could not be opened.')
      .then(sync);

  save.onclick = () =>
    void runner
      .run(save, 'Saving…', async () => {
        const f = form;
        if (!f) return;
        exportMessage.replaceChildren();
        clearFieldErrors(f);
        const values = read(f);
        const result = await call('saveDealDetails', values);
        announce(result.message);
        if (result.ok) {
          view = result.deal;
          saved = JSON.stringify(values);
          replace(message, messageBox('success', result.message));
        } else {
          // Field paths carry the form's prefix.
          const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [`deal.${k}`, v]));
          replace(message, messageBox('error', result.message, showFieldErrors(f, errors)));
        }
      }, 'The deal could not be saved.')
      .then(sync);

  const draw = (v: DealView): void => {
    view = v;
    form = buildForm(state, v);
    fillForm(form, v.form as unknown as Record<string, string>, 'deal.');
    saved = JSON.stringify(read(form));
    const outcome = form.elements.namedItem('deal.outcome') as HTMLSelectElement;
    const closed = form.elements.namedItem('deal.closedOn') as HTMLInputElement;
    const closable = (): void => {
      closed.disabled = outcome.value === 'open';
    };
    outcome.addEventListener('change', closable);
    closable();
    form.addEventListener('input', sync);
    form.addEventListener('change', sync);
    drawWorkbook(v);
    replace(
      panel,
      head,
      tagged('p', 'hint', ...(v.plan ? ['The deal behind ', el('strong', null, v.plan), '. '] : []), 'Saved with the document, never written into its text.'),
      form,
      v.crmLink ? tagged('p', 'hint', el('a', { id: 'crm-link', href: v.crmLink, target: '_blank', rel: 'noopener' }, 'Open in the CRM')) : null,
      v.plan ? workbook : null,
      foot,
    );
    sync();
  };

  // Read afresh each time the tab is shown (Insert and the menu change what it holds), unless the form holds unsaved edits.
  return () => {
    if (runner.isBusy() || (form && JSON.stringify(read(form)) !== saved)) return;
    replace(panel, tagged('p', 'loading', 'Loading…'));
    call('getDeal').then(draw, (error: unknown) => {
      replace(panel, messageBox('error', failureText(error)));
    });
  };
}

export const dealTab: Tab = { id: 'deal', label: 'Deal', render: renderDealTab };
