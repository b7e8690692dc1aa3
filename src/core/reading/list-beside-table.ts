/** A Stakeholders or Risks part holding both a table and a list: the table is read, and what only the list says is named, so nobody counts on it. */
import type { Diagnostics } from './diagnostics';
import type { ParsedRisk, ParsedStakeholder } from './parsed-plan';
import { readRiskList } from './risk-list';
import type { PlanDocument } from './sections';
import { readStakeholderList } from './stakeholder-list';
import { list, quoted } from './text';

const key = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * Says which is read when a part has a table and a list beside it, only when the list names people
 * or risks the table does not: a list repeating the table, or notes that name nobody, say nothing.
 */
export function reportListsBesideTables(
  diagnostics: Diagnostics,
  doc: PlanDocument,
  companies: { yourCompany: string; theirCompany: string },
  tables: { stakeholders: readonly ParsedStakeholder[] | null; risks: readonly ParsedRisk[] | null },
): void {
  if (tables.stakeholders) {
    const inTable = new Set(tables.stakeholders.map((p) => key(p.name)));
    const only = readStakeholderList(doc, companies).filter((p) => p.name.trim() && !/[[\]]/.test(p.name) && !inTable.has(key(p.name)));
    const names = [...new Set(only.map((p) => p.name))];
    if (names.length > 0)
      diagnostics.warn(
        'info',
        'Stakeholders list',
        names.join(', '),
        `The Stakeholders part has a table and a list; the add-on reads the table, so ${list(names)} (only in the list) ${names.length === 1 ? 'is' : 'are'} not counted as a stakeholder: not as economic buyer or champion, nor to tell whose steps are whose. Add ${names.length === 1 ? 'them' : 'each'} to the table to count ${names.length === 1 ? 'them' : 'them all'}.`,
        null,
        [only[0]?.paragraphIndex ?? -1],
      );
  }
  if (tables.risks) {
    const inTable = new Set(tables.risks.map((r) => key(r.risk)));
    const only = readRiskList(doc).filter((r) => !inTable.has(key(r.risk)));
    if (only.length > 0) {
      const risks = quoted(only.slice(0, 3).map((r) => (r.risk.length > 60 ? `${r.risk.slice(0, 59)}…` : r.risk)));
      const more = only.length > 3 ? ` and ${only.length - 3} more` : '';
      diagnostics.warn(
        'info',
        'Risks list',
        only.map((r) => r.risk).join('; '),
        `The Risks part has a table and a list; the add-on reads the table, so ${list(risks)}${more} (only in the list) ${only.length === 1 ? 'is' : 'are'} not checked for a mitigation. Move ${only.length === 1 ? 'it' : 'them'} into the table to have ${only.length === 1 ? 'it' : 'them'} checked.`,
        null,
        [only[0]?.paragraphIndex ?? -1],
      );
    }
  }
}
