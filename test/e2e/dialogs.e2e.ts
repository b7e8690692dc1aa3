/** The preview's Apps Script plumbing, on a small add-on of the test's own: blocking alerts and prompts, menus, failures, and google.script.run's handlers. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPreview, type Preview } from './preview';

// An add-on written as Apps Script code is: top-level functions, the services as globals.
const CODE = `
function onOpen(e) {
  var ui = DocumentApp.getUi();
  ui.createAddonMenu()
    .addItem('Sign the plan', 'signPlan')
    .addItem('Break something', 'breakSomething')
    .addSeparator()
    .addSubMenu(ui.createMenu('More').addItem('Open the helper', 'openHelper').addItem('Show a greeting', 'showGreeting'))
    .addToUi();
}
function signPlan() {
  var ui = DocumentApp.getUi();
  var response = ui.prompt('Sign the plan', 'Who signs for Globex?', ui.ButtonSet.OK_CANCEL);
  if (response.getSelectedButton() !== ui.Button.OK) {
    ui.alert('Not signed.');
    return;
  }
  DocumentApp.getActiveDocument().getBody().appendParagraph('Signed by ' + response.getResponseText());
  ui.alert('Signed', 'Thanks, ' + response.getResponseText() + '.', ui.ButtonSet.OK);
}
function breakSomething() {
  throw new Error('The plan table is missing its Status column.');
}
function openHelper() {
  DocumentApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Helper'));
}
function greet(person) {
  if (person.name === 'boom') throw new Error('No such person: ' + person.name);
  return { greeting: 'Hello, ' + person.name, at: String(DocumentApp.getActiveDocument().getBody().getNumChildren()), sentKeys: Object.keys(person).join(',') };
}
function secret_() { return 'private'; }
function spin() { for (;;) {} }
function showGreeting() {
  var html = HtmlService.createHtmlOutput('<p id="hi">Hi from a dialog</p><button id="done" onclick="google.script.host.close()">Done</button>')
    .setWidth(320).setHeight(120);
  DocumentApp.getUi().showModalDialog(html, 'Greeting');
}
`;

const SIDEBAR = `<!DOCTYPE html>
<html><head><meta charset="utf-8"></head>
<body>
<p id="out"></p>
<script>
  function show(text) { document.getElementById('out').textContent = text; }
  window.callGreet = function (name) {
    google.script.run
      .withSuccessHandler(function (value, user) { show(value.greeting + ' / ' + user + ' / ' + value.at + ' / ' + value.sentKeys); })
      .withFailureHandler(function (error, user) { show('failed: ' + error.message + ' / ' + user); })
      .withUserObject('ticket-7')
      .greet({ name: name, dropped__: 1 });
  };
</script>
</body></html>`;

let dist: string;
let preview: Preview | null = null;
beforeAll(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'map-preview-add-on-'));
  writeFileSync(path.join(dist, 'Code.js'), CODE);
  writeFileSync(path.join(dist, 'Sidebar.html'), SIDEBAR);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));
afterEach(async () => {
  await preview?.close();
  preview = null;
});

test('a prompt blocks the add-on until the person answers in the page; then its alert; then the document changes', async () => {
  preview = await openPreview({ markdown: 'Call notes\n', distDir: dist });
  const { page } = preview;
  await preview.menu('Sign the plan');
  const prompt = page.getByRole('alertdialog');
  await prompt.getByText('Who signs for Globex?').waitFor();
  expect(await prompt.locator('.dialog-title').textContent()).toBe('Sign the plan');
  // The execution is paused inside ui.prompt: nothing written yet.
  expect(await preview.documentText()).not.toContain('Signed by');
  await prompt.locator('input').fill('Dana Ruiz');
  await preview.screenshot('08-add-on-prompt');
  await prompt.getByRole('button', { name: 'OK' }).click();

  const alert = page.getByRole('alertdialog');
  await alert.getByText('Thanks, Dana Ruiz.').waitFor();
  expect(await alert.getByRole('button').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? b.textContent))).toEqual(['Close', 'OK']);
  await alert.getByRole('button', { name: 'OK' }).click();
  await preview.waitForText('Signed by Dana Ruiz');
  await preview.settled();
  expect(preview.savedMarkdown()).toBe('Call notes\n\nSigned by Dana Ruiz\n');
});

test('Cancel in the prompt takes the add-on\'s other path', async () => {
  preview = await openPreview({ markdown: 'Call notes\n', distDir: dist });
  const { page } = preview;
  await preview.menu('Sign the plan');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').getByText('Not signed.').waitFor();
  await page.getByRole('alertdialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  expect(await preview.documentText()).not.toContain('Signed by');
});

test('a menu item that throws shows its message; the next action still works', async () => {
  preview = await openPreview({ distDir: dist });
  const { page } = preview;
  await preview.menu('Break something');
  await page.locator('#toast', { hasText: 'The plan table is missing its Status column.' }).waitFor();
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'More', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'Open the helper', exact: true }).click();
  await page.locator('#sidebar-title', { hasText: 'Helper' }).waitFor();
});

test('google.script.run: success and failure handlers with the user object, keys ending "__" dropped, private functions absent', async () => {
  preview = await openPreview({ markdown: 'One\n\nTwo\n', distDir: dist });
  const { page } = preview;
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'More', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'Open the helper', exact: true }).click();
  const sidebar = preview.sidebar();
  await sidebar.locator('#out').waitFor({ state: 'attached' });
  const frame = page.frames().find((f) => new URL(f.url()).pathname === '/sidebar');
  if (!frame) throw new Error('no sidebar frame');

  await frame.evaluate(() => (window as unknown as { callGreet(name: string): void }).callGreet('Dana'));
  await sidebar.locator('#out', { hasText: 'Hello, Dana / ticket-7 / 2 / name' }).waitFor();
  await frame.evaluate(() => (window as unknown as { callGreet(name: string): void }).callGreet('boom'));
  await sidebar.locator('#out', { hasText: 'failed: No such person: boom / ticket-7' }).waitFor();

  const stubs = await frame.evaluate(() => {
    const run = (window as unknown as { google: { script: { run: Record<string, unknown> } } }).google.script.run;
    return ['greet', 'secret_', 'onOpen'].map((name) => `${name}:${typeof run[name]}`);
  });
  expect(stubs).toEqual(['greet:function', 'secret_:undefined', 'onOpen:function']);
});

test('a modal dialog shows the add-on\'s HTML; google.script.host.close() in it closes it', async () => {
  preview = await openPreview({ distDir: dist });
  const { page } = preview;
  await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'More', exact: true }).hover();
  await page.getByRole('menuitem', { name: 'Show a greeting', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Greeting' });
  await dialog.frameLocator('iframe').locator('#hi', { hasText: 'Hi from a dialog' }).waitFor();
  await dialog.frameLocator('iframe').locator('#done').click();
  await dialog.waitFor({ state: 'detached' });
});

test('an add-on that never returns is stopped at the execution limit; the preview restarts it on the saved document', async () => {
  preview = await openPreview({ markdown: 'Kept\n', distDir: dist, server: { executionLimitMs: 2000 } });
  const url = (route: string): string => new URL(route, preview?.server.url).href;
  const json = { 'Content-Type': 'application/json' };
  const view = (await (await fetch(url('/api/document'))).json()) as { blocks: { id: string }[] };
  const edit = { op: 'text', id: view.blocks[0]?.id, base: 'Kept', text: 'Kept, edited', chips: [] };
  expect((await fetch(url('/api/edit'), { method: 'POST', headers: json, body: JSON.stringify(edit) })).status).toBe(200);

  const spun = await fetch(url('/api/run'), { method: 'POST', headers: json, body: '{"name":"spin","args":[]}' });
  expect(await spun.json()).toEqual({ error: 'Exceeded maximum execution time' });
  const after = (await (await fetch(url('/api/document'))).json()) as { blocks: { text: string }[] };
  expect(after.blocks[0]?.text).toBe('Kept, edited');
});
