/** The JSON the preview's page, server and worker exchange: one place, so the three cannot drift apart. */
import type { CellSnapshot, ParagraphSnapshot, TableSnapshot } from '../../emulation/document';
import type { Answer, ButtonName, ButtonSetName, RecordedMenu } from '../../emulation/ui';
import type { CellEdit } from './workbook-protocol';

/** What google.script.run carries: JSON values only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

// ---- the document as the page draws it: the emulation's snapshot, with an id on each editable element ----

export type ViewParagraph = ParagraphSnapshot & { readonly id: string };
export interface ViewCell extends Omit<CellSnapshot, 'blocks'> {
  readonly id: string;
  readonly blocks: readonly ViewBlock[];
}
export interface ViewTable extends Omit<TableSnapshot, 'rows'> {
  readonly id: string;
  /** One id per row, for the row controls (add below, delete). */
  readonly rowIds: readonly string[];
  /** Widths the add-on set with setColumnWidth, in points; null where Docs shares the page width equally. */
  readonly columnWidths: readonly (number | null)[];
  readonly rows: readonly (readonly ViewCell[])[];
}
export type ViewBlock = ViewParagraph | ViewTable;

/** GET /api/document */
export interface DocumentView {
  /** Goes up by one with every change, whoever made it. */
  readonly version: number;
  readonly name: string;
  /** Where the document is saved, as the person gave it (or under .preview/). */
  readonly file: string;
  /** Whether the file holds the document yet: a first start shows nothing as saved before a change is. */
  readonly saved: boolean;
  readonly blocks: readonly ViewBlock[];
  /** Something the person should know about the document: it could not be opened, it could not be saved. */
  readonly notice: string | null;
  /** The selection and cursor as they are now, so a page opened (or reloaded) shows them too. */
  readonly selection: SelectionView;
}

/** One selected element, by the id the page draws it with: a paragraph or list item, a cell, a row or a table. */
export interface SelectedElement {
  readonly id: string;
  /**
   * Part of a paragraph's text, characters `start` to `end` (exclusive) counted as CursorPlacement
   * counts them (chips count for nothing); null when the whole element is selected.
   */
  readonly text: { readonly start: number; readonly end: number } | null;
}

/**
 * The person's selection and cursor as the add-on left them (Document.setSelection, setCursor):
 * Docs highlights the selection and scrolls to it, and so does the page.
 */
export interface SelectionView {
  /**
   * Goes up each time the selection or the cursor is set, by the add-on or by a click: the page
   * scrolls to a selection once, and one the person clicked away stays away.
   */
  readonly serial: number;
  /** What Document.getSelection() holds, in document order; empty when nothing is selected. */
  readonly elements: readonly SelectedElement[];
  /**
   * Document.getCursor() when the add-on put it there; null when there is none, or when the person
   * put it there with a click (the browser's own caret shows that one).
   */
  readonly cursor: CursorPlacement | null;
}

// ---- the add-on's UI around the document ----

export interface SidebarView {
  readonly title: string;
  /** Changes each time the add-on shows a sidebar, so the page reloads the iframe. */
  readonly generation: number;
}

export interface HtmlDialogView {
  readonly title: string;
  readonly width: number | null;
  readonly height: number | null;
  readonly modal: boolean;
  /** Its number in /dialog/N. */
  readonly index: number;
}

/** GET /api/ui, and the answer to POST /api/open and /api/menu. */
export interface UiView {
  /** The name Google gives the add-on's own menu under Extensions. */
  readonly addOnName: string;
  readonly menus: readonly RecordedMenu[];
  readonly sidebar: SidebarView | null;
  readonly htmlDialog: HtmlDialogView | null;
  /** A trigger or menu item that failed, in the person's words. */
  readonly error: string | null;
}

/** An alert or prompt the add-on is waiting on (its execution is blocked until the page answers). */
export interface PendingDialog {
  readonly id: number;
  readonly kind: 'alert' | 'prompt';
  readonly title: string | null;
  readonly prompt: string;
  readonly buttons: ButtonSetName;
}

/** The buttons each ButtonSet shows, in Google's order (CLOSE is the title bar's X). */
export const DIALOG_BUTTONS: Readonly<Record<ButtonSetName, readonly ButtonName[]>> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

/** POST /api/dialog */
export interface DialogAnswer extends Required<Answer> {
  readonly id: number;
}

// ---- edits a person makes in the document ----

export type Edit =
  /**
   * The new text of one paragraph or list item. `base` is the text the page showed: when the
   * document has changed under the person since, the edit is refused rather than merged blindly.
   * `chips` lists the chips (by their order among the paragraph's non-text children) still there.
   */
  | { readonly op: 'text'; readonly id: string; readonly base: string; readonly text: string; readonly chips: readonly number[] }
  | { readonly op: 'insertRowBelow'; readonly rowId: string }
  | { readonly op: 'deleteRow'; readonly rowId: string };

/** POST /api/cursor: a click in a paragraph, `offset` characters into its text (chips count for nothing). */
export interface CursorPlacement {
  readonly id: string;
  readonly offset: number;
}

/** POST /api/run: what the google.script.run shim sends. */
export interface RunRequest {
  readonly name: string;
  readonly args: readonly Json[];
}

export type RunResult = { readonly ok: true; readonly value: Json } | { readonly ok: false; readonly error: { readonly name: string; readonly message: string } };

/** Server-sent events on /api/events. */
export type PreviewEvent =
  | { readonly type: 'document'; readonly version: number }
  | { readonly type: 'workbook'; readonly version: number }
  | { readonly type: 'sheets-ui' }
  | { readonly type: 'ui' }
  | { readonly type: 'dialog'; readonly dialog: PendingDialog }
  | { readonly type: 'dialog-closed'; readonly id: number }
  | { readonly type: 'selection'; readonly selection: SelectionView };

// ---- main thread <-> worker ----

export type WorkerRequest =
  | { readonly type: 'open' }
  | { readonly type: 'document' }
  | { readonly type: 'ui' }
  | { readonly type: 'run'; readonly name: string; readonly args: readonly Json[] }
  | { readonly type: 'menu'; readonly caption: string }
  | { readonly type: 'edit'; readonly edit: Edit }
  | { readonly type: 'cursor'; readonly cursor: CursorPlacement }
  | { readonly type: 'closeSidebar' }
  | { readonly type: 'closeHtmlDialog' }
  | { readonly type: 'sidebarHtml' }
  | { readonly type: 'htmlDialog'; readonly index: number }
  // Google Picker's stand-in: the spreadsheets in Drive, and a pick (which grants the file under drive.file when the app id was set)
  | { readonly type: 'pickerFiles' }
  | { readonly type: 'pickFile'; readonly id: string; readonly grant: boolean }
  | { readonly type: 'markdown' }
  // The Sheets add-on in the team workbook (/sheets)
  | { readonly type: 'workbook' }
  | { readonly type: 'sheetsOpen' }
  | { readonly type: 'sheetsUi' }
  | { readonly type: 'sheetsMenu'; readonly caption: string }
  | { readonly type: 'sheetsRun'; readonly name: string; readonly args: readonly Json[] }
  | { readonly type: 'sheetsSidebarHtml' }
  | { readonly type: 'sheetsCloseSidebar' }
  | { readonly type: 'cellEdit'; readonly edit: CellEdit };

/** How a request the worker could not carry out is reported: `status` is the HTTP status the server answers with. */
export interface WorkerFailure {
  readonly status: 400 | 404 | 409 | 500;
  readonly message: string;
}

export type WorkerReply = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly failure: WorkerFailure };

export type WorkerMessage =
  | { readonly type: 'reply'; readonly id: number; readonly reply: WorkerReply }
  | { readonly type: 'dialog'; readonly dialog: PendingDialog; readonly document: DocumentView }
  | { readonly type: 'document'; readonly version: number }
  | { readonly type: 'workbook'; readonly version: number }
  | { readonly type: 'selection'; readonly selection: SelectionView }
  | { readonly type: 'ui' }
  | { readonly type: 'sheets-ui' };
