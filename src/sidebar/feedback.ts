/** Page-wide feedback: the error banner for failed calls, the screen-reader status line, message boxes and result headings. */
import { byId, el, replace, tagged } from './dom';

/**
 * Shows a failed call as a banner at the top. The banner's container is a role=alert live region
 * that exists from page load, so screen readers announce what is put into it.
 */
export function showBanner(title: string, detail: string): void {
  const region = byId('error-banner');
  replace(
    region,
    el(
      'div',
      { class: 'banner' },
      tagged('p', 'banner-text', el('strong', null, title), ' ', detail),
      el('button', { type: 'button', class: 'icon-button', 'aria-label': 'Dismiss', onclick: clearBanner }, '×'),
    ),
  );
  region.scrollIntoView({ block: 'nearest' });
}

export function clearBanner(): void {
  byId('error-banner').replaceChildren();
}

/** Tells screen readers what is happening ("Previewing the plan…"); sighted people see it on the buttons. */
export function announce(text: string): void {
  byId('status').textContent = text;
}

/** A message box ("error", "success", "notice") with an optional list of details under its sentence. */
export function messageBox(kind: 'error' | 'success' | 'notice', text: string, details: readonly string[] = [], id?: string): HTMLElement {
  return el(
    'div',
    { class: `message ${kind}` },
    el('p', { id }, text),
    details.length > 0 && el('ul', null, ...details.map((d) => el('li', null, d))),
  );
}

/** Brings a result's heading to the top and focuses it (it has tabindex=-1), so screen readers continue reading from there. */
export function revealHeading(id: string): void {
  const heading = document.getElementById(id);
  heading?.focus({ preventScroll: true });
  heading?.scrollIntoView({ block: 'start' });
}
