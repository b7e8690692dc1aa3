/** The sidebar boundary: every function the built add-on exposes answers malformed arguments (wrong types, huge strings, missing fields, prototype-polluting keys) with a clear sentence, never a stack trace or a defect. */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ScriptError } from '../../emulation';
import { openDocument } from '../integration/harness';
import { holds } from './settings';

const STANDARD = readFileSync(path.join(__dirname, '..', 'fixtures', 'inserted', 'standard-en_US.md'), 'utf8');
const FILE = 'test/property/boundary.test.ts';

/** Every public top-level function of dist/Code.js: the list entry.ts exports, as Google's client offers it. */
const NAMES = openDocument().addOn.functionNames();

const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom(
    'x'.repeat(200_000),
    { kind: 'step', step: 'two', to: 7 },
    { kind: 'step', step: 1e308, to: '+1 week' },
    { kind: 'step', step: -1, to: 'x'.repeat(100_000) },
    { kind: 'detect', options: { holidays: ['not a date', 3], mode: 'sideways' } },
    { writeLine: 'yes' },
    { kind: 'cell', tableIndex: 1e9, row: -1, column: 0.5 },
    { yourCompany: ['Acme'], people: 'everyone', theirWords: null },
    JSON.parse('{"__proto__": {"polluted": true}, "kind": "step", "step": 2, "to": "+1 week"}') as unknown,
    { constructor: { prototype: { polluted: true } }, kind: 'detect' },
    [[[[[]]]]],
    null,
    '',
  ),
);

function clear(name: string, error: ScriptError): void {
  if (/\n\s+at |^Sorry,/.test(error.message)) throw new Error(`${name} answered with a defect or a stack trace: ${error.message.slice(0, 300)}`);
  if (error.message.length > 600) throw new Error(`${name} answered with ${error.message.length} characters: the input echoed back?`);
}

test('every entry point answers any argument with a result or a clear sentence, and nothing is polluted', () => {
  holds(
    FILE,
    fc.property(fc.constantFrom(...NAMES), fc.array(hostile, { maxLength: 3 }), fc.boolean(), (name, args, withPlan) => {
      const s = openDocument(withPlan ? { markdown: STANDARD, today: '2026-11-27' } : {});
      const before = s.markdown();
      try {
        s.addOn.runSync(name, ...args);
      } catch (error) {
        if (!(error instanceof ScriptError)) throw error;
        clear(name, error);
        // A refused call writes nothing.
        if (s.markdown() !== before) throw new Error(`${name} failed and still changed the document`, { cause: error });
      }
      if (({} as Record<string, unknown>).polluted !== undefined) throw new Error(`${name} polluted Object.prototype`);
    }),
    400,
  );
});

test('the list covers every function the sidebar and the menu call', () => {
  expect(NAMES).toEqual(expect.arrayContaining(['applyShift', 'getShiftState', 'insertMap', 'markReviewed', 'previewMap', 'previewShift', 'selectPlace', 'undoLastShift']));
});
