/** The team workbook page: reached from the Doc, the Sheets add-on's menu sets the metrics up, a person types into a cell, and it survives a restart. */
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import { openPreview, openWorkbookPage, sheetsMenu, type Preview } from './preview';

/** A Salesforce report over 2026: deals won and lost in each quarter, so the Metrics sheet and its charts have something to show. */
function salesforceYear(): string {
  const lines = ['Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date'];
  const accounts = ['Globex', 'Initech', 'Hooli', 'Umbrella', 'Stark', 'Wayne', 'Tyrell', 'Cyberdyne', 'Soylent', 'Acme Travel', 'Vandelay', 'Oscorp'];
  accounts.forEach((account, i) => {
    const month = 1 + (i % 10);
    const stage = i % 3 === 0 ? 'Closed Lost' : i % 5 === 4 ? 'Negotiation/Review' : 'Closed Won';
    lines.push(`0063x0000${String(i).padStart(6, '0')},${account} platform,${account},${60000 + i * 5000},${stage},${month}/3/2026,${month + 2}/20/2026`);
  });
  return lines.join('\n');
}

let preview: Preview;
afterEach(async () => {
  await preview?.close();
});

function cell(p: Preview, row: number, column: number) {
  return p.page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`);
}

/** Waits until a cell of the sheet on screen shows this text (the page redraws when the workbook changes). */
async function cellShows(p: Preview, row: number, column: number, text: string): Promise<void> {
  await p.page.waitForFunction(
    ([r, c, t]) => document.querySelector(`#grid td[data-row="${r}"][data-column="${c}"]`)?.textContent === t,
    [row, column, text] as const,
  );
}

/** A Metrics cell by its row's label (column A) and its column letter's number. */
function metric(p: Preview, label: string, column: number) {
  return p.page.locator(`#grid tr:has(td[data-column="1"]:text-is("${label}")) td[data-column="${column}"]`);
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
  // Formula results, computed by the same engine as the metrics tests: "As of" is today, no plan exported yet.
  await expect(metric(preview, 'As of', 2).textContent()).resolves.toBe('2026-11-27');
  await expect(metric(preview, 'Plans in the workbook', 5).textContent()).resolves.toBe('0');
  expect(await page.locator('figure.chart').count()).toBe(4);

  // A person types into Deals: the header stays, the count on Metrics follows the formula.
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await cell(preview, 2, 1).click();
  await page.locator('#formula-input').fill('doc-123');
  await page.locator('#formula-input').press('Enter');
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');
  await expect(cell(preview, 2, 1).textContent()).resolves.toBe('doc-123');
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  await expect(metric(preview, 'Plans in the workbook', 5).textContent()).resolves.toBe('1');
  // No CRM report yet: the metrics over opportunities say why they are empty, beside them.
  await expect(metric(preview, 'Win rate with a MAP', 10).textContent()).resolves.toMatch(/^No CRM report imported yet: this needs the deals without a plan/);

  // The sidebar says what the workbook holds.
  await sheetsMenu(preview, 'About this workbook');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('[data-count="plans"]', { hasText: '1 plan' }).waitFor();
  await sidebar.locator('#no-crm-report', { hasText: 'No CRM report imported yet' }).waitFor();
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

test('Import CRM report from a CSV file chosen in the sidebar: the opportunities appear, text stays text', async () => {
  preview = await openPreview();
  const { page } = preview;
  await openWorkbookPage(preview);
  await sheetsMenu(preview, 'Set up MAP metrics');
  await sheetsMenu(preview, 'Import CRM report');
  const sidebar = page.frameLocator('#sidebar-frame');
  await sidebar.locator('#crm-file').setInputFiles({
    name: 'salesforce.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('Opportunity ID,Opportunity Name,Account Name,Amount,Stage,Created Date,Close Date\n0061,Globex expansion,Globex,85000,Closed Won,1/5/2026,3/14/2026\n0062,=HYPERLINK("http://x"),Initech,42000,Proposal,2/1/2026,6/30/2026\n'),
  });
  await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
  await sidebar.locator('#import-result', { hasText: 'Imported 2 opportunities from salesforce.csv (Salesforce)' }).waitFor();
  await page.getByRole('tab', { name: 'Opportunities', exact: true }).click();
  await page.locator('table.grid[data-sheet="Opportunities"]').waitFor();
  await cellShows(preview, 2, 2, 'Globex expansion');
  await cellShows(preview, 3, 2, '=HYPERLINK("http://x")');
  await cellShows(preview, 2, 4, '85,000');
  await cellShows(preview, 2, 8, '2026-01-05');

  // A year of deals: the Metrics sheet computes win rate and cycle time without a MAP by quarter, and charts them.
  await sidebar.locator('#crm-file').setInputFiles({ name: 'salesforce-2026.csv', mimeType: 'text/csv', buffer: Buffer.from(salesforceYear()) });
  await sidebar.getByRole('button', { name: 'Import', exact: true }).click();
  await sidebar.locator('#import-result', { hasText: 'Imported 12 opportunities from salesforce-2026.csv' }).waitFor();
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  await page.locator('table.grid[data-sheet="Metrics"]').waitFor();
  await page.waitForFunction(() => document.querySelector('#grid tr:has(td[data-column="1"]) td[data-column="1"]') !== null);
  const winRate = metric(preview, 'Win rate without a MAP', 5);
  await expect(winRate.textContent()).resolves.toMatch(/^\d+%$/);
  await expect(metric(preview, 'Win rate without a MAP', 10).textContent()).resolves.toBe('Won / (won + lost) among opportunities without a plan (by Close date).');
  await page.locator('#sidebar-close').click();
  await page.locator('#sidebar').waitFor({ state: 'hidden' });
  await page.locator('#toast').waitFor({ state: 'hidden', timeout: 15_000 });
  const shot = await preview.screenshot('workbook-metrics-crm');
  // The charts below the metrics, drawn from the same formula results.
  await page.locator('figure.chart[data-chart^="Win rate"]').scrollIntoViewIfNeeded();
  expect(await page.locator('figure.chart[data-chart^="Win rate"] rect').count()).toBeGreaterThan(4);
  const charts = await preview.screenshot('workbook-charts');
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    copyFileSync(shot, path.join(__dirname, '..', '..', 'docs', 'workbook.png'));
    copyFileSync(charts, path.join(__dirname, '..', '..', 'docs', 'workbook-charts.png'));
  }
  expect(preview.pageErrors).toEqual([]);
});
