/** The sidebar's tabs (Insert, Shift, Health, Review), following the WAI-ARIA tabs pattern, with the shared "Read again" beside them. */
import type { SidebarState } from '../server/contract';
import { byId, el } from './dom';
import { onReading, reread } from './store';

export interface Tab {
  /** Used in element ids: `#tab-<id>` and `#panel-<id>`. */
  id: string;
  label: string;
  /**
   * Draws the tab's content once, when the sidebar's state has arrived; the tab redraws itself from
   * each new read (store.ts). May return what to do each time the tab becomes the selected one.
   * Showing a tab never reads the document: every tab draws the one read the sidebar shares.
   */
  render(panel: HTMLElement, state: SidebarState): (() => void) | void;
}

/** The icon button that reads the document again: for edits made while the sidebar was open. */
function rereadButton(): HTMLButtonElement {
  const button = el('button', { type: 'button', id: 'reread-button', class: 'icon-button reread', 'aria-label': 'Read the plan again', title: 'Read the plan again' }, '↻');
  button.addEventListener('click', () => void reread());
  onReading((busy) => {
    button.disabled = busy;
    button.setAttribute('aria-label', busy ? 'Reading the plan…' : 'Read the plan again');
    document.body.classList.toggle('reading', busy);
  });
  return button;
}

/**
 * Draws every tab's panel into #panels and selects the tab `initial` names (else the first). The
 * tab strip shows only when there is more than one tab: a lone tab would be a control that does nothing.
 */
export function renderTabs(tabs: readonly Tab[], state: SidebarState, initial?: string): void {
  const strip = byId('tabs');
  const panels = byId('panels');
  panels.replaceChildren();
  const buttons: HTMLButtonElement[] = [];
  const panelEls: HTMLElement[] = [];
  const onShow: ((() => void) | void)[] = [];

  let current = -1;
  const select = (index: number, focus: boolean): void => {
    const changed = index !== current;
    current = index;
    buttons.forEach((button, i) => {
      const selected = i === index;
      button.setAttribute('aria-selected', String(selected));
      // Roving tabindex: Tab reaches the selected tab only; arrow keys move between tabs.
      button.tabIndex = selected ? 0 : -1;
      panelEls[i]!.hidden = !selected;
    });
    if (focus) buttons[index]?.focus();
    if (changed) onShow[index]?.();
  };

  const multiple = tabs.length > 1;
  tabs.forEach((tab, i) => {
    const panel = el('section', {
      id: `panel-${tab.id}`,
      class: 'panel',
      role: multiple ? 'tabpanel' : null,
      'aria-labelledby': multiple ? `tab-${tab.id}` : null,
    });
    panels.appendChild(panel);
    panelEls.push(panel);
    buttons.push(
      el('button', { type: 'button', id: `tab-${tab.id}`, role: 'tab', class: 'tab', 'aria-controls': `panel-${tab.id}`, onclick: () => select(i, false) }, tab.label),
    );
    onShow.push(tab.render(panel, state));
  });

  const list = el('div', { class: 'tab-list', role: 'tablist', 'aria-label': 'Plan tools' }, ...buttons);
  strip.replaceChildren(list, rereadButton());
  strip.hidden = !multiple;
  list.onkeydown = (event) => {
    const focused = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (focused < 0) return;
    const moves: Record<string, number> = { ArrowRight: focused + 1, ArrowLeft: focused - 1, Home: 0, End: buttons.length - 1 };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    select((target + buttons.length) % buttons.length, true);
  };
  select(Math.max(0, tabs.findIndex((t) => t.id === initial)), false);
}
