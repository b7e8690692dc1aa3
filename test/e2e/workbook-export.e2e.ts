/** From the plan's Doc to the team workbook and back: export, the rows and the metrics appear in the Sheets page, a person types an outcome and a note there, and a re-export keeps them. */
import { DEALS } from '../../src/core/metrics/layout';
import { backToTheDoc, dealTabOfStandardPlan, openPreview, openWorkbookPage, sheetsMenu, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function typeInto(p: Preview, row: number, column: number, text: string): Promise<void> {
  await p.page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`).click();
  await p.page.locator('#formula-input').fill(text);
  await p.page.locator('#formula-input').press('Enter');
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

async function cellText(p: Preview, row: number, column: number): Promise<string | null> {
  return p.page.locator(`#grid td[data-row="${row}"][data-column="${column}"]`).textContent();
}

test('export from the Doc, see the rows and metrics in the workbook, type an outcome and a note there, re-export: they are still there', async () => {
  preview = await openPreview({ today: '2026-11-27' });
  const { page } = preview;
  const sidebar = await dealTabOfStandardPlan(preview);
  await sidebar.locator('#create-workbook').click();
  await sidebar.locator('#export-message', { hasText: 'Exported to' }).waitFor();

  // The workbook page shows the linked workbook: Set up adds the Metrics sheet around the exported rows.
  await openWorkbookPage(preview);
  await sheetsMenu(preview, 'Set up MAP metrics');
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await page.locator('table.grid[data-sheet="Deals"]').waitFor();
  const header = await page.locator('table.grid[data-sheet="Deals"] tbody tr').first().locator('td').allTextContents();
  const column = (id: string): number => header.findIndex((h) => h.replace('▾', '').trim() === DEALS.columns.find((c) => c.id === id)!.header) + 1;
  expect(await cellText(preview, 2, column('theirCompany'))).toBe('Globex');
  await page.getByRole('tab', { name: 'Metrics', exact: true }).click();
  await page.waitForFunction(() => Array.from(document.querySelectorAll("#grid tr")).some((tr) =>
    tr.querySelector('td[data-column="1"]')?.textContent === 'Plans in the workbook' && tr.querySelector('td[data-column="5"]')?.textContent === '1'));

  // A manager types the outcome and a note into the plan's row.
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await typeInto(preview, 2, column('manualOutcome'), 'won');
  await typeInto(preview, 2, column('notes'), 'Signed after the CFO call');

  // The seller exports again from the Doc.
  await backToTheDoc(preview);
  await preview.menu('Deal details');
  await preview.sidebarTab('Deal');
  await sidebar.locator('#export-button').click();
  await sidebar.locator('#export-message', { hasText: 'Exported to' }).waitFor();

  await openWorkbookPage(preview);
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await page.locator('table.grid[data-sheet="Deals"]').waitFor();
  expect(await page.locator('table.grid[data-sheet="Deals"] td[data-column="1"]', { hasText: /./ }).count()).toBe(2);
  expect(await cellText(preview, 2, column('manualOutcome'))).toBe('won');
  expect(await cellText(preview, 2, column('notes'))).toBe('Signed after the CFO call');
  expect(preview.pageErrors).toEqual([]);
});
