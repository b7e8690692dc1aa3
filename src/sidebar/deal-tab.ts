/** The Deal tab: the deal behind the plan (type, stage, value, CRM link, outcome) to see and edit, and the team workbook the plan is exported to. */
import type { RawDealForm } from '../core/deal/deal-form';
import type { DealView, ExportResult, SidebarState } from '../server/contract';
import { panelRunner } from './actions';
import { el, replace } from './dom';
import { messageBox, showBanner } from './feedback';
import { choiceField, clearFieldErrors, field, showFieldErrors, type Choice } from './fields';
import { call, failureText } from './server';
import type { Tab } from './tabs';

/** The form's fields; in the page they are `deal.<name>` (ids `deal-<name>`), apart from the Insert form's. */
const FIELDS: readonly (keyof RawDealForm)[] = ['seller', 'theirCompany', 'dealType', 'stage', 'annualContractValue', 'currency', 'crm', 'outcome', 'closedOn'];
const row = (...children: HTMLElement[]): HTMLElement => el('div', { class: 'row' }, ...children);
/** "Enterprise ($80-300K+ ACV, 60-120 days)" → "Enterprise": the form has no room for the bracket. */
const short = (label: string): string => label.replace(/\s*\(.*\)$/, '');

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

function fill(form: HTMLFormElement, values: RawDealForm): void {
  for (const name of FIELDS) {
    const control = form.elements.namedItem(`deal.${name}`);
    if (control instanceof HTMLInputElement || control instanceof HTMLSelectElement) control.value = values[name];
  }
  const outcome = form.elements.namedItem('deal.outcome') as HTMLSelectElement;
  const closed = form.elements.namedItem('deal.closedOn') as HTMLInputElement;
  const sync = (): void => {
    closed.disabled = outcome.value === 'open';
  };
  outcome.onchange = sync;
  sync();
}

function read(form: HTMLFormElement): RawDealForm {
  const value = (name: string): string => {
    const control = form.elements.namedItem(`deal.${name}`);
    return control instanceof HTMLInputElement || control instanceof HTMLSelectElement ? control.value : '';
  };
  return Object.fromEntries(FIELDS.map((name) => [name, value(name)])) as unknown as RawDealForm;
}

function renderDealTab(panel: HTMLElement, state: SidebarState): () => void {
  const runner = panelRunner(panel);
  const message = el('div', { id: 'deal-message', role: 'status' });
  const exportMessage = el('div', { id: 'export-message', role: 'status' });

  const workbookSection = (view: DealView): HTMLElement => {
    const exportButton = el('button', { type: 'button', id: 'export-button', class: 'button primary' }, 'Export to Sheets');
    const show = (result: ExportResult): void => replace(exportMessage, messageBox(result.ok ? 'success' : 'error', result.message));
    const exporting = (button: HTMLButtonElement, label: string, work: () => Promise<ExportResult>) =>
      runner.run(button, label, async () => {
        try {
          const result = await work();
          show(result);
          if (result.ok) draw(await call('getDeal'));
        } catch (error) {
          showBanner('The export failed.', failureText(error));
        }
      });
    if (!view.workbook) {
      const create = el('button', { type: 'button', id: 'create-workbook', class: 'button primary' }, 'Create a workbook');
      create.onclick = () => void exporting(create, 'Creating…', () => call('createTeamWorkbook', { name: 'MAP metrics' }));
      return el(
        'section',
        { id: 'workbook', 'aria-labelledby': 'workbook-heading' },
        el('h3', { id: 'workbook-heading' }, 'Team workbook'),
        el('p', { class: 'hint' }, 'Export this plan to a Google Sheets workbook your team shares. Create one; every plan you export goes to it.'),
        el('div', { class: 'actions' }, create),
        exportMessage,
      );
    }
    exportButton.onclick = () => void exporting(exportButton, 'Exporting…', () => call('exportToSheets'));
    const auto = el('input', { type: 'checkbox', id: 'auto-export', checked: view.autoExport });
    auto.onchange = () =>
      void call('setAutoExport', { on: auto.checked }).catch((error: unknown) => {
        auto.checked = !auto.checked;
        showBanner('The setting could not be changed.', failureText(error));
      });
    return el(
      'section',
      { id: 'workbook', 'aria-labelledby': 'workbook-heading' },
      el('h3', { id: 'workbook-heading' }, 'Team workbook'),
      el('p', null, 'Exports to ', el('a', { id: 'workbook-link', href: view.workbook.url, target: '_blank', rel: 'noopener' }, view.workbook.name)),
      el('div', { class: 'check' }, auto, el('label', { for: 'auto-export' }, 'Update it after every change')),
      el('div', { class: 'actions' }, exportButton),
      exportMessage,
    );
  };

  const draw = (view: DealView): void => {
    const form = buildForm(state, view);
    fill(form, view.form);
    const save = el('button', { type: 'button', id: 'deal-save', class: 'button primary' }, 'Save');
    save.onclick = () =>
      void runner.run(save, 'Saving…', async () => {
        message.replaceChildren();
        clearFieldErrors(form);
        try {
          const result = await call('saveDealDetails', read(form));
          if (result.ok) {
            replace(message, messageBox('success', result.message));
          } else {
            // Field paths carry a prefix: the Insert form on the next tab has fields of the same names.
            const errors = Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [`deal.${k}`, v]));
            replace(message, messageBox('error', result.message, showFieldErrors(form, errors)));
          }
        } catch (error) {
          showBanner('The deal could not be saved.', failureText(error));
        }
      });
    replace(
      panel,
      el('p', { class: 'intro' }, view.plan ? 'The deal behind ' : 'The deal behind this document’s plan. ', view.plan ? el('strong', null, view.plan) : null, view.plan ? '. Saved with the document; its text does not change.' : 'Saved with the document; its text does not change.'),
      form,
      view.crmLink ? el('p', { class: 'hint' }, el('a', { id: 'crm-link', href: view.crmLink, target: '_blank', rel: 'noopener' }, 'Open in the CRM')) : null,
      el('div', { class: 'actions' }, save),
      message,
      view.plan ? workbookSection(view) : null,
    );
  };

  // Read afresh each time the tab is shown: Insert and the menu change what it holds.
  return () => {
    if (runner.isBusy()) return;
    replace(panel, el('p', { class: 'loading' }, 'Loading…'));
    call('getDeal').then(draw, (error: unknown) => {
      replace(panel, messageBox('error', failureText(error)));
    });
  };
}

export const dealTab: Tab = { id: 'deal', label: 'Deal', render: renderDealTab };
