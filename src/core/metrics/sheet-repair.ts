/** Where a data sheet's columns are, found by header text, and which headers "Set up MAP metrics" must restore without moving anyone's data. */
import type { DataSheet } from './layout';

export interface HeaderRepair<Id extends string> {
  /** Every layout column's 0-based position in the sheet after the repair. */
  positions: Record<Id, number>;
  /** The header row to write (as wide as the sheet's header row, or wider when columns were added). */
  headerRow: string[];
  /** Headers that were missing and are written now, in layout order. */
  restored: string[];
  /** Whether the header row changes at all (nothing is written when it does not). */
  changed: boolean;
}

function normalised(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Columns are found by their header text (trimmed, any case), so people may move columns or add
 * their own. A missing header goes back to its layout position when that cell is empty (a header
 * someone deleted), else after the last used column: a cell holding anything is never overwritten.
 */
export function repairHeaders<Id extends string>(sheet: DataSheet<Id>, existing: readonly unknown[]): HeaderRepair<Id> {
  const row = existing.map((cell) => (cell === null || cell === undefined ? '' : String(cell)));
  const found = new Map<string, number>();
  row.forEach((text, index) => {
    const key = normalised(text);
    if (key !== '' && !found.has(key)) found.set(key, index);
  });
  const positions = {} as Record<Id, number>;
  const restored: string[] = [];
  const missing: { id: Id; header: string; layoutIndex: number }[] = [];
  sheet.columns.forEach((column, layoutIndex) => {
    const at = found.get(normalised(column.header));
    if (at === undefined) missing.push({ id: column.id, header: column.header, layoutIndex });
    else positions[column.id] = at;
  });
  const taken = (index: number): boolean => (row[index] ?? '') !== '';
  for (const { id, header, layoutIndex } of missing) {
    let at = layoutIndex;
    if (taken(at)) {
      at = row.length;
      while (taken(at)) at += 1;
    }
    while (row.length <= at) row.push('');
    row[at] = header;
    positions[id] = at;
    restored.push(header);
  }
  return { positions, headerRow: row, restored, changed: restored.length > 0 };
}
