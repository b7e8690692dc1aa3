/** The sheets the add-on owns outright (Metrics, Step kinds), described for the formula-sheet writer from the metrics core. */
import { DEALS, METRICS_SHEET, OPPORTUNITIES, STEPS, wholeColumn } from '../core/metrics/layout';
import type { FormulaSheetSpec } from '../adapters/formula-sheet-writer';

/** Placeholder until the metrics core's Metrics sheet lands: counts only. */
export function formulaSheets(): FormulaSheetSpec[] {
  return [
    {
      name: METRICS_SHEET,
      frozenRows: 1,
      rows: [
        [{ value: 'Metric', bold: true }, { value: 'Value', bold: true }],
        [{ value: 'Plans exported' }, { value: `=MAX(0,COUNTA(${wholeColumn(DEALS, 'documentId')})-1)`, format: '0' }],
        [{ value: 'Steps' }, { value: `=MAX(0,COUNTA(${wholeColumn(STEPS, 'stepKey')})-1)`, format: '0' }],
        [{ value: 'Opportunities' }, { value: `=MAX(0,COUNTA(${wholeColumn(OPPORTUNITIES, 'opportunityId')})-1)`, format: '0' }],
      ],
      conditionalFormats: [],
      charts: [],
    },
  ];
}
