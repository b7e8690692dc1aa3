/** The Sheets add-on's entry points: exactly the functions Apps Script (triggers, menu items) and its sidebar call. */
export { onOpen, onInstall, showWorkbookSidebar, showImportSidebar } from './menu';
export { getWorkbookState, setUpMetrics, setUpMetricsFromMenu, refreshMetrics, refreshMetricsFromMenu } from './metrics-setup';
export { importCrmReport } from './crm-import';
