/** formatPlanDate: plan dates in the user's locale order, English month names, never a numeric day/month. */
import { formatPlanDate, planDateStyle } from '../../../src/core/reading/date-format';

describe('formatPlanDate', () => {
  it.each(['en_US', 'en-US', 'EN_us', 'en', 'en_PH', 'es_US', 'es-PR', 'fil', 'fil_PH', 'en_CA', 'en-Latn-US'])('writes the month first for %s', (locale) => {
    expect(formatPlanDate('2026-03-03', locale)).toBe('Mar 3, 2026');
  });

  it.each(['en_GB', 'en-AU', 'en_IN', 'en_IE', 'de', 'de_DE', 'fr', 'es', 'es_419', 'pt_BR', 'it', 'nl', 'pl', 'ru', 'iw', 'tr'])(
    'writes the day first for %s',
    (locale) => {
      expect(formatPlanDate('2026-03-03', locale)).toBe('3 Mar 2026');
    },
  );

  it.each(['sv', 'sv_SE', 'lt', 'hu', 'ja', 'ko', 'zh_CN', 'zh_TW', 'zh-Hant-TW', 'fr_CA', 'en_SE'])('writes the ISO date for %s', (locale) => {
    expect(formatPlanDate('2026-03-03', locale)).toBe('2026-03-03');
  });

  it.each(['', '  ', 'xx', 'klingon_QO', '_'])('falls back to the day first for %j', (locale) => {
    expect(formatPlanDate('2026-03-03', locale)).toBe('3 Mar 2026');
  });

  it('names every month in English, with the day unpadded', () => {
    const months = Array.from({ length: 12 }, (_, i) => formatPlanDate(`2026-${String(i + 1).padStart(2, '0')}-09`, 'en_GB'));
    expect(months).toEqual([
      '9 Jan 2026', '9 Feb 2026', '9 Mar 2026', '9 Apr 2026', '9 May 2026', '9 Jun 2026',
      '9 Jul 2026', '9 Aug 2026', '9 Sep 2026', '9 Oct 2026', '9 Nov 2026', '9 Dec 2026',
    ]);
    expect(formatPlanDate('2026-12-25', 'en_US')).toBe('Dec 25, 2026');
    expect(formatPlanDate('2028-02-29', 'de')).toBe('29 Feb 2028');
  });

  it('gives back text that is not a date unchanged', () => {
    expect(formatPlanDate('2026-02-30', 'en_US')).toBe('2026-02-30');
    expect(formatPlanDate('soon', 'en_US')).toBe('soon');
  });

  it('never writes a numeric day and month that could read both ways', () => {
    for (const locale of ['en_US', 'en_GB', 'de', 'sv', 'ja']) {
      expect(formatPlanDate('2026-04-05', locale)).not.toMatch(/^\d{1,2}[./-]\d{1,2}[./-]/);
    }
  });
});

describe('planDateStyle', () => {
  it('names the style for the sidebar preview', () => {
    expect(planDateStyle('en_US')).toBe('month-first');
    expect(planDateStyle('en_GB')).toBe('day-first');
    expect(planDateStyle('lt')).toBe('iso');
  });
});
