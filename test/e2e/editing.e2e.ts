/** A prospect edits the shared plan in the preview's document: cells, paragraphs and rows, kept through a reload and a restart. */
import { rmSync } from 'node:fs';
import { insertStandardPlan, openPreview, standardPlan, type Preview } from './preview';

let preview: Preview | null = null;
let keepDir: string | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
  if (keepDir) rmSync(keepDir, { recursive: true, force: true });
  keepDir = null;
});

/** A plan inserted through the add-on, so the document holds its colours, named range and properties. */
async function insertedPlan(): Promise<Preview> {
  const opened = await openPreview();
  await insertStandardPlan(opened);
  return opened;
}

test('a prospect moves a due date: the cell shows it, the file holds it, and it survives a reload and a restart', async () => {
  preview = await insertedPlan();
  const due = await preview.cell('Steps', 3, 'Due date');
  expect(await due.textContent()).toBe('Dec 24, 2026');
  await preview.type(due, 'Jan 8, 2027');
  await preview.page.locator('#document table[data-section="Steps"] tr').nth(3).getByText('Jan 8, 2027').waitFor();
  expect(preview.savedMarkdown()).toContain('| 3 | Pilot/POC setup (if applicable) | Acme | Jan 8, 2027 | Pending | 1 |');
  await preview.screenshot('05-due-date-edited');

  await preview.page.reload();
  expect(await (await preview.cell('Steps', 3, 'Due date')).textContent()).toBe('Jan 8, 2027');

  // Stop the server and start it again on the same folder: Markdown plus sidecar bring everything back.
  const dir = preview.dir;
  await preview.close(true);
  preview = await openPreview({ dir });
  keepDir = dir;
  expect(await (await preview.cell('Steps', 3, 'Due date')).textContent()).toBe('Jan 8, 2027');
  const status = await preview.cell('Steps', 3, 'Status');
  expect(await status.evaluate((p) => getComputedStyle(p.closest('td') as HTMLElement).backgroundColor)).toBe('rgb(232, 234, 237)');
  // The add-on's memory (its named range and document properties) came back too: it still knows its plan.
  await preview.menu('Insert MAP');
  await preview.sidebarTab('Insert');
  await preview.sidebar().locator('#existing-plan', { hasText: 'Mutual Action Plan: Acme + Globex' }).waitFor();
});

test('editing keeps the rest of the paragraph: bold header text stays bold, only the typed part changes', async () => {
  preview = await insertedPlan();
  const goal = preview.page.locator('#document p', { hasText: 'Globex evaluates Acme Close' });
  await goal.click();
  await preview.page.keyboard.press('End');
  await preview.page.keyboard.type(' Both sides agreed on Nov 20.');
  await preview.page.keyboard.press('Enter');
  await preview.settled();
  // Docs' export escapes a full stop after a number.
  expect(preview.savedMarkdown()).toContain('makes a go/no-go decision by Feb 12, 2027\\. Both sides agreed on Nov 20\\.');

  const header = await preview.cell('Steps', 0, 'Owner');
  await preview.type(header, 'Owner(s)');
  expect(preview.savedMarkdown()).toContain('| **\\#** | **Action** | **Owner(s)** |');
});

test('rows: add one below a step, fill it in, delete another', async () => {
  preview = await openPreview({ markdown: standardPlan() });
  const { page } = preview;
  expect(await preview.rows('Steps').count()).toBe(12);
  const row4 = preview.rows('Steps').nth(4);
  await row4.hover();
  await preview.screenshot('05b-row-controls');
  await row4.getByRole('button', { name: 'Insert row below' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#document table[data-section="Steps"] tr').length === 13);
  await preview.type(await preview.cell('Steps', 5, 'Action'), 'Reference call with a current customer');
  expect(preview.savedMarkdown()).toContain('| 4 | Pilot results review | Both | Jan 8, 2027 | Pending | 3 |\n|  | Reference call with a current customer |  |  |  |  |');

  const last = preview.rows('Steps').nth(12);
  await last.hover();
  await last.getByRole('button', { name: 'Delete row' }).click();
  await page.waitForFunction(() => document.querySelectorAll('#document table[data-section="Steps"] tr').length === 12);
  await preview.settled();
  expect(preview.savedMarkdown()).not.toContain('Onboarding kickoff');
});

test('File > Download > Markdown gives the document back', async () => {
  preview = await openPreview({ markdown: standardPlan() });
  const { page } = preview;
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Download', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'Markdown (.md)', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('plan.md');
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).toString('utf8')).toBe(standardPlan());
});
