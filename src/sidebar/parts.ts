/** Rendering helpers every tab shares: the verdict line, the sticky footer, two-line clamped text with the rest on demand, disclosures. */
import { el, type Attrs, type Child, tagged } from './dom';

/** Text shorter than this fits two lines of any column the sidebar has: never clamped, no "more" button. */
const SHORT = 40;

/** Shows "more" only under text the two-line clamp actually cut (measured once the text is laid out, in a visible tab). */
let watcher: ResizeObserver | null = null;
function watch(text: HTMLElement): void {
  watcher ??= new ResizeObserver((entries) => {
    for (const { target } of entries) {
      const more = target.nextElementSibling as HTMLElement | null;
      if (more && !target.classList.contains('open') && target.clientHeight > 0) more.hidden = target.scrollHeight <= target.clientHeight + 1;
    }
  });
  watcher.observe(text);
}

/**
 * Document text (a step name, a finding's detail) clamped to two lines, with a "more" button that
 * shows the rest and "less" that folds it again: keyboard and pointer alike. A 2,000-character name
 * never makes its row taller than two lines, nor wider than the sidebar.
 */
export function clamped(text: string, attrs: Attrs = {}, tag: 'span' | 'p' | 'div' = 'span'): HTMLElement {
  const cls = ['clamped', attrs.class].filter(Boolean).join(' ');
  if (text.length <= SHORT) return el(tag, { ...attrs, class: cls }, text);
  const body = tagged('span', 'clamp', text);
  const more = el('button', { type: 'button', class: 'more', 'aria-expanded': 'false', hidden: true }, 'more');
  more.addEventListener('click', () => {
    const open = body.classList.toggle('open');
    more.setAttribute('aria-expanded', String(open));
    more.textContent = open ? 'less' : 'more';
  });
  watch(body);
  return el(tag, { ...attrs, class: cls }, body, more);
}

/** The tab's answer in one line, first thing under the tabs: `#<tab>-verdict`. */
export function verdict(id: string): HTMLElement {
  return el('p', { id, class: 'verdict', role: 'status' });
}

/** The sticky footer holding the tab's main action: always in view, however long the tab. */
export function footer(...children: Child[]): HTMLElement {
  return tagged('div', 'actions', ...children);
}

/** A disclosure (native <details>: Enter and Space open it) with a short summary. */
export function disclosure(summary: Child, attrs: Attrs, ...children: Child[]): HTMLDetailsElement {
  return el('details', { ...attrs, class: ['more-details', attrs.class].filter(Boolean).join(' ') }, el('summary', null, summary), ...children);
}

export function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}
