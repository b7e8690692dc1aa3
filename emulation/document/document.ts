/** The emulated Google Doc: its body in one tab, named ranges, the user's cursor and selection, and plumbing for tests and the preview. */
import { countCalls, type CallLog } from '../calls';
import type { EmulationContext } from '../context';
import {
  BodyEmulation, ContainerBase, DateEmulation, Described, DocumentRootEmulation, DocumentState,
  HorizontalRuleEmulation, ListItemEmulation, ParagraphBase, ParagraphEmulation, PersonEmulation, RangeElementEmulation,
  TableCellEmulation, TableEmulation, TextEmulation, api, modelOf, type TextStyle,
} from './elements';
import { apiEnum, type GlyphTypeName, type HorizontalAlignmentName, type ParagraphHeadingName } from './enums';
import { NamedRangeEmulation, PositionEmulation, RangeBuilderEmulation, RangeEmulation, checkPositionOffset, partialText } from './ranges';

type ApiDocument = GoogleAppsScript.Document.Document;
type ApiDocumentTab = GoogleAppsScript.Document.DocumentTab;
type ApiTab = GoogleAppsScript.Document.Tab;
type ApiElement = GoogleAppsScript.Document.Element;
type ApiBody = GoogleAppsScript.Document.Body;
type ApiRange = GoogleAppsScript.Document.Range;
type ApiNamedRange = GoogleAppsScript.Document.NamedRange;
type ApiPosition = GoogleAppsScript.Document.Position;
type ApiText = GoogleAppsScript.Document.Text;
type ApiTable = GoogleAppsScript.Document.Table;
type ApiTableCell = GoogleAppsScript.Document.TableCell;
type ApiPerson = GoogleAppsScript.Document.Person;
type ApiDate = GoogleAppsScript.Document.Date;
type ParagraphLike = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

// ---------------------------------------------------------------------------------------------
// A plain-data picture of the document, for the preview and for assertions that should not count calls.

export type InlineSnapshot =
  | { readonly kind: 'text'; readonly text: string; readonly style: TextStyle }
  | { readonly kind: 'person'; readonly name: string | null; readonly email: string }
  | { readonly kind: 'date'; readonly displayText: string; readonly timestamp: string; readonly locale: string }
  | { readonly kind: 'horizontalRule' };

export interface ParagraphSnapshot {
  readonly kind: 'paragraph' | 'listItem';
  readonly heading: ParagraphHeadingName;
  readonly alignment: HorizontalAlignmentName | null;
  /** What getText() returns: Text children only, soft line breaks as "\r". */
  readonly text: string;
  /** Text split into style runs, with chips and rules in place. */
  readonly inlines: readonly InlineSnapshot[];
  readonly glyphType?: GlyphTypeName;
  readonly nestingLevel?: number;
  readonly listId?: string;
}

export interface CellSnapshot {
  readonly backgroundColor: string | null;
  readonly text: string;
  readonly blocks: readonly BlockSnapshot[];
}

export interface TableSnapshot {
  readonly kind: 'table';
  readonly borderColor: string | null;
  readonly rows: readonly (readonly CellSnapshot[])[];
}

export type BlockSnapshot = ParagraphSnapshot | TableSnapshot;

function inlineSnapshots(paragraph: ParagraphBase<unknown>): InlineSnapshot[] {
  const out: InlineSnapshot[] = [];
  for (const child of paragraph._children) {
    if (child instanceof TextEmulation) {
      let runStart = 0;
      for (let i = 1; i <= child._len(); i++) {
        if (i === child._len() || child._styles[i] !== child._styles[runStart]) {
          out.push({ kind: 'text', text: child._chars.slice(runStart, i), style: child._styleAt(runStart) });
          runStart = i;
        }
      }
    } else if (child instanceof PersonEmulation) {
      out.push({ kind: 'person', name: child._name, email: child._email });
    } else if (child instanceof DateEmulation) {
      out.push({ kind: 'date', displayText: child._displayText, timestamp: child._timestamp.toISOString(), locale: child._locale });
    } else if (child instanceof HorizontalRuleEmulation) {
      out.push({ kind: 'horizontalRule' });
    }
  }
  return out;
}

export function blockSnapshots(container: ContainerBase<unknown>): BlockSnapshot[] {
  const out: BlockSnapshot[] = [];
  for (const child of container._children) {
    if (child instanceof ListItemEmulation) {
      out.push({
        kind: 'listItem', heading: child._heading, alignment: child._alignment, text: child._text(), inlines: inlineSnapshots(child),
        glyphType: child._glyph, nestingLevel: child._nesting, listId: child._listId,
      });
    } else if (child instanceof ParagraphBase) {
      out.push({ kind: 'paragraph', heading: child._heading, alignment: child._alignment, text: child._text(), inlines: inlineSnapshots(child) });
    } else if (child instanceof TableEmulation) {
      out.push({
        kind: 'table',
        borderColor: child._borderColor,
        rows: child._children.map((row) => (row as ContainerBase<unknown>)._children.map((cell) => {
          const tableCell = cell as TableCellEmulation;
          return { backgroundColor: tableCell._background, text: tableCell._blockText(), blocks: blockSnapshots(tableCell) };
        })),
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Tabs: one document tab is enough for the add-on (…/tab, …/document-tab).

export class TabEmulation extends Described implements Pick<ApiTab, 'asDocumentTab' | 'getChildTabs' | 'getId' | 'getIndex' | 'getTitle' | 'getType'> {
  readonly _label = 'Tab';
  readonly calls: CallLog;

  constructor(readonly _document: DocumentEmulation) {
    super();
    this.calls = _document.calls;
  }

  asDocumentTab(): ApiDocumentTab {
    return api(new DocumentTabEmulation(this._document));
  }

  getChildTabs(): ApiTab[] {
    return [];
  }

  getId(): string {
    return 't.0';
  }

  getIndex(): number {
    return 0;
  }

  getTitle(): string {
    return 'Tab 1';
  }

  getType(): GoogleAppsScript.Document.TabType {
    return apiEnum('DOCUMENT_TAB');
  }
}

export class DocumentTabEmulation extends Described implements Pick<ApiDocumentTab,
  'getBody' | 'addNamedRange' | 'getNamedRanges' | 'getNamedRangeById' | 'newRange' | 'newPosition'> {
  readonly _label = 'DocumentTab';
  readonly calls: CallLog;

  constructor(readonly _document: DocumentEmulation) {
    super();
    this.calls = _document.calls;
  }

  getBody(): ApiBody {
    return api(this._document._body);
  }

  addNamedRange(name: string, range: ApiRange): ApiNamedRange {
    return api(this._document._addNamedRange(name, range));
  }

  getNamedRanges(name?: string | null): ApiNamedRange[] {
    return api(this._document._namedRanges(name));
  }

  getNamedRangeById(id: string): ApiNamedRange {
    return api(this._document._namedRanges().find((range) => range._id === id) ?? null);
  }

  newRange(): GoogleAppsScript.Document.RangeBuilder {
    return api(new RangeBuilderEmulation(this._document._state));
  }

  newPosition(element: ApiElement, offset: number): ApiPosition {
    return api(this._document._position(element, offset));
  }
}

// ---------------------------------------------------------------------------------------------
// The document

export interface DocumentOptions {
  readonly name?: string;
  readonly id?: string;
}

export interface PersonChip {
  readonly name?: string | null;
  readonly email: string;
}

export interface DateChip {
  readonly timestamp: Date;
  /** Defaults to Docs' abbreviated form in UTC, e.g. "Dec 12, 2025". */
  readonly displayText?: string;
  /** Defaults to the language of the context's locale ("en" for "en_US"). */
  readonly locale?: string;
}

export class DocumentEmulation extends Described implements Pick<ApiDocument,
  | 'getBody' | 'getActiveTab' | 'getTabs' | 'getTab' | 'getName' | 'setName' | 'getId' | 'getUrl' | 'addNamedRange'
  | 'getNamedRanges' | 'getNamedRangeById' | 'newRange' | 'newPosition' | 'getCursor' | 'setCursor' | 'getSelection'
  | 'setSelection' | 'saveAndClose'> {
  readonly _label = 'Document';
  readonly calls: CallLog;
  readonly _state: DocumentState;
  readonly _root: DocumentRootEmulation;
  readonly _body: BodyEmulation;
  _name: string;
  readonly _id: string;
  _cursor: PositionEmulation | null = null;
  _selection: RangeEmulation | null = null;
  readonly _ranges: NamedRangeEmulation[] = [];

  /** A new document holds one empty paragraph, as a new Google Doc does. */
  constructor(readonly _ctx: EmulationContext, options: DocumentOptions = {}) {
    super();
    this.calls = _ctx.calls;
    this._state = new DocumentState(_ctx);
    this._name = options.name ?? 'Untitled document';
    this._id = options.id ?? '1EmulatedDocument0000000000000000000000000000';
    this._root = new DocumentRootEmulation(this._state);
    this._body = new BodyEmulation(this._state);
    this._root._appendChild(this._body);
    this._body._appendChild(new ParagraphEmulation(this._state));
  }

  getBody(): ApiBody {
    return api(this._body);
  }

  getActiveTab(): ApiTab {
    return api(new TabEmulation(this));
  }

  getTabs(): ApiTab[] {
    return [api(new TabEmulation(this))];
  }

  /** Null for an unknown id (gas-fakes' live test of getTab('a-non-existent-id')). */
  getTab(tabId: string): ApiTab {
    return api(tabId === 't.0' ? new TabEmulation(this) : null);
  }

  getName(): string {
    return this._name;
  }

  setName(name: string): ApiDocument {
    this._name = String(name);
    return api(this);
  }

  getId(): string {
    return this._id;
  }

  getUrl(): string {
    return `https://docs.google.com/document/d/${this._id}/edit`;
  }

  /**
   * "Adds a NamedRange, which is a Range that has a name and ID to allow later retrieval. Names
   * are not necessarily unique" (…/document#addNamedRange(String,Range)). Names must be 1 to 256
   * characters (the Docs API's createNamedRange limit).
   */
  addNamedRange(name: string, range: ApiRange): ApiNamedRange {
    return api(this._addNamedRange(name, range));
  }

  /** All named ranges, or those with the given name, in creation order. */
  getNamedRanges(name?: string | null): ApiNamedRange[] {
    return api(this._namedRanges(name));
  }

  getNamedRangeById(id: string): ApiNamedRange {
    return api(this._namedRanges().find((range) => range._id === id) ?? null);
  }

  newRange(): GoogleAppsScript.Document.RangeBuilder {
    return api(new RangeBuilderEmulation(this._state));
  }

  newPosition(element: ApiElement, offset: number): ApiPosition {
    return api(this._position(element, offset));
  }

  /**
   * Null unless the user's cursor is in the document (…/document#getCursor()). The cursor lives in
   * the person's browser, always in the live document: when the element under it was deleted (a
   * row cut), Docs moves it elsewhere; here it is then reported as absent.
   */
  getCursor(): ApiPosition | null {
    return api(this._cursor && this._cursor._element._isAttached() ? this._cursor : null);
  }

  setCursor(position: ApiPosition): ApiDocument {
    if (!(position instanceof PositionEmulation)) throw new Error('Invalid argument: position');
    this._cursor = position;
    return api(this);
  }

  /** Null when nothing is selected; @types omits the null. */
  getSelection(): ApiRange {
    return api(this._selection);
  }

  setSelection(range: ApiRange): ApiDocument {
    if (!(range instanceof RangeEmulation)) throw new Error('Invalid argument: range');
    this._selection = range;
    return api(this);
  }

  /** "A closed Document can't be edited"; DocumentApp.getActiveDocument() reopens it. */
  saveAndClose(): void {
    this._state.closed = true;
  }

  // --- plumbing for tests and the preview (uncounted) ---

  _addNamedRange(name: unknown, range: unknown): NamedRangeEmulation {
    this._state.assertOpen();
    const text = String(name);
    if (typeof name !== 'string' || text.length < 1 || text.length > 256) throw new Error('Invalid argument: name');
    if (!(range instanceof RangeEmulation)) throw new Error('Invalid argument: range');
    const named = new NamedRangeEmulation(this._state, this._state.newId(), text, [...range._entries], (removed) => {
      const index = this._ranges.indexOf(removed);
      if (index >= 0) this._ranges.splice(index, 1);
    });
    this._ranges.push(named);
    return named;
  }

  _namedRanges(name?: string | null): NamedRangeEmulation[] {
    // Named ranges whose content is all gone disappear, as they do in Docs.
    for (const range of [...this._ranges]) if (!range._isLive()) this._ranges.splice(this._ranges.indexOf(range), 1);
    return this._ranges.filter((range) => name === undefined || name === null || range._name === name);
  }

  _position(element: unknown, offset: unknown): PositionEmulation {
    const model = modelOf(element);
    return new PositionEmulation(this._state, model, checkPositionOffset(model, offset));
  }

  /** Puts the user's cursor at a Text (character offset) or a container (child offset). */
  _setCursorAt(element: ApiElement, offset = 0): void {
    this._cursor = this._position(element, offset);
  }

  /**
   * Puts the cursor inside a table cell as Docs reports it: on the Text of the cell's first
   * paragraph (offset clamped to its length), or on that paragraph when it is empty.
   */
  _setCursorInCell(cell: ApiTableCell, offset = 0): void {
    const model = modelOf(cell, 'cell');
    if (!(model instanceof TableCellEmulation)) throw new Error('Invalid argument: cell');
    const paragraph = model._children.find((child): child is ParagraphBase<unknown> => child instanceof ParagraphBase);
    if (!paragraph) throw new Error('The cell has no paragraph to hold a cursor.');
    const text = paragraph._children.find((child): child is TextEmulation => child instanceof TextEmulation);
    this._cursor = text
      ? new PositionEmulation(this._state, text, Math.min(Math.max(0, offset), text._len()))
      : new PositionEmulation(this._state, paragraph, 0);
  }

  _clearCursor(): void {
    this._cursor = null;
  }

  /** Selects whole elements (a user's selection of paragraphs, a table, cells). */
  _selectElements(...elements: ApiElement[]): void {
    this._selection = new RangeEmulation(this._state, elements.map((element) => new RangeElementEmulation(modelOf(element))));
  }

  /** Selects part of one Text element. */
  _selectText(text: ApiText, startOffset: number, endOffsetInclusive: number): void {
    this._selection = new RangeEmulation(this._state, [partialText(modelOf(text, 'text'), startOffset, endOffsetInclusive)]);
  }

  _clearSelection(): void {
    this._selection = null;
  }

  /** Adds a person chip at the end of a paragraph or list item (DocumentApp itself cannot). */
  _appendPersonChip(paragraph: ParagraphLike, person: PersonChip): ApiPerson {
    const chip = new PersonEmulation(this._state, person.name ?? null, person.email);
    this._paragraphOf(paragraph)._appendChild(chip);
    return api(chip);
  }

  /** Adds a date chip at the end of a paragraph or list item (DocumentApp itself cannot). */
  _appendDateChip(paragraph: ParagraphLike, date: DateChip): ApiDate {
    const chip = this._dateChip(date);
    this._paragraphOf(paragraph)._appendChild(chip);
    return api(chip);
  }

  _dateChip(date: DateChip): DateEmulation {
    const locale = date.locale ?? (this._ctx.locale.split(/[_-]/)[0] || 'en');
    return new DateEmulation(this._state, new Date(date.timestamp.getTime()), date.displayText ?? dateChipText(date.timestamp, locale), locale);
  }

  /** Every table in the body, in document order, without recording calls. */
  _tables(): ApiTable[] {
    return api(this._body._descendants().filter((element) => element instanceof TableEmulation));
  }

  /** The body as plain data, without recording calls. */
  _snapshot(): BlockSnapshot[] {
    return blockSnapshots(this._body);
  }

  _isClosed(): boolean {
    return this._state.closed;
  }

  _reopen(): void {
    this._state.closed = false;
  }

  _paragraphOf(paragraph: unknown): ParagraphBase<unknown> {
    const model = modelOf(paragraph, 'paragraph');
    if (!(model instanceof ParagraphBase)) throw new Error('Invalid argument: paragraph');
    return model;
  }
}

/**
 * Docs' default date chip text: abbreviated month, day, year, in UTC ("The display value uses the
 * UTC timezone and the date's locale. For example, Jul 16, 2021." …/date#getDisplayText()).
 */
export function dateChipText(timestamp: Date, locale = 'en'): string {
  return new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' }).format(timestamp);
}

countCalls(TabEmulation, 'Tab');
countCalls(DocumentTabEmulation, 'DocumentTab');
countCalls(DocumentEmulation, 'Document');
