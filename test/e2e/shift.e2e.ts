/** A prospect moves a date in the shared doc; the seller shifts everything after it from the menu, sees the colours, and undoes. */
import { insertStandardPlan, openPreview, standardPlan, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

const dueTexts = async (p: Preview): Promise<string[]> =>
  p.page.locator('#document table[data-section="Steps"] tr').evaluateAll((rows) => rows.slice(1).map((row) => (row.children[3] as HTMLElement).innerText.trim()));

test('edit a due date, Shift downstream dates from the menu, preview, apply, see the colours, undo', async () => {
  // Dec 21: step 1 (due Dec 18) is overdue, steps 2 and 3 (due Dec 24: Dec 25 is a holiday) are due within five working days.
  preview = await openPreview({ today: '2026-12-21' });
  const { page } = preview;
  await insertStandardPlan(preview);

  // The prospect pushes the pilot review out a week, in the document itself.
  await preview.type(await preview.cell('Steps', 4, 'Due date'), 'Jan 15, 2027');
  await preview.settled();

  await preview.menu('Shift downstream dates');
  const sidebar = preview.sidebar();
  await sidebar.locator('#shift-edited-list li[data-step="4"]').waitFor();
  expect(await sidebar.locator('#shift-edited-list li[data-step="4"]').textContent()).toContain('Jan 15, 2027');
  await sidebar.locator('#shift-detect-button').click();
  await sidebar.locator('#shift-rows tr[data-step="11"]').waitFor();
  expect(await sidebar.locator('#shift-summary').textContent()).toBe(
    'The decision target moves from Feb 12, 2027 to Feb 22, 2027: step 10 (Contract signature) now lands 5 working days after it. ' +
      'The go-live target moves from Feb 19, 2027 to Feb 26, 2027: step 11 (Onboarding kickoff) now lands 5 working days after it. 8 steps move.',
  );
  // Nothing is written before Apply.
  expect((await dueTexts(preview))[4]).toBe('Jan 15, 2027');
  await preview.screenshot('09-shift-preview');

  await sidebar.locator('#shift-apply-button').click();
  await sidebar.locator('#shift-message', { hasText: 'Shifted 7 due dates and 2 key dates.' }).waitFor();
  await preview.waitForText('Decision target: Feb 22, 2027');
  expect(await dueTexts(preview)).toEqual([
    // Working days skip the US holidays: Martin Luther King Jr. Day (Jan 18) and Presidents' Day (Feb 15).
    'Dec 18, 2026', 'Dec 24, 2026', 'Dec 24, 2026', 'Jan 15, 2027', 'Jan 25, 2027', 'Jan 25, 2027',
    'Jan 29, 2027', 'Feb 5, 2027', 'Feb 12, 2027', 'Feb 22, 2027', 'Feb 26, 2027',
  ]);
  // The prospect, who has no add-on, reads what moved and why at the end of the plan.
  await preview.waitForText('Dec 21: steps 4-11 moved 1 week later because Pilot results review slipped; decision target now Feb 22, 2027; go-live target now Feb 26, 2027');
  expect(preview.savedMarkdown()).toContain('\n## Changes\n');

  // The colours after the shift: step 1 overdue (red), steps 2 and 3 at risk (amber).
  const dueFills = await page.locator('#document table[data-section="Steps"] tr').evaluateAll((rows) =>
    rows.slice(1, 5).map((row) => getComputedStyle(row.children[3] as HTMLElement).backgroundColor));
  expect(dueFills).toEqual(['rgb(244, 199, 195)', 'rgb(252, 232, 178)', 'rgb(252, 232, 178)', 'rgba(0, 0, 0, 0)']);
  await preview.screenshot('10-shift-applied');

  // Undo from the menu: an alert says what was put back, and the document reads as before the shift.
  await preview.menu('Undo last shift');
  const alert = page.getByRole('alertdialog');
  await alert.getByText(/^9 dates are back/).waitFor();
  // The alert says what has happened: the document behind it already shows the dates put back.
  await preview.waitForText('Decision target: Feb 12, 2027');
  await preview.screenshot('11-undo');
  // A reload takes the alert away with the old page, as in Docs: it does not come back.
  await page.reload();
  await page.locator('#document .editable').first().waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  expect(await page.getByRole('alertdialog').count()).toBe(0);
  await preview.waitForText('Decision target: Feb 12, 2027');
  const undone = await dueTexts(preview);
  expect(undone.slice(4)).toEqual(['Jan 15, 2027', 'Jan 15, 2027', 'Jan 22, 2027', 'Jan 29, 2027', 'Feb 5, 2027', 'Feb 12, 2027', 'Feb 19, 2027']);
  // The prospect's own edit is theirs: undo puts back what the shift wrote, not what they typed.
  expect(undone[3]).toBe('Jan 15, 2027');
  // The Changes line and the heading the shift created went with the dates.
  expect(preview.savedMarkdown()).not.toContain('## Changes');
});

test('a step labelled "5a", picked in the Shift list: the preview and the document move 5a and what follows it, never step 5', async () => {
  const plan = standardPlan().replace(
    '| 6 | Pricing proposal delivery | Sam Lee (Acme) | Jan 15, 2027 | Pending | 5 |',
    '| 5a | Reference call with a current customer | Acme | Jan 15, 2027 | Pending | 5 |\n| 6 | Pricing proposal delivery | Sam Lee (Acme) | Jan 15, 2027 | Pending | 5a |',
  );
  expect(plan).toContain('| 5a |');
  preview = await openPreview({ markdown: plan, today: '2026-12-21' });
  await preview.menu('Shift downstream dates');
  const sidebar = preview.sidebar();
  const select = sidebar.locator('#shift-step');
  await select.locator('option').nth(12).waitFor({ state: 'attached' });
  // Two rows numbered 5, as the plan writes them: two choices.
  const options = await select.locator('option').allTextContents();
  expect(options.filter((o) => o.startsWith('5 · '))).toEqual(['5 · ROI/business case present… · Jan 15, 2027']);
  const fiveA = options.find((o) => o.startsWith('5a · '));
  expect(fiveA).toBe('5a · Reference call with a cur… · Jan 15, 2027');
  await select.selectOption({ label: fiveA! });
  await sidebar.locator('#shift-step-name', { hasText: '5a · Reference call with a current customer · due Jan 15, 2027' }).waitFor();
  await sidebar.locator('#shift-to').fill('+1 week');
  await sidebar.locator('#shift-preview-button').click();
  await sidebar.locator('#shift-rows tr[data-step="5a"]').waitFor();
  const moved = await sidebar.locator('#shift-rows tr[data-step]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-step')));
  expect(moved).toEqual(['5a', '6', '7', '8', '9', '10', '11']);
  expect(await sidebar.locator('#shift-rows tr[data-step="5a"]').innerText()).toContain('Jan 25, 2027');

  await sidebar.locator('#shift-apply-button').click();
  await sidebar.locator('#shift-message', { hasText: /^Shifted 7 due dates/ }).waitFor();
  await preview.settled();
  const labels = await preview.page.locator('#document table[data-section="Steps"] tr').evaluateAll((rows) => rows.slice(1).map((row) => (row.children[0] as HTMLElement).innerText.trim()));
  const dues = await dueTexts(preview);
  expect(labels.slice(4, 7)).toEqual(['5', '5a', '6']);
  // Step 5 keeps its date; 5a and everything after it moved a week (of working days: Jan 18 is a holiday).
  expect(dues.slice(4, 7)).toEqual(['Jan 15, 2027', 'Jan 25, 2027', 'Jan 25, 2027']);
});

test('a far-off date is left alone until included: "Include step 7 as it is" previews again with it', async () => {
  // "2062" for "2026": a typo year, years away from the plan's other dates.
  const plan = standardPlan().replace('| 7 | Internal review and stakeholder alignment | Dana Ruiz (Globex) | Jan 22, 2027 |', '| 7 | Internal review and stakeholder alignment | Dana Ruiz (Globex) | Jan 22, 2062 |');
  expect(plan).toContain('Jan 22, 2062');
  preview = await openPreview({ markdown: plan, today: '2026-12-21' });
  await preview.menu('Shift downstream dates');
  const sidebar = preview.sidebar();
  await sidebar.locator('#shift-step option').nth(11).waitFor({ state: 'attached' });
  await sidebar.locator('#shift-step').selectOption({ index: 4 });
  await sidebar.locator('#shift-to').fill('+1 week');
  await sidebar.locator('#shift-preview-button').click();
  const include = sidebar.locator('#shift-include button');
  await include.waitFor();
  expect(await include.allTextContents()).toEqual(['Include step 7 as it is']);
  expect(await sidebar.locator('#shift-rows tr[data-step="7"]').count()).toBe(0);
  await include.click();
  await sidebar.locator('#shift-rows tr[data-step="7"]').waitFor();
  expect(await sidebar.locator('#shift-include button').count()).toBe(0);
});

test('two far-off dates on steps 5 and 5a: "Include step 5a as it is" names it as written and includes 5a, never 5', async () => {
  const plan = standardPlan().replace(
    '| 5 | ROI/business case presentation to \\[Economic buyer name\\] | Sam Lee (Acme) \\+ Dana Ruiz (Globex) | Jan 15, 2027 | Pending | 4 |\n| 6 | Pricing proposal delivery | Sam Lee (Acme) | Jan 15, 2027 | Pending | 5 |',
    '| 5 | ROI/business case presentation to \\[Economic buyer name\\] | Sam Lee (Acme) \\+ Dana Ruiz (Globex) | Jan 15, 2062 | Pending | 4 |\n| 5a | Reference call with a current customer | Acme | Jan 15, 2062 | Pending | 4 |\n| 6 | Pricing proposal delivery | Sam Lee (Acme) | Jan 15, 2027 | Pending | 5 |',
  );
  expect(plan).toContain('| 5a |');
  preview = await openPreview({ markdown: plan, today: '2026-12-21' });
  await preview.menu('Shift downstream dates');
  const sidebar = preview.sidebar();
  await sidebar.locator('#shift-step option').nth(12).waitFor({ state: 'attached' });
  await sidebar.locator('#shift-step').selectOption({ index: 4 });
  await sidebar.locator('#shift-to').fill('+1 week');
  await sidebar.locator('#shift-preview-button').click();
  const include = sidebar.locator('#shift-include button');
  await include.nth(1).waitFor();
  expect(await include.allTextContents()).toEqual(['Include step 5 as it is', 'Include step 5a as it is']);
  await sidebar.locator('#shift-include button[data-include="5a"]').click();
  await sidebar.locator('#shift-rows tr[data-step="5a"]').waitFor();
  // Step 5 is still left alone, and still offered.
  expect(await sidebar.locator('#shift-rows tr[data-step="5"]').count()).toBe(0);
  expect(await sidebar.locator('#shift-include button').allTextContents()).toEqual(['Include step 5 as it is']);
});
