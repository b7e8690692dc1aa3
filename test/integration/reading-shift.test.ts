/** Shifts on plans written the way people write them: a plan split over one table per phase, and steps numbered "5" and "5a". */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { openDocument, readingFixture, stepKey, type Session } from './harness';

/** Every table's cells under a given column header, table by table, as a person reads the document. */
function columnByTable(s: Session, header: string): string[][] {
  return s.blocks().flatMap((b) => {
    if (b.kind !== 'table') return [];
    const column = b.rows[0]?.findIndex((c) => c.text === header) ?? -1;
    return column < 0 ? [] : [b.rows.slice(1).map((r) => r[column]?.text ?? '')];
  });
}

describe('a plan split over one table per phase', () => {
  test('a slip in the first table moves the steps of the second, each written in its own table, and Undo restores both', () => {
    const s = openDocument({ markdown: readingFixture('phase-tables-continue'), today: '2026-11-27' });
    const before = columnByTable(s, 'Due date');
    expect(before).toEqual([
      ['Nov 30, 2026', 'Dec 11, 2026', 'Dec 18, 2026'],
      ['Jan 8, 2027', 'Jan 20, 2027', 'Jan 29, 2027'],
    ]);
    const request = { kind: 'step', step: stepKey(s, '3'), to: '+3 days' };
    const preview = s.run('previewShift', request);
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.rows.map((r) => [r.label, r.from, r.to])).toEqual([
      ['3', 'Dec 18, 2026', 'Dec 23, 2026'],
      ['4', 'Jan 8, 2027', 'Jan 13, 2027'],
      ['5', 'Jan 20, 2027', 'Jan 25, 2027'],
      ['6', 'Jan 29, 2027', 'Feb 3, 2027'],
    ]);
    const applied = s.run('applyShift', { ...request, expect: preview.token });
    expect(applied.ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual([
      ['Nov 30, 2026', 'Dec 11, 2026', 'Dec 23, 2026'],
      ['Jan 13, 2027', 'Jan 25, 2027', 'Feb 3, 2027'],
    ]);
    // The next read sees the second table's rows as the same steps (their markers are on their own rows).
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error('no state');
    expect(state.steps.map((st) => [st.label, st.dueText, st.phase])).toEqual([
      ['1', 'Nov 30, 2026', 'Phase 1: Evaluation'],
      ['2', 'Dec 11, 2026', 'Phase 1: Evaluation'],
      ['3', 'Dec 23, 2026', 'Phase 1: Evaluation'],
      ['4', 'Jan 13, 2027', 'Phase 2: Commercials'],
      ['5', 'Jan 25, 2027', 'Phase 2: Commercials'],
      ['6', 'Feb 3, 2027', 'Phase 2: Commercials'],
    ]);
    const undone = s.run('undoLastShift');
    expect(undone.ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual(before);
  });
});

describe('steps numbered as people write them', () => {
  test('rows 5 and 5a: shifting 5a moves 5a and what follows it, never 5', () => {
    const s = openDocument({ markdown: readingFixture('numbering-as-written'), today: '2026-11-27' });
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error('no state');
    expect(state.steps.map((st) => st.label)).toEqual(['1', '2', '2.1', '3', '3b', '5', '5a', '6', '6']);
    expect(new Set(state.steps.map((st) => st.key)).size).toBe(9);
    const applied = s.run('applyShift', { kind: 'step', step: stepKey(s, '5a'), to: '+1 day' });
    expect(applied.ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual([
      ['Dec 1, 2026', 'Dec 9, 2026', 'Dec 11, 2026', 'Dec 16, 2026', 'Dec 18, 2026', 'Jan 6, 2027', 'Jan 11, 2027', 'Jan 14, 2027', 'Jan 14, 2027'],
    ]);
  });

  test('a number two rows share is refused by number and picked by key', () => {
    const s = openDocument({ markdown: readingFixture('numbering-as-written'), today: '2026-11-27' });
    expect(s.run('previewShift', { kind: 'step', step: '6', to: '+1 week' })).toEqual({
      ok: false,
      message: '2 steps are numbered 6: choose the one that slipped from the list, or renumber them.',
      problems: [],
    });
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error('no state');
    const second = state.steps.filter((st) => st.label === '6')[1];
    const preview = s.run('previewShift', { kind: 'step', step: second?.key ?? '', to: '+1 day' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.rows.map((r) => [r.label, r.action, r.to])).toEqual([['6', 'Order form countersigned', 'Jan 14, 2027']]);
  });
});

describe('several key dates in one paragraph', () => {
  const paragraph = (s: Session): string[] => s.blocks().flatMap((b) => (b.kind !== 'table' && b.text.startsWith('Evaluation start:') ? [b.text] : []));

  test('a shift rewrites only the values that move, each in its own place; Undo puts the paragraph back', () => {
    const s = openDocument({ markdown: readingFixture('key-dates-one-paragraph'), today: '2026-11-27' });
    const original = 'Evaluation start: Nov 16, 2026 · Decision target: Jan 15, 2027 · Go-live target: Mar 1, 2027';
    expect(paragraph(s)).toEqual([original]);
    const request = { kind: 'step', step: stepKey(s, '3'), to: '+3 days' };
    const preview = s.run('previewShift', request);
    if (!preview.ok) throw new Error(preview.message);
    const moved = Object.fromEntries(preview.keyDates.filter((k) => k.moved).map((k) => [k.label, k.to]));
    // Both targets follow their steps here, so the paragraph holds two writes.
    expect(Object.keys(moved).sort()).toEqual(['Decision target', 'Go-live target']);
    const applied = s.run('applyShift', { ...request, expect: preview.token });
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.skipped).toEqual([]);
    expect(paragraph(s)).toEqual([`Evaluation start: Nov 16, 2026 · Decision target: ${moved['Decision target']} · Go-live target: ${moved['Go-live target']}`]);
    const undone = s.run('undoLastShift');
    expect(undone.conflicts).toEqual([]);
    expect(paragraph(s)).toEqual([original]);
  });

  test('a date chip between typed dates is that label\'s date: the shift says to set it by hand and writes only the typed one', () => {
    const s = openDocument({ markdown: readingFixture('key-dates-one-paragraph'), today: '2026-11-27' });
    const body = s.doc.getBody();
    let line: GoogleAppsScript.Document.Paragraph | null = null;
    for (let i = 0; i < body.getNumChildren(); i++) {
      const child = body.getChild(i);
      if (String(child.getType()) === 'PARAGRAPH' && child.asParagraph().getText().startsWith('Evaluation start:')) line = child.asParagraph();
    }
    if (!line) throw new Error('no key dates paragraph');
    line.setText('Evaluation start: Nov 16, 2026 · Decision target: ');
    s.doc._appendDateChip(line, { timestamp: new Date('2027-01-15T12:00:00Z'), displayText: 'Jan 15, 2027' });
    line.appendText(' · Go-live target: Mar 1, 2027');
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error(JSON.stringify(state));
    expect(state.diagnostics).toEqual([]);
    const request = { kind: 'step', step: stepKey(s, '3'), to: '+3 days' };
    const preview = s.run('previewShift', request);
    if (!preview.ok) throw new Error(preview.message);
    const decision = preview.keyDates.find((k) => k.label === 'Decision target');
    expect(decision).toMatchObject({ from: 'Jan 15, 2027', moved: true });
    const byHand = `The decision target is a date chip, which add-ons cannot change: set it to ${decision?.to} by hand.`;
    expect(preview.notes).toContain(byHand);
    const applied = s.run('applyShift', { ...request, expect: preview.token });
    if (!applied.ok) throw new Error(applied.message);
    expect(applied.skipped).toEqual([byHand]);
    const goLive = preview.keyDates.find((k) => k.label === 'Go-live target')?.to;
    expect(paragraph(s)).toEqual([`Evaluation start: Nov 16, 2026 · Decision target:  · Go-live target: ${goLive}`]);
    expect(s.markdown()).toContain(`Evaluation start: Nov 16, 2026 · Decision target: Jan 15, 2027 · Go-live target: ${goLive}`);
    // The Changes line names only what was written.
    expect(s.markdown()).toContain(`Nov 27: steps 3, 4 moved 3 working days later because Contract signature slipped; go-live target now ${goLive}\n`);
  });

  test('a key date in a "Key dates" table is written in its own cell', () => {
    const s = openDocument({ markdown: readingFixture('key-dates-table'), today: '2026-11-27' });
    const request = { kind: 'step', step: stepKey(s, '2'), to: '+3 days' };
    const preview = s.run('previewShift', request);
    if (!preview.ok) throw new Error(preview.message);
    const decision = preview.keyDates.find((k) => k.label === 'Decision target');
    expect(decision?.moved).toBe(true);
    expect(s.run('applyShift', { ...request, expect: preview.token }).ok).toBe(true);
    expect(columnByTable(s, 'Date')).toEqual([['Nov 16, 2026', decision?.to, expect.any(String)]]);
    expect(columnByTable(s, 'Due date')[0]?.[1]).toBe(preview.rows[0]?.to);
  });
});

describe('two plans in one document', () => {
  test('step 1 is the first plan\'s: a shift moves only its dates, the second plan (and its key dates) stay as written, and the Shift tab says why', () => {
    const s = openDocument({ markdown: readingFixture('two-plans-per-product-line'), today: '2026-11-27' });
    const state = s.run('getShiftState');
    if (!('steps' in state)) throw new Error(JSON.stringify(state));
    expect(state.steps.map((st) => [st.label, st.action])).toEqual([['1', 'Kickoff'], ['2', 'Pilot readout'], ['3', 'Contract signature']]);
    expect(state.diagnostics).toContainEqual(expect.stringMatching(/^This document holds a second plan, "Mutual Action Plan: Acme Analytics \+ Globex \(Payments\)", below the first one/));
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(applied.ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual([
      ['Dec 2, 2026', 'Dec 28, 2026', 'Feb 5, 2027'],
      ['Jan 13, 2027', 'Feb 10, 2027', 'Mar 12, 2027'],
    ]);
    const text = s.markdown();
    expect(text).toContain('* Decision target: Feb 5, 2027');
    expect(text).toContain('* Evaluation start: Jan 11, 2027  \n* Decision target: Mar 12, 2027');
    // The prospect reads what moved in the first plan's own Changes section, above the second plan.
    expect(text).toMatch(/\| Contract signature \| Globex CFO \| Feb 5, 2027 \| Pending \|\n\n## Changes\n\nNov 27: steps 2, 3 moved [^\n]+\n\n# Mutual Action Plan: Acme Analytics \\\+ Globex \(Payments\)\n/);
    expect(s.run('undoLastShift').ok).toBe(true);
    expect(s.markdown()).toBe(readingFixture('two-plans-per-product-line'));
  });

  test('a copy of the plan below it: "step 1" is the first copy\'s step, never "1.1", and the copy is not written', () => {
    const s = openDocument({ markdown: readingFixture('two-plans-copied-below'), today: '2026-11-27' });
    const applied = s.run('applyShift', { kind: 'step', step: 1, to: '+1 week' });
    expect(applied.ok).toBe(true);
    expect(columnByTable(s, 'Target date')).toEqual([
      // A week of working days from Feb 12 steps over Presidents' Day (the US calendar).
      ['Jan 15, 2027', 'Feb 5, 2027', 'Feb 22, 2027'],
      ['Jan 8, 2027', 'Jan 29, 2027', 'Feb 12, 2027'],
    ]);
  });
});

describe('a step whose date is far outside the plan, named as the step to shift', () => {
  const hostile = (name: string): string => readFileSync(path.join(__dirname, '..', 'fixtures', 'hostile', `${name}.md`), 'utf8');

  test('a change counted from the typo year ("+1 week" from 1900 or 2099) is refused, saying why, and nothing is written', () => {
    for (const [step, message] of [
      [1, 'Step 1\'s date "Dec 18, 1900" is far outside the plan\'s other dates (1900), so "+1 week" would count from it. Give step 1 its new date instead (such as Dec 18, 2026), or correct the year in the document.'],
      [3, 'Step 3\'s date "Feb 12, 2099" is far outside the plan\'s other dates (2099), so "+1 week" would count from it. Give step 3 its new date instead (such as Feb 12, 2027), or correct the year in the document.'],
    ] as const) {
      const s = openDocument({ markdown: hostile('far-dates'), today: '2026-11-27' });
      const before = s.markdown();
      expect(s.run('previewShift', { kind: 'step', step, to: '+1 week' })).toEqual({ ok: false, message, problems: [] });
      expect(s.run('applyShift', { kind: 'step', step, to: '+1 week' })).toMatchObject({ ok: false, message });
      expect(s.markdown()).toBe(before);
    }
  });

  test('given a new date, the picked step takes it (shown from its date as written); no step the person did not pick moves', () => {
    const s = openDocument({ markdown: hostile('far-dates'), today: '2026-11-27' });
    const preview = s.run('previewShift', { kind: 'step', step: 1, to: 'Dec 21, 2026' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.rows.map((r) => [r.label, r.from, r.to])).toEqual([['1', 'Dec 18, 1900', 'Dec 21, 2026']]);
    // Step 3's 2099 is still one to check; step 1 no longer is: the person just dated it.
    expect(preview.toCheck).toEqual(['3']);
    expect(s.run('applyShift', { kind: 'step', step: 1, to: 'Dec 21, 2026', expect: preview.token }).ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual([['Dec 21, 2026', 'Dec 25, 2026', 'Feb 12, 2099']]);
  });

  test('a typo year (2062) amid plausible steps: the picked step is corrected; the other far-off steps and the steps after it stay', () => {
    const s = openDocument({ markdown: readingFixture('implausible-dates'), today: '2026-11-27' });
    expect(s.run('applyShift', { kind: 'step', step: 2, to: 'Dec 9, 2026' }).ok).toBe(true);
    expect(columnByTable(s, 'Due date')).toEqual([['Dec 1, 2026', 'Dec 9, 2026', 'Dec 16, 2026', '1/5/1900', 'Jan 15, 2099', 'Mar 1, 2028']]);
    // Dated after the step that follows it: that step moves to keep the order (no slip to pass on further); the far-off ones do not.
    const later = openDocument({ markdown: readingFixture('implausible-dates'), today: '2026-11-27' });
    expect(later.run('applyShift', { kind: 'step', step: 2, to: 'Dec 18, 2026' }).ok).toBe(true);
    expect(columnByTable(later, 'Due date')).toEqual([['Dec 1, 2026', 'Dec 18, 2026', 'Dec 21, 2026', '1/5/1900', 'Jan 15, 2099', 'Mar 1, 2028']]);
    const refused = s.run('applyShift', { kind: 'step', step: 5, to: '+2 days' });
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/^Step 5's date "Jan 15, 2099" is far outside the plan's other dates \(2099\)/) });
  });
});
