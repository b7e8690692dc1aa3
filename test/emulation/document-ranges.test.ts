/** Named ranges, the cursor and the selection of the emulated document. */
import { DocumentEmulation, ElementType } from '../../emulation/document';
import { makeContext } from './document-helpers';

function setup() {
  const ctx = makeContext();
  const doc = new DocumentEmulation(ctx);
  return { ctx, doc, body: doc.getBody() };
}

describe('named ranges', () => {
  test('are built with newRange().addElement().build() and found by name and id', () => {
    const { doc, body } = setup();
    const title = body.appendParagraph('Mutual Action Plan: Acme');
    const table = body.appendTable([['Step']]);
    const named = doc.addNamedRange('map-plan', doc.newRange().addElement(title).addElement(table).build());
    expect(named.getName()).toBe('map-plan');
    expect(named.getId()).toMatch(/^kix\./);
    expect(doc.getNamedRanges('map-plan')).toEqual([named]);
    expect(doc.getNamedRanges('other')).toEqual([]);
    expect(doc.getNamedRanges()).toHaveLength(1);
    expect(doc.getNamedRangeById(named.getId())).toBe(named);
    expect(doc.getNamedRangeById('kix.missing')).toBeNull();
    const elements = named.getRange().getRangeElements().map((e) => e.getElement());
    expect(elements).toEqual([title, table]);
    expect(named.getRange().getRangeElements()[0]?.isPartial()).toBe(false);
    expect(named.getRange().getRangeElements()[0]?.getStartOffset()).toBe(-1);
  });

  test('names are not unique, and the tab reaches the same ranges', () => {
    const { doc, body } = setup();
    const a = body.appendParagraph('a');
    const b = body.appendParagraph('b');
    doc.addNamedRange('step', doc.newRange().addElement(a).build());
    doc.addNamedRange('step', doc.newRange().addElement(b).build());
    expect(doc.getActiveTab().asDocumentTab().getNamedRanges('step')).toHaveLength(2);
    expect(() => doc.addNamedRange('', doc.newRange().build())).toThrow('Invalid argument: name');
  });

  test('follow their elements when content is inserted or removed above them', () => {
    const { doc, body } = setup();
    body.appendParagraph('Intro');
    const table = body.appendTable([['Step', 'Owner'], ['Kickoff', 'Ana']]);
    doc.addNamedRange('map-steps', doc.newRange().addElement(table).build());
    body.insertParagraph(0, 'Inserted above');
    body.insertTable(0, [['Another table']]);
    body.getChild(2).removeFromParent();
    const marked = doc.getNamedRanges('map-steps')[0]?.getRange().getRangeElements()[0]?.getElement();
    expect(marked).toBe(table);
    expect(marked?.asTable().getCell(1, 0).getText()).toBe('Kickoff');
  });

  test('lose removed elements, and disappear when nothing is left', () => {
    const { doc, body } = setup();
    const a = body.appendParagraph('a');
    const b = body.appendParagraph('b');
    body.appendParagraph('end');
    const named = doc.addNamedRange('pair', doc.newRange().addElement(a).addElement(b).build());
    a.removeFromParent();
    expect(named.getRange().getRangeElements().map((e) => e.getElement())).toEqual([b]);
    b.removeFromParent();
    expect(doc.getNamedRanges('pair')).toEqual([]);
  });

  test('remove() deletes the named range; partial text ranges keep their offsets', () => {
    const { doc, body } = setup();
    const text = body.appendParagraph('Acme + Globex').editAsText();
    const inner = body.getChild(1).asParagraph().getChild(0).asText();
    const named = doc.addNamedRange('partner', doc.newRange().addElement(inner, 7, 12).build());
    const element = named.getRange().getRangeElements()[0];
    expect(element?.isPartial()).toBe(true);
    expect([element?.getStartOffset(), element?.getEndOffsetInclusive()]).toEqual([7, 12]);
    expect(text.getText().slice(7, 13)).toBe('Globex');
    named.remove();
    expect(doc.getNamedRanges()).toEqual([]);
  });

  test('addElementsBetween covers the elements in between, in document order', () => {
    const { doc, body } = setup();
    const first = body.appendParagraph('1');
    body.appendTable([['2']]);
    const last = body.appendParagraph('3');
    const range = doc.newRange().addElementsBetween(first, last).build();
    expect(range.getRangeElements().map((e) => String(e.getElement().getType()))).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH', 'PARAGRAPH']);
  });
});

describe('the cursor', () => {
  test('is null until the user puts it somewhere', () => {
    const { doc } = setup();
    expect(doc.getCursor()).toBeNull();
    expect(doc.getSelection()).toBeNull();
  });

  test('in a table cell sits on the cell paragraph Text; walking up reaches the row, table, body and document', () => {
    const { doc, body } = setup();
    const table = body.appendTable([['Step', 'Owner'], ['Kickoff', 'Ana']]);
    doc._setCursorInCell(table.getCell(1, 1), 2);
    const cursor = doc.getCursor();
    expect(cursor).not.toBeNull();
    const element = cursor?.getElement();
    expect(element?.getType()).toBe(ElementType.TEXT);
    expect(cursor?.getOffset()).toBe(2);
    const chain: string[] = [];
    for (let e: GoogleAppsScript.Document.Element | null = element ?? null; e; e = e.getParent()) chain.push(String(e.getType()));
    expect(chain).toEqual(['TEXT', 'PARAGRAPH', 'TABLE_CELL', 'TABLE_ROW', 'TABLE', 'BODY_SECTION', 'DOCUMENT']);
  });

  test('in an empty cell sits on the paragraph', () => {
    const { doc, body } = setup();
    const table = body.appendTable([['Step', '']]);
    doc._setCursorInCell(table.getCell(0, 1));
    expect(doc.getCursor()?.getElement().getType()).toBe(ElementType.PARAGRAPH);
    expect(doc.getCursor()?.getElement().getParent().getType()).toBe(ElementType.TABLE_CELL);
  });

  test('surrounding text and offset are those of the paragraph, across Text elements', () => {
    const { doc, body } = setup();
    const p = body.appendParagraph('Owner: ');
    const name = p.appendText('Ana Ruiz');
    doc._setCursorAt(name, 3);
    const cursor = doc.getCursor();
    expect(cursor?.getSurroundingText().getText()).toBe('Owner: Ana Ruiz');
    expect(cursor?.getSurroundingTextOffset()).toBe(10);
  });

  test('insertText creates a new Text element, splitting the one it lands in', () => {
    const { doc, body } = setup();
    const p = body.appendParagraph('Go live');
    doc._setCursorAt(p.getChild(0), 2);
    const inserted = doc.getCursor()?.insertText(' (pilot)');
    inserted?.setBold(true);
    expect(p.getText()).toBe('Go (pilot) live');
    expect(p.getNumChildren()).toBe(3);
    expect(p.editAsText().isBold(3)).toBe(true);
    expect(p.editAsText().isBold(0)).toBe(false);
  });

  test('positions check their offsets; a position in the body cannot take text', () => {
    const { doc, body } = setup();
    expect(() => doc.newPosition(body.getChild(0), 5)).toThrow(/offset/);
    const position = doc.newPosition(body, 0);
    expect(position.insertText('x')).toBeNull();
    doc.setCursor(position);
    expect(doc.getCursor()).toBe(position);
    doc._clearCursor();
    expect(doc.getCursor()).toBeNull();
  });
});

describe('the selection', () => {
  test('whole elements and partial text, in document order', () => {
    const { doc, body } = setup();
    const p = body.appendParagraph('Select me');
    const table = body.appendTable([['x']]);
    doc._selectElements(table, p);
    const elements = doc.getSelection().getRangeElements();
    expect(elements.map((e) => e.getElement())).toEqual([p, table]);
    doc._selectText(p.getChild(0).asText(), 7, 8);
    const partial = doc.getSelection().getRangeElements()[0];
    expect(partial?.isPartial()).toBe(true);
    expect(partial?.getElement().asText().getText().slice(7, 9)).toBe('me');
    doc._clearSelection();
    expect(doc.getSelection()).toBeNull();
  });
});
