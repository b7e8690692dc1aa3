/** Writes and takes back the dated line a shift adds to the plan's "Changes" section (the heading too, when the add-on created it). */
import { CHANGES_HEADING, CHANGES_HEADING_RE } from '../core/scheduling/change-note';
import type { DocumentOutline, OutlineParagraph } from '../core/reading/parsed-plan';

type Body = GoogleAppsScript.Document.Body;

/** What was written, for undo: the line, and the heading when the add-on created it. */
export interface WrittenChange {
  text: string;
  heading: string | null;
}

function changesHeading(outline: DocumentOutline): OutlineParagraph | null {
  return outline.blocks.find((b): b is OutlineParagraph => b.kind === 'paragraph' && b.heading > 0 && CHANGES_HEADING_RE.test(b.text)) ?? null;
}

/** The body index just after the section that starts at `heading`: the next heading of its level or above, else the end. */
function sectionEnd(outline: DocumentOutline, heading: OutlineParagraph): number | null {
  const next = outline.blocks.find((b) => b.index > heading.index && b.kind === 'paragraph' && b.heading > 0 && b.heading <= heading.heading);
  return next ? next.index : null;
}

/** Where to add at the end of the body: before a trailing empty paragraph (Docs keeps one after a table), so undo can remove what it added. */
function endIndex(body: Body): number | null {
  const n = body.getNumChildren();
  const last = n > 0 ? body.getChild(n - 1) : null;
  return last && last.getType() === DocumentApp.ElementType.PARAGRAPH && last.asParagraph().getText() === '' ? n - 1 : null;
}

/**
 * Adds `text` as the last line of the plan's "Changes" section, creating the section (a Heading 2)
 * at the end of the document when there is none. When a second plan follows this one (`planEnd`,
 * the body index of its title), the section is this plan's: found or created above the second plan.
 * Call after every write that relies on body indexes.
 */
export function addChangeLine(body: Body, outline: DocumentOutline, text: string, planEnd: number | null = null): WrittenChange {
  const H = DocumentApp.ParagraphHeading;
  const ours: DocumentOutline = planEnd === null ? outline : { blocks: outline.blocks.filter((b) => b.index < planEnd) };
  const heading = changesHeading(ours);
  let at = heading ? (sectionEnd(ours, heading) ?? planEnd) : planEnd;
  if (at === null) at = endIndex(body);
  const insert = (value: string): GoogleAppsScript.Document.Paragraph => (at === null ? body.appendParagraph(value) : body.insertParagraph(at++, value));
  if (!heading) insert(CHANGES_HEADING).setHeading(H.HEADING2);
  insert(text).setHeading(H.NORMAL);
  return { text, heading: heading ? null : CHANGES_HEADING };
}

/**
 * Takes the line back out (found by its text, wherever it moved), and the heading when the add-on
 * created it and nothing else is left under it. The body's last paragraph cannot be removed in
 * Docs ("Can't remove the last paragraph in a document section"): when the line is last, the
 * paragraph before it (the person's own last line, once the heading is gone) is appended again as
 * a copy, with its formatting, so that the line and the original can go and the document ends as it
 * did before the shift. When the paragraph before is no plain paragraph, the line is emptied instead.
 * Returns false when the line is no longer there as written.
 */
export function removeChangeLine(body: Body, outline: DocumentOutline, change: WrittenChange): boolean {
  const line = outline.blocks.find((b): b is OutlineParagraph => b.kind === 'paragraph' && b.heading === 0 && b.text === change.text);
  if (!line) return false;
  const paragraph = body.getChild(line.index);
  const heading = change.heading === null ? undefined : outline.blocks.find((b): b is OutlineParagraph => b.kind === 'paragraph' && b.heading > 0 && b.text === change.heading && b.index < line.index);
  let removeHeading = false;
  if (heading) {
    const end = sectionEnd(outline, heading);
    const empty = (b: DocumentOutline['blocks'][number]): boolean => b.kind === 'paragraph' && b.text.trim() === '' && b.chips.length === 0;
    removeHeading = outline.blocks.filter((b) => b.index > heading.index && b !== line && !empty(b) && (end === null || b.index < end)).length === 0;
  }
  const headingElement = heading && removeHeading ? body.getChild(heading.index) : null;
  const last = line.index === body.getNumChildren() - 1;
  if (headingElement) headingElement.removeFromParent();
  if (!last) {
    paragraph.removeFromParent();
    return true;
  }
  const before = paragraph.getPreviousSibling();
  if (before && before.getType() === DocumentApp.ElementType.PARAGRAPH) {
    body.appendParagraph(before.asParagraph().copy());
    paragraph.removeFromParent();
    before.removeFromParent();
  } else {
    paragraph.asParagraph().setText('');
  }
  return true;
}
