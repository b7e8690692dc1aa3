// Reading an inserted plan back through the emulated DocumentApp: what it costs in service calls, step markers that survive edits, and smart chips.
import { insertForm, openDocument, type Session } from './harness';
import { CHIP_TEXTS } from '../../emulation/document';
import { readDocumentPlan, readOutline, tagStepRows } from '../../src/adapters/document-reader';
import type { ParsedPlan } from '../../src/core/reading/parsed-plan';
import type { ReadContext } from '../../src/core/reading/context';

type Doc = GoogleAppsScript.Document.Document;
const CTX: ReadContext = { locale: 'en_US', today: '2026-11-27' };

/** A document with the standard plan inserted by the add-on, and DocumentApp installed for the reader. */
function insertedPlan(markdown?: string): Session & { document: Doc } {
  const s = openDocument(markdown === undefined ? { today: '2026-11-27' } : { today: '2026-11-27', markdown });
  s.addOn.runSync('insertMap', insertForm());
  Object.assign(globalThis, { DocumentApp: s.env.documentApp });
  return { ...s, document: s.doc as unknown as Doc };
}

afterAll(() => {
  Reflect.deleteProperty(globalThis, 'DocumentApp');
});

function stepsTable(s: Session & { document: Doc }, plan: ParsedPlan): GoogleAppsScript.Document.Table {
  return s.document.getBody().getChild(plan.stepsTable?.index ?? -1).asTable();
}

describe('what reading costs', () => {
  test('the inserted standard plan: two calls per table cell, one walk of the body, its 11 step markers, no writes', () => {
    const s = insertedPlan();
    s.env.calls.reset();
    const { outline, plan } = readDocumentPlan(s.document, CTX);
    const cells = outline.blocks.reduce((n, b) => n + (b.kind === 'table' ? b.rows.reduce((m, r) => m + r.cells.length, 0) : 0), 0);
    const calls = s.env.calls;
    expect(plan.steps).toHaveLength(11);
    expect(plan.diagnostics).toEqual([]);
    expect(cells).toBe(102);
    expect(calls.count('TableRow.getCell') + calls.count('TableCell.')).toBe(2 * cells);
    expect(calls.count('Body.getChild')).toBe(outline.blocks.length);
    // Chips are looked for once per kind, not cell by cell.
    expect(calls.count('Body.findElement')).toBe(2);
    expect(calls.count('Paragraph.getNumChildren') + calls.count('Paragraph.getChild')).toBe(0);
    // Each step marker costs about 8 calls: its name, range, element and type, the row's table, and where they are.
    expect(calls.count('NamedRange.getRange')).toBe(11);
    // Each list item with text costs one more: its nesting level (a risk's mitigation nested under it).
    const items = outline.blocks.filter((b) => b.kind === 'paragraph' && b.list !== null && b.text.trim() !== '').length;
    expect(calls.count('ListItem.getNestingLevel')).toBe(items);
    expect(calls.total()).toBeLessThanOrEqual(367 + 11 * 8 + items);
    const writes = Object.keys(calls.snapshot()).filter((name) => /\.(set|insert|append|add|remove|replace|clear)/.test(name));
    expect(writes).toEqual([]);
  });
});

describe('step markers', () => {
  test('inserted rows carry their markers; the keys then survive a row inserted above, a renamed action, and a moved row', () => {
    const s = insertedPlan();
    const first = readDocumentPlan(s.document, CTX);
    expect(first.plan.steps.map((st) => st.key)).toEqual(['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11']);
    expect(tagStepRows(s.document, first.outline, first.plan)).toBe(0);
    expect(s.document.getNamedRanges().map((r) => r.getName()).filter((n) => n.startsWith('map.step.'))).toHaveLength(11);

    s.env.calls.reset();
    const again = readDocumentPlan(s.document, CTX);
    expect(again.plan.steps.map((st) => st.key)).toEqual(first.plan.steps.map((st) => st.key));
    // Each marker: its name, range, element and type, the row's table, and where the row and the table are.
    expect(s.env.calls.count('NamedRange.getRange')).toBe(11);
    const items = again.outline.blocks.filter((b) => b.kind === 'paragraph' && b.list !== null && b.text.trim() !== '').length;
    expect(s.env.calls.total()).toBeLessThanOrEqual(367 + 11 * 8 + items);

    const keyOf = (plan: ParsedPlan, action: string): string | undefined => plan.steps.find((st) => st.action === action)?.key;
    const table = stepsTable(s, first.plan);
    // A prospect adds a step above step 3, renames step 5 and drags step 9 below step 10 (a move loses the marker in Docs).
    const inserted = table.insertTableRow(3);
    for (const text of ['', 'DPA review', 'Globex legal', 'Dec 30, 2026', 'Pending', '2']) inserted.appendTableCell(text);
    table.getCell(6, 1).setText('Business case for the CFO');
    const moved = table.getRow(10).copy();
    table.removeRow(10);
    table.insertTableRow(11, moved);

    const known = first.plan.steps.map((st) => ({ key: st.key, action: st.action, number: st.number, due: st.due }));
    const edited = readDocumentPlan(s.document, { ...CTX, knownSteps: known });
    expect(edited.plan.steps.map((st) => st.action)).toEqual([
      'Technical deep-dive with engineering',
      'Security questionnaire review',
      'DPA review',
      'Pilot/POC setup (if applicable)',
      'Pilot results review',
      'Business case for the CFO',
      'Pricing proposal delivery',
      'Internal review and stakeholder alignment',
      'Procurement/legal review',
      'Contract signature',
      'Contract redlines and negotiation',
      'Onboarding kickoff',
    ]);
    for (const action of ['Technical deep-dive with engineering', 'Pilot results review', 'Contract redlines and negotiation', 'Onboarding kickoff']) {
      expect(keyOf(edited.plan, action)).toBe(keyOf(first.plan, action));
    }
    expect(keyOf(edited.plan, 'Business case for the CFO')).toBe(keyOf(first.plan, 'ROI/business case presentation to [Economic buyer name]'));
    expect(known.map((k) => k.key)).not.toContain(keyOf(edited.plan, 'DPA review'));
    // The new row and the moved one get markers; everything else already has its own.
    expect(tagStepRows(s.document, edited.outline, edited.plan)).toBe(2);
    const last = readDocumentPlan(s.document, CTX);
    expect(last.plan.steps.map((st) => st.key)).toEqual(edited.plan.steps.map((st) => st.key));
  });
});

// What getText() gives for a chip is undocumented: the plan must read the same in each of the three ways.
describe.each(CHIP_TEXTS)('smart chips, getText() giving %s for a chip', (chipText) => {
  test('a date chip in a due cell and in a key date, a person chip as an owner; each chip costs about a dozen calls', () => {
    const s = insertedPlan();
    s.doc._state.chipText = chipText;
    s.env.calls.reset();
    const plain = readDocumentPlan(s.document, CTX);
    const withoutChips = s.env.calls.total();

    const table = stepsTable(s, plain.plan);
    const due = table.getCell(1, 3);
    due.setText('');
    s.doc._appendDateChip(due.getChild(0).asParagraph(), { timestamp: new Date('2026-12-21T00:00:00Z'), displayText: 'Dec 21, 2026' });
    const owner = table.getCell(2, 2);
    owner.setText('');
    s.doc._appendPersonChip(owner.getChild(0).asParagraph(), { name: 'Bo Chen', email: 'bo.chen@globex.com' });
    const line = s.document.getBody().getChild(plain.plan.keyDates.decisionTarget?.paragraphIndex ?? -1).asListItem();
    line.setText('Decision target: ');
    s.doc._appendDateChip(line, { timestamp: new Date('2027-02-19T12:00:00Z'), displayText: 'Feb 19, 2027' });

    s.env.calls.reset();
    const { plan, outline } = readDocumentPlan(s.document, CTX);
    const chips = s.env.calls.total() - withoutChips;
    expect(plan.steps[0]).toMatchObject({ due: '2026-12-21', dueText: 'Dec 21, 2026' });
    expect(plan.steps[1]).toMatchObject({ owner: 'Bo Chen', side: 'theirs' });
    expect(plan.keyDates.decisionTarget).toMatchObject({ date: '2027-02-19', valueText: 'Feb 19, 2027' });
    expect(outline.blocks.find((b) => b.kind === 'table')).toMatchObject({
      rows: expect.arrayContaining([expect.objectContaining({ cells: expect.arrayContaining([{ text: '', chips: [{ kind: 'person', name: 'Bo Chen', email: 'bo.chen@globex.com' }] }]) })]),
    });
    // Reading a chip's cell again through editAsText (2 calls; 4 for a paragraph) keeps its text the same in every mode.
    expect(chips).toBeLessThanOrEqual(3 * 15);
  });
});

describe('the outline', () => {
  test('each body block with its index: headings, list kinds, table cells and chips; empty paragraphs and other elements skipped', () => {
    const s = openDocument({
      markdown: [
        '# Mutual Action Plan: Acme \\+ Globex',
        '',
        '## Key dates',
        '',
        '* Evaluation start: Dec 7, 2026',
        '',
        '1. Pilot passes',
        '',
        '| **Action** | **Owner** |',
        '| :---- | :---- |',
        '| Kickoff | [Dana Ruiz](mailto:dana@globex.com) |',
        '',
      ].join('\n'),
    });
    Object.assign(globalThis, { DocumentApp: s.env.documentApp });
    expect(readOutline(s.doc as unknown as Doc)).toEqual({
      blocks: [
        { kind: 'paragraph', index: 0, text: 'Mutual Action Plan: Acme + Globex', heading: 1, list: null, chips: [] },
        { kind: 'paragraph', index: 1, text: 'Key dates', heading: 2, list: null, chips: [] },
        { kind: 'paragraph', index: 2, text: 'Evaluation start: Dec 7, 2026', heading: 0, list: 'bullet', chips: [] },
        { kind: 'paragraph', index: 3, text: 'Pilot passes', heading: 0, list: 'number', chips: [] },
        {
          kind: 'table',
          index: 4,
          rows: [
            { cells: [{ text: 'Action', chips: [] }, { text: 'Owner', chips: [] }], key: null },
            { cells: [{ text: 'Kickoff', chips: [] }, { text: '', chips: [{ kind: 'person', name: 'Dana Ruiz', email: 'dana@globex.com' }] }], key: null },
          ],
        },
        { kind: 'paragraph', index: 5, text: '', heading: 0, list: null, chips: [] },
      ],
    });
  });
});
