/** Labelled form fields keyed by their path in the server's form ("people.champion.name"), and showing the server's field errors beside them. */
import type { FieldErrors } from '../core/plan';
import { el, type Attrs, type Child } from './dom';

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldSpec {
  /** The field's path in RawInsertForm; also its `name`, and (dots as dashes) its id. */
  path: string;
  label: string;
  type?: 'text' | 'date' | 'textarea';
  hint?: string;
  placeholder?: string;
  inputmode?: string;
  required?: boolean;
  /** Label read by screen readers only, when a legend and the layout already say it (a person's Name/Title pair). */
  quietLabel?: boolean;
  /** Id of an element outside the field that also describes it (a hint shared by a row of fields). */
  describedBy?: string;
}

/** `yourCompany` → `yourCompany`; `people.champion.name` → `people-champion-name`. */
export function fieldId(path: string): string {
  return path.replace(/\./g, '-');
}

/** A label, its control, an optional hint and a (normally empty) error line, wrapped in `[data-field=path]`. */
export function field(spec: FieldSpec, control?: Control): HTMLElement {
  const id = fieldId(spec.path);
  const hintId = spec.hint ? `hint-${id}` : null;
  const describedBy = [hintId, spec.describedBy].filter(Boolean).join(' ');
  const input =
    control ??
    (spec.type === 'textarea'
      ? el('textarea', { rows: 2 })
      : el('input', { type: spec.type ?? 'text', inputmode: spec.inputmode, autocomplete: 'off' }));
  input.id = id;
  input.name = spec.path;
  if (spec.placeholder) input.setAttribute('placeholder', spec.placeholder);
  if (spec.required) input.setAttribute('aria-required', 'true');
  if (describedBy) input.setAttribute('aria-describedby', describedBy);
  // Kept so that clearing an error restores exactly the descriptions the field started with.
  input.dataset.describedby = describedBy;
  return el(
    'div',
    { class: 'field', 'data-field': spec.path },
    el('label', { for: id, class: spec.quietLabel ? 'sr-only' : null }, spec.label),
    input,
    el('p', { id: `error-${id}`, class: 'field-error', 'data-error-for': spec.path }),
    hintId && el('p', { id: hintId, class: 'hint' }, spec.hint ?? ''),
  );
}

export interface Choice {
  value: string;
  /** Short enough for a closed select in a 300 px sidebar. */
  text: string;
  /** Shown under the select for the chosen option, where a long label has room. */
  detail?: string;
}

/** A labelled select over the server's choices; the first is chosen unless `selected` names another. */
export function choiceField(spec: FieldSpec, choices: readonly Choice[], selected?: string): HTMLElement {
  const control = el('select', null, ...choices.map((c) => el('option', { value: c.value, selected: c.value === selected }, c.text)));
  const detailOf = (): string => choices.find((c) => c.value === control.value)?.detail ?? '';
  const hasDetails = choices.some((c) => c.detail);
  const wrapper = field(hasDetails ? { ...spec, hint: detailOf() || ' ' } : spec, control);
  const hint = wrapper.querySelector('.hint');
  if (hint) control.addEventListener('change', () => (hint.textContent = detailOf()));
  return wrapper;
}

function controlOf(wrapper: Element): Control | null {
  return wrapper.querySelector('input, select, textarea');
}

/** Removes every field error under `root`, so that a new answer never shows alongside an old one. */
export function clearFieldErrors(root: ParentNode): void {
  for (const wrapper of Array.from(root.querySelectorAll('[data-field]'))) {
    const control = controlOf(wrapper);
    if (control) {
      control.removeAttribute('aria-invalid');
      const base = control.dataset.describedby ?? '';
      if (base) control.setAttribute('aria-describedby', base);
      else control.removeAttribute('aria-describedby');
    }
    const message = wrapper.querySelector('[data-error-for]');
    if (message) message.textContent = '';
  }
}

/**
 * Shows each error beside its field and focuses the first invalid field in page order. Returns the
 * errors that match no field ("form", or a path the form does not have) for the caller to show at the top.
 */
export function showFieldErrors(root: ParentNode, errors: FieldErrors): string[] {
  clearFieldErrors(root);
  const matched = new Set<string>();
  let first: Control | null = null;
  for (const wrapper of Array.from(root.querySelectorAll<HTMLElement>('[data-field]'))) {
    const path = wrapper.dataset.field ?? '';
    const text = errors[path];
    const control = controlOf(wrapper);
    const message = wrapper.querySelector('[data-error-for]');
    if (text === undefined || !control || !message) continue;
    matched.add(path);
    message.textContent = text;
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', [message.id, control.dataset.describedby].filter(Boolean).join(' '));
    // A field inside the collapsed "Their words" section must be visible to be seen and focused.
    const details = control.closest('details');
    if (details) details.open = true;
    first ??= control;
  }
  first?.focus();
  return Object.entries(errors)
    .filter(([path]) => !matched.has(path))
    .map(([, text]) => text);
}

/** Every named control of `form` whose name starts with `prefix`, by the rest of its name. */
function controls(form: HTMLFormElement, prefix: string): [string, Control][] {
  return (Array.from(form.elements) as Control[]).filter((c) => c.name && c.name.startsWith(prefix)).map((c) => [c.name.slice(prefix.length), c]);
}

/**
 * The form's values nested by field path as the server takes them ("people.champion.name"), each
 * the string its control holds (the server trims and validates); `prefix` ("deal.") is left out.
 */
export function formValues(form: HTMLFormElement, prefix = ''): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, control] of controls(form, prefix)) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at = out;
    for (const key of keys) at = (at[key] ??= {}) as Record<string, unknown>;
    at[last] = control.value;
  }
  return out;
}

/** Puts flat values into the controls named `prefix` + key. */
export function fillForm(form: HTMLFormElement, values: Readonly<Record<string, string>>, prefix = ''): void {
  for (const [key, control] of controls(form, prefix)) control.value = values[key] ?? '';
}

/** A fieldset under its legend. */
export function group(legend: Child, attrs: Attrs | null, ...children: Child[]): HTMLFieldSetElement {
  return el('fieldset', attrs, el('legend', null, legend), ...children);
}
