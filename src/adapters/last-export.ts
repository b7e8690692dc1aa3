/** When this document's plan was last exported to a team workbook, and to which one: a document property, so it shows in every session and to every seller on the plan. */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { documentProperties } from './property-cache';

const LAST_EXPORT_KEY = 'map.lastExport';

export interface LastExport {
  /** The instant (ISO, UTC) the export finished writing. */
  at: string;
  /** The workbook's name as it was linked then. */
  workbook: string;
}

const lastExportSchema = onFirstUse(() => z.object({ at: z.iso.datetime(), workbook: z.string().check(z.maxLength(1000)) }));

/**
 * Staged with the action's other writes: sent in its one setProperties() (property-cache.ts). A
 * full store (other add-ons share it) costs the record, never the export that was written.
 */
export function saveLastExport(record: LastExport): void {
  try {
    documentProperties().setProperty(LAST_EXPORT_KEY, JSON.stringify(record));
  } catch (error) {
    console.warn(`${LAST_EXPORT_KEY}: not saved`, error);
  }
}

/** The stored record; a value that does not pass the schema is ignored (logged), never shown. */
export function loadLastExport(): LastExport | null {
  const raw = documentProperties().getProperty(LAST_EXPORT_KEY);
  if (!raw) return null;
  try {
    const parsed = z.safeParse(lastExportSchema(), JSON.parse(raw));
    if (parsed.success) return parsed.data;
  } catch {
    // Not JSON: ignored below.
  }
  console.warn(`${LAST_EXPORT_KEY}: the saved export record is not in the expected shape; ignored.`);
  return null;
}
