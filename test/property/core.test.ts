/** Properties of the add-on's parts that every action relies on: reading never throws, dates read back as written, safe cell writes, and a history that fits Google's limits. */
import fc from 'fast-check';
import { GoogleEmulation, PropertiesEmulation, PropertyStore, PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES } from '../../emulation';
import { CallLog } from '../../emulation';
import { DocumentEmulation } from '../../emulation/document';
import { replaceCellText } from '../../src/adapters/cell-writer';
import { HISTORY_BUDGET_BYTES, loadHistory, saveHistory } from '../../src/adapters/history-store';
import { formatDueDate, parseDueDate, type DateContext } from '../../src/core/reading/cell-dates';
import { observe, startHistory, type ObservedPlan } from '../../src/core/history/history';
import type { IsoDate } from '../../src/core/plan';
import { readMarkdownPlan } from '../core/markdown-plan';
import { DATE_FORMS, dayAt, escapeCell, planMarkdown, planSpec } from './plans';
import { holds } from './settings';

const FILE = 'test/property/core.test.ts';
const iso = (d: Date) => d.toISOString().slice(0, 10) as IsoDate;

describe('reading', () => {
  test('any generated plan reads without throwing, and finds steps or says why not', () => {
    holds(
      FILE,
      fc.property(planSpec(80), (spec) => {
        const plan = readMarkdownPlan(planMarkdown(spec), '2026-12-14', null, spec.locale);
        if (!plan.stepsTable && plan.diagnostics.length === 0) throw new Error('the plan was not found, and nothing says why');
        // Every generated step row is read as a step, in document order, or named in a diagnostic
        // when it genuinely cannot be (a row whose action cell is blank).
        const rows = [...spec.steps, ...(spec.secondTable ?? [])];
        const unread = rows.filter((s) => !plan.steps.some((p) => p.action === s.action.trim().replace(/\s+/g, ' ')));
        if (plan.steps.length < rows.length && plan.diagnostics.length === 0) throw new Error(`${rows.length} rows gave ${plan.steps.length} steps and no diagnostic`);
        if (plan.steps.length < rows.length) throw new Error(`${rows.length} rows gave ${plan.steps.length} steps: ${plan.diagnostics.map((d) => d.message).join(' / ')} (unread: ${unread.map((s) => s.action).join(', ')})`);
      }),
      2500,
    );
  });

  test('any table of any text reads without throwing', () => {
    const cell = fc.oneof(fc.string({ maxLength: 30, unit: 'grapheme' }), fc.constantFrom('Action', 'Due date', 'Status', 'Owner', '#', 'Depends on', 'Dec 3', '3/14', '✅', 'TBD', '1, 2', '99'));
    holds(
      FILE,
      fc.property(fc.array(fc.array(cell, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 12 }), fc.string({ maxLength: 40 }), (rows, heading) => {
        const width = Math.max(...rows.map((r) => r.length));
        const line = (r: string[]) => `| ${Array.from({ length: width }, (_, i) => escapeCell(r[i] ?? '')).join(' | ')} |`;
        const markdown = [`# ${escapeCell(heading)}`, '', line(rows[0]!), `| ${Array.from({ length: width }, () => ':----').join(' | ')} |`, ...rows.slice(1).map(line), ''].join('\n');
        readMarkdownPlan(markdown, '2026-12-14');
      }),
      1500,
    );
  });
});

describe('dates', () => {
  const context = (dayFirst: boolean): DateContext => ({ dayFirst, referenceDate: '2026-12-07', evaluationStart: '2026-12-07' });
  const forms = Object.keys(DATE_FORMS).filter((f) => f !== 'd/M/yyyy');

  test('every date form reads as its day, and a new date written in its format reads back as the new date, words around it kept', () => {
    holds(
      FILE,
      // A date written without its year is read as the nearest such day to the plan's dates: keep those within five months.
      fc.property(fc.constantFrom(...forms), fc.integer({ min: -60, max: 400 }), fc.integer({ min: -90, max: 300 }), fc.constantFrom('', 'by ', 'approx. '), fc.constantFrom('', ' (tentative)', ' - confirm'), (form, from, to, prefix, suffix) => {
        const yearless = !/yy/.test(form);
        if (yearless) [from, to] = [Math.min(from, 150), Math.min(to, 150)];
        const text = prefix + DATE_FORMS[form]!(dayAt(from)) + suffix;
        const parsed = parseDueDate(text, context(false));
        if (parsed.kind !== 'date') throw new Error(`"${text}" was not read as a date`);
        if (parsed.date !== iso(dayAt(from))) throw new Error(`"${text}" read as ${parsed.date}, not ${iso(dayAt(from))}`);
        const written = formatDueDate(iso(dayAt(to)), parsed.format, context(false));
        const back = parseDueDate(written, context(false));
        if (back.kind !== 'date' || back.date !== iso(dayAt(to))) throw new Error(`"${text}" moved to ${iso(dayAt(to))} was written "${written}", which reads as ${back.kind === 'date' ? back.date : 'no date'}`);
        if (!written.startsWith(prefix.trim()) || !written.endsWith(suffix)) throw new Error(`"${written}" lost the words around "${text}"`);
      }),
      2500,
    );
  });
});

describe('safe writes', () => {
  function paragraph(text: string, bold: number) {
    const env = new GoogleEmulation();
    const doc = new DocumentEmulation(env, { name: 'p' });
    const p = doc.getBody().appendParagraph(text);
    if (text.length > 0) p.editAsText().setBold(0, Math.min(bold, text.length - 1), true);
    return p;
  }
  const text = fc.string({ maxLength: 24, unit: fc.constantFrom('a', 'b', '1', ' ', '/', 'é', '✅', '\r') });

  test('a cell becomes exactly the new text, and the characters around the change keep their formatting', () => {
    holds(
      FILE,
      fc.property(text, text, fc.nat({ max: 30 }), (before, after, bold) => {
        const p = paragraph(before, bold);
        const styles = (s: string) => Array.from(s, (_, i) => p.editAsText().isBold(i));
        const was = styles(before);
        replaceCellText(p, before, after);
        if (p.getText() !== after) throw new Error(`"${before}" -> "${after}" gave "${p.getText()}"`);
        let start = 0;
        while (start < before.length && start < after.length && before[start] === after[start]) start++;
        const now = styles(after);
        for (let i = 0; i < start; i++) if (now[i] !== was[i]) throw new Error(`character ${i} of "${after}" lost its formatting`);
      }),
      1500,
    );
  });

  test('a cell a person changed after the read is never written', () => {
    holds(
      FILE,
      fc.property(text, text, text, (read, typed, after) => {
        fc.pre(read !== typed);
        const p = paragraph(typed, 0);
        const outcome = replaceCellText(p, read, after);
        if (outcome !== 'changed-since' || p.getText() !== typed) throw new Error(`the person's "${typed}" became "${p.getText()}" (${outcome})`);
      }),
      1000,
    );
  });
});

describe('history in document properties', () => {
  const plan = (steps: number, offset: number, done: number): ObservedPlan => ({
    steps: Array.from({ length: steps }, (_, i) => ({
      key: `k${i}`,
      action: `Step ${i} ${'x'.repeat(i % 40)}`,
      number: i + 1,
      due: iso(dayAt(i * 3 + offset)),
      status: i < done ? 'complete' : 'pending',
      owner: 'Acme',
    })),
    keyDates: { evaluationStart: '2026-12-07', decisionTarget: iso(dayAt(60 + offset)), goLiveTarget: null },
  });

  test('whatever happened to the plan, the stored history stays under the limits and says what it trimmed', () => {
    holds(
      FILE,
      fc.property(fc.integer({ min: 1, max: 300 }), fc.array(fc.integer({ min: -5, max: 20 }), { minLength: 1, maxLength: 30 }), fc.nat({ max: 500 }), (steps, slips, otherBytes) => {
        // Another add-on's properties share the store (values under 9 KB each, as Google allows).
        const store = new PropertyStore(Object.fromEntries(Array.from({ length: Math.ceil(otherBytes / 80) }, (_, i) => [`other.addon.${i}`, 'y'.repeat(8000)])));
        const properties = new PropertiesEmulation(new CallLog(), store);
        let history = startHistory(plan(steps, 0, 0), '2026-12-07', 'insert');
        let day = 7;
        let offset = 0;
        for (const slip of slips) {
          offset += slip;
          day += 1;
          history = observe(history, plan(steps, offset, Math.min(steps, day - 7)), iso(new Date(Date.UTC(2026, 11, day))), 'hand').history;
        }
        const report = saveHistory(history, properties);
        for (const [key, value] of store.entries) if (Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(`${key} holds ${Buffer.byteLength(value)} bytes`);
        if (store.bytes() > PROPERTY_STORE_LIMIT_BYTES) throw new Error(`the store holds ${store.bytes()} bytes`);
        if (report.saved && report.bytes > HISTORY_BUDGET_BYTES) throw new Error(`the history takes ${report.bytes} bytes`);
        if (report.trimmed !== report.eventsDropped > 0 || (report.trimmed && !report.message)) throw new Error(`a trim was not reported: ${JSON.stringify(report)}`);
        if (!report.saved && !report.message) throw new Error('a history not saved was not reported');
        const loaded = loadHistory(properties);
        if (report.saved && (!loaded || loaded.events.length !== history.events.length - report.eventsDropped)) throw new Error('the saved history does not read back');
      }),
      300,
    );
  });
});
