/** The add-on menu and the sidebar: what Extensions > Mutual Action Plan shows, and what opening it does. */

/** Menu items and the top-level functions they call (each must be exported from entry.ts). */
const MENU_ITEMS: ReadonlyArray<readonly [caption: string, functionName: string]> = [
  ['Insert MAP', 'showInsertSidebar'],
  ['Shift downstream dates', 'showShiftSidebar'],
  ['Refresh status colours', 'refreshStatusColoursFromMenu'],
  ['Undo last shift', 'undoLastShiftFromMenu'],
  ['Check plan health', 'showHealthSidebar'],
  ['Weekly review', 'showReviewSidebar'],
  ['Deal details', 'showDealSidebar'],
  ['Export to Sheets', 'exportToSheetsFromMenu'],
];

/**
 * Builds the add-on menu. Runs as a simple trigger, possibly in AuthMode.NONE (the add-on is
 * installed but not yet used in this document), where reading the document or properties
 * fails: so it only builds the menu. /workspace/add-ons/concepts/menus
 */
export function onOpen(_e?: GoogleAppsScript.Events.DocsOnOpen): void {
  const menu = DocumentApp.getUi().createAddonMenu();
  for (const [caption, functionName] of MENU_ITEMS) menu.addItem(caption, functionName);
  menu.addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open document, so the menu is built here too. /apps-script/add-ons/lifecycle */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.DocsOnOpen | undefined);
}

type SidebarTab = 'insert' | 'shift' | 'health' | 'review' | 'deal';

/** Opens the sidebar on one of its tabs: the tab rides on <body data-initial-tab>, which the sidebar reads. */
export function openSidebar(tab: SidebarTab): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').getContent().replace('<body', `<body data-initial-tab="${tab}"`);
  DocumentApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle('Mutual Action Plan'));
}

/** Menu "Insert MAP": the sidebar on its Insert form. */
export function showInsertSidebar(): void {
  openSidebar('insert');
}

/** Menu "Shift downstream dates": the sidebar on its Shift tab. */
export function showShiftSidebar(): void {
  openSidebar('shift');
}

/** Menu "Check plan health". */
export function showHealthSidebar(): void {
  openSidebar('health');
}

/** Menu "Weekly review". */
export function showReviewSidebar(): void {
  openSidebar('review');
}

/** Menu "Deal details": the sidebar on its Deal panel (deal facts, outcome, the team workbook). */
export function showDealSidebar(): void {
  openSidebar('deal');
}
