/** What the document holds is shown as text, never run as HTML; failures reach the person as messages and the server stays up. */
import type { Frame } from 'playwright-core';
import { fillInsertForm, openPreview, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

// As Google Docs exports such text: "<" and ">" escaped, a person chip whose name is markup.
const HOSTILE = [
  '# Mutual Action Plan: Acme \\+ \\<img src=x onerror=alert(1)\\>',
  '',
  '## Steps',
  '',
  '| **\\#** | **Action** | **Owner** | **Due date** | **Status** | **Depends on** |',
  '| :---- | :---- | :---- | :---- | :---- | :---- |',
  '| 1 | \\<img src=x onerror=alert(1)\\> | Both | Dec 18, 2026 | Pending |  |',
  '| 2 | \\<script\\>alert(2)\\</script\\> | [\\<b\\>Ana\\</b\\>](mailto:ana@example.com) | Dec 25, 2026 | Pending | 1 |',
  '',
].join('\n');

async function sidebarFrame(p: Preview): Promise<Frame> {
  await p.sidebar().locator('#panels .panel').first().waitFor({ state: 'attached' });
  const frame = p.page.frames().find((f) => new URL(f.url()).pathname === '/sidebar');
  if (!frame) throw new Error('The sidebar frame is not loaded');
  return frame;
}

test('document text that looks like HTML is shown as text, in the document and in the sidebar', async () => {
  preview = await openPreview({ markdown: HOSTILE });
  const { page } = preview;
  const text = await preview.documentText();
  expect(text).toContain('Mutual Action Plan: Acme + <img src=x onerror=alert(1)>');
  expect(text).toContain('<script>alert(2)</script>');
  expect(await page.locator('#document .chip.person').textContent()).toContain('<b>Ana</b>');
  expect(await page.locator('#document img, #document script, #document b').count()).toBe(0);

  // A prospect types markup into a cell: it stays text after the round trip through the server.
  await preview.type(await preview.cell('Steps', 1, 'Owner'), '<img src=y onerror=alert(3)>');
  expect(await (await preview.cell('Steps', 1, 'Owner')).textContent()).toBe('<img src=y onerror=alert(3)>');
  expect(await page.locator('#document img').count()).toBe(0);

  // The sidebar shows the plan's title and its steps as text.
  await preview.menu('Insert MAP');
  await preview.sidebarTab('Insert');
  const sidebar = preview.sidebar();
  await sidebar.locator('#existing-plan', { hasText: '<img src=x onerror=alert(1)>' }).waitFor();
  await preview.sidebarTab('Shift dates');
  expect(await sidebar.locator('#shift-step option').allTextContents()).toContain('1 · <img src=x onerror=alert(… · Dec 18, 2026');
  expect(await sidebar.locator('img').count()).toBe(0);
  expect(preview.browserDialogs).toEqual([]);
  expect(preview.pageErrors).toEqual([]);
  await preview.close();

  // A company named with markup, previewed in a new document's Insert form, as text.
  preview = await openPreview();
  await preview.menu('Insert MAP');
  await fillInsertForm(preview.sidebar(), { theirCompany: '<img src=z onerror=alert(4)>' });
  await preview.sidebar().locator('#preview-button').click();
  await preview.sidebar().locator('#preview-title', { hasText: 'Mutual Action Plan: Acme + <img src=z onerror=alert(4)>' }).waitFor();
  expect(await preview.sidebar().locator('img').count()).toBe(0);
  await preview.screenshot('06-markup-as-text');

  expect(preview.browserDialogs).toEqual([]);
  expect(preview.pageErrors).toEqual([]);
});

test('google.script.run refuses a Date argument at once, as Google\'s client does', async () => {
  preview = await openPreview();
  await preview.menu('Insert MAP');
  const frame = await sidebarFrame(preview);
  const outcome = await frame.evaluate(() => {
    const run = (window as unknown as { google: { script: { run: Record<string, (...args: unknown[]) => void> } } }).google.script.run;
    try {
      run.getSidebarState?.(new Date());
      return 'sent';
    } catch (error) {
      return (error as Error).message;
    }
  });
  expect(outcome).toBe('Failed due to illegal value in property: 0');
  const missing = await frame.evaluate(() => {
    const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run;
    return typeof run.notAServerFunction;
  });
  expect(missing).toBe('undefined');
});

test('a server function that fails: its message reaches the sidebar as a sentence, and the preview keeps working', async () => {
  // Notes with no plan in them: the sidebar says so in its tabs; a call that needs a plan is refused with a sentence, not a stack.
  preview = await openPreview({ markdown: 'Call notes, Nov 20\n' });
  await preview.menu('Shift downstream dates');
  await preview.sidebar().locator('#shift-empty', { hasText: 'no plan with steps' }).waitFor();
  const frame = await sidebarFrame(preview);
  const failure = await frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const run = (window as unknown as { google: { script: { run: { withSuccessHandler(f: () => void): { withFailureHandler(f: (e: Error) => void): { previewShift(a: unknown): void } } } } } }).google.script.run;
        run.withSuccessHandler(() => resolve('succeeded')).withFailureHandler((e) => resolve(e.message)).previewShift({ kind: 'step', step: 1, to: '+1 week' });
      }),
  );
  expect(failure).toMatch(/No plan found in this document/);
  expect(failure).not.toMatch(/at .*\.js|Error:/);
  await preview.screenshot('07-server-error');

  // Still up: the page reloads and the sidebar opens again.
  await preview.page.reload();
  await preview.page.locator('#document .editable').first().waitFor();
  await preview.menu('Insert MAP');
  await preview.page.locator('#sidebar-title', { hasText: 'Mutual Action Plan' }).waitFor();
  await preview.close();
  preview = null;
});
