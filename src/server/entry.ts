/** The add-on's entry points: exactly the functions Apps Script (triggers, menu items) and the sidebar call. */
import * as deal from './deal';
import * as exporting from './export';
import * as insert from './insert';
import * as planView from './plan-view';
import * as review from './review';
import * as shift from './shift';
import * as picker from './picker';
import { measured } from './measured';

export { onOpen, onInstall, showInsertSidebar, showShiftSidebar, showHealthSidebar, showReviewSidebar, showDealSidebar } from './menu';
export { undoLastShiftFromMenu, refreshStatusColoursFromMenu } from './shift';
export { exportToSheetsFromMenu } from './export';

// The sidebar's calls: each answers with its result plus its elapsed time and service calls.
export const getSidebarState = measured(insert.getSidebarState);
export const previewMap = measured(insert.previewMap);
export const insertMap = measured(insert.insertMap);
export const getShiftState = measured(shift.getShiftState);
export const previewShift = measured(shift.previewShift);
export const applyShift = measured(shift.applyShift);
export const undoLastShift = measured(shift.undoLastShift);
export const refreshStatusColours = measured(shift.refreshStatusColours);
export const getHealth = measured(review.getHealth);
export const getReview = measured(review.getReview);
export const getTimeline = measured(review.getTimeline);
export const markReviewed = measured(review.markReviewed);
export const selectPlace = measured(review.selectPlace);
export const readPlan = measured(planView.readPlan);
export const getDeal = measured(deal.getDeal);
export const saveDealDetails = measured(deal.saveDealDetails);
export const exportToSheets = measured(exporting.exportToSheets);
export const createTeamWorkbook = measured(exporting.createTeamWorkbook);
export const linkPickedWorkbook = measured(exporting.linkPickedWorkbook);
export const setAutoExport = measured(exporting.setAutoExport);
export const showWorkbookPicker = picker.showWorkbookPicker;
export const pickerSettings = picker.pickerSettings;
