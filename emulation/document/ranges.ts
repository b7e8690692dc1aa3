/** Positions, ranges, range builders and named ranges of the emulated document: the cursor, the selection and the add-on's markers. */
import { countCalls, type CallLog } from '../calls';
import {
  ContainerBase, Described, ElementBase, ParagraphBase, RangeElementEmulation, TextEmulation, TextViewEmulation,
  api, comparePaths, modelOf, type DocumentState,
} from './elements';

type ApiElement = GoogleAppsScript.Document.Element;
type ApiText = GoogleAppsScript.Document.Text;
type ApiRange = GoogleAppsScript.Document.Range;
type ApiRangeElement = GoogleAppsScript.Document.RangeElement;
type ApiRangeBuilder = GoogleAppsScript.Document.RangeBuilder;
type ApiNamedRange = GoogleAppsScript.Document.NamedRange;
type ApiPosition = GoogleAppsScript.Document.Position;

/**
 * Validates a position's offset (…/position#getOffset()): within a Text element it counts
 * characters (0..length); within any other element it counts child elements (0..number of children).
 * The wording of the error is ours.
 */
export function checkPositionOffset(element: ElementBase, offset: unknown): number {
  const limit = element instanceof TextEmulation ? element._len() : element instanceof ContainerBase ? element._children.length : 0;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset > limit) {
    throw new Error(`Invalid argument: offset (${String(offset)} is outside 0..${limit})`);
  }
  return offset;
}

/** The paragraph or list item holding an element, "either directly or through a chain of child elements". */
function enclosingParagraph(element: ElementBase): ParagraphBase<unknown> | null {
  for (let e: ElementBase | null = element; e; e = e._parent) if (e instanceof ParagraphBase) return e;
  return null;
}

/** A place in the document relative to one element; the user's cursor is one (…/position). */
export class PositionEmulation extends Described implements Pick<ApiPosition, 'getElement' | 'getOffset' | 'getSurroundingText' | 'getSurroundingTextOffset' | 'insertText'> {
  readonly _label = 'Position';
  readonly calls: CallLog;

  constructor(readonly _state: DocumentState, readonly _element: ElementBase, readonly _offset: number) {
    super();
    this.calls = _state.ctx.calls;
  }

  getElement(): ApiElement {
    return api(this._element);
  }

  getOffset(): number {
    return this._offset;
  }

  /** "An element equivalent to the result of calling editAsText() on the Paragraph or ListItem that contains the Position". */
  getSurroundingText(): ApiText {
    const paragraph = enclosingParagraph(this._element);
    return api(paragraph ? new TextViewEmulation(this._state, paragraph) : null);
  }

  /** Characters before the position within that paragraph's text (chips count for nothing, as in getText()). */
  getSurroundingTextOffset(): number {
    const paragraph = enclosingParagraph(this._element);
    if (!paragraph) return api(null);
    if (this._element === paragraph) return textLength(paragraph._children.slice(0, this._offset));
    let child: ElementBase = this._element;
    while (child._parent !== paragraph && child._parent) child = child._parent;
    const before = textLength(paragraph._children.slice(0, paragraph._children.indexOf(child)));
    return before + (this._element instanceof TextEmulation ? this._offset : 0);
  }

  /**
   * "This method creates a new Text element, even if the string is inserted within an existing Text
   * element" (…/position#insertText(String)): a Text is split around the new one. Null where text
   * cannot go (a position directly in the body or a table).
   */
  insertText(text: string): ApiText {
    this._state.assertOpen();
    const inserted = new TextEmulation(this._state, String(text).replace(/\r\n|\n/g, '\r'));
    const element = this._element;
    if (element instanceof TextEmulation && element._parent) {
      const parent = element._parent;
      const index = parent._children.indexOf(element);
      if (this._offset === 0) {
        parent._insertChild(index, inserted);
      } else {
        if (this._offset < element._len()) {
          const rest = element._clone() as TextEmulation;
          rest._delete(0, this._offset - 1);
          element._delete(this._offset, element._len() - 1);
          parent._insertChild(index + 1, rest);
        }
        parent._insertChild(index + 1, inserted);
      }
      return api(inserted);
    }
    if (element instanceof ParagraphBase) {
      element._insertChild(this._offset, inserted);
      return api(inserted);
    }
    return api(null);
  }

}

function textLength(children: readonly ElementBase[]): number {
  return children.reduce((n, child) => n + (child instanceof TextEmulation ? child._len() : 0), 0);
}

function documentOrder(entries: readonly RangeElementEmulation[]): RangeElementEmulation[] {
  return entries
    .map((entry) => ({ entry, path: entry._element._path() }))
    .sort((a, b) => comparePaths(a.path, b.path) || a.entry._start - b.entry._start)
    .map(({ entry }) => entry);
}

/** A set of elements, each whole or a character range of a Text (…/range). */
export class RangeEmulation extends Described implements Pick<ApiRange, 'getRangeElements'> {
  readonly _label = 'Range';
  readonly calls: CallLog;

  constructor(readonly _state: DocumentState, readonly _entries: readonly RangeElementEmulation[]) {
    super();
    this.calls = _state.ctx.calls;
  }

  /** "An array of elements, in the order they appear in the document". */
  getRangeElements(): ApiRangeElement[] {
    return api(documentOrder(this._entries));
  }

}

export class RangeBuilderEmulation extends Described implements Pick<ApiRangeBuilder, 'addElement' | 'addElementsBetween' | 'addRange' | 'build' | 'getRangeElements'> {
  readonly _label = 'RangeBuilder';
  readonly calls: CallLog;
  readonly _entries: RangeElementEmulation[] = [];

  constructor(readonly _state: DocumentState) {
    super();
    this.calls = _state.ctx.calls;
  }

  /** A whole element, or part of a Text element from startOffset to endOffsetInclusive (…/range-builder#addElement(Text,Integer,Integer)). */
  addElement(element: ApiElement, startOffset?: number, endOffsetInclusive?: number): ApiRangeBuilder {
    const model = modelOf(element);
    if (startOffset === undefined && endOffsetInclusive === undefined) {
      this._entries.push(new RangeElementEmulation(model));
    } else {
      this._entries.push(partialText(model, startOffset, endOffsetInclusive));
    }
    return api(this);
  }

  /** The two elements and every element between them in document order, outermost ones only. */
  addElementsBetween(startElement: ApiElement, ...rest: [ApiElement] | [number, ApiText, number]): ApiRangeBuilder {
    const start = modelOf(startElement, 'startElement');
    let end: ElementBase;
    let first: RangeElementEmulation;
    let last: RangeElementEmulation;
    if (rest.length === 1) {
      end = modelOf(rest[0], 'endElementInclusive');
      first = new RangeElementEmulation(start);
      last = new RangeElementEmulation(end);
    } else {
      end = modelOf(rest[1], 'endTextElementInclusive');
      first = partialText(start, rest[0], start instanceof TextEmulation ? start._len() - 1 : -1);
      last = partialText(end, 0, rest[2]);
    }
    const root = start._root();
    if (!(root instanceof ContainerBase) || end._root() !== root) throw new Error('Invalid argument: endElementInclusive');
    const all = root._descendants();
    const from = all.indexOf(start);
    const endIndex = all.indexOf(end);
    if (from < 0 || endIndex < from) throw new Error('Invalid argument: endElementInclusive');
    const between = all.slice(from + 1, endIndex).filter((element) => !isInside(element, start) && !isInside(end, element));
    const outermost = between.filter((element) => !between.some((other) => other !== element && isInside(element, other)));
    this._entries.push(first, ...outermost.map((element) => new RangeElementEmulation(element)), last);
    return api(this);
  }

  addRange(range: ApiRange): ApiRangeBuilder {
    if (!(range instanceof RangeEmulation)) throw new Error('Invalid argument: range');
    this._entries.push(...range._entries);
    return api(this);
  }

  build(): ApiRange {
    return api(new RangeEmulation(this._state, [...this._entries]));
  }

  getRangeElements(): ApiRangeElement[] {
    return api(documentOrder(this._entries));
  }

}

function isInside(element: ElementBase, ancestor: ElementBase): boolean {
  for (let e = element._parent; e; e = e._parent) if (e === ancestor) return true;
  return false;
}

export function partialText(element: ElementBase, startOffset: unknown, endOffsetInclusive: unknown): RangeElementEmulation {
  if (!(element instanceof TextEmulation)) throw new Error('Invalid argument: textElement');
  const start = Number(startOffset);
  const end = Number(endOffsetInclusive);
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end >= element._len()) {
    throw new Error(`Invalid argument: offsets (${String(startOffset)}, ${String(endOffsetInclusive)})`);
  }
  return new RangeElementEmulation(element, start, end);
}

/**
 * A named range (…/named-range): it points at elements, not at character indexes, so it follows
 * its content when paragraphs or tables are inserted or removed around it. Elements removed from
 * the document drop out of it, and a named range with nothing left disappears, as a Docs named
 * range does when all of its content is deleted. Partial Text offsets are clamped to the text.
 */
export class NamedRangeEmulation extends Described implements Pick<ApiNamedRange, 'getId' | 'getName' | 'getRange' | 'remove'> {
  readonly _label = 'NamedRange';
  readonly calls: CallLog;
  _removed = false;

  constructor(
    readonly _state: DocumentState,
    readonly _id: string,
    readonly _name: string,
    readonly _entries: readonly RangeElementEmulation[],
    readonly _onRemove: (range: NamedRangeEmulation) => void,
  ) {
    super();
    this.calls = _state.ctx.calls;
  }

  getId(): string {
    return this._id;
  }

  getName(): string {
    return this._name;
  }

  getRange(): ApiRange {
    return api(new RangeEmulation(this._state, this._liveEntries()));
  }

  remove(): void {
    this._state.assertOpen();
    this._removed = true;
    this._onRemove(this);
  }

  _liveEntries(): RangeElementEmulation[] {
    return this._entries
      .filter((entry) => entry._element._isAttached())
      .map((entry) => {
        if (entry._start < 0 || !(entry._element instanceof TextEmulation)) return entry;
        const length = entry._element._len();
        if (length === 0) return new RangeElementEmulation(entry._element);
        return new RangeElementEmulation(entry._element, Math.min(entry._start, length - 1), Math.min(entry._endInclusive, length - 1));
      });
  }

  _isLive(): boolean {
    return !this._removed && this._entries.some((entry) => entry._element._isAttached());
  }

}

countCalls(PositionEmulation, 'Position');
countCalls(RangeEmulation, 'Range');
countCalls(RangeBuilderEmulation, 'RangeBuilder');
countCalls(NamedRangeEmulation, 'NamedRange');
