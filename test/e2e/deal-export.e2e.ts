/** The Deal tab and Export to Sheets in the browser: edit the deal (the document does not change), create the team workbook on the first export, and a shift refreshes the plan's rows in it. */
import { insertStandardPlan, openPreview, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function openDealTab(p: Preview): Promise<void> {
  await p.menu('Deal details');
  await p.sidebarTab('Deal');
  await p.sidebar().locator('#deal-form').waitFor();
}

test('edit the deal details: saved with the document, the document text unchanged', async () => {
  preview = await openPreview({ today: '2026-11-27' });
  await insertStandardPlan(preview);
  const before = await preview.documentText();
  await openDealTab(preview);
  const sidebar = preview.sidebar();
  expect(await sidebar.locator('#deal-stage').inputValue()).toBe('post-demo');
  expect(await sidebar.locator('#deal-annualContractValue').inputValue()).toBe('85000');
  // A closed deal needs its close date: the field says so.
  await sidebar.locator('#deal-outcome').selectOption('won');
  await sidebar.locator('#deal-save').click();
  await sidebar.locator('#error-deal-closedOn', { hasText: 'Give the day the deal closed.' }).waitFor();
  await sidebar.locator('#deal-closedOn').fill('2027-02-10');
  await sidebar.locator('#deal-stage').selectOption('negotiation');
  await sidebar.locator('#deal-save').click();
  await sidebar.locator('#deal-message', { hasText: 'Deal saved.' }).waitFor();
  expect(await preview.documentText()).toBe(before);
  // The Insert tab of a document with a plan points here instead of showing a form.
  await sidebar.getByRole('tab', { name: 'Insert', exact: true }).click();
  await sidebar.locator('#open-deal').click();
  expect(await sidebar.locator('#tab-deal').getAttribute('aria-selected')).toBe('true');
  expect(await sidebar.locator('#deal-stage').inputValue()).toBe('negotiation');
  await preview.screenshot('deal-tab');
});

test('export from the Doc: the first time creates the team workbook; a shift refreshes its rows in place', async () => {
  preview = await openPreview({ today: '2026-11-27' });
  const { page } = preview;
  await insertStandardPlan(preview);
  await openDealTab(preview);
  const sidebar = preview.sidebar();
  await sidebar.locator('#create-workbook').click();
  await sidebar.locator('#export-message', { hasText: 'Exported to "MAP metrics": the deal and 11 steps.' }).waitFor();
  await sidebar.locator('#workbook-link', { hasText: 'MAP metrics' }).waitFor();
  expect(await sidebar.locator('#auto-export').isChecked()).toBe(true);
  // The verdict says when, from the server's record (kept with the document, so every later session says it too).
  await sidebar.locator('#deal-verdict', { hasText: /^Last exported Nov 27, \d\d:\d\d to “MAP metrics”\. Export writes the deal and 11 steps/ }).waitFor();

  // A prospect moves step 4; the seller shifts the rest: the message says the workbook followed.
  await preview.type(await preview.cell('Steps', 4, 'Due date'), 'Jan 15, 2027');
  await preview.settled();
  await preview.menu('Shift downstream dates');
  await sidebar.locator('#shift-edited-list li[data-step="4"]').waitFor();
  await sidebar.locator('#shift-detect-button').click();
  await sidebar.locator('#shift-rows tr[data-step="11"]').waitFor();
  await sidebar.locator('#shift-apply-button').click();
  await sidebar.locator('#shift-message', { hasText: 'The team workbook is up to date.' }).waitFor();

  // The workbook page shows the linked workbook: the plan's rows, once each.
  await page.goto(`${preview.server.url}sheets`);
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  expect(await page.locator('#workbook-title').textContent()).toBe('MAP metrics');
  await page.getByRole('tab', { name: 'Steps', exact: true }).click();
  const grid = page.locator('table.grid[data-sheet="Steps"]');
  await grid.waitFor();
  // One row per step, step 4 with its new date and one slip.
  const security = grid.locator('tr', { hasText: 'Security questionnaire review' });
  expect(await security.count()).toBe(1);
  const step4 = grid.locator('tr', { hasText: 'Jan 15, 2027' }).or(grid.locator('tr', { hasText: '2027-01-15' }));
  expect(await step4.count()).toBeGreaterThan(0);
  await preview.screenshot('export-steps');
});
