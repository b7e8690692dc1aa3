/** Hostile and broken documents a person could make (test/fixtures/hostile/), each with its expected outcome through the built add-on: a clear message naming what and where, and nothing changed that was not asked for. */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ScriptError } from '../../emulation';
import { forbiddenChanges } from '../property/document-model';
import type { Role } from '../property/plans';
import { openDocument, type Session } from './harness';

const DIR = path.join(__dirname, '..', 'fixtures', 'hostile');
/** Control characters cannot sit in a committed text file: the fixtures write them as {NUL} and {U+XXXX}. */
const load = (file: string) =>
  readFileSync(path.join(DIR, file), 'utf8')
    .replace(/\{NUL\}/g, '\u0000')
    .replace(/\{U\+([0-9A-F]{4})\}/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

const ROLES: Role[] = ['number', 'action', 'owner', 'due', 'status', 'dependsOn'];
const HEADER = ['#', 'Action', 'Owner', 'Due date', 'Status', 'Depends on'];
const NO_PLAN = /^No plan found in this document[.:] The add-on looks for a table whose header row has an action column/i;
const SHIFT = { kind: 'step', step: 1, to: '+1 week' };

interface Expected {
  /** The Shift tab's diagnostics (each naming table, row, column), or the sentence opening the tab fails with. */
  read: { steps: number; diagnostics: (string | RegExp)[] | 'any' } | RegExp;
  /** Shifting step 1 by a week: refused with this message (and nothing written), applied, or either ('either': see the fixture's note). */
  shift: RegExp | 'applies' | 'either';
}

const EXPECTED: Record<string, Expected> = {
  'empty.md': { read: NO_PLAN, shift: NO_PLAN },
  'heading-only.md': { read: NO_PLAN, shift: NO_PLAN },
  'header-row-only.md': { read: { steps: 0, diagnostics: ['The Steps table has no steps yet.'] }, shift: /^There is no step 1 in the Steps table\.$/ },
  'ragged-rows.md': { read: { steps: 3, diagnostics: ['Steps table, row 4 has no action, owner or due date, so it is skipped.'] }, shift: 'applies' },
  'merged-cells.md': {
    read: { steps: 2, diagnostics: [/^Steps table, row 2: "Phase 2: rollout \(merged across the row\)" fills only the first cell \(a merged or heading row\)/] },
    shift: 'applies',
  },
  // The first plan is read; the second is named and left alone (never merged, never shifted).
  'two-maps.md': {
    read: { steps: 2, diagnostics: [/^This document holds a second plan, "Mutual Action Plan: Acme \+ Initech", below the first one \("Mutual Action Plan: Acme \+ Globex"\)\. The add-on reads only the first plan/] },
    shift: 'applies',
  },
  'thousand-rows.md': { read: { steps: 1000, diagnostics: [] }, shift: 'applies' },
  'right-to-left.md': { read: { steps: 3, diagnostics: [/^Steps table, row 1, Status: "قيد الانتظار" is not a status the add-on knows/] }, shift: 'applies' },
  'emoji-only.md': { read: { steps: 3, diagnostics: ['Steps table, row 1, Due date: "📅" is not a date, so this step is treated as undated.'] }, shift: /^Step 1 has no date yet/ },
  'impossible-dates.md': {
    read: {
      steps: 4,
      diagnostics: [
        'Steps table, row 1, Due date: "Feb 30, 2027" is not a date, so this step is treated as undated.',
        'Steps table, row 2, Due date: "2/30/2027" is not a date, so this step is treated as undated.',
        'Steps table, row 3, Due date: "13/45/2026" is not a date, so this step is treated as undated.',
      ],
    },
    shift: /^Step 1 has no date yet/,
  },
  // The person names step 1 (the 1900 one): "+1 week" would count from the typo year, so it is refused.
  'far-dates.md': {
    read: {
      steps: 3,
      diagnostics: [
        /^Steps table, row 1, Due date: "Dec 18, 1900" is 1900, years away from the plan's other dates/,
        /^Steps table, row 3, Due date: "Feb 12, 2099" is 2099, years away from the plan's other dates/,
      ],
    },
    shift: /^Step 1's date "Dec 18, 1900" is far outside the plan's other dates \(1900\), so "\+1 week" would count from it\. Give step 1 its new date instead/,
  },
  'cycle.md': { read: { steps: 4, diagnostics: [/^Steps table, Depends on: Steps 1 → 2 → 3 → 1 depend on each other in a circle/] }, shift: /^Nothing was changed\.$/ },
  'missing-step-link.md': {
    read: {
      steps: 3,
      diagnostics: [
        'Steps table, row 2, Depends on: Step 2 (Security review) depends on step 7, which is not in the plan; that link was ignored.',
        /^Steps table, row 3, Depends on: Step 3 \(Contract signature\) depends on "Legal sign-off", which matches no step/,
      ],
    },
    shift: 'applies',
  },
  'five-thousand-character-cell.md': { read: { steps: 2, diagnostics: [] }, shift: 'applies' },
  'control-characters.md': { read: { steps: 3, diagnostics: [] }, shift: 'applies' },
};

function attempt(s: Session, name: string, ...args: unknown[]): { result: Record<string, unknown> } | { error: string } {
  try {
    return { result: s.addOn.runSync(name, ...args) as Record<string, unknown> };
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    return { error: error.message };
  }
}

test('every fixture in the corpus has its expected outcome', () => {
  expect(readdirSync(DIR).filter((f) => f.endsWith('.md')).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(Object.entries(EXPECTED))('%s', (file, expected) => {
  const s = openDocument({ markdown: load(file), today: '2026-11-27' });
  const original = s.blocks();

  test('reading names what it could not read, and where, and changes no text', () => {
    const read = attempt(s, 'getShiftState');
    if (expected.read instanceof RegExp) {
      expect(read).toEqual({ error: expect.stringMatching(expected.read) });
    } else {
      if (!('result' in read)) throw new Error(read.error);
      expect((read.result.steps as unknown[]).length).toBe(expected.read.steps);
      const diagnostics = expected.read.diagnostics;
      if (diagnostics !== 'any') expect(read.result.diagnostics).toEqual(diagnostics.map((d) => (typeof d === 'string' ? d : expect.stringMatching(d))));
    }
    expect(forbiddenChanges(original, s.blocks(), 'nothing', [{ roles: ROLES, header: HEADER }])).toEqual([]);
  });

  test('the health check answers in sentences, never fails as a defect', () => {
    const health = attempt(s, 'getHealth');
    if (!('result' in health)) throw new Error(health.error);
    expect((health.result.findings as unknown[]).length).toBeGreaterThan(0);
  });

  test(expected.shift === 'applies' ? 'a shift writes only due dates and key dates' : expected.shift === 'either' ? 'a shift writes only due dates and key dates, or nothing' : 'a shift is refused with a clear message and writes nothing', () => {
    const before = s.blocks();
    const applied = attempt(s, 'applyShift', SHIFT);
    if (expected.shift === 'either') {
      const ok = 'result' in applied && applied.result.ok === true;
      expect(forbiddenChanges(before, s.blocks(), ok ? 'dates' : 'nothing', [{ roles: ROLES, header: HEADER }])).toEqual([]);
    } else if (expected.shift === 'applies') {
      expect(applied).toMatchObject({ result: { ok: true } });
      expect(forbiddenChanges(before, s.blocks(), 'dates', [{ roles: ROLES, header: HEADER }])).toEqual([]);
    } else {
      const message = 'error' in applied ? applied.error : String(applied.result.message);
      expect(message).toMatch(expected.shift);
      expect(forbiddenChanges(before, s.blocks(), 'nothing', [{ roles: ROLES, header: HEADER }])).toEqual([]);
    }
  });
});
