/** The emulated DocumentApp behaves as Google documents it: structure rules, tables, text, chips and call counts. */
import {
  DocumentAppEmulation, DocumentEmulation, ElementType, GlyphType, LAST_PARAGRAPH_IN_CELL, LAST_PARAGRAPH_IN_SECTION, ParagraphHeading,
} from '../../emulation/document';
import { makeContext } from './document-helpers';

function setup() {
  const ctx = makeContext();
  const doc = new DocumentEmulation(ctx, { name: 'Acme MAP' });
  const app = new DocumentAppEmulation(ctx, doc);
  return { ctx, doc, app, body: doc.getBody() };
}

function types(container: GoogleAppsScript.Document.ContainerElement | GoogleAppsScript.Document.Body): string[] {
  return Array.from({ length: container.getNumChildren() }, (_, i) => String(container.getChild(i).getType()));
}

describe('a new document', () => {
  test('holds one empty paragraph, whose parent is the body, whose parent is the document root', () => {
    const { body } = setup();
    expect(types(body)).toEqual(['PARAGRAPH']);
    expect(body.getText()).toBe('');
    const paragraph = body.getChild(0);
    expect(paragraph.getParent().getType()).toBe(ElementType.BODY_SECTION);
    expect(String(body.getParent().getType())).toBe('DOCUMENT');
    expect(body.getParent().getParent()).toBeNull();
  });

  test('prints like Apps Script objects', () => {
    const { doc, body } = setup();
    expect(String(doc)).toBe('Document');
    expect(String(body)).toBe('DocumentBodySection');
    expect(`${body.getChild(0)}`).toBe('Paragraph');
  });

  test('has one document tab whose body is the document body', () => {
    const { doc } = setup();
    const tab = doc.getActiveTab();
    expect(tab.getType().toString()).toBe('DOCUMENT_TAB');
    expect(tab.asDocumentTab().getBody()).toBe(doc.getBody());
    expect(doc.getTabs()).toHaveLength(1);
    expect(doc.getTab('no-such-tab')).toBeNull();
    expect(doc.getUrl()).toBe(`https://docs.google.com/document/d/${doc.getId()}/edit`);
  });
});

describe('the body always ends with a paragraph', () => {
  test('appendTable adds an empty paragraph after the table', () => {
    const { body } = setup();
    body.appendTable([['Step', 'Owner']]);
    expect(types(body)).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH']);
    expect(body.getChild(2).asParagraph().getText()).toBe('');
  });

  test('insertTable before the last paragraph adds nothing; inserting it last adds the paragraph', () => {
    const { body } = setup();
    body.appendParagraph('Intro');
    body.insertTable(1, [['a']]);
    expect(types(body)).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH']);
    body.insertTable(3, [['b']]);
    expect(types(body)).toEqual(['PARAGRAPH', 'TABLE', 'PARAGRAPH', 'TABLE', 'PARAGRAPH']);
  });

  test("removing the last paragraph throws Google's message, even when other paragraphs remain", () => {
    const { body } = setup();
    body.appendParagraph('one');
    const last = body.appendParagraph('two');
    expect(() => last.removeFromParent()).toThrow(LAST_PARAGRAPH_IN_SECTION);
    expect(() => body.removeChild(last)).toThrow("Can't remove the last paragraph in a document section.");
    expect(body.getNumChildren()).toBe(3);
  });

  test('clear() leaves one empty paragraph', () => {
    const { body } = setup();
    body.appendParagraph('x');
    body.appendTable([['a']]);
    body.clear();
    expect(types(body)).toEqual(['PARAGRAPH']);
    expect(body.getText()).toBe('');
  });
});

describe('child indexes', () => {
  test('shift when elements are inserted or removed above', () => {
    const { body } = setup();
    const a = body.appendParagraph('a');
    const b = body.appendParagraph('b');
    expect(body.getChildIndex(b)).toBe(2);
    body.insertParagraph(0, 'top');
    expect(body.getChildIndex(a)).toBe(2);
    expect(body.getChildIndex(b)).toBe(3);
    a.removeFromParent();
    expect(body.getChildIndex(b)).toBe(2);
    expect(b.getPreviousSibling().asParagraph().getText()).toBe('');
  });

  test('out-of-range indexes throw: getChild past the end, insert beyond the end', () => {
    const { body } = setup();
    expect(() => body.getChild(1)).toThrow('Child index (1) must be less than the number of child elements (1).');
    expect(() => body.insertParagraph(2, 'x')).toThrow(/Child index \(2\)/);
    expect(() => body.insertTable(-1, [['x']])).toThrow(/Child index \(-1\)/);
    // Inserting at the end is appending.
    expect(body.insertParagraph(1, 'end').getText()).toBe('end');
  });

  test('getChildIndex of an element that is not a child throws', () => {
    const { body } = setup();
    const table = body.appendTable([['a']]);
    expect(() => body.getChildIndex(table.getCell(0, 0))).toThrow('Element does not contain the specified child element.');
  });
});

describe('removed elements are detached', () => {
  test('getParent() is null and they can be inserted again only as what they are', () => {
    const { body } = setup();
    const p = body.appendParagraph('moving');
    body.appendParagraph('end');
    const removed = p.removeFromParent();
    expect(removed.getParent()).toBeNull();
    expect(removed.getNextSibling()).toBeNull();
    body.insertParagraph(0, removed);
    expect(body.getChild(0).asParagraph().getText()).toBe('moving');
  });

  test('an attached element cannot be inserted a second time', () => {
    const { body } = setup();
    const p = body.appendParagraph('once');
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
    body.appendParagraph(p.copy());
    expect(body.getText()).toBe('\nonce\nonce');
  });
});

describe('tables', () => {
  test('appendTable(cells) builds the whole table; ragged rows are padded with empty cells', () => {
    const { body } = setup();
    const table = body.appendTable([['Step', 'Owner', 'Due'], ['Kickoff'], ['Pilot', 'Ana']]);
    expect(table.getNumRows()).toBe(3);
    expect([0, 1, 2].map((r) => table.getRow(r).getNumCells())).toEqual([3, 3, 3]);
    expect(table.getCell(1, 2).getText()).toBe('');
    expect(table.getCell(2, 1).getText()).toBe('Ana');
    expect(table.getText()).toBe('Step\nOwner\nDue\nKickoff\n\n\nPilot\nAna\n');
    expect(() => body.appendTable([[]])).toThrow();
  });

  test('appendTable() with no argument makes an empty table built row by row', () => {
    const { body } = setup();
    const table = body.appendTable();
    expect(table.getNumRows()).toBe(0);
    const row = table.appendTableRow();
    row.appendTableCell('a');
    row.appendTableCell();
    expect(row.getNumCells()).toBe(2);
    expect(row.getCell(1).getNumChildren()).toBe(1);
    expect(row.getText()).toBe('a\n');
  });

  test('a cell always holds at least one paragraph; setText replaces everything with one paragraph', () => {
    const { body } = setup();
    const cell = body.appendTable([['first']]).getCell(0, 0);
    cell.appendParagraph('second');
    cell.appendListItem('third');
    expect(cell.getNumChildren()).toBe(3);
    expect(cell.getText()).toBe('first\nsecond\nthird');
    const old = cell.getChild(0);
    cell.setText('one\ntwo');
    expect(cell.getNumChildren()).toBe(1);
    expect(String(cell.getChild(0).getType())).toBe('PARAGRAPH');
    expect(cell.getText()).toBe('one\rtwo');
    expect(old.getParent()).toBeNull();
    cell.clear();
    expect(cell.getNumChildren()).toBe(1);
    expect(() => cell.getChild(0).removeFromParent()).toThrow(LAST_PARAGRAPH_IN_CELL);
  });

  test('background colours: null until set, #rrggbb in lower case, other strings throw', () => {
    const { body } = setup();
    const cell = body.appendTable([['On track']]).getCell(0, 0);
    expect(cell.getBackgroundColor()).toBeNull();
    cell.setBackgroundColor('#D9EAD3');
    expect(cell.getBackgroundColor()).toBe('#d9ead3');
    for (const bad of ['red', '#fff', 'd9ead3', '#d9ead3ff', 'rgb(1,2,3)']) {
      expect(() => cell.setBackgroundColor(bad)).toThrow('Invalid argument: color');
    }
    expect(cell.getBackgroundColor()).toBe('#d9ead3');
    cell.setText('Done');
    expect(cell.getBackgroundColor()).toBe('#d9ead3');
  });

  test('cells know their row and table; rows and cells can be inserted and removed', () => {
    const { body } = setup();
    const table = body.appendTable([['a', 'b'], ['c', 'd']]);
    const cell = table.getCell(1, 0);
    expect(cell.getParentRow().getParentTable()).toBe(table);
    expect(cell.getParentTable()).toBe(table);
    expect(cell.getColSpan()).toBe(1);
    table.insertTableRow(1).appendTableCell('new');
    expect(table.getCell(2, 0).getText()).toBe('c');
    const removed = table.removeRow(0);
    expect(removed.getParent()).toBeNull();
    expect(table.getCell(0, 0).getText()).toBe('new');
    table.getRow(1).removeCell(1);
    expect(table.getRow(1).getNumCells()).toBe(1);
    expect(() => table.getCell(5, 0)).toThrow(/Child index \(5\)/);
  });

  test('getTables and getParagraphs include what is inside tables', () => {
    const { body } = setup();
    body.appendParagraph('before');
    const outer = body.appendTable([['x']]);
    outer.getCell(0, 0).appendTable([['nested']]);
    expect(body.getTables()).toHaveLength(2);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'before', 'x', 'nested', '', '']);
  });

  test('editAsText on a header row bolds every cell', () => {
    const { body } = setup();
    const table = body.appendTable([['Step', 'Owner'], ['Kickoff', 'Ana']]);
    table.getRow(0).editAsText().setBold(true);
    expect(table.getCell(0, 0).editAsText().isBold()).toBe(true);
    expect(table.getCell(0, 1).editAsText().isBold()).toBe(true);
    expect(table.getCell(1, 0).editAsText().isBold()).toBe(false);
  });
});

describe('text', () => {
  test('a paragraph turns "\\n" into "\\r" and keeps its heading through setText', () => {
    const { body } = setup();
    const p = body.appendParagraph('line one\nline two').setHeading(ParagraphHeading.HEADING2);
    expect(p.getText()).toBe('line one\rline two');
    p.setText('Goals');
    expect(p.getHeading()).toBe(ParagraphHeading.HEADING2);
    expect(String(p.getHeading())).toBe('HEADING2');
  });

  test('attributes are per character; ranges are (start, endInclusive)', () => {
    const { body } = setup();
    const text = body.appendParagraph('Status: At risk').editAsText();
    text.setBold(0, 6, true).setForegroundColor(8, 14, '#cc0000').setBackgroundColor(8, 14, '#FCE8E6');
    expect(text.isBold(0)).toBe(true);
    expect(text.isBold(7)).toBe(false);
    expect(text.isBold()).toBeNull();
    expect(text.getForegroundColor(9)).toBe('#cc0000');
    expect(text.getForegroundColor(0)).toBeNull();
    expect(text.getBackgroundColor(8)).toBe('#fce8e6');
    expect(text.getTextAttributeIndices()).toEqual([0, 7, 8]);
    expect(() => text.setBold(10, 99, true)).toThrow('Index (99) must be less than the content length (15).');
    expect(() => text.setForegroundColor('blue')).toThrow('Invalid argument: color');
  });

  test('insertText takes the style before it; deleteText removes characters and their styles', () => {
    const { body } = setup();
    const text = body.appendParagraph('Go live').appendText('!');
    text.setBold(true);
    text.insertText(1, 'oo');
    expect(text.getText()).toBe('!oo');
    expect(text.isBold()).toBe(true);
    text.deleteText(0, 0);
    expect(text.getText()).toBe('oo');
    expect(text.getAttributes()['BOLD']).toBe(true);
  });

  test('appendText adds a new Text element; getText concatenates them', () => {
    const { body } = setup();
    const p = body.appendParagraph('Owner: ');
    p.appendText('Ana').setLinkUrl('mailto:ana@example.com');
    expect(p.getNumChildren()).toBe(2);
    expect(p.getText()).toBe('Owner: Ana');
    expect(p.editAsText().getLinkUrl(7)).toBe('mailto:ana@example.com');
  });

  test('setAttributes with DocumentApp.Attribute keys, and null clears', () => {
    const { body, app } = setup();
    const text = body.appendParagraph('Decision').editAsText();
    text.setAttributes({ [app.Attribute.BOLD]: true, [app.Attribute.BACKGROUND_COLOR]: '#FFFF00' });
    expect(text.isBold()).toBe(true);
    expect(text.getBackgroundColor()).toBe('#ffff00');
    text.setAttributes({ [app.Attribute.BACKGROUND_COLOR]: null });
    expect(text.getBackgroundColor()).toBeNull();
  });

  test('findText returns a partial RangeElement, and continues from a previous result', () => {
    const { body } = setup();
    body.appendParagraph('MAP: Acme + Globex');
    body.appendParagraph('Acme owner');
    const first = body.findText('Acme');
    expect(first.isPartial()).toBe(true);
    expect([first.getStartOffset(), first.getEndOffsetInclusive()]).toEqual([5, 8]);
    const second = body.findText('Acme', first);
    expect(second.getElement().asText().getText()).toBe('Acme owner');
    expect(body.findText('Acme', second)).toBeNull();
  });

  test('replaceText works in every Text, tables included; findElement walks in document order', () => {
    const { body } = setup();
    body.appendParagraph('Plan for {{client}} and {{client}}');
    const table = body.appendTable([['{{client}} kickoff']]);
    body.replaceText('\\{\\{client\\}\\}', 'Acme');
    expect(body.getText()).toBe('\nPlan for Acme and Acme\nAcme kickoff\n');
    const found = body.findElement(ElementType.TABLE);
    expect(found.getElement()).toBe(table);
    expect(body.findElement(ElementType.TABLE, found)).toBeNull();
  });

  test('a copy is detached until inserted; editAsText inserts into an empty paragraph', () => {
    const { body } = setup();
    const table = body.appendTable([['a']]);
    const copy = table.copy();
    expect(copy.getParent()).toBeNull();
    body.insertTable(1, copy);
    expect(body.getTables()).toHaveLength(2);
    copy.getCell(0, 0).setText('b');
    expect(table.getCell(0, 0).getText()).toBe('a');
    const empty = body.appendParagraph('');
    expect(empty.getNumChildren()).toBe(0);
    empty.editAsText().insertText(0, 'typed');
    expect(empty.getText()).toBe('typed');
  });

  test('as*() casts throw for the wrong type', () => {
    const { body } = setup();
    const p = body.appendParagraph('x');
    expect(p.asParagraph()).toBe(p);
    expect(() => p.asTable()).toThrow(/Cannot cast/);
    expect(() => p.asText()).toThrow(/Cannot cast/);
    expect(p.getChild(0).asText().getText()).toBe('x');
  });

  test('isAtDocumentEnd is true on the last paragraph and its last Text only', () => {
    const { body } = setup();
    body.appendParagraph('middle');
    const last = body.appendParagraph('end');
    expect(last.isAtDocumentEnd()).toBe(true);
    expect(last.getChild(0).isAtDocumentEnd()).toBe(true);
    expect(body.getChild(1).isAtDocumentEnd()).toBe(false);
  });
});

describe('list items', () => {
  test('consecutive items share a list; glyphs and nesting are kept', () => {
    const { body } = setup();
    const first = body.appendListItem('Security review').setGlyphType(GlyphType.NUMBER);
    const second = body.appendListItem('Legal sign-off');
    second.setNestingLevel(1);
    expect(second.getListId()).toBe(first.getListId());
    expect(second.getGlyphType()).toBe(GlyphType.NUMBER);
    expect(second.getNestingLevel()).toBe(1);
    body.appendParagraph('break');
    const other = body.appendListItem('Separate');
    expect(other.getListId()).not.toBe(first.getListId());
    other.setListId(first);
    expect(other.getListId()).toBe(first.getListId());
    expect(String(first.getType())).toBe('LIST_ITEM');
    expect(body.getListItems()).toHaveLength(3);
  });
});

describe('smart chips', () => {
  test('person and date chips are read-only elements that add no text', () => {
    const { doc, body } = setup();
    const cell = body.appendTable([['', '']]).getCell(0, 0);
    const paragraph = cell.getChild(0).asParagraph();
    doc._appendPersonChip(paragraph, { name: 'Ana Ruiz', email: 'ana@example.com' });
    doc._appendPersonChip(paragraph, { email: 'bo@example.com' });
    const dateParagraph = cell.getParentRow().getCell(1).getChild(0).asParagraph();
    doc._appendDateChip(dateParagraph, { timestamp: new Date('2025-12-12T12:00:00Z') });

    expect(paragraph.getNumChildren()).toBe(2);
    const ana = paragraph.getChild(0);
    expect(ana.getType()).toBe(ElementType.PERSON);
    expect(ana.asPerson().getName()).toBe('Ana Ruiz');
    expect(ana.asPerson().getEmail()).toBe('ana@example.com');
    expect(paragraph.getChild(1).asPerson().getName()).toBeNull();
    // Chips are elements; they contribute nothing to getText().
    expect(cell.getText()).toBe('');

    const date = dateParagraph.getChild(0).asDate();
    expect(date.getDisplayText()).toBe('Dec 12, 2025');
    expect(date.getLocale()).toBe('en');
    expect((date.getTimestamp() as unknown as Date).toISOString()).toBe('2025-12-12T12:00:00.000Z');
    expect(date.getParent().getParent().getType()).toBe(ElementType.TABLE_CELL);
    expect(() => date.asPerson()).toThrow(/Cannot cast/);
  });
});

describe('call counting', () => {
  test('building a table from strings is one Body.appendTable call', () => {
    const { ctx, body } = setup();
    ctx.calls.reset();
    body.appendTable([['Step', 'Owner', 'Due', 'Status'], ['Kickoff', 'Ana', 'Jun 2', 'Done'], ['Pilot', 'Bo', 'Jul 1', 'Open']]);
    expect(ctx.calls.snapshot()).toEqual({ 'Body.appendTable': 1 });
  });

  test('each call records under its class, inherited methods included', () => {
    const { ctx, doc, app } = setup();
    ctx.calls.reset();
    const body = app.getActiveDocument().getBody();
    const table = body.appendTable([['a']]);
    table.getCell(0, 0).setBackgroundColor('#ffffff');
    body.appendListItem('x').getText();
    table.getCell(0, 0).editAsText().setBold(true);
    doc.getCursor();
    expect(ctx.calls.snapshot()).toEqual({
      'Body.appendListItem': 1,
      'Body.appendTable': 1,
      'Document.getBody': 1,
      'Document.getCursor': 1,
      'DocumentApp.getActiveDocument': 1,
      'ListItem.getText': 1,
      'Table.getCell': 2,
      'TableCell.editAsText': 1,
      'TableCell.setBackgroundColor': 1,
      'Text.setBold': 1,
    });
  });

  test('plumbing and printing record nothing', () => {
    const { ctx, doc } = setup();
    ctx.calls.reset();
    doc._snapshot();
    doc._tables();
    expect(`${doc}`).toBe('Document');
    expect(ctx.calls.total()).toBe(0);
  });
});

describe('saveAndClose', () => {
  test('a closed document rejects edits until DocumentApp reopens it', () => {
    const { doc, app } = setup();
    const body = doc.getBody();
    doc.saveAndClose();
    expect(() => body.appendParagraph('late')).toThrow('Document is closed, its contents cannot be updated.');
    app.getActiveDocument().getBody().appendParagraph('reopened');
    expect(body.getText()).toBe('\nreopened');
  });
});

describe('DocumentApp', () => {
  test('enums are the member names, as Apps Script prints them', () => {
    const { app } = setup();
    expect(String(app.ElementType.TABLE_ROW)).toBe('TABLE_ROW');
    expect(String(app.ParagraphHeading.HEADING1)).toBe('HEADING1');
    expect(String(app.HorizontalAlignment.CENTER)).toBe('CENTER');
    expect(String(app.Attribute.FOREGROUND_COLOR)).toBe('FOREGROUND_COLOR');
    expect(JSON.stringify({ type: app.ElementType.PARAGRAPH })).toBe('{"type":"PARAGRAPH"}');
  });

  test('getUi is the context Ui; openById knows only this document', () => {
    const { ctx, doc, app } = setup();
    expect(app.getUi()).toBe(ctx.ui);
    expect(app.openById(doc.getId())).toBe(doc);
    expect(app.openByUrl(doc.getUrl())).toBe(doc);
    expect(() => app.openById('other')).toThrow(/No item with the given ID/);
  });
});
