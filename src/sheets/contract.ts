/** The shapes that cross google.script.run between the Sheets add-on's sidebar and its server: JSON only, dates as `YYYY-MM-DD`. */

/** What the sidebar's "About this workbook" view shows. */
export interface WorkbookState {
  name: string;
  /** Whether every sheet of the layout is there. */
  setUp: boolean;
  /** Sheets of the layout that are missing ("Set up MAP metrics" creates them). */
  missing: string[];
  /** Data rows in each sheet (the header row not counted). */
  counts: { plans: number; steps: number; slips: number; opportunities: number };
  /** The latest "Exported on" date of the Deals sheet: when a seller last exported a plan here. */
  lastExport: string | null;
  /** Sheets outside the layout: where a CRM report may have been pasted. */
  otherSheets: string[];
}

export interface WorkbookActionResult {
  message: string;
}

/** "Import CRM report": the CSV file's text as the sidebar read it, or the name of a sheet holding the pasted report. */
export type ImportRequest = { source: 'csv'; fileName: string; text: string } | { source: 'sheet'; sheetName: string };

export type ImportResult =
  | { ok: true; message: string; imported: number; matched: number; unmatchedPlans: string[] }
  | { ok: false; message: string; problems: string[] };
