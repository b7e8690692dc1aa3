/** The Risks and blockers table: each risk with its impact and mitigation, and the cell a finding about it points at. */
import type { ParsedRisk } from './parsed-plan';
import { mapColumns } from './columns';
import { RISK_HEADER_WORDS, type RiskColumn } from './header-words';
import { cellAt, headersOf, type FoundTable } from './tables';
import { clean } from './text';

export function readRisks(found: FoundTable): ParsedRisk[] {
  const { table, headerRow } = found;
  const cols = mapColumns(headersOf(table, headerRow), RISK_HEADER_WORDS).columns;
  const out: ParsedRisk[] = [];
  // The mitigation is what a finding about a risk asks for; the risk cell places the row without one.
  const column = cols.mitigation ?? cols.risk;
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const get = (k: RiskColumn): string => clean(cellAt(table, r, cols[k]).text);
    const cell = column === undefined ? null : { tableIndex: table.index, row: r, column };
    const risk = { risk: get('risk'), impact: get('impact'), mitigation: get('mitigation'), cell };
    if (risk.risk || risk.impact || risk.mitigation) out.push(risk);
  }
  return out;
}
