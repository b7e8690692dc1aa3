/** "Import CRM report": a CSV file or a pasted sheet, read by the metrics core's CRM reader, matched to the plans in Deals, written into Opportunities. */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { writeCsv } from '../core/metrics/csv';
import { opportunityRow, readCrmReport } from '../core/metrics/crm-report';
import { DATA_SHEETS } from '../core/metrics/layout';
import { matchPlans } from '../core/metrics/match';
import { dealPlans } from '../adapters/deal-plans';
import { withDocumentLock } from '../adapters/lock';
import { writeOpportunities } from '../adapters/opportunities-writer';
import { activeWorkbook } from '../adapters/workbook';
import { answer } from '../server/errors';
import type { ImportResult } from './contract';

/** A CRM export of tens of thousands of opportunities is a few MB; google.script.run carries up to about 50 MB. */
const MAX_CSV_CHARACTERS = 20_000_000;

const importRequest = onFirstUse(() =>
  z.discriminatedUnion('source', [
    z.object({ source: z.literal('csv'), fileName: z.string().check(z.maxLength(500)), text: z.string().check(z.maxLength(MAX_CSV_CHARACTERS)) }),
    z.object({ source: z.literal('sheet'), sheetName: z.string().check(z.minLength(1), z.maxLength(200)) }),
  ]),
);

const BUSY = 'Someone else is importing or refreshing this workbook right now. Try again in a few seconds.';

function plural(n: number, word: string, words = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : words}`;
}

/** The report pasted into a sheet, as CSV text: the cells as Sheets shows them ("$85,000.00", "3/14/2026"), which the reader takes like an export's. */
function sheetAsCsv(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, sheetName: string): string | null {
  const sheet = spreadsheet.getSheetByName(sheetName);
  if (!sheet || sheet.getLastRow() === 0) return null;
  return writeCsv(sheet.getRange(1, 1, sheet.getLastRow(), sheet.getLastColumn()).getDisplayValues());
}

export function importCrmReport(request: unknown): ImportResult {
  return answer('importing the CRM report', () => {
    const parsed = importRequest().safeParse(request);
    if (!parsed.success) return { ok: false, message: 'Choose a CSV file or a sheet holding the report.', problems: [] };
    const input = parsed.data;
    return withDocumentLock((): ImportResult => {
      const spreadsheet = activeWorkbook();
      let csv: string;
      let from: string;
      if (input.source === 'csv') {
        csv = input.text;
        from = input.fileName || 'the file';
      } else {
        if (DATA_SHEETS.some((layout) => layout.name === input.sheetName)) {
          return { ok: false, message: `${input.sheetName} is one of the workbook's own sheets: paste the report into a sheet of its own.`, problems: [] };
        }
        const text = sheetAsCsv(spreadsheet, input.sheetName);
        if (text === null) return { ok: false, message: `There is no report in a sheet named "${input.sheetName}".`, problems: [] };
        csv = text;
        from = `the sheet "${input.sheetName}"`;
      }
      const report = readCrmReport(csv);
      if (!report.ok) return { ok: false, message: report.error, problems: [] };
      const match = matchPlans(dealPlans(spreadsheet), report.opportunities);
      const written = writeOpportunities(spreadsheet, match.opportunities.map(opportunityRow));
      const matched = match.opportunities.filter((o) => o.plan !== null).length;
      const kept = written.keptForNotes > 0 ? ` ${plural(written.keptForNotes, 'earlier row')} with your notes kept below them.` : '';
      const skipped = report.problems.length > 0 ? ` ${plural(report.problems.length, 'line')} needed attention: ${report.problems.slice(0, 3).map((p) => `line ${p.line}: ${p.message}`).join(' ')}` : '';
      return {
        ok: true,
        message: `Imported ${plural(written.written, 'opportunity', 'opportunities')} from ${from} (${report.source}); ${plural(matched, 'plan')} matched.${kept}${skipped}`,
        imported: written.written,
        matched,
        unmatchedPlans: match.unmatched.map((plan) => plan.title ?? plan.documentId),
      };
    }, 10_000, BUSY);
  });
}
