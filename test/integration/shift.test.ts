/** "Shift downstream dates", "Undo last shift" and "Refresh status colours" end to end, on a plan inserted by the built add-on. */
import { cellTexts, insertForm, openDocument, type Session } from './harness';
import { ScriptError } from '../../emulation';

type Preview = {
  ok: boolean;
  message?: string;
  problems?: string[];
  rows: { number: number; action: string; from: string; to: string; reason: string }[];
  pinned: { number: number; reason: string }[];
  undated: { number: number; note: string }[];
  keyDates: { label: string; from: string; to: string; moved: boolean; warning: string | null }[];
  notes: string[];
  warnings: string[];
  summary: string;
};
type Applied = { ok: boolean; message: string; written: number; skipped: string[]; problems?: string[] };
type Undone = { ok: boolean; message: string; restored: number; conflicts: string[] };

/** The standard plan inserted on Nov 27 for an evaluation starting Mon Dec 7, 2026. */
function withPlan(options: Parameters<typeof openDocument>[0] = {}): Session {
  const s = openDocument({ today: '2026-11-27', ...options });
  const inserted = s.addOn.runSync('insertMap', insertForm()) as { ok: boolean };
  expect(inserted.ok).toBe(true);
  return s;
}

const dueColumn = (s: Session) => cellTexts(s.table('#', 'Action')).slice(1).map((r) => r[3]);
const keyDateLines = (s: Session) => s.blocks().flatMap((b) => (b.kind !== 'table' && /^(Evaluation start|Decision target|Go-live target):/.test(b.text) ? [b.text] : []));

const STANDARD_DUE = [
  'Dec 18, 2026', 'Dec 24, 2026', 'Dec 24, 2026', 'Jan 8, 2027', 'Jan 15, 2027', 'Jan 15, 2027',
  'Jan 22, 2027', 'Jan 29, 2027', 'Feb 5, 2027', 'Feb 12, 2027', 'Feb 19, 2027',
];

describe('a named step slips', () => {
  test('the preview lists every downstream date with why, and writes nothing', () => {
    const s = withPlan();
    const before = s.markdown();
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week' }) as Preview;
    expect(p.ok).toBe(true);
    expect(p.rows.map((r) => [r.number, r.from, r.to])).toEqual([
      // A week of work from Dec 24 skips Christmas Day and New Year's Day (US public holidays, from the locale).
      [2, 'Dec 24, 2026', 'Jan 4, 2027'],
      [8, 'Jan 29, 2027', 'Feb 5, 2027'],
      [9, 'Feb 5, 2027', 'Feb 12, 2027'],
      // Its 5-working-day gap after step 9 now spans Presidents' Day.
      [10, 'Feb 12, 2027', 'Feb 22, 2027'],
      [11, 'Feb 19, 2027', 'Feb 26, 2027'],
    ]);
    expect(p.rows[0]?.reason).toBe('moved by you');
    expect(p.rows[1]?.reason).toBe('after step 2 (Security questionnaire review) moved 5 working days later');
    // Signature and onboarding now land after their targets: each target moves by the overrun, and the first line says so.
    expect(p.summary).toBe(
      'The decision target moves from Feb 12, 2027 to Feb 22, 2027: step 10 (Contract signature) now lands 5 working days after it. ' +
        'The go-live target moves from Feb 19, 2027 to Feb 26, 2027: step 11 (Onboarding kickoff) now lands 5 working days after it. 5 steps move.',
    );
    expect(p.warnings).toEqual(['Steps 10, 11 now land after the go-live target (Feb 19, 2027).']);
    expect(p.notes).toContain("Working days skip Christmas Day (Dec 25, 2026), New Year's Day (Jan 1, 2027) and Presidents' Day (Feb 15, 2027).");
    expect(s.markdown()).toBe(before);
  });

  test('applying writes only the due cells and key dates that change, in their own format, and recolours', () => {
    const s = withPlan();
    const statusBefore = cellTexts(s.table('#', 'Action')).map((r) => r[4]);
    const applied = s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' }) as Applied;
    expect(applied).toEqual({ ok: true, message: 'Shifted 5 due dates and 2 key dates.', written: 7, skipped: [] });
    expect(dueColumn(s)).toEqual([
      'Dec 18, 2026', 'Jan 4, 2027', 'Dec 24, 2026', 'Jan 8, 2027', 'Jan 15, 2027', 'Jan 15, 2027',
      'Jan 22, 2027', 'Feb 5, 2027', 'Feb 12, 2027', 'Feb 22, 2027', 'Feb 26, 2027',
    ]);
    expect(keyDateLines(s)).toEqual(['Evaluation start: Dec 7, 2026', 'Decision target: Feb 22, 2027', 'Go-live target: Feb 26, 2027']);
    // The Goal quotes the decision date: it moves with it, so the plan never states two close dates.
    expect(s.markdown()).toContain('makes a go/no-go decision by Feb 22, 2027\\.');
    expect(cellTexts(s.table('#', 'Action')).map((r) => r[4])).toEqual(statusBefore);
    expect(s.env.calls.count('TableCell.setText')).toBe(0);
  });

  test('Apply writes only what the preview showed: if the document changed since, it refuses and writes nothing', () => {
    const s = withPlan();
    const request = { kind: 'step', step: 2, to: '+1 week' } as const;
    const seen = s.run('previewShift', request);
    if (!seen.ok) throw new Error(seen.message);
    // The prospect marks signature done between the preview and Apply: the shift would now do something else.
    s.stepCell(9, 'Status').setText('Done');
    const before = s.markdown();
    expect(s.run('applyShift', { ...request, expect: seen.token })).toEqual({
      ok: false,
      message: 'The plan changed in the document since this preview, so nothing was written. Preview again to see what the shift would do now.',
      problems: [],
    });
    expect(s.markdown()).toBe(before);
    const again = s.run('previewShift', request);
    if (!again.ok) throw new Error(again.message);
    expect(s.run('applyShift', { ...request, expect: again.token })).toMatchObject({ ok: true, written: 2 });
  });

  test('the cursor in a step\'s row names the step; a date typed as the document types dates works too', () => {
    const s = withPlan();
    s.doc._setCursorInCell(s.stepCell(4, 'Action'), 3);
    const state = s.addOn.runSync('getShiftState') as { cursorStep: { number: number } | null };
    expect(state.cursorStep?.number).toBe(4);
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: null, to: 'Jan 13' }) as Preview;
    expect(p.rows.map((r) => [r.number, r.to])).toEqual([
      [4, 'Jan 13, 2027'],
      // Gaps are working days: Martin Luther King Jr. Day (Jan 18) and Presidents' Day (Feb 15) are not counted.
      [5, 'Jan 21, 2027'],
      [6, 'Jan 21, 2027'],
      [7, 'Jan 27, 2027'],
      [8, 'Feb 3, 2027'],
      [9, 'Feb 10, 2027'],
      [10, 'Feb 18, 2027'],
      [11, 'Feb 24, 2027'],
    ]);
  });

  test('a cell written "1/15/2027 (tentative)" keeps its form and its words', () => {
    const s = withPlan();
    s.stepCell(5, 'Due date').setText('1/15/2027 (tentative)');
    s.addOn.runSync('applyShift', { kind: 'step', step: 4, to: '+1 week' });
    // Five working days after Jan 15 skip Martin Luther King Jr. Day.
    expect(s.stepCell(5, 'Due date').getText()).toBe('1/25/2027 (tentative)');
  });

  test('a completed step downstream is never moved, is listed, and still holds the steps after it', () => {
    const s = withPlan();
    s.stepCell(9, 'Status').setText('Done');
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week' }) as Preview;
    // Step 9 is done on Feb 5: signature (10) waits for it, not for step 8, so 10 and 11 keep their dates.
    expect(p.rows.map((r) => r.number)).toEqual([2, 8]);
    expect(p.pinned.map((x) => x.number)).toEqual([9]);
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(dueColumn(s)[8]).toBe('Feb 5, 2027');
  });

  test('holding the decision target flags it, with the chain of steps that makes it late', () => {
    const s = withPlan();
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week', options: { holdDecisionTarget: true } }) as Preview;
    const decision = p.keyDates.find((k) => k.label === 'Decision target');
    expect(decision?.moved).toBe(false);
    expect(decision?.warning).toMatch(/^Decision target Feb 12, 2027 is not realistic: 5 working days late\./);
    expect(decision?.warning).toContain('2 → 8 → 9 → 10');
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week', options: { holdDecisionTarget: true } });
    expect(keyDateLines(s)[1]).toBe('Decision target: Feb 12, 2027');
  });

  test('a circle of dependencies writes nothing and names the circle', () => {
    const s = withPlan();
    s.stepCell(3, 'Depends on').setText('9');
    const before = s.markdown();
    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week' }) as Preview;
    expect(p.ok).toBe(false);
    expect(p.problems?.join(' ')).toMatch(/Steps 3 → 4 → 5 → 6 → 7 → 8 → 9 → 3 depend on each other in a circle/);
    const applied = s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' }) as Applied;
    expect(applied.ok).toBe(false);
    expect(s.markdown()).toBe(before);
  });
});

describe('dates edited by hand', () => {
  test('a due date the prospect typed is found, and the steps after it follow', () => {
    const s = withPlan();
    s.stepCell(4, 'Due date').setText('Jan 15, 2027');
    const state = s.addOn.runSync('getShiftState') as { edited: { number: number; dueText: string; scheduledText: string }[] };
    expect(state.edited).toEqual([{ key: 's4', number: 4, label: '4', phase: null, action: 'Pilot results review', dueText: 'Jan 15, 2027', scheduledText: 'Jan 8, 2027' }]);
    const p = s.addOn.runSync('previewShift', { kind: 'detect' }) as Preview;
    expect(p.rows.map((r) => [r.number, r.from, r.to])).toEqual([
      [4, 'Jan 8, 2027', 'Jan 15, 2027'],
      [5, 'Jan 15, 2027', 'Jan 25, 2027'],
      [6, 'Jan 15, 2027', 'Jan 25, 2027'],
      [7, 'Jan 22, 2027', 'Jan 29, 2027'],
      [8, 'Jan 29, 2027', 'Feb 5, 2027'],
      [9, 'Feb 5, 2027', 'Feb 12, 2027'],
      [10, 'Feb 12, 2027', 'Feb 22, 2027'],
      [11, 'Feb 19, 2027', 'Feb 26, 2027'],
    ]);
    const applied = s.addOn.runSync('applyShift', { kind: 'detect' }) as Applied;
    expect(applied.written).toBe(9);
    expect(dueColumn(s)[3]).toBe('Jan 15, 2027');
    // Once shifted, the edit is part of the schedule: nothing left to shift from.
    expect((s.addOn.runSync('getShiftState') as { edited: unknown[] }).edited).toEqual([]);
  });

  test('a date typed by hand before an unrelated shift stays a hand edit afterwards', () => {
    const s = withPlan();
    const scheduled = dueColumn(s)[1];
    s.stepCell(2, 'Due date').setText('Jan 8, 2027');
    // Step 10 (contract signature) slips a week: it moves 10 and 11, not step 2.
    const applied = s.addOn.runSync('applyShift', { kind: 'step', step: 10, to: '+1 week' }) as Applied;
    expect(applied.ok).toBe(true);
    expect(dueColumn(s)[1]).toBe('Jan 8, 2027');
    const state = s.addOn.runSync('getShiftState') as { edited: { number: number; dueText: string; scheduledText: string }[] };
    expect(state.edited).toEqual([expect.objectContaining({ number: 2, action: 'Security questionnaire review', dueText: 'Jan 8, 2027', scheduledText: scheduled })]);
  });

  test('with no edits, "shift from these edits" says there is nothing to shift', () => {
    const s = withPlan();
    const p = s.addOn.runSync('previewShift', { kind: 'detect' }) as Preview;
    expect(p).toEqual({
      ok: false,
      message: 'No due dates were edited in the document since the plan was last scheduled: nothing to shift from.',
      problems: [],
    });
  });
});

describe('undo last shift', () => {
  test('puts back exactly the cells the shift changed: the document reads as before', () => {
    const s = withPlan();
    const before = s.markdown();
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    const undone = s.addOn.runSync('undoLastShift') as Undone;
    expect(undone).toEqual({ ok: true, message: '7 dates are back as they were before "shift step 2 to Jan 4, 2027".', restored: 7, conflicts: [] });
    expect(s.markdown()).toBe(before);
    expect(dueColumn(s)).toEqual(STANDARD_DUE);
    expect((s.addOn.runSync('undoLastShift') as Undone).message).toBe('There is no shift to undo.');
  });

  test('a date a person changed after the shift is reported and left as they wrote it', () => {
    const s = withPlan();
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    s.stepCell(9, 'Due date').setText('Feb 16, 2027');
    const undone = s.addOn.runSync('undoLastShift') as Undone;
    expect(undone.restored).toBe(6);
    expect(undone.conflicts).toEqual(['Steps table, row 9, Due date was changed to "Feb 16, 2027" after the shift; left as it is.']);
    expect(dueColumn(s)[8]).toBe('Feb 16, 2027');
    expect(dueColumn(s)[9]).toBe('Feb 12, 2027');
  });

  test('undo finds its cells after the prospect moved rows around', () => {
    const s = withPlan();
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    const table = s.doc.getBody().getTables().find((t) => t.getCell(0, 1).getText() === 'Action')!;
    const row = table.insertTableRow(1);
    for (const text of ['', 'NDA signed', 'Globex legal', 'Dec 11, 2026', 'Done', '']) row.appendTableCell(text);
    s.addOn.runSync('undoLastShift');
    expect(dueColumn(s).slice(1)).toEqual(STANDARD_DUE);
  });
});

describe('status colours', () => {
  const dueFill = (s: Session) => s.table('#', 'Action').rows.slice(1).map((r) => r[3]?.backgroundColor ?? null);
  const statusFill = (s: Session) => s.table('#', 'Action').rows.slice(1).map((r) => r[4]?.backgroundColor ?? null);

  test('overdue steps turn red, steps due within 5 working days and not started amber, statuses by their kind', () => {
    const s = withPlan();
    s.stepCell(1, 'Status').setText('Done');
    s.stepCell(2, 'Status').setText('In progress');
    s.stepCell(3, 'Status').setText('Blocked');
    s.setToday('2027-01-04');
    const result = s.addOn.runSync('refreshStatusColours') as { message: string; overdue: { number: number }[]; atRisk: { number: number }[] };
    expect(result.overdue.map((x) => x.number)).toEqual([2, 3]);
    expect(result.atRisk.map((x) => x.number)).toEqual([4]);
    expect(result.message).toBe('Status colours refreshed (6 cells changed). 2 overdue, 1 at risk.');
    expect(statusFill(s).slice(0, 4)).toEqual(['#ceead6', '#d2e3fc', '#fad2cf', '#e8eaed']);
    expect(dueFill(s).slice(0, 5)).toEqual([null, '#f4c7c3', '#f4c7c3', '#fce8b2', null]);
  });

  test('a refresh of an up-to-date plan writes nothing, and a colour a person chose stays', () => {
    const s = withPlan();
    s.stepCell(6, 'Due date').setBackgroundColor('#ffff00');
    s.addOn.runSync('refreshStatusColours');
    s.env.calls.reset();
    s.addOn.runSync('refreshStatusColours');
    expect(s.env.calls.count('TableCell.setBackgroundColor')).toBe(0);
    expect(dueFill(s)[5]).toBe('#ffff00');
  });

  test('every action brings the colours up to date: a status typed by hand is green after the next health check', () => {
    const s = withPlan();
    s.stepCell(1, 'Status').setText('Done ✅');
    s.run('getHealth');
    expect(statusFill(s)[0]).toBe('#ceead6');
    s.stepCell(1, 'Status').setText('Blocked by legal');
    s.run('getShiftState');
    expect(statusFill(s)[0]).toBe('#fad2cf');
  });

  test('the menu item shows what is overdue', () => {
    const s = withPlan();
    s.setToday('2026-12-21');
    s.addOn.trigger('onOpen');
    s.addOn.clickMenuItem('Refresh status colours');
    const dialog = s.env.ui._dialogs().at(-1);
    expect(dialog?.title).toBe('Status colours');
    expect(dialog?.prompt).toContain('Overdue:\n• Step 1 Technical deep-dive with engineering (due Dec 18, 2026)');
  });
});

describe('bad requests get a clear answer', () => {
  test.each([
    ['not an object', 'shift please', /^The shift request could not be read/],
    ['an unknown step', { kind: 'step', step: 99, to: '+1 week' }, /^There is no step 99 in the Steps table\.$/],
    ['words that are no date', { kind: 'step', step: 2, to: 'someday soon' }, /^"someday soon" is not a date or a change the add-on understands/],
    ['no step and no cursor', { kind: 'step', step: null, to: '+1 week' }, /^Put the cursor in a step's row/],
    ['a holiday that is no date', { kind: 'step', step: 2, to: '+1 week', options: { holidays: ['Christmas'] } }, /^"Christmas" is not a holiday date/],
  ])('%s', (_name, request, message) => {
    const s = withPlan();
    const p = s.addOn.runSync('previewShift', request) as Preview;
    expect(p.ok).toBe(false);
    expect(p.message).toMatch(message);
  });

  test('a document without a plan says what the add-on looks for', () => {
    const s = openDocument({ markdown: 'Just meeting notes.\n' });
    expect(() => s.addOn.runSync('getShiftState')).toThrow(ScriptError);
    expect(() => s.addOn.runSync('getShiftState')).toThrow(/^No plan found in this document\. The add-on looks for a table/);
  });
});

describe('key dates the add-on cannot write', () => {
  test('a decision target held in a date chip: the preview and Apply say "set it by hand", and it is never reported as written', () => {
    const s = withPlan();
    const body = s.doc.getBody();
    let line: GoogleAppsScript.Document.ListItem | null = null;
    for (let i = 0; i < body.getNumChildren(); i++) {
      const child = body.getChild(i);
      if (String(child.getType()) === 'LIST_ITEM' && child.asListItem().getText().startsWith('Decision target:')) line = child.asListItem();
    }
    if (!line) throw new Error('no Decision target line');
    line.setText('Decision target: ');
    s.doc._appendDateChip(line, { timestamp: new Date('2027-02-12T12:00:00Z'), displayText: 'Feb 12, 2027' });

    const p = s.addOn.runSync('previewShift', { kind: 'step', step: 2, to: '+1 week' }) as Preview;
    expect(p.ok).toBe(true);
    expect(p.notes).toContain('The decision target is a date chip, which add-ons cannot change: set it to Feb 22, 2027 by hand.');
    const applied = s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' }) as Applied;
    expect(applied.message).toBe('Shifted 5 due dates and 1 key date.');
    expect(applied.skipped).toEqual(['The decision target is a date chip, which add-ons cannot change: set it to Feb 22, 2027 by hand.']);
    // The chip is as it was; go-live, typed, was written.
    expect(keyDateLines(s)).toEqual(['Evaluation start: Dec 7, 2026', 'Decision target: ', 'Go-live target: Feb 26, 2027']);
    expect(s.markdown()).toContain('* Decision target: Feb 12, 2027');
  });
});

describe('the Changes section: the prospect sees what moved and why', () => {
  const changes = (s: Session) => {
    const blocks = s.blocks();
    const at = blocks.findIndex((b) => b.kind !== 'table' && b.text === 'Changes');
    return at < 0 ? null : blocks.slice(at + 1).flatMap((b) => (b.kind !== 'table' && b.text ? [b.text] : []));
  };

  test('Apply adds one dated line under a "Changes" heading it creates at the end; Undo takes both back, byte for byte', () => {
    const s = withPlan({ today: '2026-12-06' });
    const before = s.markdown();
    const snapshot = JSON.stringify(s.blocks());
    expect(changes(s)).toBeNull();
    s.addOn.runSync('applyShift', { kind: 'step', step: 4, to: '+1 week' });
    expect(changes(s)).toEqual(['Dec 6: steps 4-11 moved 1 week later because Pilot results review slipped; decision target now Feb 22, 2027; go-live target now Feb 26, 2027']);
    expect(s.markdown()).toMatch(/\n## Changes\n\nDec 6: steps 4-11 moved 1 week later because Pilot results review slipped; decision target now Feb 22, 2027; go-live target now Feb 26, 2027\n/);
    const undone = s.addOn.runSync('undoLastShift') as Undone;
    expect(undone.conflicts).toEqual([]);
    expect(s.markdown()).toBe(before);
    expect(JSON.stringify(s.blocks())).toBe(snapshot);
  });

  test('an existing Changes section gets the new line at its end; undo removes only that line', () => {
    const s = withPlan({ today: '2026-12-06' });
    s.doc.getBody().appendParagraph('Changes').setHeading(s.env.documentApp.ParagraphHeading.HEADING2);
    s.doc.getBody().appendParagraph('Dec 1: plan agreed with Dana');
    const before = s.markdown();
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week', options: {} });
    expect(changes(s)).toEqual(['Dec 1: plan agreed with Dana', 'Dec 6: steps 2, 8-11 moved 1 week later because Security questionnaire review slipped; decision target now Feb 22, 2027; go-live target now Feb 26, 2027']);
    s.addOn.runSync('undoLastShift');
    expect(s.markdown()).toBe(before);
  });

  // Replay of a property finding (PROPERTY_SEED=248070603, addon-b: insert, shift step 1 "next Friday",
  // undo): a document that ends in a paragraph of its own kept a blank line where the Changes line was.
  test('a document ending in the person\'s own paragraph: Undo leaves it ending there, formatting kept, byte for byte', () => {
    const s = withPlan({ today: '2026-11-27' });
    const notes = s.doc.getBody().appendParagraph('Call notes: pricing next week');
    notes.editAsText().setBold(0, 10, true);
    const before = s.markdown();
    // Every paragraph as it was, with its formatting (the tables' cells are the shift's and its undo's).
    const paragraphs = () => JSON.stringify(s.blocks().filter((b) => b.kind !== 'table'));
    const snapshot = paragraphs();
    s.addOn.runSync('applyShift', { kind: 'step', step: 1, to: 'next Friday' });
    expect(s.markdown()).toMatch(/pricing next week\n\n## Changes\n\nNov 27: step 1 moved/);
    s.addOn.runSync('undoLastShift');
    expect(s.markdown()).toBe(before);
    expect(s.blocks().at(-1)).toMatchObject({ kind: 'paragraph', text: 'Call notes: pricing next week' });
    expect(paragraphs() === snapshot).toBe(true);
  });

  test('a Changes section the person wrote, at the very end: Undo takes back the last line and leaves no blank line', () => {
    const s = withPlan({ today: '2026-12-06' });
    s.doc.getBody().appendParagraph('Changes').setHeading(s.env.documentApp.ParagraphHeading.HEADING2);
    s.doc.getBody().appendParagraph('Dec 1: plan agreed with Dana');
    const snapshot = JSON.stringify(s.blocks());
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week', options: {} });
    s.addOn.runSync('undoLastShift');
    expect(JSON.stringify(s.blocks())).toBe(snapshot);
  });

  test('turned off in the form: no line, no heading', () => {
    const s = withPlan({ today: '2026-12-06' });
    s.addOn.runSync('applyShift', { kind: 'step', step: 4, to: '+1 week', options: { changeLog: false } });
    expect(changes(s)).toBeNull();
  });
});
