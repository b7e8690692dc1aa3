/** The emulated `DocumentApp` global: the active document, the editor's Ui and DocumentApp's enums. */
import { countCalls, type CallLog } from '../calls';
import type { EmulationContext } from '../context';
import type { DocumentEmulation } from './document';
import { Attribute, ElementType, GlyphType, HorizontalAlignment, ParagraphHeading, TextAlignment, VerticalAlignment } from './enums';
import { Described, api } from './elements';

type ApiDocumentApp = GoogleAppsScript.Document.DocumentApp;

/**
 * One execution sees one open document, the one the add-on is bound to. Install it as the global
 * with `globalThis.DocumentApp = new DocumentAppEmulation(ctx, doc) as unknown as GoogleAppsScript.Document.DocumentApp`.
 */
export class DocumentAppEmulation extends Described implements Pick<ApiDocumentApp,
  | 'getActiveDocument' | 'getUi' | 'openById' | 'openByUrl' | 'ElementType' | 'ParagraphHeading' | 'Attribute'
  | 'HorizontalAlignment' | 'GlyphType' | 'TextAlignment' | 'VerticalAlignment'> {
  readonly _label = 'DocumentApp';
  readonly calls: CallLog;
  readonly ElementType = ElementType;
  readonly ParagraphHeading = ParagraphHeading;
  readonly Attribute = Attribute;
  readonly HorizontalAlignment = HorizontalAlignment;
  readonly GlyphType = GlyphType;
  readonly TextAlignment = TextAlignment;
  readonly VerticalAlignment = VerticalAlignment;

  constructor(readonly _ctx: EmulationContext, readonly _document: DocumentEmulation) {
    super();
    this.calls = _ctx.calls;
  }

  /** The bound document; after saveAndClose() this reopens it, as a later execution would. */
  getActiveDocument(): GoogleAppsScript.Document.Document {
    if (this._document._isClosed()) this._document._reopen();
    return api(this._document);
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return this._ctx.ui;
  }

  /** Only the emulated document exists; other ids fail as a missing or inaccessible file would. */
  openById(id: string): GoogleAppsScript.Document.Document {
    return this._open(String(id));
  }

  openByUrl(url: string): GoogleAppsScript.Document.Document {
    return this._open(/\/d\/([^/]+)/.exec(String(url))?.[1] ?? '');
  }

  _open(id: string): GoogleAppsScript.Document.Document {
    if (id !== this._document._id) throw new Error(`No item with the given ID could be found, or you do not have permission to access it. (${id})`);
    if (this._document._isClosed()) this._document._reopen();
    return api(this._document);
  }
}

countCalls(DocumentAppEmulation, 'DocumentApp');
