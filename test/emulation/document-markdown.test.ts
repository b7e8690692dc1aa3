/** The Markdown loader and writer read and write what Google Docs' Markdown export looks like. */
import { DocumentEmulation, ElementType, GlyphType, ParagraphHeading, documentFromMarkdown, documentToMarkdown } from '../../emulation/document';
import { makeContext } from './document-helpers';

// Written the way Docs exports (see the format notes in emulation/document/markdown.ts).
const PLAN = [
  '# Mutual Action Plan: Acme \\+ Globex',
  '',
  'Prepared with the FP\\&A team. **Owner**: [Ana Ruiz](mailto:ana@example.com)',
  '',
  'Live plan: [https://plans.example.com/acme](https://plans.example.com/acme)   ',
  'Step 1\\. is the kickoff (see Component 2\\) below).',
  '',
  '## Steps',
  '',
  '| Step | Owner | Due | Status |',
  '| :---- | :---- | :---- | :---- |',
  '| Kickoff | [Ana Ruiz](mailto:ana@example.com)[Bo Li](mailto:bo@example.com) | Dec 12, 2025 | **Done** |',
  '| Security review \\#2 |  | Jan 9, 2026 | At risk |',
  '| Legal \\| procurement | [carol@example.com](mailto:carol@example.com) |  | Open<br>Waiting on DPA<br/>since May |',
  '',
  '## Success criteria',
  '',
  '1. Pilot live with 3 teams  ',
  '2. Legal sign-off, e-sign ready  ',
  '   1. DPA signed  ',
  '   2. SOC 2 report shared  ',
  '3. Budget approved',
  '',
  '* Scope agreed  ',
  '  * Stretch: SSO',
  '',
  '### *Risks* and ~~old notes~~',
  '',
  'Some ***very*** important \\*asterisks\\*, \\_underscores\\_, \\[brackets\\] and \\<tags\\>\\!',
  '',
  '---',
  '',
  'This document ends with a regular paragraph.',
  '',
].join('\n');

function load(markdown: string, datesAsChips = false): DocumentEmulation {
  return documentFromMarkdown(markdown, makeContext(), { name: 'Acme MAP', datesAsChips });
}

describe('documentFromMarkdown', () => {
  test('round-trips a Docs-style export exactly', () => {
    expect(documentToMarkdown(load(PLAN))).toBe(PLAN);
    expect(documentToMarkdown(load(PLAN, true))).toBe(PLAN);
  });

  test('headings, paragraphs and escapes become what Docs held', () => {
    const body = load(PLAN).getBody();
    const title = body.getChild(0).asParagraph();
    expect(title.getHeading()).toBe(ParagraphHeading.HEADING1);
    expect(title.getText()).toBe('Mutual Action Plan: Acme + Globex');
    const intro = body.getChild(1).asParagraph();
    expect(intro.getText()).toBe('Prepared with the FP&A team. Owner: ');
    expect(intro.editAsText().isBold(29)).toBe(true);
    expect(intro.getChild(intro.getNumChildren() - 1).asPerson().getEmail()).toBe('ana@example.com');
    const soft = body.getChild(2).asParagraph();
    expect(soft.getText()).toBe('Live plan: https://plans.example.com/acme \rStep 1. is the kickoff (see Component 2) below).');
    expect(soft.editAsText().getLinkUrl(11)).toBe('https://plans.example.com/acme');
    expect(body.getChild(3).asParagraph().getHeading()).toBe(ParagraphHeading.HEADING2);
  });

  test('tables keep their shape; mail links are person chips; <br> splits paragraphs', () => {
    const body = load(PLAN).getBody();
    const table = body.getTables()[0];
    if (!table) throw new Error('no table');
    expect(table.getNumRows()).toBe(4);
    expect(table.getRow(0).getNumCells()).toBe(4);
    const owners = table.getCell(1, 1).getChild(0).asParagraph();
    expect(owners.getNumChildren()).toBe(2);
    expect([0, 1].map((i) => owners.getChild(i).asPerson().getName())).toEqual(['Ana Ruiz', 'Bo Li']);
    expect(table.getCell(1, 1).getText()).toBe('');
    expect(table.getCell(3, 1).getChild(0).asParagraph().getChild(0).asPerson().getName()).toBeNull();
    expect(table.getCell(1, 3).editAsText().isBold()).toBe(true);
    expect(table.getCell(2, 0).getText()).toBe('Security review #2');
    expect(table.getCell(2, 1).getText()).toBe('');
    expect(table.getCell(3, 0).getText()).toBe('Legal | procurement');
    const status = table.getCell(3, 3);
    expect(status.getNumChildren()).toBe(2);
    expect(status.getText()).toBe('Open\nWaiting on DPA\rsince May');
    // Dates stay text unless asked for.
    expect(table.getCell(1, 2).getText()).toBe('Dec 12, 2025');
  });

  test('datesAsChips turns date-only cells back into date chips', () => {
    const table = load(PLAN, true).getBody().getTables()[0];
    const chip = table?.getCell(1, 2).getChild(0).asParagraph().getChild(0);
    expect(chip?.getType()).toBe(ElementType.DATE);
    expect(chip?.asDate().getDisplayText()).toBe('Dec 12, 2025');
    expect((chip?.asDate().getTimestamp() as unknown as Date).toISOString()).toBe('2025-12-12T12:00:00.000Z');
    expect(table?.getCell(1, 2).getText()).toBe('');
  });

  test('lists: nesting from indentation, numbered or bulleted glyphs, one list id per list', () => {
    const items = load(PLAN).getBody().getListItems();
    expect(items.map((item) => [item.getText(), item.getNestingLevel()])).toEqual([
      ['Pilot live with 3 teams', 0],
      ['Legal sign-off, e-sign ready', 0],
      ['DPA signed', 1],
      ['SOC 2 report shared', 1],
      ['Budget approved', 0],
      ['Scope agreed', 0],
      ['Stretch: SSO', 1],
    ]);
    expect(items[0]?.getGlyphType()).toBe(GlyphType.NUMBER);
    expect(items[2]?.getGlyphType()).toBe(GlyphType.LATIN_LOWER);
    expect(items[5]?.getGlyphType()).toBe(GlyphType.BULLET);
    expect(items[6]?.getGlyphType()).toBe(GlyphType.HOLLOW_BULLET);
    expect(new Set(items.slice(0, 5).map((item) => item.getListId())).size).toBe(1);
    expect(items[5]?.getListId()).not.toBe(items[0]?.getListId());
  });

  test('italic, strikethrough, literal markers and a horizontal rule', () => {
    const body = load(PLAN).getBody();
    const risks = body.getParagraphs().find((p) => p.getHeading() === ParagraphHeading.HEADING3);
    expect(risks?.getText()).toBe('Risks and old notes');
    expect(risks?.editAsText().isItalic(0)).toBe(true);
    expect(risks?.editAsText().isStrikethrough(10)).toBe(true);
    const literal = body.getParagraphs().find((p) => p.getText().startsWith('Some'));
    expect(literal?.getText()).toBe('Some very important *asterisks*, _underscores_, [brackets] and <tags>!');
    expect(literal?.editAsText().isBold(5)).toBe(true);
    expect(literal?.editAsText().isItalic(5)).toBe(true);
    const rule = body.getParagraphs().find((p) => p.getNumChildren() === 1 && p.getChild(0).getType() === ElementType.HORIZONTAL_RULE);
    expect(rule).toBeDefined();
  });

  test('a document ending with a table gets its final empty paragraph', () => {
    const body = load('| a | b |\n| :---- | :---- |\n| c |\n').getBody();
    expect(body.getNumChildren()).toBe(2);
    expect(String(body.getChild(1).getType())).toBe('PARAGRAPH');
    // The short row was padded.
    expect(body.getTables()[0]?.getRow(1).getNumCells()).toBe(2);
  });

  test('reads the older export style: every item numbered 1., blank lines normalised', () => {
    const body = load('Intro\n\n\n\n1. First item  \n1. Second item  \n   1. Nested  \n1. Third item\n').getBody();
    expect(body.getListItems().map((item) => item.getNestingLevel())).toEqual([0, 0, 1, 0]);
    expect(documentToMarkdown(load('Intro\n\n\n\nNext\n'))).toBe('Intro\n\nNext\n');
  });
});

describe('documentToMarkdown', () => {
  test('writes what the add-on built through DocumentApp, escaping text as Docs does', () => {
    const ctx = makeContext();
    const doc = new DocumentEmulation(ctx);
    const body = doc.getBody();
    const title = body.getChild(0).asParagraph();
    title.setText('Mutual Action Plan: Acme + Globex');
    title.setHeading(ParagraphHeading.TITLE);
    body.appendParagraph('Steps').setHeading(ParagraphHeading.HEADING2);
    const table = body.appendTable([['Step', 'Status'], ['Kickoff #1', 'Done'], ['Q3) review', '']]);
    table.getRow(0).editAsText().setBold(true);
    table.getCell(1, 1).setBackgroundColor('#d9ead3');
    body.appendListItem('Budget approved').setGlyphType(GlyphType.NUMBER);
    body.appendListItem('Pilot live');
    expect(documentToMarkdown(doc)).toBe([
      '# Mutual Action Plan: Acme \\+ Globex',
      '',
      '## Steps',
      '',
      '| **Step** | **Status** |',
      '| :---- | :---- |',
      '| Kickoff \\#1 | Done |',
      '| Q3\\) review |  |',
      '',
      '1. Budget approved  ',
      '2. Pilot live',
      '',
    ].join('\n'));
  });

  test('text with every special character survives a round trip, in paragraphs and cells', () => {
    const nasty = '5 * 3 = 15, _x_ #tag [a](b) <b> !? a&b a & b +1 -2 =3 1. 2) 4.5 a|b ~~s~~ \\ back';
    const doc = new DocumentEmulation(makeContext());
    const body = doc.getBody();
    body.appendParagraph(nasty);
    body.appendParagraph('| starts with a pipe');
    body.appendTable([[nasty, '<br> literal']]);
    const back = load(documentToMarkdown(doc)).getBody();
    expect(back.getChild(0).asParagraph().getText()).toBe(nasty);
    expect(back.getChild(1).asParagraph().getText()).toBe('| starts with a pipe');
    expect(back.getTables()[0]?.getCell(0, 0).getText()).toBe(nasty);
    expect(back.getTables()[0]?.getCell(0, 1).getText()).toBe('<br> literal');
  });

  test('background colours stay in memory only, as Docs does not export them', () => {
    const doc = new DocumentEmulation(makeContext());
    doc.getBody().appendTable([['At risk']]).getCell(0, 0).setBackgroundColor('#fce8e6');
    const markdown = documentToMarkdown(doc);
    expect(markdown).toBe('| At risk |\n| :---- |\n');
    expect(load(markdown).getBody().getTables()[0]?.getCell(0, 0).getBackgroundColor()).toBeNull();
  });

  test('an empty document writes nothing', () => {
    expect(documentToMarkdown(new DocumentEmulation(makeContext()))).toBe('');
  });
});
