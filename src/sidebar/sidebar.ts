/** The sidebar's entry point: fetches the document's state from the server, then draws the tabs. */
import type { SidebarState } from '../server/contract';
import { byId, el, replace } from './dom';
import { clearBanner, showBanner } from './feedback';
import { healthTab } from './health-tab';
import { insertTab } from './insert-tab';
import { reviewTab } from './review-tab';
import { call, failureText } from './server';
import { shiftTab } from './shift-tab';
import type { Tab } from './tabs';
import { renderTabs } from './tabs';

const TABS: readonly Tab[] = [insertTab, shiftTab, healthTab, reviewTab];

/**
 * The tab to open on: the one the server named on <body data-initial-tab> (the menu items "Shift
 * downstream dates", "Check plan health" and "Weekly review" name "shift", "health" and "review");
 * otherwise Shift when the document already has a plan, since inserting a second one is not what
 * the person came for.
 */
function initialTab(state: SidebarState): string {
  const named = document.body.dataset.initialTab;
  if (named && TABS.some((t) => t.id === named)) return named;
  return state.existingPlan ? shiftTab.id : insertTab.id;
}

async function load(): Promise<void> {
  const loading = byId('loading');
  replace(loading, 'Loading…');
  try {
    // The person's own day decides what is overdue; the server only knows the add-on's zone.
    const state = await call('getSidebarState', Intl.DateTimeFormat().resolvedOptions().timeZone);
    // Apps Script locales look like "en" or "en_US"; the page wants "en-US".
    if (/^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(state.locale)) document.documentElement.lang = state.locale.replace(/_/g, '-');
    clearBanner();
    renderTabs(TABS, state, initialTab(state));
  } catch (error) {
    showBanner('The sidebar could not load.', failureText(error));
    replace(loading, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
  }
}

void load();
