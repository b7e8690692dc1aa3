/** The team workbook page: reached from the Doc, the Sheets add-on's menu sets the metrics up, a person types into a cell, and it survives a restart. */
import { openPreview, type Preview } from './preview';

let preview: Preview;
afterEach(async () => {
  await preview?.close();
});

async function openWorkbookPage(p: Preview): Promise<void> {
  await p.page.goto(`${p.server.url}sheets`);
  await p.page.locator('#menubar >> text=Extensions').waitFor();
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

async function sheetsMenu(p: Preview, caption: string): Promise<void> {
  await p.page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await p.page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await p.page.getByRole('menuitem', { name: caption, exact: true }).click();
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

function cell(p: Preview, row: number, column: number) {
  return p.page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);
}

test('the Doc page links to the team workbook; Set up MAP metrics creates the sheets and the Metrics values appear', async () => {
  preview = await openPreview();
  const { page } = preview;
  await expect(page.getByRole('link', { name: 'Open the team workbook' }).getAttribute('href')).resolves.toBe('/sheets');
  await openWorkbookPage(preview);
  expect(await page.locator('#workbook-title').textContent()).toBe('Team MAP metrics');
  expect(await page.locator('#tabs').innerText()).toBe('Sheet1');

  await sheetsMenu(preview, 'Set up MAP metrics');
  await page.locator('#toast', { hasText: 'Created' }).waitFor();
  const tabs = await page.getByRole('tab').allTextContents();
  expect(tabs).toEqual(expect.arrayContaining(['Metrics', 'Deals', 'Steps', 'Slips', 'Opportunities']));

  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  await page.locator('table.grid[data-sheet="Metrics"]').waitFor();
  // Formula results, computed by the same engine as the metrics tests: no plan exported yet.
  expect(await cell(preview, 2, 1).textContent()).toBe('Plans exported');
  expect(await cell(preview, 2, 2).textContent()).toBe('0');

  // A person types into Deals: the header stays, the count on Metrics follows the formula.
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await cell(preview, 2, 1).click();
  await page.locator('#formula-input').fill('doc-123');
  await page.locator('#formula-input').press('Enter');
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  await expect(cell(preview, 2, 1).textContent()).resolves.toBe('doc-123');
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  await expect(cell(preview, 2, 2).textContent()).resolves.toBe('1');

  // The sidebar says what the workbook holds.
  await sheetsMenu(preview, 'About this workbook');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('[data-count="plans"]', { hasText: '1 plan' }).waitFor();
  await preview.screenshot('workbook-metrics');
  expect(preview.pageErrors).toEqual([]);
});

test('the workbook is saved beside the document and comes back after a restart', async () => {
  preview = await openPreview();
  await openWorkbookPage(preview);
  await sheetsMenu(preview, 'Set up MAP metrics');
  await preview.page.getByRole('tab', { name: 'Opportunities', exact: true }).click();
  await cell(preview, 2, 14).click();
  await preview.page.locator('#formula-input').fill('Call the CFO on Friday');
  await preview.page.locator('#formula-input').press('Enter');
  await preview.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  const dir = preview.dir;
  await preview.close(true);
  preview = await openPreview({ dir });
  await openWorkbookPage(preview);
  await preview.page.getByRole('tab', { name: 'Opportunities', exact: true }).click();
  await expect(cell(preview, 2, 14).textContent()).resolves.toBe('Call the CFO on Friday');
});
