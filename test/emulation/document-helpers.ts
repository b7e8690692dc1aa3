/** Helpers for the DocumentApp emulation tests: a bare context, and documents built from real Docs API responses. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CallLog } from '../../emulation/calls';
import type { EmulationContext } from '../../emulation/context';
import { DocumentEmulation, ParagraphHeading } from '../../emulation/document';

export function makeContext(overrides: Partial<EmulationContext> = {}): EmulationContext {
  return {
    calls: new CallLog(),
    ui: {} as GoogleAppsScript.Base.Ui,
    locale: 'en_US',
    timeZone: 'America/New_York',
    now: () => new Date('2025-06-02T14:00:00Z'),
    ...overrides,
  };
}

// The parts of a documents.get response we read (developers.google.com/docs/api/reference/rest/v1/documents).
export interface DocsTextRun { content?: string }
export interface DocsParagraph {
  elements: { textRun?: DocsTextRun }[];
  paragraphStyle?: { namedStyleType?: string };
  bullet?: { nestingLevel?: number };
}
export interface DocsStructuralElement {
  paragraph?: DocsParagraph;
  table?: { rows: number; columns: number; tableRows: { tableCells: { content: DocsStructuralElement[] }[] }[] };
  sectionBreak?: object;
  tableOfContents?: object;
}
export interface DocsDocument {
  title: string;
  body: { content: DocsStructuralElement[] };
}

export const FIXTURES = join(__dirname, '..', 'fixtures', 'google-docs-api');

export function readFixture(file: string): DocsDocument {
  return JSON.parse(readFileSync(join(FIXTURES, file), 'utf8')) as DocsDocument;
}

/**
 * What Apps Script's getText() returns for a Docs API paragraph: its text runs without the final
 * "\n", soft line breaks (U+000B in the API) as "\r" (…/paragraph: "\n" is shown as "\r"), and
 * nothing for chips, images and other non-text elements.
 */
export function docsParagraphText(paragraph: DocsParagraph): string {
  return paragraph.elements.map((element) => element.textRun?.content ?? '').join('').replace(/\n$/, '').split('\u000b').join('\r');
}

const HEADINGS: Record<string, GoogleAppsScript.Document.ParagraphHeading> = {
  TITLE: ParagraphHeading.TITLE, SUBTITLE: ParagraphHeading.SUBTITLE,
  HEADING_1: ParagraphHeading.HEADING1, HEADING_2: ParagraphHeading.HEADING2, HEADING_3: ParagraphHeading.HEADING3,
  HEADING_4: ParagraphHeading.HEADING4, HEADING_5: ParagraphHeading.HEADING5, HEADING_6: ParagraphHeading.HEADING6,
};

/**
 * Rebuilds a real document through the emulated DocumentApp, as a script copying it would:
 * appendParagraph / appendListItem / appendTable() + appendTableRow + appendTableCell + cell
 * appendParagraph. The new document's empty paragraph, and the paragraph appendTable adds after a
 * table, are filled by the next paragraph of the source instead of appending another one, so the
 * result has the source's shape when the emulation keeps Google's rules.
 */
export function documentFromDocsApi(source: DocsDocument, ctx: EmulationContext): DocumentEmulation {
  const doc = new DocumentEmulation(ctx, { name: source.title });
  const body = doc.getBody();
  let placeholder: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
  for (const element of source.body.content) {
    if (element.paragraph) {
      const text = docsParagraphText(element.paragraph);
      const heading = HEADINGS[element.paragraph.paragraphStyle?.namedStyleType ?? ''];
      if (element.paragraph.bullet) {
        // A list item cannot reuse the placeholder paragraph; it goes before it, and the placeholder waits for the next paragraph.
        const item = placeholder ? body.insertListItem(body.getChildIndex(placeholder), text) : body.appendListItem(text);
        item.setNestingLevel(element.paragraph.bullet.nestingLevel ?? 0);
        if (heading) item.setHeading(heading);
        continue;
      }
      const paragraph = placeholder ?? body.appendParagraph('');
      paragraph.setText(text);
      if (heading) paragraph.setHeading(heading);
      placeholder = null;
    } else if (element.table) {
      const table = body.appendTable();
      for (const sourceRow of element.table.tableRows) {
        const row = table.appendTableRow();
        for (const sourceCell of sourceRow.tableCells) {
          const paragraphs = sourceCell.content.flatMap((content) => (content.paragraph ? [docsParagraphText(content.paragraph)] : []));
          const cell = row.appendTableCell(paragraphs[0] ?? '');
          for (const text of paragraphs.slice(1)) cell.appendParagraph(text);
        }
      }
      placeholder = body.getChild(body.getNumChildren() - 1).asParagraph();
    }
  }
  return doc;
}
