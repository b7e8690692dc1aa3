/** The emulated document's elements paired with their snapshots, so the preview can draw from plain data and still reach the element a person edits. */
import type { BlockSnapshot, CellSnapshot, DocumentEmulation, ParagraphSnapshot, TableSnapshot } from '../../emulation/document';

type Element = GoogleAppsScript.Document.Element;
type ContainerElement = GoogleAppsScript.Document.Body | GoogleAppsScript.Document.TableCell;
export type ParagraphElement = GoogleAppsScript.Document.Paragraph | GoogleAppsScript.Document.ListItem;

export interface ParagraphNode {
  readonly kind: 'paragraph';
  readonly element: ParagraphElement;
  readonly snapshot: ParagraphSnapshot;
}

export interface CellNode {
  readonly element: GoogleAppsScript.Document.TableCell;
  readonly snapshot: CellSnapshot;
  readonly blocks: readonly BlockNode[];
}

export interface RowNode {
  readonly element: GoogleAppsScript.Document.TableRow;
  readonly cells: readonly CellNode[];
}

export interface TableNode {
  readonly kind: 'table';
  readonly element: GoogleAppsScript.Document.Table;
  readonly snapshot: TableSnapshot;
  readonly rows: readonly RowNode[];
  /** Table.getColumnWidth for each column: null unless set (the snapshot has no widths). */
  readonly columnWidths: readonly (number | null)[];
}

export type BlockNode = ParagraphNode | TableNode;

/** Apps Script's enum members print as their names, so comparing names needs no DocumentApp global. */
export function typeOf(element: Element): string {
  return String(element.getType());
}

/**
 * Pairs a body's or cell's children with the snapshot of them. The snapshot lists paragraphs, list
 * items and tables in child order, one entry per child, and those are the only children a body
 * or cell holds; a child of another kind (never made today) is skipped rather than mispaired.
 */
function blockNodes(container: ContainerElement, snapshots: readonly BlockSnapshot[]): BlockNode[] {
  const nodes: BlockNode[] = [];
  const count = container.getNumChildren();
  for (let i = 0; i < count && i < snapshots.length; i++) {
    const child = container.getChild(i);
    const snapshot = snapshots[i];
    if (!snapshot) continue;
    const type = typeOf(child);
    if (snapshot.kind === 'table' && type === 'TABLE') {
      const table = child.asTable();
      const rows: RowNode[] = snapshot.rows.map((cells, r) => {
        const row = table.getRow(r);
        return {
          element: row,
          cells: cells.map((cell, c) => {
            const element = row.getCell(c);
            return { element, snapshot: cell, blocks: blockNodes(element, cell.blocks) };
          }),
        };
      });
      const columns = Math.max(0, ...snapshot.rows.map((cells) => cells.length));
      const columnWidths = Array.from({ length: columns }, (_, c) => (table.getColumnWidth(c) as number | null) ?? null);
      nodes.push({ kind: 'table', element: table, snapshot, rows, columnWidths });
    } else if (snapshot.kind === 'paragraph' && type === 'PARAGRAPH') {
      nodes.push({ kind: 'paragraph', element: child.asParagraph(), snapshot });
    } else if (snapshot.kind === 'listItem' && type === 'LIST_ITEM') {
      nodes.push({ kind: 'paragraph', element: child.asListItem(), snapshot });
    }
  }
  return nodes;
}

/** The body as a tree of elements and their snapshots. */
export function documentTree(doc: DocumentEmulation): BlockNode[] {
  return blockNodes(doc.getBody(), doc._snapshot());
}

/** Whether an element is still in the document: its parents lead up to the body. */
export function isAttached(element: Element): boolean {
  let current: Element | null = element;
  while (current) {
    if (typeOf(current) === 'BODY_SECTION') return true;
    current = current.getParent() as Element | null;
  }
  return false;
}
