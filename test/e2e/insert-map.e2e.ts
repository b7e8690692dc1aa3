/** A seller inserts a plan from the preview's menu and sidebar, and it lands in the document as the add-on writes it on Google. */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fillInsertForm, openPreview, standardPlan, type Preview } from './preview';

let preview: Preview;
afterEach(async () => {
  await preview?.close();
});

test('Extensions > Insert MAP, fill the form, Preview, Insert: the plan appears with its coloured status cells', async () => {
  preview = await openPreview({ fileName: 'Globex MAP.md' });
  const { page } = preview;
  await preview.screenshot('01-empty-document');

  // Extensions lists what the add-on's onOpen added, under the add-on's name.
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'Insert MAP', exact: true }).waitFor();
  await preview.screenshot('01b-extensions-menu');
  await page.keyboard.press('Escape');
  await preview.menu('Insert MAP');
  await page.locator('#sidebar-title', { hasText: 'Mutual Action Plan' }).waitFor();
  await preview.sidebarTab('Insert');
  const sidebar = preview.sidebar();
  await fillInsertForm(sidebar);
  await preview.screenshot('02-sidebar-form');

  await sidebar.locator('#preview-button').click();
  await sidebar.locator('#preview-title', { hasText: 'Mutual Action Plan: Acme + Globex' }).waitFor();
  expect(await sidebar.locator('#preview-steps li').count()).toBe(11);
  await preview.screenshot('03-sidebar-preview');

  await sidebar.locator('#insert-button').click();
  await sidebar.locator('#insert-message', { hasText: 'Inserted "Mutual Action Plan: Acme + Globex" with 11 steps.' }).waitFor();
  await preview.waitForText('Mutual Action Plan: Acme + Globex');
  await page.locator('#document h1', { hasText: 'Mutual Action Plan: Acme + Globex' }).waitFor();

  // The Steps table: a header row and 11 steps, every status cell Pending on the add-on's grey.
  expect(await preview.rows('Steps').count()).toBe(12);
  const status = await preview.cell('Steps', 1, 'Status');
  expect(await status.textContent()).toBe('Pending');
  const colours = await page.locator('#document table[data-section="Steps"] tr').evaluateAll((rows) =>
    rows.slice(1).map((row) => getComputedStyle(row.children[4] as HTMLElement).backgroundColor));
  expect(colours).toEqual(Array(11).fill('rgb(232, 234, 237)'));
  expect(await (await preview.cell('Steps', 5, 'Action')).textContent()).toBe('ROI/business case presentation to [Economic buyer name]');
  for (const section of ['Stakeholders', 'Risks and blockers']) expect(await preview.rows(section).count()).toBeGreaterThan(1);

  // Saved as Google Docs would export it: exactly the integration tests' expected plan.
  expect(preview.savedMarkdown()).toBe(standardPlan());

  // The title at the top of the window: a seller's first look at the inserted plan.
  await page.locator('#document h1').first().evaluate((title) => {
    title.scrollIntoView({ block: 'start' });
    document.getElementById('canvas')?.scrollBy(0, -48);
  });
  const shot = await preview.screenshot('04-plan-inserted');
  // The README's picture of the preview, refreshed on request so a test run leaves the tree clean.
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    mkdirSync(path.join(__dirname, '..', '..', 'docs'), { recursive: true });
    copyFileSync(shot, path.join(__dirname, '..', '..', 'docs', 'preview.png'));
  }
  expect(preview.pageErrors).toEqual([]);
});

test('the plan goes where the person clicked: after the paragraph holding the cursor', async () => {
  preview = await openPreview({ markdown: 'Call notes, Nov 20\n\nThey need SOC 2 before anything else.\n\nNext call: Dec 1\n' });
  const { page } = preview;
  await page.locator('#document p', { hasText: 'They need SOC 2' }).click();
  await preview.menu('Insert MAP');
  await preview.sidebarTab('Insert');
  await fillInsertForm(preview.sidebar());
  await preview.sidebar().locator('#insert-button').click();
  await preview.sidebar().locator('#insert-message').waitFor();
  await preview.waitForText('Mutual Action Plan: Acme + Globex');
  const blocks = await page.locator('#document > *').evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));
  expect(blocks.slice(0, 3)).toEqual(['Call notes, Nov 20', 'They need SOC 2 before anything else.', 'Mutual Action Plan: Acme + Globex']);
  expect(blocks.at(-1)).toBe('Next call: Dec 1');
});

test('a document that already holds a plan: the sidebar says so instead of offering a second one', async () => {
  preview = await openPreview({ markdown: standardPlan() });
  await preview.menu('Insert MAP');
  await preview.sidebarTab('Insert');
  const notice = preview.sidebar().locator('#existing-plan');
  await notice.waitFor();
  expect(await notice.textContent()).toContain('Mutual Action Plan: Acme + Globex');
  expect(await preview.sidebar().locator('#insert-button').count()).toBe(0);
  await preview.page.locator('#sidebar-close').click();
  await preview.page.locator('#sidebar').waitFor({ state: 'hidden' });
});
