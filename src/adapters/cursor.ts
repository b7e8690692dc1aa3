/** Where the person's cursor is, as a table row the plan can match to a step. */

/**
 * The table (by body index) and row holding the cursor or the start of the selection, or null.
 * Element wrappers are new objects on every call in Apps Script, so the row is identified by
 * indexes, never by object identity. /apps-script/reference/document/position
 */
export function cursorRow(doc: GoogleAppsScript.Document.Document): { tableIndex: number; row: number } | null {
  const cursor = doc.getCursor();
  let element: GoogleAppsScript.Document.Element | null = cursor
    ? cursor.getElement()
    : (doc.getSelection()?.getRangeElements()[0]?.getElement() ?? null);
  const T = DocumentApp.ElementType;
  while (element && element.getType() !== T.TABLE_ROW) {
    if (element.getType() === T.BODY_SECTION) return null;
    element = element.getParent();
  }
  if (!element) return null;
  const row = element.asTableRow();
  const table = row.getParentTable();
  return { tableIndex: doc.getBody().getChildIndex(table), row: table.getChildIndex(row) };
}
