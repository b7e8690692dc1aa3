/** Writes a drafted plan into the Google Doc: headings, key dates, the Steps, Stakeholders and Risks tables, coloured statuses. */
import { agreedByLine } from '../core/method/draft';
import type { Plan, Status } from '../core/plan';
import { STATUS_COLOURS } from '../core/method/status-style';
import { statusLabel } from '../core/reading/cell-status';
import { STEP_RANGE_PREFIX } from './document-reader';

type Body = GoogleAppsScript.Document.Body;
type Document = GoogleAppsScript.Document.Document;

/** The invisible marker on the plan's title, so the add-on finds its plan however the title is edited. */
export const PLAN_RANGE_NAME = 'map.plan';

export const STEP_HEADERS = ['#', 'Action', 'Owner', 'Due date', 'Status', 'Depends on'];
export const STAKEHOLDER_HEADERS = ['Name', 'Role', 'Responsibility in this evaluation'];
export const RISK_HEADERS = ['Risk', 'Impact', 'Mitigation'];

/** Where the plan goes: right after the top-level element holding the cursor, else at the end. */
function insertionIndex(doc: Document, body: Body): number | null {
  const cursor = doc.getCursor();
  const selection = cursor ? null : doc.getSelection();
  let element: GoogleAppsScript.Document.Element | null = cursor
    ? cursor.getElement()
    : (selection?.getRangeElements()[0]?.getElement() ?? null);
  if (!element) return null;
  // Walk up to the body's direct child: inserting there never splits the paragraph or table the cursor is in.
  for (let parent = element.getParent(); parent && parent.getType() !== DocumentApp.ElementType.BODY_SECTION; parent = parent.getParent()) {
    element = parent;
  }
  if (!element.getParent()) return null;
  return body.getChildIndex(element) + 1;
}

/**
 * Appends or inserts body elements in order. Inserting at the cursor keeps everything after
 * it where it was; without a cursor the plan goes after the last element.
 */
class BodyWriter {
  constructor(
    private readonly body: Body,
    private index: number | null,
  ) {}

  heading(text: string, level: GoogleAppsScript.Document.ParagraphHeading): GoogleAppsScript.Document.Paragraph {
    const p = this.paragraph(text);
    p.setHeading(level);
    return p;
  }

  paragraph(text: string): GoogleAppsScript.Document.Paragraph {
    return this.index === null ? this.body.appendParagraph(text) : this.body.insertParagraph(this.index++, text);
  }

  listItem(text: string): GoogleAppsScript.Document.ListItem {
    return this.index === null ? this.body.appendListItem(text) : this.body.insertListItem(this.index++, text);
  }

  table(cells: string[][]): GoogleAppsScript.Document.Table {
    return this.index === null ? this.body.appendTable(cells) : this.body.insertTable(this.index++, cells);
  }
}

export interface PlanText {
  /** Formats a plan date as the document shows it (the user's locale). */
  formatDate(iso: string): string;
}

/**
 * Column widths in points across a 468 pt text column (Letter, 1 inch margins). Docs gives a
 * table made from strings equal columns, which squeezes the action into a sixth of the page and
 * spends as much on "#".
 */
const STEP_WIDTHS = [24, 138, 104, 80, 64, 58];
const STAKEHOLDER_WIDTHS = [130, 150, 188];

function setWidths(table: GoogleAppsScript.Document.Table, widths: readonly number[]): void {
  widths.forEach((width, column) => table.setColumnWidth(column, width));
}

/** Header cells in bold so a person sees a header row; the parser finds headers by their words, not their style. */
function boldHeader(table: GoogleAppsScript.Document.Table): void {
  table.getRow(0).editAsText().setBold(true);
}

export function colourStatusCell(cell: GoogleAppsScript.Document.TableCell, status: Status): void {
  cell.setBackgroundColor(STATUS_COLOURS[status]);
}

/** The identity the inserted plan's step N carries: the reader finds it on the row's marker, whatever is edited later. */
export function insertedStepKey(number: number): string {
  return `s${number}`;
}

/**
 * Writes the whole plan in one pass: one service call per paragraph or table, one per status
 * colour, and a marker per step row so each step keeps its identity and history from the start.
 */
export function writePlan(doc: Document, plan: Plan, text: PlanText): void {
  const body = doc.getBody();
  const w = new BodyWriter(body, insertionIndex(doc, body));
  const H = DocumentApp.ParagraphHeading;

  const title = w.heading(plan.title, H.HEADING1);
  doc.addNamedRange(PLAN_RANGE_NAME, doc.newRange().addElement(title).build());

  w.heading('Goal', H.HEADING2);
  w.paragraph(plan.goal);

  w.heading('Key dates', H.HEADING2);
  const k = plan.keyDates;
  w.listItem(`Evaluation start: ${text.formatDate(k.evaluationStart)}`).setGlyphType(DocumentApp.GlyphType.BULLET);
  w.listItem(`Decision target: ${k.decisionTarget ? text.formatDate(k.decisionTarget) : 'TBD'}`).setGlyphType(DocumentApp.GlyphType.BULLET);
  w.listItem(`Go-live target: ${k.goLiveTarget ? text.formatDate(k.goLiveTarget) : 'TBD'}`).setGlyphType(DocumentApp.GlyphType.BULLET);
  // Where the prospect records agreeing to the plan: a plan they never agreed to is one-sided.
  w.paragraph(agreedByLine(plan.theirCompany));

  w.heading('Steps', H.HEADING2);
  const steps = w.table([
    STEP_HEADERS,
    ...plan.steps.map((s) => [
      String(s.number),
      s.action,
      s.owner,
      s.due ? text.formatDate(s.due) : 'TBD',
      statusLabel(s.status),
      s.dependsOn.join(', '),
    ]),
  ]);
  boldHeader(steps);
  setWidths(steps, STEP_WIDTHS);
  const statusColumn = STEP_HEADERS.indexOf('Status');
  plan.steps.forEach((s, i) => {
    const row = steps.getRow(i + 1);
    colourStatusCell(row.getCell(statusColumn), s.status);
    doc.addNamedRange(`${STEP_RANGE_PREFIX}${insertedStepKey(s.number)}`, doc.newRange().addElement(row).build());
  });

  w.heading('Stakeholders', H.HEADING2);
  // The company beside the title tells both sides whose person this is (and later tells the parser).
  const company = (side: string) => (side === 'ours' ? plan.yourCompany : side === 'theirs' ? plan.theirCompany : '');
  const people = w.table([
    STAKEHOLDER_HEADERS,
    ...plan.stakeholders.map((p) => [p.name, [p.title, company(p.side)].filter(Boolean).join(', '), p.responsibility]),
  ]);
  boldHeader(people);
  setWidths(people, STAKEHOLDER_WIDTHS);

  w.heading('Success criteria', H.HEADING2);
  // The method's question, so the prospect knows these lines are theirs to agree.
  w.paragraph(`What does ${plan.theirCompany} need to see to feel confident moving forward?`);
  for (const criterion of plan.successCriteria) w.listItem(criterion).setGlyphType(DocumentApp.GlyphType.NUMBER);

  w.heading('Risks and blockers', H.HEADING2);
  boldHeader(w.table([RISK_HEADERS, ...plan.risks.map((r) => [r.risk, r.impact, r.mitigation])]));
}

/**
 * The title of the MAP already in this document, or null. First the add-on's own marker; then
 * the text a person would recognise as a plan's title, read in one call (a plan pasted from
 * another document has no marker).
 */
export function findExistingPlan(doc: Document): string | null {
  const marked = doc.getNamedRanges(PLAN_RANGE_NAME)[0];
  const element = marked?.getRange().getRangeElements()[0]?.getElement();
  if (element) {
    const title = element.getType() === DocumentApp.ElementType.PARAGRAPH ? element.asParagraph().getText().trim() : '';
    return title || 'Mutual Action Plan';
  }
  const line = /^[ \t]*(mutual action plan(?::.*)?)[ \t]*$/im.exec(doc.getBody().getText());
  return line?.[1]?.trim() ?? null;
}
