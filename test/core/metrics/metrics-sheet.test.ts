// The Metrics sheet's formulas, evaluated by a real formula engine (HyperFormula, Google Sheets settings) over fixture workbooks, agree with the same metrics computed in TypeScript.
import { evaluateSheets, evaluateWorkbook, rawOfValue, workbookSheets, type EvaluatedValue } from '../../../tools/sheets-engine';
import { opportunityRow, type Opportunity } from '../../../src/core/metrics/crm-report';
import { toSerial } from '../../../src/core/metrics/cells';
import { METRICS_SHEET, OPPORTUNITIES } from '../../../src/core/metrics/layout';
import { FIRST_RANK_ROW, METRIC_ROWS, metricCell, metricsSheet, NO_CRM_REPORT, type MetricId } from '../../../src/core/metrics/metrics-sheet';
import { referenceMetrics, type MetricValue } from '../../../src/core/metrics/reference';
import { WORKBOOKS, type FixtureWorkbook } from './workbooks';

const QUARTERS = ['F', 'G', 'H', 'I'] as const;

function expectSame(actual: EvaluatedValue, expected: MetricValue, where: string): void {
  if (typeof expected === 'number') {
    expect([where, typeof actual]).toEqual([where, 'number']);
    expect([where, actual as number]).toEqual([where, expect.closeTo(expected, 9)]);
  } else {
    expect([where, actual ?? '']).toEqual([where, expected]);
  }
}

function reference(w: FixtureWorkbook) {
  return referenceMetrics({ plans: w.plans, opportunities: w.opportunities, asOf: w.asOf });
}

describe.each(WORKBOOKS.map((make) => [make().name, make] as const))('workbook "%s"', (_name, make) => {
  const w = make();
  const book = evaluateWorkbook(w.data, { asOf: w.asOf });
  const ref = reference(w);
  afterAll(() => book.destroy());

  test('no formula evaluates to an error', () => {
    for (const sheet of [METRICS_SHEET, 'Step kinds']) {
      const errors = book.values(sheet).flatMap((row, r) => row.flatMap((v, c) => (v !== null && typeof v === 'object' ? [[r + 1, c + 1, v.error]] : [])));
      expect([sheet, errors]).toEqual([sheet, []]);
    }
  });

  test('the quarters are the four up to the one holding As of', () => {
    expect(QUARTERS.map((c) => book.value(METRICS_SHEET, `${c}3`))).toEqual(ref.quarterStarts.map(toSerial));
  });

  test.each(METRIC_ROWS.map((m) => [m.id] as const))('%s: to date and per quarter, as computed from the plans', (id: MetricId) => {
    expectSame(book.value(METRICS_SHEET, metricCell(id)), ref.metrics[id].toDate, `${id} to date`);
    QUARTERS.forEach((c, i) => expectSame(book.value(METRICS_SHEET, metricCell(id, c)), ref.metrics[id].quarters[i] ?? '', `${id} ${c}`));
  });

  test('a metric over CRM opportunities says why it is empty when no CRM report was imported, and how it is computed once one was', () => {
    const overCrm = METRIC_ROWS.filter((m) => m.needsCrm).map((m) => m.id);
    expect(overCrm).toEqual(['adoption', 'winRateWith', 'winRateWithout', 'winRateRatio', 'cycleWith', 'cycleWithout', 'cycleFaster']);
    for (const m of METRIC_ROWS) {
      const how = book.value(METRICS_SHEET, metricCell(m.id, 'J'));
      const imported = w.opportunities.length > 0;
      expect([m.id, how]).toEqual([m.id, m.needsCrm && !imported ? NO_CRM_REPORT : m.how]);
      // Never an error value in its place: the value is empty until there is something to count.
      if (m.needsCrm && !imported) expect([m.id, book.value(METRICS_SHEET, metricCell(m.id))]).toEqual([m.id, '']);
    }
  });

  test('steps that slip most often: the ranking by kind, highest first', () => {
    const shown = [];
    for (let r = FIRST_RANK_ROW; r < FIRST_RANK_ROW + 15; r++) {
      const kind = book.value(METRICS_SHEET, `B${r}`);
      if (kind === '' || kind === null) continue;
      shown.push({ kind, slips: book.value(METRICS_SHEET, `C${r}`), slipDays: book.value(METRICS_SHEET, `D${r}`), stepsSlipped: book.value(METRICS_SHEET, `E${r}`) });
    }
    expect(shown).toEqual(ref.ranking);
  });

  test('each colour rule paints a value meeting its target green and one missing it red, and an empty value neither', () => {
    const sheet = metricsSheet();
    const checks: { id: MetricId; column: string; expected: [boolean, boolean]; formulas: string[] }[] = [];
    for (const m of METRIC_ROWS) {
      if (m.meets === null || m.targetValue === null) continue;
      const rules = sheet.rules.filter((rule) => rule.range.startsWith(`E${metricCell(m.id).slice(1)}:`));
      expect(rules).toHaveLength(2);
      const target = m.targetValue;
      const op = m.meets;
      ['E', ...QUARTERS].forEach((column, i) => {
        const value = i === 0 ? ref.metrics[m.id].toDate : ref.metrics[m.id].quarters[i - 1];
        const meets = typeof value === 'number' ? (op === '>' ? value > target : op === '>=' ? value >= target : value <= target) : null;
        checks.push({ id: m.id, column, expected: meets === null ? [false, false] : meets ? [true, false] : [false, true], formulas: rules.map((r) => moved(r.formula, column)) });
      });
    }
    const scratch = evaluateSheets({ ...workbookSheets(w.data), Check: checks.map((c) => c.formulas) }, { asOf: w.asOf });
    try {
      checks.forEach((c, row) => {
        const painted = [scratch.value('Check', `A${row + 1}`) === true, scratch.value('Check', `B${row + 1}`) === true];
        expect([c.id, c.column, painted]).toEqual([c.id, c.column, c.expected]);
      });
    } finally {
      scratch.destroy();
    }
  });
});

/** A rule's formula as Sheets applies it to a cell of its range: relative references move with the column; sheet-qualified for a scratch sheet. */
function moved(formula: string, column: string): string {
  return formula.replace(/(?<![$A-Z])E(\d+)/g, `${column}$1`).replace(/(\$?[A-Z]{1,2}\$?\d+)/g, `${METRICS_SHEET}!$1`);
}

describe('the sheet as people use it', () => {
  test('no formula cell is formatted as plain text ("@"), which would show the formula instead of its result', () => {
    const sheet = metricsSheet();
    const plainText = sheet.rows.flatMap((row, r) => row.flatMap((cell, c) => (cell?.formula !== undefined && cell.format === '@' ? [`${r + 1}:${c + 1}`] : [])));
    expect(plainText).toEqual([]);
    const slipRow = sheet.rows[Number(/\d+$/.exec(metricCell('slipMost'))![0]) - 1]!;
    expect(slipRow.slice(4, 9).map((cell) => [cell?.formula?.startsWith('='), cell?.format])).toEqual(Array(5).fill([true, undefined]));
  });

  test('a row pasted far below the data counts, and a header row never does', () => {
    const w = WORKBOOKS[0]!();
    const sheets = workbookSheets(w.data);
    const opportunities = sheets.Opportunities!.map((r) => [...r]);
    while (opportunities.length < 499) opportunities.push([]);
    // A won deal without a MAP, typed on row 500 by a person: text as text, dates as dates.
    const pasted: Opportunity = { ...w.opportunities[0]!, id: 'PASTED', account: 'Pasted Ltd', plan: null, matchedBy: null, outcome: 'won', created: '2027-01-02', closeDate: '2027-02-01' };
    const row = opportunityRow(pasted);
    opportunities.push(OPPORTUNITIES.columns.map((c) => rawOfValue(row[c.id] ?? null)));
    const book = evaluateSheets({ ...sheets, Opportunities: opportunities }, { asOf: w.asOf });
    try {
      const ref = referenceMetrics({ plans: w.plans, opportunities: [...w.opportunities, pasted], asOf: w.asOf });
      for (const id of ['winRateWithout', 'cycleWithout', 'opportunities', 'adoption'] as const) {
        expectSame(book.value(METRICS_SHEET, metricCell(id)), ref.metrics[id].toDate, id);
      }
      expect(ref.metrics.opportunities.toDate).toBe(w.opportunities.length + 1);
    } finally {
      book.destroy();
    }
  });

  test('every chart reads its labels and values from the rows that hold them', () => {
    const w = WORKBOOKS[0]!();
    const book = evaluateWorkbook(w.data, { asOf: w.asOf });
    const ref = reference(w);
    try {
      const cells = (range: string) => {
        const [sheet, area] = range.split('!') as [string, string];
        const [from, to] = area.split(':') as [string, string];
        const row = Number(from.replace(/[A-Z]+/, ''));
        const out: EvaluatedValue[] = [];
        for (let r = row; r <= Number(to.replace(/[A-Z]+/, '')); r++) {
          for (let c = from.charCodeAt(0); c <= to.charCodeAt(0); c++) out.push(book.value(sheet, `${String.fromCharCode(c)}${r}`));
        }
        return out;
      };
      // Spreadsheets round to about 11 significant digits: compare at 9.
      const r9 = (values: readonly (EvaluatedValue | MetricValue)[]) => values.map((v) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : (v ?? '')));
      const charts = metricsSheet().charts;
      expect(charts.map((c) => c.id)).toEqual(['win-rate', 'cycle-time', 'completion', 'slips-by-kind']);
      const quarterLabels = ['Q3 2026', 'Q4 2026', 'Q1 2027', 'Q2 2027'];
      const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
      expect(cells(byId['win-rate']!.domain)).toEqual(quarterLabels);
      expect(byId['win-rate']!.series.map((s) => r9(cells(s.range)))).toEqual([r9(ref.metrics.winRateWith.quarters), r9(ref.metrics.winRateWithout.quarters)]);
      expect(byId['cycle-time']!.series.map((s) => r9(cells(s.range)))).toEqual([r9(ref.metrics.cycleWith.quarters), r9(ref.metrics.cycleWithout.quarters)]);
      expect(r9(cells(byId.completion!.series[0]!.range))).toEqual(r9(ref.metrics.completion.quarters));
      const kinds = cells(byId['slips-by-kind']!.domain).filter((v) => v !== '');
      expect(kinds).toEqual(ref.ranking.map((k) => k.kind));
      expect(cells(byId['slips-by-kind']!.series[0]!.range).filter((v) => v !== '')).toEqual(ref.ranking.map((k) => k.slips));
    } finally {
      book.destroy();
    }
  });
});
