/** The sidebar's entry point: one call fetches the document's state and its plan as read once, then the tabs draw it. */
import type { SidebarState } from '../server/contract';
import { byId, el, replace } from './dom';
import { clearBanner, showBanner } from './feedback';
import { dealTab } from './deal-tab';
import { healthTab } from './health-tab';
import { insertTab } from './insert-tab';
import { reviewTab } from './review-tab';
import { call, failureText } from './server';
import { shiftTab } from './shift-tab';
import { refreshInBackground, setRead } from './store';
import type { Tab } from './tabs';
import { renderTabs } from './tabs';

const TABS: readonly Tab[] = [insertTab, shiftTab, healthTab, reviewTab, dealTab];

/**
 * The tab to open on: the one the server named on <body data-initial-tab> (the menu items "Shift
 * downstream dates", "Check plan health" and "Weekly review" name "shift", "health" and "review");
 * otherwise the plan's verdict (Health) when the document has a plan, and Insert when it has none.
 */
function initialTab(state: SidebarState): string {
  const named = document.body.dataset.initialTab;
  if (named && TABS.some((t) => t.id === named)) return named;
  return state.read.plan || state.existingPlan ? healthTab.id : insertTab.id;
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
    // The opening call already read the plan: every tab draws that one read.
    setRead(state.read);
    if (state.read.problem) showBanner('The plan could not be read.', state.read.problem);
    renderTabs(TABS, state, initialTab(state));
    // Back in the sidebar after editing the document: read it again in the background, what is shown stays meanwhile.
    window.addEventListener('focus', refreshInBackground);
  } catch (error) {
    showBanner('The sidebar could not load.', failureText(error));
    replace(loading, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
  }
}

void load();
