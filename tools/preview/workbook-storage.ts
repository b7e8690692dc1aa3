/** Where the preview keeps the spreadsheets "in Drive" (the team workbook and any the add-on created): .preview/spreadsheets.json, beside the document. */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SheetModel, SpreadsheetModel } from '../../emulation/spreadsheet';

/** The spreadsheet the Sheets page opens when no plan is linked to another one. */
export const TEAM_WORKBOOK_ID = 'preview-team-workbook';
export const TEAM_WORKBOOK_NAME = 'Team MAP metrics';

const Rect = z.object({ sheetName: z.string(), row: z.number(), column: z.number(), numRows: z.number(), numColumns: z.number() });
const Stored = z.union([z.string(), z.number(), z.boolean(), z.object({ date: z.number() })]);
const CellSchema = z.object({
  r: z.number().int().positive(),
  c: z.number().int().positive(),
  v: Stored,
  f: z.string().optional(),
  bg: z.string().optional(),
  nf: z.string().optional(),
  b: z.literal(1).optional(),
  al: z.enum(['left', 'center', 'right']).optional(),
  n: z.string().optional(),
  fc: z.string().optional(),
});
const SheetSchema = z.object({
  name: z.string(),
  sheetId: z.number(),
  maxRows: z.number(),
  maxColumns: z.number(),
  frozenRows: z.number(),
  frozenColumns: z.number(),
  hidden: z.boolean(),
  filter: Rect.nullable(),
  columnWidths: z.array(z.tuple([z.number(), z.number()])),
  conditionalRules: z.array(z.object({
    ranges: z.array(Rect),
    criteria: z.string(),
    values: z.array(z.union([z.string(), z.number()])),
    background: z.string().nullable(),
    fontColor: z.string().nullable(),
    bold: z.boolean().nullable(),
  })),
  charts: z.array(z.object({
    id: z.number(),
    type: z.string(),
    ranges: z.array(Rect),
    options: z.record(z.string(), z.unknown()),
    numHeaders: z.number(),
    transpose: z.boolean().catch(false),
    anchorRow: z.number(),
    anchorColumn: z.number(),
    offsetX: z.number(),
    offsetY: z.number(),
  })),
  cells: z.array(CellSchema),
});
const FileSchema = z.object({
  format: z.literal('map-preview-spreadsheets'),
  version: z.literal(1),
  spreadsheets: z.array(z.object({
    id: z.string(),
    name: z.string(),
    timeZone: z.string(),
    active: z.number(),
    nextChartId: z.number(),
    nextSheetId: z.number(),
    sheets: z.array(SheetSchema),
  })),
});

type StoredFile = z.infer<typeof FileSchema>;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** Every spreadsheet as JSON; also the worker's fingerprint of "has a workbook changed". */
export function serializeSpreadsheets(files: ReadonlyMap<string, SpreadsheetModel>): StoredFile {
  return {
    format: 'map-preview-spreadsheets',
    version: 1,
    spreadsheets: [...files.values()].map((model) => ({
      id: model.id,
      name: model.name,
      timeZone: model.timeZone,
      active: Math.max(0, model.sheets.indexOf(model.active)),
      nextChartId: model.nextChartId,
      nextSheetId: model.nextSheetId,
      sheets: model.sheets.map((sheet) => ({
        name: sheet.name,
        sheetId: sheet.sheetId,
        maxRows: sheet.maxRows,
        maxColumns: sheet.maxColumns,
        frozenRows: sheet.frozenRows,
        frozenColumns: sheet.frozenColumns,
        hidden: sheet.hidden,
        filter: sheet.filter,
        columnWidths: [...sheet.columnWidths.entries()],
        conditionalRules: sheet.conditionalRules,
        charts: sheet.charts,
        cells: [...sheet.cells.entries()].flatMap(([key, cell]) => {
          const [r, c] = key.split(',').map(Number) as [number, number];
          const plain = cell.value === '' && !cell.formula && cell.background === '#ffffff' && cell.fontWeight === 'normal' && !cell.note && !cell.align && !cell.fontColor && cell.numberFormat === '0.###############';
          if (plain) return [];
          return [{
            r,
            c,
            v: isDate(cell.value) ? { date: cell.value.getTime() } : cell.value,
            ...(cell.formula ? { f: cell.formula } : {}),
            ...(cell.background !== '#ffffff' ? { bg: cell.background } : {}),
            ...(cell.numberFormat !== '0.###############' ? { nf: cell.numberFormat } : {}),
            ...(cell.fontWeight === 'bold' ? { b: 1 as const } : {}),
            ...(cell.align ? { al: cell.align } : {}),
            ...(cell.note ? { n: cell.note } : {}),
            ...(cell.fontColor ? { fc: cell.fontColor } : {}),
          }];
        }),
      })),
    })),
  };
}

function restoreSheet(stored: z.infer<typeof SheetSchema>): SheetModel {
  const sheet = new SheetModel(stored.name, stored.maxRows, stored.maxColumns, stored.sheetId);
  sheet.frozenRows = stored.frozenRows;
  sheet.frozenColumns = stored.frozenColumns;
  sheet.hidden = stored.hidden;
  sheet.filter = stored.filter;
  for (const [column, width] of stored.columnWidths) sheet.columnWidths.set(column, width);
  sheet.conditionalRules = stored.conditionalRules as SheetModel['conditionalRules'];
  sheet.charts = stored.charts as SheetModel['charts'];
  for (const cell of stored.cells) {
    sheet.put(cell.r, cell.c, {
      value: typeof cell.v === 'object' ? new Date(cell.v.date) : cell.v,
      formula: cell.f ?? '',
      background: cell.bg ?? '#ffffff',
      numberFormat: cell.nf ?? '0.###############',
      fontWeight: cell.b ? 'bold' : 'normal',
      ...(cell.al ? { align: cell.al } : {}),
      ...(cell.n ? { note: cell.n } : {}),
      ...(cell.fc ? { fontColor: cell.fc } : {}),
    });
  }
  return sheet;
}

export function spreadsheetsPath(previewDir: string): string {
  return path.join(previewDir, 'spreadsheets.json');
}

/**
 * The spreadsheets saved last time, with the team workbook always among them (new and empty the
 * first time). A file that cannot be read is reported and left alone: a new set starts instead.
 */
export function loadSpreadsheets(previewDir: string, timeZone: string): { files: Map<string, SpreadsheetModel>; problem: string | null } {
  const files = new Map<string, SpreadsheetModel>();
  let problem: string | null = null;
  let text: string | null = null;
  try {
    text = readFileSync(spreadsheetsPath(previewDir), 'utf8');
  } catch {
    // No spreadsheets yet.
  }
  if (text !== null) {
    const parsed = (() => {
      try {
        return FileSchema.safeParse(JSON.parse(text));
      } catch (error) {
        return { success: false as const, error };
      }
    })();
    if (parsed.success) {
      for (const stored of parsed.data.spreadsheets) {
        const model = new SpreadsheetModel(stored.id, stored.name, stored.timeZone);
        model.sheets.splice(0, model.sheets.length, ...stored.sheets.map(restoreSheet));
        if (model.sheets.length === 0) model.sheets.push(new SheetModel('Sheet1'));
        model.active = model.sheets[stored.active] ?? model.sheets[0]!;
        model.nextChartId = stored.nextChartId;
        model.nextSheetId = stored.nextSheetId;
        files.set(model.id, model);
      }
    } else {
      problem = `Could not read ${spreadsheetsPath(previewDir)}; starting with an empty team workbook (the file is left as it is until the workbook changes).`;
    }
  }
  if (!files.has(TEAM_WORKBOOK_ID)) files.set(TEAM_WORKBOOK_ID, new SpreadsheetModel(TEAM_WORKBOOK_ID, TEAM_WORKBOOK_NAME, timeZone));
  return { files, problem };
}

/** Through a temporary file, so a crash mid-write never leaves half a workbook. */
export function saveSpreadsheets(previewDir: string, stored: StoredFile): void {
  const file = spreadsheetsPath(previewDir);
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(stored)}\n`);
  renameSync(temporary, file);
}
