/** Where a finding points in the document: a step's cell, a table's first cell, a paragraph; and document order between places. */
import type { CellRef, ParsedPlan, ParsedStep, PlanSection, StepColumn } from '../../reading/parsed-plan';
import type { DocumentPlace } from './types';

export function cellPlace(ref: CellRef | null | undefined): DocumentPlace | null {
  return ref ? { kind: 'cell', tableIndex: ref.tableIndex, row: ref.row, column: ref.column } : null;
}

/** The step's cell in that column, else its action or number cell, so the sidebar can still select the row. */
export function stepPlace(step: ParsedStep | undefined, column: StepColumn): DocumentPlace | null {
  if (!step) return null;
  return cellPlace(step.cells[column] ?? step.cells.action ?? step.cells.number);
}

/** A stakeholder's or risk's place: its table cell, else the list item it was read from. */
export function itemPlace(item: { cell: CellRef | null; paragraphIndex?: number } | undefined): DocumentPlace | null {
  if (!item) return null;
  return cellPlace(item.cell) ?? (item.paragraphIndex === undefined ? null : { kind: 'paragraph', index: item.paragraphIndex });
}

/** Where a part of the plan starts (see ParsedPlan.sections): a table's first cell, or the section's opening line. */
export function sectionPlace(plan: ParsedPlan, section: PlanSection): DocumentPlace | null {
  const index = plan.sections?.[section];
  if (index === undefined) return null;
  const table = section === 'steps' || ((section === 'stakeholders' || section === 'risks') && !plan.listSections?.includes(section));
  return table
    ? { kind: 'cell', tableIndex: index, row: 0, column: 0 }
    : { kind: 'paragraph', index };
}

/** Document order: body index, then row and column; no place last. */
export function comparePlaces(a: DocumentPlace | null, b: DocumentPlace | null): number {
  const key = (p: DocumentPlace | null): number[] =>
    p === null ? [Infinity, 0, 0] : p.kind === 'cell' ? [p.tableIndex, p.row, p.column] : [p.index, 0, 0];
  const [x, y] = [key(a), key(b)];
  for (let i = 0; i < 3; i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0 && !Number.isNaN(d)) return d;
  }
  return 0;
}
