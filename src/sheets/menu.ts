/** The Sheets add-on's menu and sidebar: what Extensions > Mutual Action Plan shows in the team workbook. */

/** Menu items and the top-level functions they call (each must be exported from src/sheets/entry.ts). */
const MENU_ITEMS: ReadonlyArray<readonly [caption: string, functionName: string]> = [
  ['Set up MAP metrics', 'setUpMetricsFromMenu'],
  ['Refresh metrics', 'refreshMetricsFromMenu'],
  ['Import CRM report', 'showImportSidebar'],
  ['About this workbook', 'showWorkbookSidebar'],
];

/**
 * Builds the add-on menu. Runs as a simple trigger, possibly in AuthMode.NONE (installed, not yet
 * used in this spreadsheet), where opening the spreadsheet fails: so it only builds the menu.
 * /workspace/add-ons/concepts/menus
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const [caption, functionName] of MENU_ITEMS) menu.addItem(caption, functionName);
  menu.addToUi();
}

/** Installing from the Marketplace does not fire onOpen for the open file, so the menu is built here too. /apps-script/add-ons/lifecycle */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

type SidebarView = 'about' | 'import';

/** Opens the sidebar on one of its views: the view rides on <body data-initial-view>, which the sidebar reads. */
function openSidebar(view: SidebarView): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').getContent().replace('<body', `<body data-initial-view="${view}"`);
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput(html).setTitle('Mutual Action Plan'));
}

/** Menu "About this workbook": what it holds and how sellers link their plans to it. */
export function showWorkbookSidebar(): void {
  openSidebar('about');
}

/** Menu "Import CRM report": the sidebar's import form (a CSV file, or a sheet the report was pasted into). */
export function showImportSidebar(): void {
  openSidebar('import');
}
