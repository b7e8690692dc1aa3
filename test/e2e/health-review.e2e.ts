/** "Check plan health" and "Weekly review" in the sidebar: findings in the method's words, "Show in document" landing on the cell, the weekly check-in with its timeline, and document text shown as text. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { insertStandardPlan, openPreview, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

const HEALTHY = readFileSync(path.join(__dirname, '..', 'fixtures', 'maps', 'healthy.md'), 'utf8');
const PLACEHOLDER_CELL = 'ROI/business case presentation to [Economic buyer name]';

/** The findings' rules, in the order the Health tab lists them. */
const rulesShown = (sidebar: FrameLocator): Promise<(string | null)[]> =>
  sidebar.locator('#health-findings [data-rule]').evaluateAll((cards) => cards.map((card) => card.getAttribute('data-rule')));

/** What the add-on selected, as the page highlights it. */
const highlighted = (page: Page): Locator => page.locator('#document [data-selected]');

/** Whether the element shows in full inside the document's scrolling area (below the menus, above the window's bottom). */
async function inView(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox();
  const canvas = await page.locator('#canvas').boundingBox();
  if (!box || !canvas) return false;
  return box.y >= canvas.y && box.y + box.height <= canvas.y + canvas.height;
}

/** The Steps table's cell the placeholders finding points at, highlighted and in view, and the person not put into editing. */
async function expectPlaceholderCellShown(p: Preview): Promise<void> {
  const { page } = p;
  const cell = page.locator('#document table[data-section="Steps"] td[data-selected="element"]');
  await cell.waitFor();
  expect(await highlighted(page).count()).toBe(1);
  expect((await cell.innerText()).trim()).toBe(PLACEHOLDER_CELL);
  // Docs' light blue, laid over the cell; the person's editing focus is somewhere else entirely.
  expect(await cell.evaluate((td) => getComputedStyle(td, '::after').backgroundColor)).toBe('rgb(200, 217, 245)');
  expect(await page.evaluate(() => document.activeElement?.matches('.editable') ?? false)).toBe(false);
  await page.waitForFunction(() => {
    const td = document.querySelector('#document td[data-selected]');
    const canvas = document.getElementById('canvas');
    if (!td || !canvas) return false;
    const box = td.getBoundingClientRect();
    const view = canvas.getBoundingClientRect();
    return box.top >= view.top && box.bottom <= view.bottom;
  });
  expect(await inView(page, cell)).toBe(true);
}

test('Check plan health: the findings in the method\'s words; "Show in document" highlights the cell and scrolls to it', async () => {
  preview = await openPreview();
  const { page } = preview;
  await insertStandardPlan(preview);
  await preview.menu('Check plan health');
  const sidebar = preview.sidebar();
  await sidebar.locator('#health-summary').waitFor();
  expect(await sidebar.locator('#tab-health').getAttribute('aria-selected')).toBe('true');
  expect(await sidebar.locator('#health-summary').textContent()).toBe('5 findings: 5 warnings.');
  expect(await rulesShown(sidebar)).toEqual(['role-owners', 'placeholders', 'no-economic-buyer', 'no-criteria', 'no-next-step']);
  const cards = await sidebar.locator('#health-findings [data-rule]').all();
  for (const card of cards) {
    expect(await card.getAttribute('data-severity')).toBe('warning');
    // The method's words are there on demand: folded until the person opens them.
    expect(await card.locator('.finding-method').isVisible()).toBe(false);
    expect(await card.locator('.finding-method').getByText('The method:', { exact: true }).count()).toBe(1);
  }
  await cards[0]!.locator('.finding-more summary').click();
  expect(await cards[0]!.locator('.finding-method').isVisible()).toBe(true);

  // The seller has scrolled down to the risks; the placeholders' first place is step 5's action, out of view above.
  await page.locator('#canvas').evaluate((canvas) => (canvas.scrollTop = canvas.scrollHeight));
  const target = (await preview.cell('Steps', 5, 'Action')).locator('xpath=ancestor::td[1]');
  expect(await inView(page, target)).toBe(false);
  const placeholders = sidebar.locator('[data-rule="placeholders"]');
  await placeholders.locator('.finding-show').click();
  await placeholders.locator('.finding-message', { hasText: 'Selected in the document.' }).waitFor();
  await expectPlaceholderCellShown(preview);
  await preview.screenshot('12-health-show-in-document');

  // Opening the document again shows the selection as it is, as Docs does.
  await page.reload();
  await page.locator('#document .editable').first().waitFor();
  await expectPlaceholderCellShown(preview);

  // A click elsewhere puts the person's cursor there and the highlight goes, for good.
  const cursorPlaced = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cursor');
  await page.locator('#document h2', { hasText: 'Key dates' }).click();
  expect(await highlighted(page).count()).toBe(0);
  await cursorPlaced;
  await page.keyboard.press('Escape');
  await preview.settled();
  await page.reload();
  await page.locator('#document .editable').first().waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  expect(await highlighted(page).count()).toBe(0);
  expect(preview.pageErrors).toEqual([]);
});

test('the keyboard: arrow keys move between the tabs, Enter shows a finding in the document', async () => {
  preview = await openPreview();
  const { page } = preview;
  await insertStandardPlan(preview);
  await preview.menu('Check plan health');
  const sidebar = preview.sidebar();
  await sidebar.locator('#health-findings [data-rule]').first().waitFor();
  const selected = (): Promise<string | null> => sidebar.locator('[role="tab"][aria-selected="true"]').getAttribute('id');
  const focused = (): Promise<string> => sidebar.locator(':focus').evaluate((node) => node.id);

  await sidebar.locator('#tab-health').focus();
  await page.keyboard.press('ArrowRight');
  expect([await selected(), await focused()]).toEqual(['tab-review', 'tab-review']);
  expect(await sidebar.locator('#panel-review').isVisible()).toBe(true);
  await sidebar.locator('#review-verdict').waitFor();
  // The Deal tab is last; past it, round to the first.
  await page.keyboard.press('ArrowRight');
  expect([await selected(), await focused()]).toEqual(['tab-deal', 'tab-deal']);
  await page.keyboard.press('ArrowRight');
  expect([await selected(), await focused()]).toEqual(['tab-insert', 'tab-insert']);
  await page.keyboard.press('ArrowLeft');
  expect(await selected()).toBe('tab-deal');
  await page.keyboard.press('ArrowLeft');
  expect(await selected()).toBe('tab-review');
  await page.keyboard.press('ArrowLeft');
  expect([await selected(), await focused()]).toEqual(['tab-health', 'tab-health']);
  expect(await sidebar.locator('#panel-health').isVisible()).toBe(true);
  // Showing a tab reads nothing: the findings are the ones drawn when the sidebar opened.

  const show = sidebar.locator('[data-rule="placeholders"] .finding-show');
  await show.waitFor();
  await show.focus();
  await page.keyboard.press('Enter');
  await sidebar.locator('[data-rule="placeholders"] .finding-message', { hasText: 'Selected in the document.' }).waitFor();
  await expectPlaceholderCellShown(preview);
});

const QUESTIONS = [
  'Where are we on the MAP? Which steps are complete?',
  'Any steps that are at risk of slipping?',
  'What do you need from me to keep things on track?',
  'Any new stakeholders or requirements that have come up?',
];

test('Weekly review: the four questions, what is at risk, the timeline, and Mark reviewed writes the dated line', async () => {
  // Dec 21: step 1 (due Dec 18) is overdue; steps 2 and 3 (due Dec 25) are due within five working days.
  preview = await openPreview({ today: '2026-12-21' });
  const { page } = preview;
  await insertStandardPlan(preview);
  // The deep-dive happened: the champion marks step 1 done in the document.
  await preview.type(await preview.cell('Steps', 1, 'Status'), 'Done');
  await preview.menu('Weekly review');
  const sidebar = preview.sidebar();
  await sidebar.locator('#review-verdict').waitFor();
  expect(await sidebar.locator('#tab-review').getAttribute('aria-selected')).toBe('true');
  expect(await sidebar.locator('#review-verdict').textContent()).toBe('This week: 2 at risk; we owe 7, they owe 7.');
  expect(await sidebar.locator('#review-questions li .step-action').allTextContents()).toEqual(QUESTIONS);
  expect(await sidebar.locator('#review-at-risk li[data-step]').evaluateAll((items) => items.map((li) => li.getAttribute('data-step')))).toEqual(['2', '3']);
  expect(await sidebar.locator('#review-last').textContent()).toBe('Not reviewed yet');

  // The timeline: every step, today's line and the decision target.
  const timeline = sidebar.locator('#timeline');
  await timeline.locator('svg[role="img"]').waitFor();
  expect(await timeline.locator('[data-step]').count()).toBe(11);
  expect(await sidebar.locator('#review-completed li[data-step]').evaluateAll((items) => items.map((li) => li.getAttribute('data-step')))).toEqual(['1']);
  expect(await timeline.locator('[data-step="1"]').getAttribute('data-status')).toBe('complete');
  expect(await timeline.locator('[data-step="2"]').getAttribute('data-signal')).toBe('at-risk');
  expect(await timeline.locator('[data-step="11"]').getAttribute('data-status')).toBe('pending');
  expect(await timeline.locator('[data-today]').isVisible()).toBe(true);
  expect(await timeline.locator('[data-key-date="decisionTarget"]').isVisible()).toBe(true);
  expect(await timeline.locator('svg[role="img"]').getAttribute('aria-label')).toContain('decision target Feb 12');
  await preview.screenshot('13-weekly-review');

  await sidebar.locator('#review-write-line').check();
  await sidebar.locator('#review-mark-button').click();
  await sidebar.locator('#review-mark-message').waitFor();
  expect(await sidebar.locator('#review-mark-message').textContent()).toContain('Review recorded for Dec 21, 2026. The document now says so too.');
  await sidebar.locator('#review-last', { hasText: 'Last reviewed Dec 21, 2026' }).waitFor();

  // Right after the Key dates, in the document and in the saved Markdown.
  await preview.waitForText('Last reviewed: Dec 21, 2026');
  await preview.settled();
  // The document's blocks in order: each paragraph's or list item's text (no bullet), a table as "[table]".
  const lines = await page.locator('#document > *').evaluateAll((blocks) =>
    blocks.map((b) => (b.matches('.table-wrap') ? '[table]' : (b.querySelector('.editable') ?? b).textContent)));
  const goLive = lines.indexOf('Go-live target: Feb 19, 2027');
  expect(goLive).toBeGreaterThan(0);
  expect(lines[goLive + 1]).toBe('Last reviewed: Dec 21, 2026');
  expect(lines[goLive + 2]).toBe('Agreed by: [Name and title], Globex, [date agreed]');
  expect(preview.savedMarkdown()).toMatch(/Go-live target: Feb 19, 2027\s*\n+Last reviewed: Dec 21, 2026\s*\n/);
  await preview.screenshot('14-weekly-review-marked');
  // Back at the top of the tab: the review's date and the timeline beside the line the prospect now reads.
  await sidebar.locator('body').evaluate(() => window.scrollTo(0, 0));
  await preview.screenshot('15-weekly-review-timeline');
  expect(preview.pageErrors).toEqual([]);
});

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';

test('markup the prospect typed into the plan shows as text in the Health and Review tabs and the timeline', async () => {
  preview = await openPreview({ today: '2026-12-21' });
  const { page } = preview;
  await insertStandardPlan(preview);
  // The prospect, in the shared document: step 3's action, and a risk they leave without a mitigation for now.
  await preview.type(await preview.cell('Steps', 3, 'Action'), IMG);
  await preview.type(await preview.cell('Risks and blockers', 1, 'Risk'), SCRIPT);
  await preview.type(await preview.cell('Risks and blockers', 1, 'Mitigation'), 'TBD');

  await preview.menu('Check plan health');
  const sidebar = preview.sidebar();
  await sidebar.locator('#health-findings [data-rule]').first().waitFor();
  await sidebar.locator('[data-rule="risk-no-mitigation"]').getByText(SCRIPT, { exact: false }).waitFor();

  await preview.sidebarTab('Review');
  await sidebar.locator('#review-at-risk li[data-step="3"]').getByText(IMG, { exact: false }).waitFor();
  const row = sidebar.locator('#timeline [data-step="3"]');
  await row.waitFor();
  expect(await row.locator('text.tl-action').textContent()).toBe(IMG);
  await sidebar.locator('#timeline svg').getByText(IMG, { exact: true }).waitFor();

  expect(await sidebar.locator('img').count()).toBe(0);
  expect(await page.locator('#document img').count()).toBe(0);
  expect(preview.browserDialogs).toEqual([]);
  expect(preview.pageErrors).toEqual([]);
});

test('a plan that follows the method: no findings', async () => {
  preview = await openPreview({ markdown: HEALTHY, today: '2026-03-09' });
  await preview.menu('Check plan health');
  const sidebar = preview.sidebar();
  await sidebar.locator('#health-ok').waitFor();
  expect(await sidebar.locator('#health-ok').isVisible()).toBe(true);
  expect(await sidebar.locator('#health-summary').textContent()).toBe('The plan follows the method: no findings.');
  expect(await sidebar.locator('#health-findings [data-rule]').count()).toBe(0);
});

test('steps the two sides dropped ("Cancelled", "N/A"): on the timeline as not needed, in their own grey; neither at risk nor completed in the review', async () => {
  const cancelled = readFileSync(path.join(__dirname, '..', 'fixtures', 'reading', 'cancelled-steps.md'), 'utf8');
  preview = await openPreview({ markdown: cancelled, today: '2026-12-08' });
  await preview.menu('Weekly review');
  const sidebar = preview.sidebar();
  await sidebar.locator('#review-verdict').waitFor();
  const steps = (list: string): Promise<(string | null)[]> => sidebar.locator(`${list} li[data-step]`).evaluateAll((items) => items.map((li) => li.getAttribute('data-step')));
  // Step 2 is overdue and step 5 due within five working days; steps 3 and 4, past their dates, are not needed.
  expect(await steps('#review-at-risk')).toEqual(['2', '5']);
  // Nothing was completed since the plan was first seen (step 1 was already complete then), and a dropped step is no completion.
  expect(await steps('#review-completed')).toEqual([]);
  const timeline = sidebar.locator('#timeline');
  await timeline.locator('svg[role="img"]').waitFor();
  for (const label of ['3', '4']) {
    const row = timeline.locator(`[data-step="${label}"]`);
    expect(await row.getAttribute('data-status')).toBe('not_needed');
    expect(await row.getAttribute('data-signal')).toBe('');
    expect(await row.locator('title').textContent()).toMatch(/; not needed, /);
    expect(await row.locator('circle.tl-dot').evaluate((c) => getComputedStyle(c).fill)).toBe('rgb(241, 243, 244)');
  }
  // The document keeps the words people wrote.
  expect((await (await preview.cell('Steps', 3, 'Status')).innerText()).trim()).toBe('Cancelled - no pilot needed');
  expect(preview.pageErrors).toEqual([]);
});
