/** Linking the manager's existing workbook with Google Picker (the preview's stand-in for it): pick it in the dialog, the plan is exported, the sidebar shows the link, the rows are in the workbook. */
import { DEALS } from '../../src/core/metrics/layout';
import { backToTheDoc, dealTabOfStandardPlan, openPreview, openWorkbookPage, sheetsMenu, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

test("choose the manager's workbook in Google Picker, export, and see the plan's rows in it", async () => {
  preview = await openPreview({ today: '2026-11-27' });
  const { page } = preview;

  // The manager set the team workbook up in Sheets.
  await openWorkbookPage(preview);
  await sheetsMenu(preview, 'Set up MAP metrics');

  // The seller, in the plan's Doc, chooses it.
  await backToTheDoc(preview);
  const sidebar = await dealTabOfStandardPlan(preview);
  await sidebar.locator('#choose-workbook').click();
  await page.getByRole('dialog', { name: 'Choose the team workbook' }).waitFor();
  const dialog = page.frameLocator('[data-html-dialog] iframe');
  await dialog.getByRole('option', { name: 'Team MAP metrics' }).click();
  await dialog.getByRole('button', { name: 'Select' }).click();
  await dialog.locator('#status', { hasText: 'Exported to "Team MAP metrics": the deal and 11 steps.' }).waitFor();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog', { name: 'Choose the team workbook' }).waitFor({ state: 'detached' });

  // The Deal tab learns of the link by itself, and exports there from now on.
  await sidebar.locator('#workbook-link', { hasText: 'Team MAP metrics' }).waitFor();
  await sidebar.locator('#export-button').click();
  await sidebar.locator('#export-message', { hasText: 'Exported to "Team MAP metrics"' }).waitFor();

  await openWorkbookPage(preview);
  await page.getByRole('tab', { name: 'Deals', exact: true }).click();
  await page.locator('table.grid[data-sheet="Deals"]').waitFor();
  const header = await page.locator('table.grid[data-sheet="Deals"] tbody tr').first().locator('td').allTextContents();
  const company = header.findIndex((h) => h.replace('▾', '').trim() === DEALS.columns.find((c) => c.id === 'theirCompany')!.header) + 1;
  expect(await page.locator(`#grid td[data-row="2"][data-column="${company}"]`).textContent()).toBe('Globex');
  expect(preview.pageErrors).toEqual([]);
});

test('cancelling the Picker closes the dialog and links nothing', async () => {
  preview = await openPreview({ today: '2026-11-27' });
  const { page } = preview;
  const sidebar = await dealTabOfStandardPlan(preview);
  await sidebar.locator('#choose-workbook').click();
  const dialog = page.frameLocator('[data-html-dialog] iframe');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('dialog', { name: 'Choose the team workbook' }).waitFor({ state: 'detached' });
  expect(await sidebar.locator('#create-workbook').isVisible()).toBe(true);
  expect(preview.pageErrors).toEqual([]);
});
