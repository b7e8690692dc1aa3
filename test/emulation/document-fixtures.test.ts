/** Checks the emulated document model against real Google Docs API documents (test/fixtures/google-docs-api, copied from the shared fixtures with their sources and licences). */
import { documentFromMarkdown, documentToMarkdown } from '../../emulation/document';
import { docsParagraphText, documentFromDocsApi, makeContext, readFixture, type DocsDocument, type DocsStructuralElement } from './document-helpers';

const FIXTURE_FILES = [
  'sd2e-intent-parser__doc_1xMq.json',
  'gatsby-source-google-docs__tables.json',
  'stencila-encoda__test-fixture-1.gdoc.json',
  'stencila-encoda__test-fixture-2.gdoc.json',
];

/** The tables of a Docs API body as cell texts, the way Apps Script's TableCell.getText() reads them. */
function docsTables(content: readonly DocsStructuralElement[]): string[][][] {
  return content.flatMap((element) => (element.table
    ? [element.table.tableRows.map((row) => row.tableCells.map((cell) => cell.content
      .flatMap((c) => (c.paragraph ? [docsParagraphText(c.paragraph)] : []))
      .join('\n')))]
    : []));
}

function emulatedTables(tables: readonly GoogleAppsScript.Document.Table[]): string[][][] {
  return tables.map((table) => Array.from({ length: table.getNumRows() }, (_, r) => {
    const row = table.getRow(r);
    return Array.from({ length: row.getNumCells() }, (_, c) => row.getCell(c).getText());
  }));
}

describe.each(FIXTURE_FILES)('%s', (file) => {
  const source: DocsDocument = readFixture(file);
  const structural = source.body.content.filter((element) => !element.sectionBreak);

  test('the real document keeps the rules the emulation enforces', () => {
    // The body ends with a paragraph, and every table is followed by one.
    expect(structural[structural.length - 1]?.paragraph).toBeDefined();
    structural.forEach((element, i) => {
      if (element.table) expect(structural[i + 1]?.paragraph).toBeDefined();
    });
    // Every cell holds at least one paragraph; tables are rectangular.
    for (const element of structural) {
      if (!element.table) continue;
      expect(element.table.tableRows).toHaveLength(element.table.rows);
      for (const row of element.table.tableRows) {
        expect(row.tableCells).toHaveLength(element.table.columns);
        for (const cell of row.tableCells) expect(cell.content.some((c) => c.paragraph)).toBe(true);
      }
    }
  });

  test('rebuilt through DocumentApp, it has the same blocks, table shapes and cell texts', () => {
    const doc = documentFromDocsApi(source, makeContext());
    const body = doc.getBody();
    // DocumentApp skips the section break, so children match the other structural elements.
    expect(body.getNumChildren()).toBe(structural.length);
    structural.forEach((element, i) => {
      const child = body.getChild(i);
      if (element.table) {
        expect(String(child.getType())).toBe('TABLE');
      } else if (element.paragraph) {
        expect(String(child.getType())).toBe(element.paragraph.bullet ? 'LIST_ITEM' : 'PARAGRAPH');
        expect((element.paragraph.bullet ? child.asListItem() : child.asParagraph()).getText()).toBe(docsParagraphText(element.paragraph));
      }
    });
    expect(emulatedTables(body.getTables())).toEqual(docsTables(structural));
  });

  test('its tables survive a Markdown round trip cell for cell', () => {
    const doc = documentFromDocsApi(source, makeContext());
    const back = documentFromMarkdown(documentToMarkdown(doc), makeContext());
    expect(emulatedTables(back.getBody().getTables())).toEqual(docsTables(structural));
  });
});

describe('the SD2E working document', () => {
  const source = readFixture('sd2e-intent-parser__doc_1xMq.json');

  test('has four tables, an empty top-left cell and two-paragraph status cells', () => {
    const tables = documentFromDocsApi(source, makeContext()).getBody().getTables();
    expect(tables.map((t) => [t.getNumRows(), t.getRow(0).getNumCells()])).toEqual([[4, 5], [4, 5], [5, 5], [7, 4]]);
    expect(tables[0]?.getCell(0, 0).getText()).toBe('');
    const status = tables[3]?.getCell(1, 1);
    expect(status?.getNumChildren()).toBe(2);
    expect(status?.getText()).toBe('All data is uploaded and accessible on TACC through the Science Table\n');
    expect(tables[2]?.getCell(0, 1).getText()).toBe('0 mM IPTG, \n0 mM arabinose ');
  });

  test('soft line breaks read as "\\r" and are written as two spaces and a newline', () => {
    const doc = documentFromDocsApi(source, makeContext());
    const paragraph = doc.getBody().getParagraphs().find((p) => p.getText().startsWith('Expected data and analysis:'));
    expect(paragraph?.getText()).toBe('Expected data and analysis:\r');
    const markdown = documentToMarkdown(doc);
    expect(markdown).toContain('Yes. If not who/timeline for extension if needed.  \n');
    expect(markdown).toContain('| Measurement type | Ginkgo | UW Biofab | Transcriptic |\n| :---- | :---- | :---- | :---- |\n');
    expect(markdown).toContain('| RNAseq | All data is uploaded and accessible on TACC through the Science Table<br> |');
  });
});
