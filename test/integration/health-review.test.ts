/** "Check plan health", "Weekly review" and the timeline through the built add-on: the method applied to the plan in the document. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { insertForm, openDocument, type Session } from './harness';

const HEALTHY = readFileSync(path.join(__dirname, '..', 'fixtures', 'maps', 'healthy.md'), 'utf8');

function inserted(today = '2026-11-27'): Session {
  const s = openDocument({ today });
  s.addOn.runSync('insertMap', insertForm());
  return s;
}

describe('Check plan health', () => {
  test('a fresh draft: names and criteria still to agree, in the method\'s words, each pointing at its place', () => {
    const s = inserted();
    const report = s.run('getHealth');
    expect(report.summary).toBe('5 findings: 5 warnings.');
    expect(report.findings.map((f) => f.rule)).toEqual(['role-owners', 'placeholders', 'no-economic-buyer', 'no-criteria', 'no-next-step']);
    const placeholders = report.findings.find((f) => f.rule === 'placeholders');
    expect(placeholders?.detail).toMatch(/^Still to fill in: \[Economic buyer name\] \(steps 5 and 10 and the Stakeholders table\)/);
    expect(report.dealStage).toBe('Post-demo (evaluation confirmed)');
    expect(report.annualContractValue).toBe(85000);
  });

  test('a document with no plan it can read: the check says what it could not read, and remembers nothing', () => {
    const s = openDocument({ markdown: readFileSync(path.join(__dirname, '..', 'fixtures', 'health', 'plan-as-a-list.md'), 'utf8'), today: '2026-11-27' });
    const report = s.run('getHealth');
    expect(report.summary).toBe('1 finding: 1 critical.');
    expect(report.findings).toEqual([
      expect.objectContaining({ rule: 'no-steps', severity: 'critical', title: 'No plan found', detail: expect.stringMatching(/^No Steps table was found\./), place: null }),
    ]);
    expect(Object.keys(s.env.properties.document.toObject())).toEqual([]);
  });

  test('a plan that follows the method has no findings', () => {
    const s = openDocument({ markdown: HEALTHY, today: '2026-03-09' });
    const report = s.run('getHealth');
    expect(report).toMatchObject({ findings: [], summary: 'The plan follows the method: no findings.' });
  });

  test('a close date nobody believes is critical, with the chain that drives it', () => {
    const s = inserted();
    s.stepCell(8, 'Due date').setText('Feb 26, 2027');
    const report = s.run('getHealth');
    const close = report.findings.find((f) => f.rule === 'close-date');
    expect(close?.severity).toBe('critical');
    expect(close?.method).toContain('If the steps say 8 weeks and you wrote 4 weeks, the MAP is fiction');
    expect(report.findings[0]?.rule).toBe('close-date');
  });

  test('a plan nobody has touched for two weeks is dead, with the words to say to the champion', () => {
    const s = inserted();
    s.setToday('2026-12-14');
    const dead = (s.run('getHealth')).findings.find((f) => f.rule === 'dead-plan');
    expect(dead?.say).toBe("I noticed we haven't updated the plan in 2 weeks. Has anything changed on your end?");
    // A weekly review counts as a sign of life.
    s.addOn.runSync('markReviewed', { writeLine: false });
    expect((s.run('getHealth')).findings.map((f) => f.rule)).not.toContain('dead-plan');
  });

  test('"Show in document" selects the cell a finding points at', () => {
    const s = inserted();
    const finding = (s.run('getHealth')).findings.find((f) => f.rule === 'placeholders');
    expect(finding?.place).not.toBeNull();
    expect(s.addOn.runSync('selectPlace', finding?.place)).toEqual({ ok: true, message: 'Selected in the document.' });
    const selected = s.doc.getSelection()?.getRangeElements()[0]?.getElement();
    expect(selected?.asTableCell().getText()).toBe('ROI/business case presentation to [Economic buyer name]');
  });

  test('a place that is gone, or no place at all, gets a sentence', () => {
    const s = inserted();
    expect(s.addOn.runSync('selectPlace', { kind: 'cell', tableIndex: 99, row: 1, column: 1 })).toEqual({
      ok: false,
      message: 'That place is no longer in the document (it was edited since the check). Check the plan again.',
    });
    expect(s.addOn.runSync('selectPlace', '<script>')).toEqual({ ok: false, message: 'That place could not be read. Check the plan again.' });
  });

  test('text the prospect typed comes back as the same plain string, markup and all, for the sidebar to show as text', () => {
    const s = inserted();
    s.stepCell(3, 'Action').setText('<img src=x onerror=alert(1)>');
    const timeline = s.run('getTimeline');
    expect(timeline.steps[2]?.action).toBe('<img src=x onerror=alert(1)>');
    const review = s.run('getReview');
    expect(review.owedByUs.find((i) => i.number === 3)?.action).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('Weekly review', () => {
  test('answers the method\'s four questions from the plan', () => {
    const s = inserted();
    s.stepCell(1, 'Status').setText('Done');
    s.setToday('2026-12-21');
    const review = s.run('getReview');
    expect(review.questions.map((q) => q.question)).toEqual([
      'Where are we on the MAP? Which steps are complete?',
      'Any steps that are at risk of slipping?',
      'What do you need from me to keep things on track?',
      'Any new stakeholders or requirements that have come up?',
    ]);
    expect(review.completed.map((i) => i.number)).toEqual([1]);
    expect(review.atRisk.map((i) => [i.number, i.note])).toEqual([
      [2, 'due in 3 working days, not started'],
      [3, 'due in 3 working days, not started'],
    ]);
    expect(review.owedByThem[0]).toMatchObject({ number: 2, owner: 'Acme sends, Globex IT reviews' });
  });

  test('Mark reviewed writes one dated line the prospect sees, and updates it the next week', () => {
    const s = inserted();
    const first = s.run('markReviewed', { writeLine: true });
    expect(first.message).toBe('Review recorded for Nov 27, 2026. The document now says so too.');
    const lines = () => s.blocks().flatMap((b) => (b.kind !== 'table' ? [b.text] : []));
    expect(lines().slice(lines().indexOf('Go-live target: Feb 19, 2027'), lines().indexOf('Go-live target: Feb 19, 2027') + 2)).toEqual([
      'Go-live target: Feb 19, 2027',
      'Last reviewed: Nov 27, 2026',
    ]);
    s.setToday('2026-12-04');
    s.addOn.runSync('markReviewed', { writeLine: true });
    expect(lines().filter((t) => t.startsWith('Last reviewed'))).toEqual(['Last reviewed: Dec 4, 2026']);
    expect((s.run('getReview')).lastReviewed).toEqual({ iso: '2026-12-04', text: 'Dec 4, 2026' });
  });

  test('Mark reviewed on a plan the add-on has not seen before (a pasted plan) writes its line too', () => {
    const s = openDocument({ markdown: HEALTHY, today: '2026-03-16' });
    expect(s.run('markReviewed', { writeLine: true }).message).toBe('Review recorded for Mar 16, 2026. The document now says so too.');
    expect(s.markdown()).toContain('* Go-live target: May 1, 2026\n\nLast reviewed: Mar 16, 2026\n');
    // The step markers went on the Steps table's rows, not on whatever the new line pushed down.
    expect(s.run('getShiftState').steps.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(s.doc.getNamedRanges().filter((r) => r.getName().startsWith('map.step.')).map((r) => r.getRange().getRangeElements()[0]?.getElement().getType())).toEqual(Array(11).fill('TABLE_ROW'));
  });

  test('Mark reviewed refuses arguments it does not understand', () => {
    const s = inserted();
    expect(() => s.addOn.runSync('markReviewed', 'yes please')).toThrow(/^Mark reviewed needs \{ writeLine: true \| false \}/);
  });
});

describe('the timeline', () => {
  test('every step on its date with its status, where a step slipped from, and the key dates', () => {
    const s = inserted();
    s.addOn.runSync('applyShift', { kind: 'step', step: 2, to: '+1 week' });
    s.stepCell(1, 'Status').setText('Complete');
    const t = s.run('getTimeline');
    expect(t.steps).toHaveLength(11);
    expect(t.steps[0]).toMatchObject({ number: 1, status: 'complete', due: '2026-12-18', baselineDue: null });
    expect(t.steps[1]).toMatchObject({ number: 2, due: '2027-01-04', baselineDue: '2026-12-24', side: 'both' });
    expect([t.decisionTarget, t.goLiveTarget, t.today]).toEqual(['2027-02-22', '2027-02-26', '2026-11-27']);
  });
});

test('"Show in document" on the next-step finding selects the criteria\'s next-step line, and on the economic buyer its name cell', () => {
  const s = inserted();
  const findings = s.run('getHealth').findings;
  const nextStep = findings.find((f) => f.rule === 'no-next-step');
  expect(nextStep?.place).toMatchObject({ kind: 'paragraph' });
  expect(s.run('selectPlace', nextStep?.place)).toEqual({ ok: true, message: 'Selected in the document.' });
  const line = s.doc.getSelection()?.getRangeElements()[0]?.getElement();
  expect(line?.getType()).toBe('LIST_ITEM');
  expect(line?.asListItem().getText()).toBe('If all criteria pass, next step: [proposal / contract]');

  const buyer = findings.find((f) => f.rule === 'no-economic-buyer');
  expect(s.run('selectPlace', buyer?.place)).toEqual({ ok: true, message: 'Selected in the document.' });
  expect(s.doc.getSelection()?.getRangeElements()[0]?.getElement().asTableCell().getText()).toBe('[Economic buyer name]');
});
