// "Undo last shift": what the record keeps, what undo puts back, and the cells a person changed since, which it reports and leaves alone.
import { observe, observeUndo, slipsOf, startHistory, type ObservedPlan } from '../../../src/core/history/history';
import type { CellRef } from '../../../src/core/reading/parsed-plan';
import { isUndoCell, isUndoKeyDate, planUndo, undoRecord, type UndoCell, type UndoKeyDate, type UndoRecord, type UndoTarget } from '../../../src/core/history/undo';

// The Steps table is body child 7; the Due date is its fourth column (index 3).
const due = (row: number): CellRef => ({ tableIndex: 7, row, column: 3 });

function dueCell(row: number, key: string, before: string, after: string): UndoCell {
  return { ref: due(row), key, field: 'due', column: 'Due date', before, after };
}

/** "Shift downstream dates: step 3 to Mar 27": steps 3 to 6 moved a week, and the decision target with them. */
const SHIFT = {
  at: '2026-03-10',
  action: 'Shift downstream dates: step 3 to Mar 27',
  cells: [
    dueCell(3, 'pilot', 'Mar 20, 2026', 'Mar 27, 2026'),
    dueCell(4, 'roi', 'Mar 27, 2026', 'Apr 3, 2026'),
    dueCell(5, 'legal', 'Apr 3, 2026', 'Apr 10, 2026'),
    dueCell(6, 'signature', 'Apr 10, 2026', 'Apr 17, 2026'),
  ],
  keyDates: [
    { name: 'decisionTarget', paragraphIndex: 4, before: 'Decision target: Apr 10, 2026', after: 'Decision target: Apr 17, 2026' },
  ] satisfies UndoKeyDate[],
};

function plan(dates: Record<string, string>, decisionTarget: string): ObservedPlan {
  const steps = [
    ['deep-dive', 'Technical deep-dive with engineering'],
    ['security', 'Security questionnaire review'],
    ['pilot', 'Pilot results review'],
    ['roi', 'ROI/business case presentation to Maria Chen'],
    ['legal', 'Procurement/legal review'],
    ['signature', 'Contract signature'],
  ].map(([key, action], i) => ({ key: key!, action: action!, number: i + 1, due: dates[key!] ?? null, status: 'pending' as const }));
  return { steps, keyDates: { decisionTarget } };
}

const BEFORE = { 'deep-dive': '2026-03-06', security: '2026-03-13', pilot: '2026-03-20', roi: '2026-03-27', legal: '2026-04-03', signature: '2026-04-10' };
const AFTER = { ...BEFORE, pilot: '2026-03-27', roi: '2026-04-03', legal: '2026-04-10', signature: '2026-04-17' };

/** The document now: every cell and line as the shift left it, except the given ones. */
function documentSays(overrides: Record<string, string | null> = {}, keyDateNow?: string | null): (target: UndoTarget) => string | null {
  return (target) => {
    if (!isUndoCell(target)) return keyDateNow === undefined ? target.after : keyDateNow;
    const key = target.key ?? '';
    return key in overrides ? (overrides[key] ?? null) : target.after;
  };
}

function record(): UndoRecord {
  return undoRecord(SHIFT, startHistory(plan(BEFORE, '2026-04-10'), '2026-03-02', 'insert'));
}

describe('the undo record', () => {
  test('keeps the cells and lines the shift changed and the counters of those steps before it', () => {
    const r = record();
    expect(r.action).toBe('Shift downstream dates: step 3 to Mar 27');
    expect(r.cells.map((c) => [c.key, c.before, c.after])).toEqual([
      ['pilot', 'Mar 20, 2026', 'Mar 27, 2026'],
      ['roi', 'Mar 27, 2026', 'Apr 3, 2026'],
      ['legal', 'Apr 3, 2026', 'Apr 10, 2026'],
      ['signature', 'Apr 10, 2026', 'Apr 17, 2026'],
    ]);
    expect(r.countersBefore.steps.map((s) => [s.key, s.due, s.slips])).toEqual([
      ['pilot', '2026-03-20', 0],
      ['roi', '2026-03-27', 0],
      ['legal', '2026-04-03', 0],
      ['signature', '2026-04-10', 0],
    ]);
    expect(r.countersBefore.keyDates).toEqual([
      { name: 'decisionTarget', baseline: '2026-04-10', current: '2026-04-10', lastDated: '2026-04-10', changes: 0, slips: 0 },
    ]);
  });

  test('leaves out cells the shift wrote unchanged, and has no counters without a history', () => {
    const r = undoRecord({ ...SHIFT, cells: [...SHIFT.cells, dueCell(2, 'security', 'Mar 13, 2026', 'Mar 13, 2026')] }, null);
    expect(r.cells).toHaveLength(4);
    expect(r.countersBefore).toEqual({ steps: [], keyDates: [] });
  });
});

describe('what undo may restore', () => {
  test('nothing touched since: every cell and line goes back, checked against what the shift wrote', () => {
    const result = planUndo(record(), documentSays());
    expect(result.conflicts).toEqual([]);
    expect(result.restore.map((r) => [r.ref.row, r.key, r.field, r.expected, r.text])).toEqual([
      [3, 'pilot', 'due', 'Mar 27, 2026', 'Mar 20, 2026'],
      [4, 'roi', 'due', 'Apr 3, 2026', 'Mar 27, 2026'],
      [5, 'legal', 'due', 'Apr 10, 2026', 'Apr 3, 2026'],
      [6, 'signature', 'due', 'Apr 17, 2026', 'Apr 10, 2026'],
    ]);
    expect(result.restoreKeyDates).toEqual([
      { name: 'decisionTarget', paragraphIndex: 4, expected: 'Decision target: Apr 17, 2026', text: 'Decision target: Apr 10, 2026' },
    ]);
  });

  test('a date a person changed after the shift is reported and left as it is', () => {
    const result = planUndo(record(), documentSays({ roi: 'Mar 20' }));
    expect(result.restore.map((r) => r.key)).toEqual(['pilot', 'legal', 'signature']);
    expect(result.conflicts).toEqual([
      {
        ref: due(4),
        key: 'roi',
        column: 'Due date',
        expected: 'Apr 3, 2026',
        found: 'Mar 20',
        message: 'Steps table, row 4, Due date was changed to "Mar 20" after the shift; left as it is.',
      },
    ]);
  });

  test('a cleared cell and a deleted row are reported too', () => {
    const result = planUndo(record(), documentSays({ pilot: '  ', signature: null }));
    expect(result.conflicts.map((c) => c.message)).toEqual([
      'Steps table, row 3, Due date was cleared after the shift; left as it is.',
      'Steps table, row 6, Due date is no longer in the document; nothing was restored there.',
    ]);
    expect(result.conflicts[1]?.found).toBeNull();
  });

  test('a cell a person already put back is neither restored nor reported', () => {
    const result = planUndo(record(), documentSays({ legal: 'Apr 3, 2026' }));
    expect(result.restore.map((r) => r.key)).toEqual(['pilot', 'roi', 'signature']);
    expect(result.conflicts).toEqual([]);
  });

  test('spaces alone (a trailing space, a no-break space) are not a person\'s change', () => {
    const result = planUndo(record(), documentSays({ pilot: 'Mar 27,\u00a02026 ' }));
    expect(result.restore.map((r) => r.key)).toContain('pilot');
    expect(result.conflicts).toEqual([]);
  });

  test('a key date line changed since is reported by its label', () => {
    const result = planUndo(record(), documentSays({}, 'Decision target: Apr 24, 2026 (tentative)'));
    expect(result.restoreKeyDates).toEqual([]);
    expect(result.conflicts).toEqual([
      {
        ref: null,
        column: 'Decision target',
        expected: 'Decision target: Apr 17, 2026',
        found: 'Decision target: Apr 24, 2026 (tentative)',
        message: 'Key dates, Decision target was changed to "Decision target: Apr 24, 2026 (tentative)" after the shift; left as it is.',
      },
    ]);
  });

  test('the adapter is handed each record cell with its step key, so it can find rows that moved', () => {
    const asked: string[] = [];
    planUndo(record(), (target) => {
      asked.push(isUndoCell(target) ? `${target.key}/${target.field}` : isUndoKeyDate(target) ? target.name : target.label);
      return target.after;
    });
    expect(asked).toEqual(['pilot/due', 'roi/due', 'legal/due', 'signature/due', 'decisionTarget']);
  });
});

describe('undo and the history', () => {
  test('the restored steps lose the slip the shift gave them; the one a person changed keeps it', () => {
    const base = startHistory(plan(BEFORE, '2026-04-10'), '2026-03-02', 'insert');
    const rec = undoRecord(SHIFT, base);
    const shifted = observe(base, plan(AFTER, '2026-04-17'), '2026-03-10', 'shift').history;
    expect(['pilot', 'roi', 'legal', 'signature'].map((k) => slipsOf(shifted, k))).toEqual([1, 1, 1, 1]);

    // Maria's team moved the business case to Apr 8 before the seller pressed Undo.
    const edited = observe(shifted, plan({ ...AFTER, roi: '2026-04-08' }, '2026-04-17'), '2026-03-12', 'hand').history;
    const undo = planUndo(rec, documentSays({ roi: 'Apr 8, 2026' }));
    expect(undo.conflicts.map((c) => c.key)).toEqual(['roi']);

    const afterUndo = plan({ ...BEFORE, roi: '2026-04-08' }, '2026-04-10');
    const { history } = observeUndo(edited, afterUndo, '2026-03-12', undo.countersBefore);
    expect(['pilot', 'roi', 'legal', 'signature'].map((k) => slipsOf(history, k))).toEqual([0, 2, 0, 0]);
    expect(history.keyDates.decisionTarget).toMatchObject({ current: '2026-04-10', changes: 0, slips: 0 });
  });
});
