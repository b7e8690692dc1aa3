/** The emulated DocumentApp element tree: body, paragraphs, list items, tables, rich text and smart chips. */
import { countCalls, type CallLog } from '../calls';
import type { EmulationContext } from '../context';
import {
  AttributeNames, ElementTypeNames, GlyphTypeNames, HorizontalAlignmentNames, ParagraphHeadingNames, VerticalAlignmentNames,
  apiEnum, enumName,
  type ElementTypeName, type GlyphTypeName, type HorizontalAlignmentName, type ParagraphHeadingName, type VerticalAlignmentName,
} from './enums';

/*
 * Reference pages (developers.google.com/apps-script/reference/document/...) are cited by path.
 *
 * Typing: every public method is typed with the @types interfaces, so `implements Pick<...>` holds
 * and the add-on sees exactly Google's signatures. Our classes implement only part of each
 * interface, so values cross that edge through `api()` (a cast); arguments coming back in go
 * through `modelOf()`, which rejects anything that is not one of our elements.
 *
 * Counting: every public method records "<Class>.<method>" (emulation/calls.ts). Shared behaviour
 * lives in uncounted abstract bases; `countElementCalls` copies inherited methods onto each concrete
 * class before wrapping them, so ListItem.getText counts as "ListItem.getText". Implementations call
 * only `_` plumbing on themselves and on other elements, so one add-on call is one recorded call.
 */

type ApiElement = GoogleAppsScript.Document.Element;
type ApiContainer = GoogleAppsScript.Document.ContainerElement;
type ApiBody = GoogleAppsScript.Document.Body;
type ApiParagraph = GoogleAppsScript.Document.Paragraph;
type ApiListItem = GoogleAppsScript.Document.ListItem;
type ApiTable = GoogleAppsScript.Document.Table;
type ApiTableRow = GoogleAppsScript.Document.TableRow;
type ApiTableCell = GoogleAppsScript.Document.TableCell;
type ApiText = GoogleAppsScript.Document.Text;
type ApiPerson = GoogleAppsScript.Document.Person;
type ApiDate = GoogleAppsScript.Document.Date;
type ApiHorizontalRule = GoogleAppsScript.Document.HorizontalRule;
type ApiRangeElement = GoogleAppsScript.Document.RangeElement;
type ApiElementType = GoogleAppsScript.Document.ElementType;
type Attributes = Record<string, unknown>;

/** Hands an emulated value out as the @types interface it stands for. */
export function api<T>(value: unknown): T {
  return value as T;
}

/** Takes an element the add-on passed back in; Apps Script rejects foreign objects too. */
export function modelOf(value: unknown, parameter = 'element'): ElementBase {
  if (value instanceof ElementBase) return value;
  throw new Error(`Invalid argument: ${parameter}`);
}

// ---------------------------------------------------------------------------------------------
// Errors whose wording is Google's (quoted from real executions) or our documented choice.

/** Real message, seen in public scripts that hit it ("Exception: Can't remove the last paragraph in a document section."). */
export const LAST_PARAGRAPH_IN_SECTION = "Can't remove the last paragraph in a document section.";
/** Our wording (unverified): a cell keeps its last paragraph for the same reason a body does. */
export const LAST_PARAGRAPH_IN_CELL = "Can't remove the last paragraph in a table cell.";
/** Real message (gas-fakes' live tests assert it when appending an attached paragraph). */
export const MUST_BE_DETACHED = 'Element must be detached.';
/** Real message ("Child index (2228) must be less than the number of child elements (6)."). */
export function childIndexError(index: number, count: number): Error {
  return new Error(`Child index (${index}) must be less than the number of child elements (${count}).`);
}
/** Insertion at index == count appends, so the bound is inclusive; wording unverified. */
function insertIndexError(index: number, count: number): Error {
  return new Error(`Child index (${index}) must be less than or equal to the number of child elements (${count}).`);
}
function notAChild(): Error {
  return new Error('Element does not contain the specified child element.');
}
/** Wording unverified, modelled on the child-index message. */
function offsetError(offset: number, length: number): Error {
  return new Error(`Index (${offset}) must be less than the content length (${length}).`);
}

/**
 * Colours are CSS hex, '#rrggbb' (…/table-cell#setBackgroundColor(String): "formatted in CSS
 * notation (like '#ffffff')"). Apps Script stores them as RGB and formats them back in lower case,
 * so '#D9EAD3' reads back as '#d9ead3' (unverified: inferred from the API's RGB model and the
 * lower-case examples). Anything else throws; the message is our wording.
 */
export function normaliseColor(color: unknown, parameter = 'color'): string {
  if (typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color)) return color.toLowerCase();
  throw new Error(`Invalid argument: ${parameter}`);
}

/** "Paragraphs may not contain new-line characters. New-line characters ("\n") are converted to line-break characters ("\r")." (…/paragraph). */
export function softBreaks(text: string): string {
  return text.replace(/\r\n|\n/g, '\r');
}

function requireInteger(value: unknown, parameter: string): number {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  throw new Error(`Invalid argument: ${parameter}`);
}

// ---------------------------------------------------------------------------------------------
// Document-wide state shared by every element of one document, attached or detached.

/**
 * What getText() gives for a person or date chip, which Google does not document: nothing
 * ('omitted', the default), the chip's display text ('display'), or U+E907, the character the Docs
 * REST API puts for a non-text element ('private-use'). The add-on must read the same plan in all
 * three; editAsText() ignores chips in every mode ("The editAsText mode ignores non-text elements").
 */
export type ChipText = 'omitted' | 'display' | 'private-use';
export const CHIP_TEXTS: readonly ChipText[] = ['omitted', 'display', 'private-use'];

export class DocumentState {
  closed = false;
  chipText: ChipText = 'omitted';
  private ids = 0;

  constructor(readonly ctx: EmulationContext) {}

  /** Ids look like Docs' own ("kix.…") but are sequential, so tests are repeatable. */
  newId(): string {
    this.ids += 1;
    return `kix.${this.ids.toString(36).padStart(8, '0')}`;
  }

  /** After saveAndClose(): "A closed Document can't be edited." (…/document#saveAndClose()). */
  assertOpen(): void {
    if (this.closed) throw new Error('Document is closed, its contents cannot be updated.');
  }
}

// ---------------------------------------------------------------------------------------------
// Text styles, per character.

export interface TextStyle {
  readonly bold: boolean;
  readonly italic: boolean;
  readonly underline: boolean;
  readonly strikethrough: boolean;
  readonly foregroundColor: string | null;
  readonly backgroundColor: string | null;
  readonly linkUrl: string | null;
}

export const PLAIN: TextStyle = Object.freeze({
  bold: false, italic: false, underline: false, strikethrough: false,
  foregroundColor: null, backgroundColor: null, linkUrl: null,
});

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return a.bold === b.bold && a.italic === b.italic && a.underline === b.underline && a.strikethrough === b.strikethrough
    && a.foregroundColor === b.foregroundColor && a.backgroundColor === b.backgroundColor && a.linkUrl === b.linkUrl;
}

/** Attribute names (DocumentApp.Attribute) that live on characters, with their style keys. */
const TEXT_ATTRIBUTES = {
  [AttributeNames.BOLD]: 'bold',
  [AttributeNames.ITALIC]: 'italic',
  [AttributeNames.UNDERLINE]: 'underline',
  [AttributeNames.STRIKETHROUGH]: 'strikethrough',
  [AttributeNames.FOREGROUND_COLOR]: 'foregroundColor',
  [AttributeNames.BACKGROUND_COLOR]: 'backgroundColor',
  [AttributeNames.LINK_URL]: 'linkUrl',
} as const satisfies Record<string, keyof TextStyle>;

type StylePatch = { -readonly [K in keyof TextStyle]?: TextStyle[K] };

/** Reads an attributes object (…/attribute) into a style patch; null clears an attribute. */
function stylePatchFrom(attributes: Attributes): StylePatch {
  const patch: StylePatch = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    if (!(name in attributes)) continue;
    const value = attributes[name];
    if (key === 'foregroundColor' || key === 'backgroundColor') {
      patch[key] = value === null ? null : normaliseColor(value);
    } else if (key === 'linkUrl') {
      patch[key] = value === null || value === '' ? null : String(value);
    } else {
      patch[key] = value === null ? false : Boolean(value);
    }
  }
  return patch;
}

function styleAttributes(style: TextStyle | null): Attributes {
  const out: Attributes = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) out[name] = style ? style[key] : null;
  return out;
}

function applyPatch(style: TextStyle, patch: StylePatch): TextStyle {
  const next = { ...style, ...patch };
  return sameStyle(next, style) ? style : Object.freeze(next);
}

// ---------------------------------------------------------------------------------------------
// Element

/** Objects that print as Apps Script's do ("Paragraph", "Range"); toString is inherited, so never counted. */
export abstract class Described {
  abstract readonly _label: string;

  toString(): string {
    return this._label;
  }
}

export abstract class ElementBase<Api = unknown> extends Described {
  readonly calls: CallLog;
  _parent: ContainerBase<unknown> | null = null;
  abstract readonly _type: ElementTypeName;
  /** What Apps Script's toString() says (a Body says "DocumentBodySection"). */
  abstract override readonly _label: string;

  constructor(readonly _state: DocumentState) {
    super();
    this.calls = _state.ctx.calls;
  }

  /** A detached deep copy (…/element#copy()). */
  abstract _clone(): ElementBase;

  getType(): ApiElementType {
    return apiEnum(this._type);
  }

  /** Null for detached elements; @types omits the null. The body's parent is the DOCUMENT root. */
  getParent(): ApiContainer {
    return api(this._parent);
  }

  getNextSibling(): ApiElement {
    return api(this._sibling(1));
  }

  getPreviousSibling(): ApiElement {
    return api(this._sibling(-1));
  }

  isAtDocumentEnd(): boolean {
    return this._atDocumentEnd();
  }

  /** Returns the removed element, now detached (…/element#removeFromParent()). */
  removeFromParent(): Api {
    this._state.assertOpen();
    if (this._parent) this._parent._removeChild(this);
    return api(this);
  }

  copy(): Api {
    return api(this._clone());
  }

  getAttributes(): Attributes {
    return this._attributes();
  }

  setAttributes(attributes: Attributes): Api {
    this._state.assertOpen();
    this._applyAttributes(attributes ?? {});
    return api(this);
  }

  // The as*() casts (…/element#asParagraph()): "Returns the current element as a Paragraph".
  // They throw when the element is of another type; the wording is ours (unverified).
  asBody(): ApiBody { return this._as('BODY_SECTION'); }
  asParagraph(): ApiParagraph { return this._as('PARAGRAPH'); }
  asListItem(): ApiListItem { return this._as('LIST_ITEM'); }
  asTable(): ApiTable { return this._as('TABLE'); }
  asTableRow(): ApiTableRow { return this._as('TABLE_ROW'); }
  asTableCell(): ApiTableCell { return this._as('TABLE_CELL'); }
  asText(): ApiText { return this._as('TEXT'); }
  asDate(): ApiDate { return this._as('DATE'); }
  asPerson(): ApiPerson { return this._as('PERSON'); }
  asHorizontalRule(): ApiHorizontalRule { return this._as('HORIZONTAL_RULE'); }

  // --- plumbing ---

  _as<T>(type: ElementTypeName): T {
    if (this._type !== type) throw new Error(`Cannot cast ${this._label} (${this._type}) to ${type}.`);
    return api(this);
  }

  _sibling(step: 1 | -1): ElementBase | null {
    if (!this._parent) return null;
    const siblings = this._parent._children;
    return siblings[siblings.indexOf(this) + step] ?? null;
  }

  /** This element and its ancestors, innermost first. */
  _lineage(): ElementBase[] {
    const chain: ElementBase[] = [this];
    for (let e = this._parent; e; e = e._parent) chain.push(e);
    return chain;
  }

  /** "Whether the element is at the end of the tab": on the last-child path down from the body. */
  _atDocumentEnd(): boolean {
    for (const element of this._lineage()) {
      if (element instanceof BodyEmulation) return element._isAttached();
      const siblings = element._parent?._children;
      if (!siblings || siblings[siblings.length - 1] !== element) return false;
    }
    return false;
  }

  _root(): ElementBase {
    const chain = this._lineage();
    return chain[chain.length - 1] ?? this;
  }

  /** Attached = reachable from a document root (detached copies and removed elements are not). */
  _isAttached(): boolean {
    return this._root() instanceof DocumentRootEmulation;
  }

  /** Child indexes from the root: document order is the lexicographic order of paths. */
  _path(): number[] {
    return this._lineage()
      .filter((element) => element._parent)
      .map((element) => element._parent?._children.indexOf(element) ?? 0)
      .reverse();
  }

  _attributes(): Attributes {
    return {};
  }

  _applyAttributes(_attributes: Attributes): void {
    // Elements without settable attributes ignore them, as Apps Script does for unknown keys.
  }
}

export function comparePaths(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

// ---------------------------------------------------------------------------------------------
// Containers

export abstract class ContainerBase<Api = unknown> extends ElementBase<Api> {
  readonly _children: ElementBase[] = [];

  getNumChildren(): number {
    return this._children.length;
  }

  /** Out of range throws Google's "Child index (n) must be less than the number of child elements (m)." */
  getChild(childIndex: number): ApiElement {
    const index = requireInteger(childIndex, 'childIndex');
    const child = this._children[index];
    if (index < 0 || !child) throw childIndexError(index, this._children.length);
    return api(child);
  }

  getChildIndex(child: ApiElement): number {
    const index = this._children.indexOf(modelOf(child, 'child'));
    if (index < 0) throw notAChild();
    return index;
  }

  removeChild(child: ApiElement): Api {
    this._state.assertOpen();
    const element = modelOf(child, 'child');
    if (element._parent !== this) throw notAChild();
    this._removeChild(element);
    return api(this);
  }

  getText(): string {
    return this._state.chipText === 'omitted' ? this._text() : this._textWithChips();
  }

  /** What getText() gives when chips show up in it (see ChipText): paragraphs joined by "\n". */
  _textWithChips(): string {
    return this._paragraphs().map((paragraph) => paragraph._textWithChips()).join('\n');
  }

  /** A Text over this element's characters; edits go to the underlying Text elements (…/container-element#editAsText()). */
  editAsText(): ApiText {
    return api(new TextViewEmulation(this._state, this));
  }

  /**
   * "The provided regular expression pattern is independently matched against each text block"
   * (…/body#findText(String)); we match each Text element with a JavaScript RegExp, which covers the
   * RE2 subset Apps Script accepts. Null when nothing matches.
   */
  findText(searchPattern: string, from?: ApiRangeElement | null): ApiRangeElement {
    return api(findTextIn(this._textDescendants(), searchPattern, from));
  }

  /** The next descendant of the given type, in document order, after `from` (…/body#findElement(ElementType,RangeElement)). */
  findElement(elementType: ApiElementType, from?: ApiRangeElement | null): ApiRangeElement {
    const type = enumName(ElementTypeNames, elementType, 'elementType');
    const all = this._descendants();
    let start = 0;
    if (from) {
      if (!(from instanceof RangeElementEmulation)) throw new Error('Invalid argument: from');
      start = all.indexOf(from._element) + 1;
    }
    const found = all.slice(start).find((element) => element._type === type);
    return api(found ? new RangeElementEmulation(found) : null);
  }

  replaceText(searchPattern: string, replacement: string): ApiElement {
    this._state.assertOpen();
    for (const text of this._textDescendants()) text._replace(searchPattern, replacement);
    return api(this);
  }

  // --- plumbing ---

  abstract _text(): string;

  /** Pre-order descendants, excluding this element. */
  _descendants(): ElementBase[] {
    const out: ElementBase[] = [];
    const walk = (container: ContainerBase<unknown>): void => {
      for (const child of container._children) {
        out.push(child);
        if (child instanceof ContainerBase) walk(child);
      }
    };
    walk(this);
    return out;
  }

  _textDescendants(): TextEmulation[] {
    return this._descendants().filter((element): element is TextEmulation => element instanceof TextEmulation);
  }

  /** Paragraphs and list items inside this element, in document order. */
  _paragraphs(): ParagraphBase<unknown>[] {
    return this._descendants().filter((element): element is ParagraphBase<unknown> => element instanceof ParagraphBase);
  }

  /**
   * Text of a body, cell, row or table: its paragraphs' texts joined by "\n", nested tables
   * included, chips excluded. Body.getText() is verified this way (gas-fakes' live tests: after
   * appendParagraph(t) on a new document it is "\n" + t); for cells, rows and tables it follows
   * from the Docs API model, where every paragraph ends in "\n" (unverified in Apps Script).
   */
  _blockText(): string {
    return this._paragraphs().map((paragraph) => paragraph._text()).join('\n');
  }

  _insertChild(index: number, child: ElementBase): void {
    this._state.assertOpen();
    if (child._parent) throw new Error(MUST_BE_DETACHED);
    if (index < 0 || index > this._children.length) throw insertIndexError(index, this._children.length);
    this._children.splice(index, 0, child);
    child._parent = this;
  }

  _appendChild(child: ElementBase): void {
    this._insertChild(this._children.length, child);
  }

  _removeChild(child: ElementBase): void {
    this._state.assertOpen();
    const index = this._children.indexOf(child);
    if (index < 0) throw notAChild();
    this._assertRemovable(child, index);
    this._children.splice(index, 1);
    child._parent = null;
  }

  /** Detaches every child without the last-paragraph checks (for clear() and setText()). */
  _detachAll(): void {
    this._state.assertOpen();
    for (const child of this._children) child._parent = null;
    this._children.length = 0;
  }

  _assertRemovable(_child: ElementBase, _index: number): void {
    // Most containers accept any removal.
  }

  _cloneChildrenInto(copy: ContainerBase<unknown>): void {
    for (const child of this._children) copy._appendChild(child._clone());
  }
}

/** The element above the body: ElementType.DOCUMENT, "the root of the document" (…/element-type). */
export class DocumentRootEmulation extends ContainerBase<ApiContainer> {
  readonly _type = 'DOCUMENT';
  readonly _label = 'Document';

  _text(): string {
    return this._blockText();
  }

  /** The body is not removable (Body has no removeFromParent() in Apps Script). */
  override _assertRemovable(): void {
    throw new Error('The document body cannot be removed.');
  }

  _clone(): ElementBase {
    throw new Error('The document root cannot be copied.');
  }
}

// ---------------------------------------------------------------------------------------------
// Sections: the body and table cells hold paragraphs, list items and tables.

type BlockInput = string | ApiParagraph | ApiListItem;

export abstract class SectionBase<Api> extends ContainerBase<Api> {
  appendParagraph(textOrParagraph: string | ApiParagraph): ApiParagraph {
    return api(this._insertBlock(this._children.length, this._paragraphFrom(textOrParagraph)));
  }

  insertParagraph(childIndex: number, textOrParagraph: string | ApiParagraph): ApiParagraph {
    const index = this._insertIndex(childIndex);
    return api(this._insertBlock(index, this._paragraphFrom(textOrParagraph)));
  }

  appendListItem(textOrListItem: string | ApiListItem): ApiListItem {
    return api(this._insertBlock(this._children.length, this._listItemFrom(textOrListItem, this._children.length)));
  }

  insertListItem(childIndex: number, textOrListItem: string | ApiListItem): ApiListItem {
    const index = this._insertIndex(childIndex);
    return api(this._insertBlock(index, this._listItemFrom(textOrListItem, index)));
  }

  /**
   * appendTable() makes an empty table (rows are then added with appendTableRow());
   * appendTable(cells) builds the whole table in one call; appendTable(table) appends a detached
   * copy. "This method will also append an empty paragraph after the table, since Google Docs
   * documents cannot end with a table." (…/body#appendTable(String)).
   */
  appendTable(cellsOrTable?: string[][] | ApiTable | null): ApiTable {
    return api(this._insertBlock(this._children.length, this._tableFrom(cellsOrTable)));
  }

  /** Out-of-range indexes throw; a table inserted last gets the same trailing paragraph as appendTable. */
  insertTable(childIndex: number, cellsOrTable?: string[][] | ApiTable | null): ApiTable {
    const index = this._insertIndex(childIndex);
    return api(this._insertBlock(index, this._tableFrom(cellsOrTable)));
  }

  /** A horizontal rule lives inside a new paragraph (…/horizontal-rule: "contained within a ListItem or Paragraph"). */
  appendHorizontalRule(): ApiHorizontalRule {
    return this.__horizontalRuleAt(this._children.length);
  }

  insertHorizontalRule(childIndex: number): ApiHorizontalRule {
    return this.__horizontalRuleAt(this._insertIndex(childIndex));
  }

  /** "Clears the contents of the element": a section keeps one empty paragraph. */
  clear(): Api {
    this._detachAll();
    this._appendChild(new ParagraphEmulation(this._state));
    return api(this);
  }

  // --- plumbing ---

  _text(): string {
    return this._blockText();
  }

  private __horizontalRuleAt(index: number): ApiHorizontalRule {
    const paragraph = new ParagraphEmulation(this._state);
    const rule = new HorizontalRuleEmulation(this._state);
    paragraph._appendChild(rule);
    this._insertBlock(index, paragraph);
    return api(rule);
  }

  _insertIndex(childIndex: unknown): number {
    const index = requireInteger(childIndex, 'childIndex');
    if (index < 0 || index > this._children.length) throw insertIndexError(index, this._children.length);
    return index;
  }

  /** Inserts a block; a section never ends with a table, so one inserted last is followed by an empty paragraph. */
  _insertBlock<T extends ElementBase>(index: number, block: T): T {
    this._insertChild(index, block);
    if (block instanceof TableEmulation && index === this._children.length - 1) {
      this._appendChild(new ParagraphEmulation(this._state));
    }
    return block;
  }

  _paragraphFrom(input: BlockInput): ParagraphEmulation {
    if (typeof input === 'string') return ParagraphEmulation._withText(this._state, input);
    const element = modelOf(input, 'paragraph');
    if (!(element instanceof ParagraphEmulation)) throw new Error('Invalid argument: paragraph');
    return element;
  }

  /** New list items join the list of the item just before them, as consecutive bullets do in Docs. */
  _listItemFrom(input: BlockInput, index: number): ListItemEmulation {
    if (typeof input !== 'string') {
      const element = modelOf(input, 'listItem');
      if (!(element instanceof ListItemEmulation)) throw new Error('Invalid argument: listItem');
      return element;
    }
    const item = ListItemEmulation._withText(this._state, input);
    const previous = this._children[index - 1];
    if (previous instanceof ListItemEmulation) {
      item._listId = previous._listId;
      if (previous._nesting === 0) item._glyph = previous._glyph;
    }
    return item;
  }

  _tableFrom(input: string[][] | ApiTable | null | undefined): TableEmulation {
    if (input === undefined || input === null) return new TableEmulation(this._state);
    if (Array.isArray(input)) return TableEmulation._fromCells(this._state, input);
    const element = modelOf(input, 'table');
    if (!(element instanceof TableEmulation)) throw new Error('Invalid argument: table');
    return element;
  }
}

export class BodyEmulation extends SectionBase<ApiBody> implements Pick<ApiBody,
  | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'appendParagraph' | 'insertParagraph' | 'appendListItem'
  | 'insertListItem' | 'appendTable' | 'insertTable' | 'appendHorizontalRule' | 'insertHorizontalRule' | 'removeChild'
  | 'getParagraphs' | 'getTables' | 'getListItems' | 'getText' | 'findText' | 'findElement' | 'replaceText'
  | 'editAsText' | 'clear' | 'getType' | 'getParent' | 'getAttributes' | 'setAttributes' | 'copy'> {
  readonly _type = 'BODY_SECTION';
  readonly _label = 'DocumentBodySection';

  /** "Retrieves all the Paragraphs contained in the section (including ListItems)", table cells included. */
  getParagraphs(): ApiParagraph[] {
    return api(this._paragraphs());
  }

  /** All tables in the section, nested ones included, in document order. */
  getTables(): ApiTable[] {
    return api(this._descendants().filter((element) => element instanceof TableEmulation));
  }

  getListItems(): ApiListItem[] {
    return api(this._descendants().filter((element) => element instanceof ListItemEmulation));
  }

  // --- plumbing ---

  /** The body's final paragraph cannot go: Google's "Can't remove the last paragraph in a document section." */
  override _assertRemovable(_child: ElementBase, index: number): void {
    if (index === this._children.length - 1) throw new Error(LAST_PARAGRAPH_IN_SECTION);
  }

  _clone(): ElementBase {
    const copy = new BodyEmulation(this._state);
    this._cloneChildrenInto(copy);
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Paragraphs and list items hold Text, chips and horizontal rules.

type InlineInput = string | ApiText;

export abstract class ParagraphBase<Api> extends ContainerBase<Api> {
  _heading: ParagraphHeadingName = 'NORMAL';
  _alignment: HorizontalAlignmentName | null = null;

  /**
   * "Sets the contents of the paragraph as text. Note: existing contents are cleared."
   * (…/paragraph#setText(String)): chips and formatting go, the heading stays.
   */
  setText(text: string): void {
    this._setPlainText(String(text));
  }

  /** "Creates and appends a new Text element with the specified contents." (…/paragraph#appendText(String)). */
  appendText(text: InlineInput): ApiText {
    const element = this._textFrom(text);
    this._appendChild(element);
    return api(element);
  }

  /** Inserts a new Text element at a child index (not a character offset). */
  insertText(childIndex: number, text: InlineInput): ApiText {
    const index = requireInteger(childIndex, 'childIndex');
    const element = this._textFrom(text);
    this._insertChild(index, element);
    return api(element);
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return apiEnum(this._heading);
  }

  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): Api {
    this._state.assertOpen();
    this._heading = enumName(ParagraphHeadingNames, heading, 'heading');
    return api(this);
  }

  /** Null until set (unverified: Apps Script may report LEFT for a left-to-right default). */
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return apiEnum(this._alignment);
  }

  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): Api {
    this._state.assertOpen();
    this._alignment = enumName(HorizontalAlignmentNames, alignment, 'alignment');
    return api(this);
  }

  clear(): Api {
    this._detachAll();
    return api(this);
  }

  appendHorizontalRule(): ApiHorizontalRule {
    const rule = new HorizontalRuleEmulation(this._state);
    this._appendChild(rule);
    return api(rule);
  }

  // --- plumbing ---

  /**
   * A paragraph's text is the concatenation of its Text children. Smart chips (Date, Person) are
   * separate child elements and contribute nothing: the Docs API gives a chip one index and no text
   * run (shared/fixtures/google-docs-api/SOURCES.md), and editAsText "ignores non-text elements"
   * (…/paragraph#editAsText()). Whether Apps Script's getText() adds a chip's display text is
   * unverified; leaving it out is the safe reading, because code that reads chips as elements
   * (…/date, …/person) works either way, while code that parses chip text from getText() would
   * only work if Google does include it.
   */
  _text(): string {
    return this._children.map((child) => (child instanceof TextEmulation ? child._str() : '')).join('');
  }

  override _textWithChips(): string {
    const privateUse = this._state.chipText === 'private-use';
    return this._children
      .map((child) => {
        if (child instanceof TextEmulation) return child._str();
        if (child instanceof DateEmulation) return privateUse ? '\uE907' : child._displayText;
        if (child instanceof PersonEmulation) return privateUse ? '\uE907' : (child._name ?? child._email);
        return '';
      })
      .join('');
  }

  _setPlainText(text: string): void {
    this._detachAll();
    if (text !== '') this._appendChild(new TextEmulation(this._state, softBreaks(text)));
  }

  _textFrom(input: InlineInput): TextEmulation {
    if (typeof input === 'string') return new TextEmulation(this._state, softBreaks(input));
    const element = modelOf(input, 'text');
    if (!(element instanceof TextEmulation)) throw new Error('Invalid argument: text');
    return element;
  }

  override _attributes(): Attributes {
    return {
      ...styleAttributes(uniformStyle(this._textDescendants())),
      [AttributeNames.HEADING]: this._heading,
      [AttributeNames.HORIZONTAL_ALIGNMENT]: this._alignment,
    };
  }

  override _applyAttributes(attributes: Attributes): void {
    if (AttributeNames.HEADING in attributes) this._heading = enumName(ParagraphHeadingNames, attributes[AttributeNames.HEADING], 'heading');
    if (AttributeNames.HORIZONTAL_ALIGNMENT in attributes) {
      const value = attributes[AttributeNames.HORIZONTAL_ALIGNMENT];
      this._alignment = value === null ? null : enumName(HorizontalAlignmentNames, value, 'alignment');
    }
    const patch = stylePatchFrom(attributes);
    for (const text of this._textDescendants()) text._restyle(0, text._len() - 1, patch);
  }

  _copyParagraphPropsTo(copy: ParagraphBase<unknown>): void {
    copy._heading = this._heading;
    copy._alignment = this._alignment;
    this._cloneChildrenInto(copy);
  }
}

export class ParagraphEmulation extends ParagraphBase<ApiParagraph> implements Pick<ApiParagraph,
  | 'getText' | 'setText' | 'appendText' | 'insertText' | 'getHeading' | 'setHeading' | 'getAlignment' | 'setAlignment'
  | 'getType' | 'getParent' | 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent' | 'editAsText'
  | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'removeChild' | 'isAtDocumentEnd' | 'setAttributes'
  | 'getAttributes' | 'clear' | 'copy' | 'findText' | 'findElement' | 'replaceText' | 'appendHorizontalRule'
  | 'asParagraph' | 'asListItem' | 'asText' | 'asTable'> {
  readonly _type = 'PARAGRAPH';
  readonly _label = 'Paragraph';

  static _withText(state: DocumentState, text: string): ParagraphEmulation {
    const paragraph = new ParagraphEmulation(state);
    paragraph._setPlainText(String(text));
    return paragraph;
  }

  _clone(): ElementBase {
    const copy = new ParagraphEmulation(this._state);
    this._copyParagraphPropsTo(copy);
    return copy;
  }
}

export class ListItemEmulation extends ParagraphBase<ApiListItem> implements Pick<ApiListItem,
  | 'getText' | 'setText' | 'appendText' | 'insertText' | 'getHeading' | 'setHeading' | 'getAlignment' | 'setAlignment'
  | 'getGlyphType' | 'setGlyphType' | 'getNestingLevel' | 'setNestingLevel' | 'getListId' | 'setListId'
  | 'getType' | 'getParent' | 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent' | 'editAsText'
  | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'removeChild' | 'isAtDocumentEnd' | 'setAttributes'
  | 'getAttributes' | 'clear' | 'copy' | 'findText' | 'findElement' | 'replaceText' | 'appendHorizontalRule'> {
  readonly _type = 'LIST_ITEM';
  readonly _label = 'ListItem';
  _glyph: GlyphTypeName = 'BULLET';
  _nesting = 0;
  _listId: string;

  constructor(state: DocumentState) {
    super(state);
    this._listId = state.newId();
  }

  static _withText(state: DocumentState, text: string): ListItemEmulation {
    const item = new ListItemEmulation(state);
    item._setPlainText(String(text));
    return item;
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return apiEnum(this._glyph);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): ApiListItem {
    this._state.assertOpen();
    this._glyph = enumName(GlyphTypeNames, glyphType, 'glyphType');
    return api(this);
  }

  getNestingLevel(): number {
    return this._nesting;
  }

  setNestingLevel(nestingLevel: number): ApiListItem {
    this._state.assertOpen();
    const level = requireInteger(nestingLevel, 'nestingLevel');
    // Docs lists have nine levels, 0..8.
    if (level < 0 || level > 8) throw new Error('Invalid argument: nestingLevel');
    this._nesting = level;
    return api(this);
  }

  getListId(): string {
    return this._listId;
  }

  /** "Sets the list ID … to the ID of the given ListItem" so both belong to one list (…/list-item#setListId(ListItem)). */
  setListId(listItem: ApiListItem): ApiListItem {
    this._state.assertOpen();
    const other = modelOf(listItem, 'listItem');
    if (!(other instanceof ListItemEmulation)) throw new Error('Invalid argument: listItem');
    this._listId = other._listId;
    return api(this);
  }

  override _attributes(): Attributes {
    return {
      ...super._attributes(),
      [AttributeNames.GLYPH_TYPE]: this._glyph,
      [AttributeNames.NESTING_LEVEL]: this._nesting,
      [AttributeNames.LIST_ID]: this._listId,
    };
  }

  override _applyAttributes(attributes: Attributes): void {
    super._applyAttributes(attributes);
    if (AttributeNames.GLYPH_TYPE in attributes) this._glyph = enumName(GlyphTypeNames, attributes[AttributeNames.GLYPH_TYPE], 'glyphType');
    if (AttributeNames.NESTING_LEVEL in attributes) this._nesting = requireInteger(attributes[AttributeNames.NESTING_LEVEL], 'nestingLevel');
  }

  _clone(): ElementBase {
    const copy = new ListItemEmulation(this._state);
    this._copyParagraphPropsTo(copy);
    copy._glyph = this._glyph;
    copy._nesting = this._nesting;
    copy._listId = this._listId;
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

export class TableEmulation extends ContainerBase<ApiTable> implements Pick<ApiTable,
  | 'getNumRows' | 'getRow' | 'getCell' | 'appendTableRow' | 'insertTableRow' | 'removeRow' | 'getText' | 'getType'
  | 'getParent' | 'getNumChildren' | 'getChild' | 'getChildIndex' | 'removeChild' | 'removeFromParent'
  | 'getBorderColor' | 'setBorderColor' | 'getBorderWidth' | 'setBorderWidth' | 'getColumnWidth' | 'setColumnWidth'
  | 'editAsText' | 'findText' | 'findElement' | 'replaceText' | 'copy' | 'getNextSibling' | 'getPreviousSibling'
  | 'isAtDocumentEnd' | 'getAttributes' | 'setAttributes'> {
  readonly _type = 'TABLE';
  readonly _label = 'Table';
  _borderColor: string | null = null;
  _borderWidth: number | null = null;
  readonly _columnWidths = new Map<number, number>();

  /**
   * Builds a table from strings, one cell per string, one paragraph per cell. Rows shorter than the
   * longest are padded with empty cells, because a Docs table is always rectangular (the Docs API
   * has rows and columns counts per table; the padding rule is our choice, unverified in Apps
   * Script). A table needs at least one cell. "\n" in a cell becomes "\r", as in a paragraph.
   */
  static _fromCells(state: DocumentState, cells: unknown): TableEmulation {
    if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row) && row.every((cell) => typeof cell === 'string'))) {
      throw new Error('Invalid argument: cells');
    }
    const rows = cells as string[][];
    const width = Math.max(0, ...rows.map((row) => row.length));
    if (width === 0) throw new Error('Invalid argument: cells');
    const table = new TableEmulation(state);
    for (const row of rows) {
      const tableRow = new TableRowEmulation(state);
      for (let c = 0; c < width; c++) tableRow._appendChild(TableCellEmulation._withText(state, row[c] ?? ''));
      table._appendChild(tableRow);
    }
    return table;
  }

  getNumRows(): number {
    return this._children.length;
  }

  getRow(rowIndex: number): ApiTableRow {
    return api(this._row(rowIndex));
  }

  getCell(rowIndex: number, cellIndex: number): ApiTableCell {
    return api(this._row(rowIndex)._cell(cellIndex));
  }

  /** No argument: a new row with no cells; add them with appendTableCell() (…/table-row example). */
  appendTableRow(tableRow?: ApiTableRow): ApiTableRow {
    const row = this._rowFrom(tableRow);
    this._appendChild(row);
    return api(row);
  }

  insertTableRow(childIndex: number, tableRow?: ApiTableRow | null): ApiTableRow {
    const index = requireInteger(childIndex, 'childIndex');
    const row = this._rowFrom(tableRow);
    this._insertChild(index, row);
    return api(row);
  }

  /** Returns the removed row, detached. */
  removeRow(rowIndex: number): ApiTableRow {
    const row = this._row(rowIndex);
    this._removeChild(row);
    return api(row);
  }

  getBorderColor(): string {
    return api(this._borderColor);
  }

  setBorderColor(color: string): ApiTable {
    this._state.assertOpen();
    this._borderColor = normaliseColor(color);
    return api(this);
  }

  getBorderWidth(): number {
    return api(this._borderWidth);
  }

  setBorderWidth(width: number): ApiTable {
    this._state.assertOpen();
    this._borderWidth = Number(width);
    return api(this);
  }

  getColumnWidth(columnIndex: number): number {
    return api(this._columnWidths.get(requireInteger(columnIndex, 'columnIndex')) ?? null);
  }

  setColumnWidth(columnIndex: number, width: number): ApiTable {
    this._state.assertOpen();
    this._columnWidths.set(requireInteger(columnIndex, 'columnIndex'), Number(width));
    return api(this);
  }

  // --- plumbing ---

  _text(): string {
    return this._blockText();
  }

  _row(rowIndex: unknown): TableRowEmulation {
    const index = requireInteger(rowIndex, 'rowIndex');
    const row = this._children[index];
    if (index < 0 || !(row instanceof TableRowEmulation)) throw childIndexError(index, this._children.length);
    return row;
  }

  _rowFrom(input: ApiTableRow | null | undefined): TableRowEmulation {
    if (input === undefined || input === null) return new TableRowEmulation(this._state);
    const element = modelOf(input, 'tableRow');
    if (!(element instanceof TableRowEmulation)) throw new Error('Invalid argument: tableRow');
    return element;
  }

  override _attributes(): Attributes {
    return { [AttributeNames.BORDER_COLOR]: this._borderColor, [AttributeNames.BORDER_WIDTH]: this._borderWidth };
  }

  override _applyAttributes(attributes: Attributes): void {
    if (AttributeNames.BORDER_COLOR in attributes) {
      const value = attributes[AttributeNames.BORDER_COLOR];
      this._borderColor = value === null ? null : normaliseColor(value);
    }
    if (AttributeNames.BORDER_WIDTH in attributes) this._borderWidth = Number(attributes[AttributeNames.BORDER_WIDTH]);
  }

  _clone(): ElementBase {
    const copy = new TableEmulation(this._state);
    copy._borderColor = this._borderColor;
    copy._borderWidth = this._borderWidth;
    for (const [column, width] of this._columnWidths) copy._columnWidths.set(column, width);
    this._cloneChildrenInto(copy);
    return copy;
  }
}

export class TableRowEmulation extends ContainerBase<ApiTableRow> implements Pick<ApiTableRow,
  | 'getNumCells' | 'getCell' | 'appendTableCell' | 'insertTableCell' | 'removeCell' | 'getParentTable' | 'getText'
  | 'getType' | 'getChildIndex' | 'getParent' | 'getNumChildren' | 'getChild' | 'removeChild' | 'removeFromParent'
  | 'editAsText' | 'findText' | 'findElement' | 'replaceText' | 'copy' | 'getNextSibling' | 'getPreviousSibling'
  | 'getMinimumHeight' | 'setMinimumHeight' | 'isAtDocumentEnd' | 'getAttributes' | 'setAttributes'> {
  readonly _type = 'TABLE_ROW';
  readonly _label = 'TableRow';
  _minimumHeight = 0;

  getNumCells(): number {
    return this._children.length;
  }

  getCell(cellIndex: number): ApiTableCell {
    return api(this._cell(cellIndex));
  }

  /** A new cell holds one paragraph: the given text, or an empty one (…/table-row#appendTableCell(String)). */
  appendTableCell(textContentsOrCell?: string | ApiTableCell | null): ApiTableCell {
    const cell = this._cellFrom(textContentsOrCell);
    this._appendChild(cell);
    return api(cell);
  }

  insertTableCell(childIndex: number, textContentsOrCell?: string | ApiTableCell | null): ApiTableCell {
    const index = requireInteger(childIndex, 'childIndex');
    const cell = this._cellFrom(textContentsOrCell);
    this._insertChild(index, cell);
    return api(cell);
  }

  removeCell(cellIndex: number): ApiTableCell {
    const cell = this._cell(cellIndex);
    this._removeChild(cell);
    return api(cell);
  }

  getParentTable(): ApiTable {
    return api(this._parent instanceof TableEmulation ? this._parent : null);
  }

  getMinimumHeight(): number {
    return this._minimumHeight;
  }

  setMinimumHeight(minHeight: number): ApiTableRow {
    this._state.assertOpen();
    this._minimumHeight = Number(minHeight);
    return api(this);
  }

  // --- plumbing ---

  _text(): string {
    return this._blockText();
  }

  _cell(cellIndex: unknown): TableCellEmulation {
    const index = requireInteger(cellIndex, 'cellIndex');
    const cell = this._children[index];
    if (index < 0 || !(cell instanceof TableCellEmulation)) throw childIndexError(index, this._children.length);
    return cell;
  }

  _cellFrom(input: string | ApiTableCell | null | undefined): TableCellEmulation {
    if (input === undefined || input === null) return TableCellEmulation._withText(this._state, '');
    if (typeof input === 'string') return TableCellEmulation._withText(this._state, input);
    const element = modelOf(input, 'tableCell');
    if (!(element instanceof TableCellEmulation)) throw new Error('Invalid argument: tableCell');
    return element;
  }

  override _attributes(): Attributes {
    return { [AttributeNames.MINIMUM_HEIGHT]: this._minimumHeight };
  }

  _clone(): ElementBase {
    const copy = new TableRowEmulation(this._state);
    copy._minimumHeight = this._minimumHeight;
    this._cloneChildrenInto(copy);
    return copy;
  }
}

export class TableCellEmulation extends SectionBase<ApiTableCell> implements Pick<ApiTableCell,
  | 'getText' | 'setText' | 'getBackgroundColor' | 'setBackgroundColor' | 'editAsText' | 'getParentRow'
  | 'getParentTable' | 'getColSpan' | 'getRowSpan' | 'getNumChildren' | 'getChild' | 'getChildIndex'
  | 'appendParagraph' | 'insertParagraph' | 'appendListItem' | 'insertListItem' | 'appendTable' | 'insertTable'
  | 'appendHorizontalRule' | 'insertHorizontalRule' | 'removeChild' | 'getType' | 'getParent' | 'clear'
  | 'getVerticalAlignment' | 'setVerticalAlignment' | 'findText' | 'findElement' | 'replaceText' | 'copy'
  | 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent' | 'isAtDocumentEnd' | 'getAttributes' | 'setAttributes'> {
  readonly _type = 'TABLE_CELL';
  readonly _label = 'TableCell';
  _background: string | null = null;
  _verticalAlignment: VerticalAlignmentName | null = null;

  /** A cell always holds at least one paragraph. */
  static _withText(state: DocumentState, text: string): TableCellEmulation {
    const cell = new TableCellEmulation(state);
    cell._appendChild(ParagraphEmulation._withText(state, text));
    return cell;
  }

  /**
   * "Sets the contents as plain text. Note: existing contents are cleared." (…/table-cell#setText(String)):
   * every child goes (detached; named ranges on them lapse) and one new paragraph holds the text.
   * "\n" becomes "\r" as in a paragraph, so the cell keeps one paragraph (unverified for cells).
   * The background colour is the cell's own and stays.
   */
  setText(text: string): ApiTableCell {
    this._detachAll();
    this._appendChild(ParagraphEmulation._withText(this._state, String(text)));
    return api(this);
  }

  /** Null when never set (…/table-cell#getBackgroundColor(): "String|null"), never a default '#ffffff'. */
  getBackgroundColor(): string {
    return api(this._background);
  }

  /** '#rrggbb' only; other strings throw. null clears (our choice; @types says string). */
  setBackgroundColor(color: string): ApiTableCell {
    this._state.assertOpen();
    this._background = color === null ? null : normaliseColor(color);
    return api(this);
  }

  getParentRow(): ApiTableRow {
    return api(this._parent instanceof TableRowEmulation ? this._parent : null);
  }

  getParentTable(): ApiTable {
    const row = this._parent;
    return api(row instanceof TableRowEmulation && row._parent instanceof TableEmulation ? row._parent : null);
  }

  /** Merged cells are not emulated: every cell spans one column and one row. */
  getColSpan(): number {
    return 1;
  }

  getRowSpan(): number {
    return 1;
  }

  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    return apiEnum(this._verticalAlignment);
  }

  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): ApiTableCell {
    this._state.assertOpen();
    this._verticalAlignment = enumName(VerticalAlignmentNames, alignment, 'alignment');
    return api(this);
  }

  // --- plumbing ---

  /**
   * A cell, like the body, always ends with a paragraph, so its last paragraph cannot be removed
   * (by analogy with the body's rule; unverified for cells). Code that trims a cell should use
   * setText() or remove the earlier paragraphs.
   */
  override _assertRemovable(_child: ElementBase, index: number): void {
    if (index === this._children.length - 1) throw new Error(LAST_PARAGRAPH_IN_CELL);
  }

  override _attributes(): Attributes {
    return {
      [AttributeNames.BACKGROUND_COLOR]: this._background,
      [AttributeNames.VERTICAL_ALIGNMENT]: this._verticalAlignment,
    };
  }

  override _applyAttributes(attributes: Attributes): void {
    if (AttributeNames.BACKGROUND_COLOR in attributes) {
      const value = attributes[AttributeNames.BACKGROUND_COLOR];
      this._background = value === null ? null : normaliseColor(value);
    }
    if (AttributeNames.VERTICAL_ALIGNMENT in attributes) {
      const value = attributes[AttributeNames.VERTICAL_ALIGNMENT];
      this._verticalAlignment = value === null ? null : enumName(VerticalAlignmentNames, value, 'alignment');
    }
  }

  _clone(): ElementBase {
    const copy = new TableCellEmulation(this._state);
    copy._background = this._background;
    copy._verticalAlignment = this._verticalAlignment;
    this._cloneChildrenInto(copy);
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Text

type TextApi = Pick<ApiText,
  | 'getText' | 'setText' | 'insertText' | 'appendText' | 'deleteText' | 'editAsText' | 'isBold' | 'setBold'
  | 'isItalic' | 'setItalic' | 'isUnderline' | 'setUnderline' | 'isStrikethrough' | 'setStrikethrough'
  | 'getForegroundColor' | 'setForegroundColor' | 'getBackgroundColor' | 'setBackgroundColor' | 'getLinkUrl'
  | 'setLinkUrl' | 'getTextAttributeIndices' | 'getType' | 'getParent' | 'getAttributes' | 'setAttributes'
  | 'findText' | 'replaceText' | 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent' | 'copy' | 'isAtDocumentEnd'>;

/**
 * Rich text with a style per character. Offsets are character offsets; ranges are
 * (startOffset, endOffsetInclusive) as in …/text#setBold(Integer,Integer,Boolean).
 */
export abstract class TextBase extends ElementBase<ApiText> {
  readonly _type = 'TEXT';
  readonly _label = 'Text';

  getText(): string {
    return this._str();
  }

  setText(text: string): ApiText {
    this._state.assertOpen();
    this._setAll(softBreaks(String(text)));
    return api(this);
  }

  /** Inserted text takes the style of the character before it ("Typically, the text style for the inserted text matches the text immediately before the insertion index", Docs API rules-behavior). */
  insertText(offset: number, text: string): ApiText {
    this._state.assertOpen();
    const at = requireInteger(offset, 'offset');
    if (at < 0 || at > this._len()) throw offsetError(at, this._len() + 1);
    this._insert(at, softBreaks(String(text)));
    return api(this);
  }

  appendText(text: string): ApiText {
    this._state.assertOpen();
    this._insert(this._len(), softBreaks(String(text)));
    return api(this);
  }

  deleteText(startOffset: number, endOffsetInclusive: number): ApiText {
    this._state.assertOpen();
    const [start, end] = this._range(startOffset, endOffsetInclusive);
    this._delete(start, end);
    return api(this);
  }

  editAsText(): ApiText {
    return api(this);
  }

  isBold(offset?: number | null): boolean { return api(this._read('bold', offset)); }
  isItalic(offset?: number | null): boolean { return api(this._read('italic', offset)); }
  isUnderline(offset?: number | null): boolean { return api(this._read('underline', offset)); }
  isStrikethrough(offset?: number | null): boolean { return api(this._read('strikethrough', offset)); }
  /** Null where no colour was set, or when the characters differ (…/text#getForegroundColor()). */
  getForegroundColor(offset?: number | null): string { return api(this._read('foregroundColor', offset)); }
  getBackgroundColor(offset?: number | null): string { return api(this._read('backgroundColor', offset)); }
  getLinkUrl(offset?: number | null): string { return api(this._read('linkUrl', offset)); }

  setBold(...args: [boolean] | [number, number, boolean]): ApiText { return this._write('bold', args, Boolean); }
  setItalic(...args: [boolean] | [number, number, boolean]): ApiText { return this._write('italic', args, Boolean); }
  setUnderline(...args: [boolean] | [number, number, boolean]): ApiText { return this._write('underline', args, Boolean); }
  setStrikethrough(...args: [boolean] | [number, number, boolean]): ApiText { return this._write('strikethrough', args, Boolean); }
  setForegroundColor(...args: [string] | [number, number, string]): ApiText { return this._write('foregroundColor', args, colorOrNull); }
  setBackgroundColor(...args: [string] | [number, number, string]): ApiText { return this._write('backgroundColor', args, colorOrNull); }
  setLinkUrl(...args: [string] | [number, number, string]): ApiText { return this._write('linkUrl', args, urlOrNull); }

  /** Offsets where a formatting run starts: always 0 for non-empty text, then each change of style. */
  getTextAttributeIndices(): number[] {
    const indices: number[] = [];
    for (let i = 0; i < this._len(); i++) {
      if (i === 0 || !sameStyle(this._styleAt(i), this._styleAt(i - 1))) indices.push(i);
    }
    return indices;
  }

  /** Without an offset: each attribute's value when all characters agree, else null. */
  override getAttributes(offset?: number | null): Attributes {
    if (offset === undefined || offset === null) return styleAttributes(this._uniform());
    return styleAttributes(this._styleAt(this._offset(offset)));
  }

  override setAttributes(...args: [Attributes] | [number, number, Attributes]): ApiText {
    this._state.assertOpen();
    if (args.length === 1) {
      this._restyle(0, this._len() - 1, stylePatchFrom(args[0] ?? {}));
    } else {
      const [start, end] = this._range(args[0], args[1]);
      this._restyle(start, end, stylePatchFrom(args[2] ?? {}));
    }
    return api(this);
  }

  findText(searchPattern: string, from?: ApiRangeElement | null): ApiRangeElement {
    return api(findTextIn(this._searchable(), searchPattern, from));
  }

  replaceText(searchPattern: string, replacement: string): ApiElement {
    this._state.assertOpen();
    this._replace(searchPattern, replacement);
    return api(this);
  }

  // --- storage, implemented by a Text element and by a view over a container ---

  abstract _len(): number;
  abstract _str(): string;
  abstract _styleAt(index: number): TextStyle;
  abstract _restyle(start: number, endInclusive: number, patch: StylePatch): void;
  abstract _insert(offset: number, text: string): void;
  abstract _delete(start: number, endInclusive: number): void;
  abstract _setAll(text: string): void;
  /** The Text elements findText() searches: this one, or those under a view. */
  abstract _searchable(): TextEmulation[];

  _replace(searchPattern: string, replacement: string): void {
    const pattern = new RegExp(searchPattern, 'g');
    const matches = [...this._str().matchAll(pattern)].filter((match) => match[0] !== '');
    // Right to left, so earlier offsets stay valid.
    for (const match of matches.reverse()) {
      const start = match.index;
      const end = start + match[0].length - 1;
      const replaced = match[0].replace(new RegExp(searchPattern), replacement);
      const style = this._styleAt(start);
      this._delete(start, end);
      if (replaced !== '') {
        this._insert(start, replaced);
        this._restyle(start, start + replaced.length - 1, { ...style });
      }
    }
  }

  _uniform(): TextStyle | null {
    if (this._len() === 0) return null;
    const first = this._styleAt(0);
    for (let i = 1; i < this._len(); i++) if (!sameStyle(first, this._styleAt(i))) return mixedStyle(this);
    return first;
  }

  _offset(offset: unknown): number {
    const at = requireInteger(offset, 'offset');
    if (at < 0 || at >= this._len()) throw offsetError(at, this._len());
    return at;
  }

  _range(startOffset: unknown, endOffsetInclusive: unknown): [number, number] {
    const start = requireInteger(startOffset, 'startOffset');
    const end = requireInteger(endOffsetInclusive, 'endOffsetInclusive');
    if (start < 0 || start >= this._len()) throw offsetError(start, this._len());
    if (end < start || end >= this._len()) throw offsetError(end, this._len());
    return [start, end];
  }

  private _read<K extends keyof TextStyle>(key: K, offset: number | null | undefined): TextStyle[K] | null {
    if (offset !== undefined && offset !== null) return this._styleAt(this._offset(offset))[key];
    if (this._len() === 0) return null;
    const first = this._styleAt(0)[key];
    for (let i = 1; i < this._len(); i++) if (this._styleAt(i)[key] !== first) return null;
    return first;
  }

  private _write<K extends keyof TextStyle, V>(key: K, args: [V] | [number, number, V], convert: (value: V) => TextStyle[K]): ApiText {
    this._state.assertOpen();
    if (args.length === 1) {
      const value = convert(args[0]);
      if (this._len() > 0) this._restyle(0, this._len() - 1, { [key]: value });
    } else {
      const [start, end] = this._range(args[0], args[1]);
      this._restyle(start, end, { [key]: convert(args[2]) });
    }
    return api(this);
  }
}

function colorOrNull(value: string | null): string | null {
  return value === null ? null : normaliseColor(value);
}

function urlOrNull(value: string | null): string | null {
  return value === null || value === '' ? null : String(value);
}

/** For getAttributes() over mixed text: null for each attribute that differs. */
function mixedStyle(text: TextBase): TextStyle {
  const first = text._styleAt(0);
  const out: Record<string, unknown> = { ...first };
  for (const key of Object.keys(first) as (keyof TextStyle)[]) {
    for (let i = 1; i < text._len(); i++) {
      if (text._styleAt(i)[key] !== first[key]) {
        out[key] = null;
        break;
      }
    }
  }
  return out as unknown as TextStyle;
}

function uniformStyle(texts: readonly TextEmulation[]): TextStyle | null {
  const styles = texts.flatMap((text) => text._styles);
  if (styles.length === 0) return null;
  const first = styles[0] ?? PLAIN;
  return styles.every((style) => sameStyle(style, first)) ? first : null;
}

/** A Text element: the characters of (part of) a paragraph. */
export class TextEmulation extends TextBase implements TextApi {
  _chars: string;
  _styles: TextStyle[];

  constructor(state: DocumentState, text = '', style: TextStyle = PLAIN) {
    super(state);
    this._chars = text;
    this._styles = Array.from({ length: text.length }, () => style);
  }

  _len(): number {
    return this._chars.length;
  }

  _str(): string {
    return this._chars;
  }

  _styleAt(index: number): TextStyle {
    return this._styles[index] ?? PLAIN;
  }

  _restyle(start: number, endInclusive: number, patch: StylePatch): void {
    for (let i = Math.max(0, start); i <= Math.min(endInclusive, this._len() - 1); i++) {
      this._styles[i] = applyPatch(this._styleAt(i), patch);
    }
  }

  _insert(offset: number, text: string): void {
    const style = offset > 0 ? this._styleAt(offset - 1) : this._len() > 0 ? this._styleAt(0) : PLAIN;
    this._chars = this._chars.slice(0, offset) + text + this._chars.slice(offset);
    this._styles.splice(offset, 0, ...Array.from({ length: text.length }, () => style));
  }

  _delete(start: number, endInclusive: number): void {
    this._chars = this._chars.slice(0, start) + this._chars.slice(endInclusive + 1);
    this._styles.splice(start, endInclusive - start + 1);
  }

  /** Replaces the characters; the new text keeps the style of the old first character. */
  _setAll(text: string): void {
    const style = this._styleAt(0);
    this._chars = text;
    this._styles = Array.from({ length: text.length }, () => style);
  }

  _searchable(): TextEmulation[] {
    return [this];
  }

  /** Appends styled characters (loaders use this to build runs). */
  _appendStyled(text: string, style: TextStyle): void {
    this._chars += text;
    for (let i = 0; i < text.length; i++) this._styles.push(style);
  }

  _clone(): ElementBase {
    const copy = new TextEmulation(this._state, this._chars);
    copy._styles = [...this._styles];
    return copy;
  }
}

interface Segment {
  paragraph: ParagraphBase<unknown>;
  text: TextEmulation;
  start: number;
}

/**
 * What editAsText() returns for a container: one Text over all its characters. For a paragraph
 * these are its Text children (chips skipped: "The editAsText mode ignores non-text elements");
 * for a body, cell or table, its paragraphs joined by "\n", as getText() reads them. Edits go
 * to the underlying Text elements. Deleting across a paragraph break is not emulated (it would
 * merge paragraphs) and throws.
 */
export class TextViewEmulation extends TextBase implements TextApi {
  constructor(state: DocumentState, readonly _container: ContainerBase<unknown>) {
    super(state);
  }

  /** The view is not in the tree; its parent is the element it was obtained from. */
  override getParent(): ApiContainer {
    return api(this._container);
  }

  _paragraphList(): ParagraphBase<unknown>[] {
    return this._container instanceof ParagraphBase ? [this._container] : this._container._paragraphs();
  }

  /** Text segments with their offsets, and where each paragraph starts. */
  _layout(): { segments: Segment[]; paragraphs: { paragraph: ParagraphBase<unknown>; start: number; end: number }[] } {
    const segments: Segment[] = [];
    const paragraphs: { paragraph: ParagraphBase<unknown>; start: number; end: number }[] = [];
    let offset = 0;
    this._paragraphList().forEach((paragraph, i) => {
      if (i > 0) offset += 1; // the "\n" between paragraphs
      const start = offset;
      for (const child of paragraph._children) {
        if (!(child instanceof TextEmulation)) continue;
        segments.push({ paragraph, text: child, start: offset });
        offset += child._len();
      }
      paragraphs.push({ paragraph, start, end: offset });
    });
    return { segments, paragraphs };
  }

  _searchable(): TextEmulation[] {
    return this._layout().segments.map((segment) => segment.text);
  }

  _len(): number {
    return this._str().length;
  }

  _str(): string {
    return this._container instanceof ParagraphBase ? this._container._text() : this._container._blockText();
  }

  _styleAt(index: number): TextStyle {
    const segment = this._layout().segments.find((s) => index >= s.start && index < s.start + s.text._len());
    return segment ? segment.text._styleAt(index - segment.start) : PLAIN;
  }

  _restyle(start: number, endInclusive: number, patch: StylePatch): void {
    for (const s of this._layout().segments) {
      const from = Math.max(start, s.start) - s.start;
      const to = Math.min(endInclusive, s.start + s.text._len() - 1) - s.start;
      if (from <= to) s.text._restyle(from, to, patch);
    }
  }

  _insert(offset: number, text: string): void {
    const { segments, paragraphs } = this._layout();
    const segment = segments.find((s) => offset >= s.start && offset <= s.start + s.text._len());
    if (segment) {
      segment.text._insert(offset - segment.start, text);
      return;
    }
    const target = paragraphs.find((p) => offset >= p.start && offset <= p.end);
    if (!target) throw offsetError(offset, this._len());
    target.paragraph._appendChild(new TextEmulation(this._state, text));
  }

  _delete(start: number, endInclusive: number): void {
    const { segments, paragraphs } = this._layout();
    const crossesBreak = paragraphs.some((p, i) => i > 0 && p.start - 1 >= start && p.start - 1 <= endInclusive);
    if (crossesBreak) throw new Error('Deleting across paragraphs through editAsText() is not emulated.');
    for (const s of [...segments].reverse()) {
      const from = Math.max(start, s.start) - s.start;
      const to = Math.min(endInclusive, s.start + s.text._len() - 1) - s.start;
      if (from <= to) s.text._delete(from, to);
    }
  }

  /** A paragraph gets one Text; a body or cell gets one paragraph, as TableCell.setText() does ("\n" is already "\r"). */
  _setAll(text: string): void {
    const container = this._container;
    if (container instanceof ParagraphBase) {
      container._setPlainText(text);
    } else if (container instanceof SectionBase) {
      container._detachAll();
      container._appendChild(ParagraphEmulation._withText(this._state, text));
    } else {
      throw new Error('setText() on the text of a table is not emulated.');
    }
  }

  _clone(): ElementBase {
    const copy = new TextEmulation(this._state, this._str());
    copy._styles = Array.from({ length: this._len() }, (_, i) => this._styleAt(i));
    return copy;
  }
}

// ---------------------------------------------------------------------------------------------
// Smart chips and horizontal rules: leaf elements inside paragraphs.

/**
 * A date smart chip (…/date). Read-only from DocumentApp: "DocumentApp cannot create or change
 * them". Tests and the preview add them with DocumentEmulation._appendDateChip().
 */
export class DateEmulation extends ElementBase<ApiDate> implements Pick<ApiDate,
  | 'getTimestamp' | 'getDisplayText' | 'getLocale' | 'getType' | 'getParent' | 'getNextSibling'
  | 'getPreviousSibling' | 'removeFromParent' | 'copy' | 'isAtDocumentEnd' | 'getAttributes'> {
  readonly _type = 'DATE';
  readonly _label = 'Date';

  constructor(state: DocumentState, readonly _timestamp: Date, readonly _displayText: string, readonly _locale: string) {
    super(state);
  }

  /** A JavaScript Date; @types mistypes it as the Document Date element (see shared guide). */
  getTimestamp(): ApiDate {
    return api(new Date(this._timestamp.getTime()));
  }

  /** "The display value uses the UTC timezone and the date's locale. For example, Jul 16, 2021." */
  getDisplayText(): string {
    return this._displayText;
  }

  getLocale(): string {
    return this._locale;
  }

  _clone(): ElementBase {
    return new DateEmulation(this._state, this._timestamp, this._displayText, this._locale);
  }
}

/** A person smart chip (…/person). getName() is null when the chip shows the email address. */
export class PersonEmulation extends ElementBase<ApiPerson> implements Pick<ApiPerson,
  | 'getName' | 'getEmail' | 'getType' | 'getParent' | 'getNextSibling' | 'getPreviousSibling'
  | 'removeFromParent' | 'copy' | 'isAtDocumentEnd' | 'getAttributes'> {
  readonly _type = 'PERSON';
  readonly _label = 'Person';

  constructor(state: DocumentState, readonly _name: string | null, readonly _email: string) {
    super(state);
  }

  getName(): string {
    return api(this._name);
  }

  getEmail(): string {
    return this._email;
  }

  _clone(): ElementBase {
    return new PersonEmulation(this._state, this._name, this._email);
  }
}

export class HorizontalRuleEmulation extends ElementBase<ApiHorizontalRule> implements Pick<ApiHorizontalRule,
  'getType' | 'getParent' | 'getNextSibling' | 'getPreviousSibling' | 'removeFromParent' | 'copy' | 'isAtDocumentEnd'> {
  readonly _type = 'HORIZONTAL_RULE';
  readonly _label = 'HorizontalRule';

  _clone(): ElementBase {
    return new HorizontalRuleEmulation(this._state);
  }
}

// ---------------------------------------------------------------------------------------------
// RangeElement: search results, selections and named ranges point at elements through it.

/**
 * An element with an optional character range (…/range-element). Offsets are -1 unless the range
 * covers part of a Text element.
 */
export class RangeElementEmulation extends Described implements Pick<ApiRangeElement, 'getElement' | 'isPartial' | 'getStartOffset' | 'getEndOffsetInclusive'> {
  readonly _label = 'RangeElement';
  readonly calls: CallLog;

  constructor(readonly _element: ElementBase, readonly _start = -1, readonly _endInclusive = -1) {
    super();
    this.calls = _element.calls;
  }

  getElement(): ApiElement {
    return api(this._element);
  }

  isPartial(): boolean {
    return this._start >= 0;
  }

  getStartOffset(): number {
    return this._start;
  }

  getEndOffsetInclusive(): number {
    return this._endInclusive;
  }
}

function findTextIn(texts: readonly TextEmulation[], searchPattern: string, from?: ApiRangeElement | null): RangeElementEmulation | null {
  let startText = 0;
  let startOffset = 0;
  if (from) {
    const previous = from instanceof RangeElementEmulation ? from : null;
    if (!previous) throw new Error('Invalid argument: from');
    startText = texts.indexOf(previous._element as TextEmulation);
    if (startText < 0) return null;
    startOffset = previous._endInclusive + 1;
  }
  for (let i = startText; i < texts.length; i++) {
    const text = texts[i];
    if (!text) continue;
    const pattern = new RegExp(searchPattern, 'g');
    pattern.lastIndex = i === startText ? startOffset : 0;
    const match = pattern.exec(text._str());
    if (match && match[0] !== '') return new RangeElementEmulation(text, match.index, match.index + match[0].length - 1);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Call counting: each concrete class records under Google's class name.

function countElementCalls(cls: { prototype: object; name: string }, name: string): void {
  const target = cls.prototype;
  for (let proto = Object.getPrototypeOf(target); proto && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const key of Object.getOwnPropertyNames(proto)) {
      // toString stays inherited and uncounted: test messages and logs call it implicitly.
      if (key === 'constructor' || key === 'toString' || key.startsWith('_')) continue;
      if (Object.prototype.hasOwnProperty.call(target, key)) continue;
      const descriptor = Object.getOwnPropertyDescriptor(proto, key);
      if (descriptor && typeof descriptor.value === 'function') Object.defineProperty(target, key, descriptor);
    }
  }
  countCalls(cls, name);
}

countElementCalls(DocumentRootEmulation, 'ContainerElement');
countElementCalls(BodyEmulation, 'Body');
countElementCalls(ParagraphEmulation, 'Paragraph');
countElementCalls(ListItemEmulation, 'ListItem');
countElementCalls(TableEmulation, 'Table');
countElementCalls(TableRowEmulation, 'TableRow');
countElementCalls(TableCellEmulation, 'TableCell');
countElementCalls(TextEmulation, 'Text');
countElementCalls(TextViewEmulation, 'Text');
countElementCalls(DateEmulation, 'Date');
countElementCalls(PersonEmulation, 'Person');
countElementCalls(HorizontalRuleEmulation, 'HorizontalRule');
countCalls(RangeElementEmulation, 'RangeElement');
