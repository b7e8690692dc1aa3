/** The sidebar's entry point: fetches the document's state from the server, then draws the tabs. */
import { byId, el, replace } from './dom';
import { clearBanner, showBanner } from './feedback';
import { insertTab } from './insert-tab';
import { call, failureText } from './server';
import type { Tab } from './tabs';
import { renderTabs } from './tabs';

/** Shift, Health and Review join this list as they are built; the tab strip appears once there are two. */
const TABS: readonly Tab[] = [insertTab];

async function load(): Promise<void> {
  const loading = byId('loading');
  replace(loading, 'Loading…');
  try {
    const state = await call('getSidebarState');
    // Apps Script locales look like "en" or "en_US"; the page wants "en-US".
    if (/^[a-z]{2,3}([_-][A-Za-z0-9]{2,8})*$/.test(state.locale)) document.documentElement.lang = state.locale.replace(/_/g, '-');
    clearBanner();
    renderTabs(TABS, state);
  } catch (error) {
    showBanner('The sidebar could not load.', failureText(error));
    replace(loading, el('button', { type: 'button', class: 'button', onclick: () => void load() }, 'Try again'));
  }
}

void load();
