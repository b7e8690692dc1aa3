/** Replacing one plan's rows in one sheet of the team workbook: the Sheets API subrequests that update its rows in place by key, delete the ones it no longer has and append the new ones, leaving every other row and every column that is not the export's alone. */
import { apiValue, isDateCell, isLinkCell, type CellValue } from '../metrics/cells';
import { columnLetter, quoteSheet, rowKey, type Column, type DataSheet, type Row } from '../metrics/layout';

type Request = GoogleAppsScript.Sheets.Schema.Request;
type CellData = GoogleAppsScript.Sheets.Schema.CellData;

/** What the export read of one sheet before writing: its id, size, header row and key columns. */
export interface SheetSnapshot {
  sheetId: number;
  rowCount: number;
  columnCount: number;
  /** Row 1 as read (trailing empty cells dropped). */
  header: string[];
  /** Each key column's values from row 1 down, by the column id (a whole column read once). */
  keys: Record<string, unknown[]>;
}

/** Where each of the layout's columns is in the sheet as people left it (0-based), found by its header text. */
export function columnPositions(sheet: DataSheet, header: readonly string[]): Map<string, number> {
  const byHeader = new Map<string, number>();
  header.forEach((text, i) => {
    const key = String(text).trim().toLowerCase();
    if (key && !byHeader.has(key)) byHeader.set(key, i);
  });
  const positions = new Map<string, number>();
  for (const column of sheet.columns) {
    const at = byHeader.get(column.header.toLowerCase());
    if (at !== undefined) positions.set(column.id, at);
  }
  return positions;
}

/** The ranges to read for a sheet's keys once its header is known: each key column, whole. */
export function keyRanges(sheet: DataSheet, positions: ReadonlyMap<string, number>): string[] {
  return sheet.key.map((id) => {
    const letter = columnLetter(positions.get(id) ?? 0);
    return `${quoteSheet(sheet.name)}!${letter}:${letter}`;
  });
}

const DATE_FORMAT = { type: 'DATE', pattern: 'yyyy-mm-dd' };

/** A data cell as the API writes it: text as stringValue (never a formula), numbers and dates as numbers with the column's format. */
export function cellData(column: Column, value: CellValue | undefined): CellData {
  const v = value ?? null;
  const data: CellData = { userEnteredValue: apiValue(v) as GoogleAppsScript.Sheets.Schema.ExtendedValue };
  if (v !== null && isDateCell(v)) data.userEnteredFormat = { numberFormat: { type: 'DATE', pattern: column.format ?? DATE_FORMAT.pattern } };
  else if (typeof v === 'number' && column.format) {
    data.userEnteredFormat = { numberFormat: { type: column.type === 'percent' ? 'PERCENT' : 'NUMBER', pattern: column.format } };
  } else if (typeof v === 'string' || (v !== null && isLinkCell(v))) {
    // Plain text format: what a person types over it later stays text too.
    data.userEnteredFormat = { numberFormat: { type: 'TEXT', pattern: '@' } };
    if (isLinkCell(v) && /^https:\/\//.test(v.url)) data.textFormatRuns = [{ startIndex: 0, format: { link: { uri: v.url } } }];
  }
  return data;
}

/** Writes values and number formats; fonts, colours and borders a person set stay. */
const FIELDS = 'userEnteredValue,userEnteredFormat.numberFormat,textFormatRuns';

function keyOf(sheet: DataSheet, snapshot: SheetSnapshot, row: number): string {
  const parts = sheet.key.map((id) => {
    const v = snapshot.keys[id]?.[row];
    return v === undefined || v === null ? '' : String(v);
  });
  return parts.join('\u241f');
}

export interface SheetPlanWrite {
  requests: Request[];
  updated: number;
  added: number;
  removed: number;
}

/**
 * The subrequests that make `rows` this plan's rows in the sheet, given what was read under the
 * workbook lock. Rows are the plan's when their first key column (the document id) is the plan's.
 * Existing rows are updated in place, column run by column run, so a person's own columns
 * between the export's are never written; rows the plan no longer has are deleted bottom-up (a
 * duplicate of a key too); new rows are appended after the last row. Order matters: updates use
 * the rows as read, deletions go from the bottom so the rows above keep their index, appends come last.
 */
export function planRowsRequests(
  sheet: DataSheet,
  snapshot: SheetSnapshot,
  positions: ReadonlyMap<string, number>,
  documentId: string,
  rows: readonly Row<string>[],
): SheetPlanWrite {
  const exportColumns = sheet.columns.filter((c) => c.owner === 'export' && positions.has(c.id));
  const planColumn = sheet.key[0]!;
  const planValues = snapshot.keys[planColumn] ?? [];
  const existing = new Map<string, number>();
  const extra: number[] = [];
  for (let r = 1; r < planValues.length; r++) {
    if (String(planValues[r] ?? '') !== documentId) continue;
    const key = keyOf(sheet, snapshot, r);
    if (existing.has(key)) extra.push(r);
    else existing.set(key, r);
  }
  const wanted = new Map<string, Row<string>>();
  for (const row of rows) wanted.set(rowKey(sheet, row), row);

  // In place: each kept row's export columns, grouped into runs of adjacent columns and rows.
  const inPlace = [...existing].filter(([key]) => wanted.has(key)).sort((a, b) => a[1] - b[1]);
  const runs: Column[][] = [];
  for (const column of [...exportColumns].sort((a, b) => positions.get(a.id)! - positions.get(b.id)!)) {
    const last = runs[runs.length - 1];
    if (last && positions.get(last[last.length - 1]!.id)! + 1 === positions.get(column.id)) last.push(column);
    else runs.push([column]);
  }
  const requests: Request[] = [];
  let i = 0;
  while (i < inPlace.length) {
    let j = i + 1;
    while (j < inPlace.length && inPlace[j]![1] === inPlace[j - 1]![1] + 1) j++;
    const block = inPlace.slice(i, j);
    for (const run of runs) {
      requests.push({
        updateCells: {
          start: { sheetId: snapshot.sheetId, rowIndex: block[0]![1], columnIndex: positions.get(run[0]!.id)! },
          rows: block.map(([key]) => ({ values: run.map((column) => cellData(column, wanted.get(key)![column.id])) })),
          fields: FIELDS,
        },
      });
    }
    i = j;
  }

  // Gone from the plan (or duplicated): deleted from the bottom up, adjacent rows together.
  const gone = [...extra, ...[...existing].filter(([key]) => !wanted.has(key)).map(([, r]) => r)].sort((a, b) => b - a);
  let k = 0;
  while (k < gone.length) {
    const end = gone[k]! + 1;
    let start = gone[k]!;
    while (k + 1 < gone.length && gone[k + 1] === start - 1) {
      k++;
      start = gone[k]!;
    }
    requests.push({ deleteDimension: { range: { sheetId: snapshot.sheetId, dimension: 'ROWS', startIndex: start, endIndex: end } } });
    k++;
  }

  // New: appended as whole rows; cells of columns that are not the export's stay empty.
  const fresh = rows.filter((row) => !existing.has(rowKey(sheet, row)));
  if (fresh.length) {
    const width = Math.max(...exportColumns.map((c) => positions.get(c.id)!)) + 1;
    const byPosition = new Map(exportColumns.map((c) => [positions.get(c.id)!, c]));
    requests.push({
      appendCells: {
        sheetId: snapshot.sheetId,
        rows: fresh.map((row) => ({
          values: Array.from({ length: width }, (_, c) => {
            const column = byPosition.get(c);
            return column ? cellData(column, row[column.id]) : {};
          }),
        })),
        fields: FIELDS,
      },
    });
  }
  return { requests, updated: inPlace.length, added: fresh.length, removed: gone.length };
}

/** The header cells of the layout's columns missing from a sheet, appended after its last used column (and the grid widened when needed). */
export function missingColumnsRequests(sheet: DataSheet, snapshot: SheetSnapshot, positions: Map<string, number>): Request[] {
  const missing = sheet.columns.filter((c) => !positions.has(c.id));
  if (!missing.length) return [];
  const first = Math.max(snapshot.header.length, positions.size ? Math.max(...positions.values()) + 1 : 0);
  missing.forEach((column, i) => positions.set(column.id, first + i));
  const requests: Request[] = [];
  const needed = first + missing.length - snapshot.columnCount;
  if (needed > 0) requests.push({ appendDimension: { sheetId: snapshot.sheetId, dimension: 'COLUMNS', length: needed } });
  requests.push({
    updateCells: {
      start: { sheetId: snapshot.sheetId, rowIndex: 0, columnIndex: first },
      rows: [{ values: missing.map((column) => headerCell(column)) }],
      fields: 'userEnteredValue,userEnteredFormat.textFormat.bold,note',
    },
  });
  return requests;
}

export function headerCell(column: Column): CellData {
  return { userEnteredValue: { stringValue: column.header }, userEnteredFormat: { textFormat: { bold: true } }, note: column.note };
}

/** A data sheet added to a workbook that lacks it: header row in bold, frozen, with a filter. */
export function newSheetRequests(sheet: DataSheet, sheetId: number): Request[] {
  return [
    { addSheet: { properties: { sheetId, title: sheet.name, gridProperties: { rowCount: 1000, columnCount: Math.max(26, sheet.columns.length), frozenRowCount: 1 } } } },
    {
      updateCells: {
        start: { sheetId, rowIndex: 0, columnIndex: 0 },
        rows: [{ values: sheet.columns.map((column) => headerCell(column)) }],
        fields: 'userEnteredValue,userEnteredFormat.textFormat.bold,note',
      },
    },
    { setBasicFilter: { filter: { range: { sheetId, startRowIndex: 0, startColumnIndex: 0, endColumnIndex: sheet.columns.length } } } },
  ];
}
