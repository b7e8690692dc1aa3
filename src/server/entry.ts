/** The add-on's entry points: exactly the functions Apps Script (triggers, menu items) and the sidebar call. */
export { onOpen, onInstall, showInsertSidebar } from './menu';
export { getSidebarState, previewMap, insertMap } from './insert';
export {
  showShiftSidebar,
  getShiftState,
  previewShift,
  applyShift,
  undoLastShift,
  undoLastShiftFromMenu,
  refreshStatusColours,
  refreshStatusColoursFromMenu,
} from './shift';
