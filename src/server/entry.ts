/** The add-on's entry points: exactly the functions Apps Script (triggers, menu items) and the sidebar call. */
export { onOpen, onInstall, showInsertSidebar, showShiftSidebar, showHealthSidebar, showReviewSidebar, showDealSidebar } from './menu';
export { getSidebarState, previewMap, insertMap } from './insert';
export {
  getShiftState,
  previewShift,
  applyShift,
  undoLastShift,
  undoLastShiftFromMenu,
  refreshStatusColours,
  refreshStatusColoursFromMenu,
} from './shift';
export { getHealth, getReview, getTimeline, markReviewed, selectPlace } from './review';
export { readPlan } from './plan-view';
export { getDeal, saveDealDetails } from './deal';
export { exportToSheets, exportToSheetsFromMenu, createTeamWorkbook, linkPickedWorkbook, setAutoExport } from './export';
