/**
 * Plans whose dates people wrote in other shapes (year-less near New Year, two-digit years, day-first,
 * ranges, "Week of"), shifted through the built add-on: the exact text each due cell then holds.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cellTexts, openDocument } from './harness';

const fixture = (name: string) => readFileSync(path.join(__dirname, '..', 'fixtures', 'dates', `${name}.md`), 'utf8');

// Each plan: step 2 slips a week (five working days on the locale's public holidays) on Dec 2, 2026.
const CASES: [name: string, locale: string, due: string[], keyDates: string[]][] = [
  [
    // Christmas and New Year's Day skipped; Dec 29 becomes Jan 6 and says its new year; Jan 8 stays year-less.
    'yearless-new-year',
    'en_US',
    ['Dec 11', 'Dec 30', 'Jan 6, 2027', 'Jan 15', 'Jan 25', 'Jan 29', 'Feb 12'],
    ['Evaluation start: Dec 7', 'Decision target: Jan 29', 'Go-live target: Feb 12'],
  ],
  [
    // The plan writes years as "12/1/26": a year-less cell that changes year says "27".
    'numeric-two-digit-years',
    'en_US',
    ['12/11/26', '12/30', '1/6/27 (tentative)', '1/15', '1/25/27', '1/29/27', '2/12/27'],
    ['Evaluation start: 12/1/26', 'Decision target: 1/29/27', 'Go-live target: 2/12/27'],
  ],
  [
    // en_GB: Boxing Day is observed on Monday Dec 28, so Dec 22 + 5 working days is Dec 31. "29/12"
    // does not say whether it pads a day below 10; the plan's "15/01/2027" does.
    'day-first-new-year',
    'en_GB',
    ['11 Dec', '31 Dec', '06/01/2027', '15 Jan', '22/01/2027', '29 Jan 2027', '12 Feb 2027'],
    ['Evaluation start: 7 December 2026', 'Decision target: 29 January 2027', 'Go-live target: 12 February 2027'],
  ],
  [
    // Ranges keep their working days and start on one: Martin Luther King Jr. Day and Presidents' Day are not in them.
    'ranges',
    'en_US',
    ['Jan 4-8', 'Jan 19-25', 'Jan 26 - Feb 5', 'Feb 8-12', '2/16-2/22', 'Feb 26', 'Mar 8-12'],
    ['Evaluation start: Jan 4, 2027', 'Decision target: Feb 26, 2027', 'Go-live target: Mar 12, 2027'],
  ],
  [
    // "Week of" is due on the week's last working day and moves by whole weeks: a holiday inside the
    // week it moves to (Martin Luther King Jr. Day, Presidents' Day) does not push it a week further.
    'week-of',
    'en_US',
    ['Week of Jan 4', 'Week of Jan 18', 'w/c 1 Feb', 'Week of Feb 8', 'W/C Feb 15', 'Week of Feb 22', 'Week of Mar 8'],
    ['Evaluation start: Jan 4, 2027', 'Decision target: Feb 26, 2027', 'Go-live target: Mar 12, 2027'],
  ],
  [
    // Month names joined by hyphens (a UK plan): hyphens, capitals and the plan's leading zeros kept;
    // the year-less "29-Dec" says its year as the plan writes years, "06-Jan-27".
    'hyphen-month-names',
    'en_GB',
    ['11-Dec-26', '31-Dec-26', '06-Jan-27', '15-Jan-27', '22-JAN-2027', '29-Jan-27', 'Feb-12-2027'],
    ['Evaluation start: 07-Dec-26', 'Decision target: 29-Jan-27', 'Go-live target: 12-Feb-27'],
  ],
  [
    // Year first with slashes or dots: each cell keeps its separator and its digits ("2027/1/15").
    'year-first',
    'en_US',
    ['2026/12/11', '2026/12/30', '2027/01/06', '2027.01.15', '2027/1/25', '2027/01/29', '2027/02/12'],
    ['Evaluation start: 2026/12/07', 'Decision target: 2027/01/29', 'Go-live target: 2027/02/12'],
  ],
  [
    // Dotted dates are day-first in an en_US document too; "29.12." gains its year and loses its closing dot.
    'dotted-day-first',
    'en_US',
    ['11.12.2026', '30.12.', '6.1.2027', '15.1.2027', '25.1.2027', '29.1.2027', '12.2.2027'],
    ['Evaluation start: 7.12.2026', 'Decision target: 29.1.2027', 'Go-live target: 12.2.2027'],
  ],
  [
    // The Fabrikam side's dotted dates in an en_US plan whose every number is 12 or less: still day-first.
    'dotted-beside-month-names',
    'en_US',
    ['11.12.2026', 'Dec 30', 'Jan 6, 2027', '15.1.2027', 'Jan 25', 'Jan 29', '12.2.2027'],
    ['Evaluation start: Dec 7, 2026', 'Decision target: Jan 29, 2027', 'Go-live target: Feb 12, 2027'],
  ],
  [
    // German month names, the day with its dot: written back in German; "29. Dez." gains its year.
    'german-month-names',
    'en_GB',
    ['11. Dezember 2026', '31. Dezember 2026', '6. Jan. 2027', '15. Januar 2027', '22. Jan. 2027', '29. Januar 2027', '12. Februar 2027'],
    ['Evaluation start: 7. Dezember 2026', 'Decision target: 29. Januar 2027', 'Go-live target: 12. Februar 2027'],
  ],
  [
    // Spanish "de": "29 dic." is Spanish (not Italian) because the plan's other dates are.
    'spanish-month-names',
    'en_US',
    ['11 de diciembre', '30 de diciembre', '6 ene. 2027', '15 de enero de 2027', '25 de enero', '29 ene. 2027', '12 de febrero de 2027'],
    ['Evaluation start: 7 de diciembre de 2026', 'Decision target: 29 de enero de 2027', 'Go-live target: 12 de febrero de 2027'],
  ],
  [
    // An arrow records a slip: the date it points to is due and is the only one rewritten; "(was Jan 13)"
    // names an old date after the due one, which moves.
    'slip-arrows',
    'en_US',
    ['Dec 11', 'Dec 15 → Dec 30', 'Jan 6, 2027', 'Jan 6 -> Jan 15', 'Jan 25 (was Jan 13)', '1/20 => 1/29', 'Feb 12'],
    ['Evaluation start: Dec 7', 'Decision target: Jan 29', 'Go-live target: Feb 12'],
  ],
];

describe('date shapes people write, shifted', () => {
  test.each(CASES)('%s (%s)', (name, locale, due, keyDates) => {
    const s = openDocument({ markdown: fixture(name), locale, today: '2026-12-02' });
    const before = s.markdown();
    const preview = s.run('previewShift', { kind: 'step', step: 2, to: '+1 week' });
    if (!preview.ok) throw new Error(preview.message);
    // The signature and onboarding steps still land on their targets: the key dates stay, and the first line says so.
    expect(preview.summary).toMatch(/^The decision target stays .*: step 6 \(Contract signature\) still lands on or before it .* 6 steps move\.$/);
    expect(preview.warnings).toEqual([]);
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    expect(applied).toMatchObject({ ok: true, written: 6, skipped: [] });
    expect(cellTexts(s.table('#', 'Action')).slice(1).map((r) => r[3])).toEqual(due);
    expect(s.blocks().flatMap((b) => (b.kind !== 'table' && /^(Evaluation start|Decision target|Go-live target):/.test(b.text) ? [b.text] : []))).toEqual(keyDates);
    // Undo gives back the document exactly, the Changes line included.
    s.run('undoLastShift');
    expect(s.markdown()).toBe(before);
  });
});

describe('a date far outside the plan', () => {
  test('is listed as "check this date first" and not shifted, until the person includes the step', () => {
    const s = openDocument({ markdown: fixture('yearless-new-year').replace('| Jan 15 | Pending | 4 |', '| Jan 15, 2099 | Pending | 4 |'), today: '2026-12-02' });
    const preview = s.run('previewShift', { kind: 'step', step: 4, to: '+1 week' });
    if (!preview.ok) throw new Error(preview.message);
    expect(preview.toCheck).toEqual(['5']);
    expect(preview.warnings[0]).toBe(
      'Check this date first: step 5\'s date "Jan 15, 2099" is far outside the plan, so the shift leaves it alone. Correct it in the document, or include step 5 if it is right.',
    );
    expect(preview.rows.map((r) => r.number)).toEqual([4, 6, 7]);
    // The sidebar's "Include step 5" sends the number it shows, as the plan writes it.
    const included = s.run('previewShift', { kind: 'step', step: 4, to: '+1 week', options: { include: preview.toCheck } });
    if (!included.ok) throw new Error(included.message);
    expect(included.toCheck).toEqual([]);
    expect(included.rows.find((r) => r.number === 5)).toMatchObject({ from: 'Jan 15, 2099', to: 'Jan 22, 2099' });
  });
});

describe('a range written in full that moves inside one month', () => {
  // Step 3 "Jan 25 - Feb 1" spans two months, so it names both; a week later (Martin Luther King Jr.
  // Day skipped) it sits in February alone.
  const shifted = (markdown: string): string | undefined => {
    const s = openDocument({ markdown, today: '2026-12-02' });
    const applied = s.run('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    if (!applied.ok) throw new Error(applied.message);
    return cellTexts(s.table('#', 'Action'))[3]?.[3];
  };
  const ranges = fixture('ranges').replace('| Jan 19 - Jan 29 |', '| Jan 25 - Feb 1 |');

  test('is written compactly where the plan writes its ranges so ("Jan 4-8", "Feb 1-5")', () => {
    expect(shifted(ranges)).toBe('Feb 1 - 8');
  });

  test('keeps the person\'s full form where the plan writes ranges in full', () => {
    const full = ranges.replace('Jan 4-8', 'Jan 4-Jan 8').replace('Jan 11-15', 'Jan 11-Jan 15').replace('Feb 1-5', 'Feb 1-Feb 5').replace('Mar 1-5', 'Mar 1-Mar 5');
    expect(shifted(full)).toBe('Feb 1 - Feb 8');
  });
});
