/** The same plan, the same shift and the same undo whatever getText() makes of a chip (nothing, its display text, or U+E907): Google does not document it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CHIP_TEXTS, type ChipText } from '../../emulation/document';
import { openDocument } from './harness';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'maps', `${name}.md`), 'utf8');

/** Everything a person sees from a session of actions on a plan with date and person chips. */
function session(chipText: ChipText, name: string) {
  const s = openDocument({ markdown: fixture(name), datesAsChips: true, chipText, today: '2026-11-27' });
  const seen: unknown[] = [];
  seen.push(s.run('getShiftState'));
  seen.push(s.run('previewShift', { kind: 'step', step: 1, to: '+2 weeks' }));
  seen.push(s.run('applyShift', { kind: 'step', step: 1, to: '+2 weeks' }));
  const shifted = s.markdown();
  seen.push(s.run('getHealth'));
  seen.push(s.run('undoLastShift'));
  return { seen, shifted, undone: s.markdown() };
}

describe.each(['date-chips', 'person-chips'])('%s', (name) => {
  const omitted = session('omitted', name);

  test('the shift writes, and no chip stand-in reaches the person', () => {
    expect(omitted.seen[2]).toMatchObject({ ok: true });
    expect(JSON.stringify(omitted.seen)).not.toMatch(/\uE907/);
  });

  test.each(CHIP_TEXTS.filter((c) => c !== 'omitted'))('getText() giving %s for a chip: identical results and documents', (chipText) => {
    const other = session(chipText, name);
    expect(other.seen).toEqual(omitted.seen);
    expect(other.shifted).toBe(omitted.shifted);
    expect(other.undone).toBe(omitted.undone);
  });
});
