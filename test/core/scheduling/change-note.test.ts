/** The "Changes" line a shift writes: the cause named by its action, or by its number when the action cell is blank. */
import { WORKING_DAYS } from '../../../src/core/scheduling/calendar';
import { changeLine, type ChangedStep } from '../../../src/core/scheduling/change-note';

function line(causeAction: string, others: Partial<ChangedStep>[] = []): string | null {
  const steps: ChangedStep[] = [
    { label: '1', number: 1, action: causeAction, from: '2026-12-07', to: '2026-12-14', moved: true },
    ...others.map((o, i) => ({ label: String(i + 2), number: i + 2, action: 'Pilot', from: '2026-12-08', to: '2026-12-15', moved: false, ...o })),
  ];
  return changeLine({ day: 'Dec 6', steps, keyDates: [], calendar: WORKING_DAYS });
}

describe('the Changes line names what slipped', () => {
  it('names the step by its action', () => {
    expect(line('Security   review', [{}])).toBe('Dec 6: steps 1, 2 moved 1 week later because Security review slipped');
  });

  it.each([
    ['a blank action', ''],
    ['a whitespace-only action', '  \t '],
  ])('names the step by its number for %s, with no double space or empty quote', (_, action) => {
    const text = line(action);
    expect(text).toBe('Dec 6: step 1 moved 1 week later because step 1 slipped');
    expect(text).not.toMatch(/ {2}|""|''/);
  });

  it('names a blank cause by its number beside a named one', () => {
    const text = line('', [{ action: 'Legal review', moved: true }]);
    expect(text).toBe('Dec 6: steps 1, 2 moved 1 week later because step 1 and Legal review slipped');
  });

  it('clips a 300-character action as the scheduler clips step names', () => {
    const text = line('Review '.repeat(43).slice(0, 300));
    expect(text).toBe(`Dec 6: step 1 moved 1 week later because ${'Review '.repeat(7).slice(0, 47)}… slipped`);
    expect(text).not.toMatch(/ {2}/);
  });
});
