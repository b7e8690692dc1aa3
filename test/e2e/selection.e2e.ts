/** The add-on's Document.setSelection and setCursor in the preview, on a small add-on of the test's own: highlighted (or a caret) and scrolled to, as Docs does; a click puts them away. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { openPreview, type Preview } from './preview';

const CODE = `
function onOpen(e) {
  DocumentApp.getUi().createAddonMenu()
    .addItem('Select a word', 'selectWord')
    .addItem('Put the cursor after Globex', 'putCursor')
    .addItem('Select a row and the last line', 'selectRowAndLine')
    .addItem('Add a line and select it', 'addAndSelect')
    .addToUi();
}
function selectWord() {
  var doc = DocumentApp.getActiveDocument();
  var found = doc.getBody().findText('budget');
  doc.setSelection(doc.newRange().addElement(found.getElement(), found.getStartOffset(), found.getEndOffsetInclusive()).build());
}
function putCursor() {
  var doc = DocumentApp.getActiveDocument();
  var found = doc.getBody().findText('Globex');
  doc.setCursor(doc.newPosition(found.getElement(), found.getEndOffsetInclusive() + 1));
}
function selectRowAndLine() {
  var doc = DocumentApp.getActiveDocument();
  var body = doc.getBody();
  var paragraphs = body.getParagraphs();
  doc.setSelection(doc.newRange().addElement(paragraphs[paragraphs.length - 1]).addElement(body.getTables()[0].getRow(2)).build());
}
function addAndSelect() {
  var doc = DocumentApp.getActiveDocument();
  var added = doc.getBody().appendParagraph('Added by the add-on');
  doc.setSelection(doc.newRange().addElement(added).build());
}
`;

const FILLER = Array.from({ length: 40 }, (_, i) => `Note ${i + 1}: nothing to see here.\n`);
const MARKDOWN = [
  '# Call notes\n',
  'Dana from **Globex** asked about the budget approval.\n',
  ...FILLER,
  '| **Who** | **What** |',
  '| :---- | :---- |',
  '| Dana | Champion |',
  '| Maria | Economic buyer |',
  '',
  'The end.\n',
].join('\n');

let dist: string;
let preview: Preview | null = null;
beforeAll(() => {
  dist = mkdtempSync(path.join(os.tmpdir(), 'map-preview-add-on-'));
  writeFileSync(path.join(dist, 'Code.js'), CODE);
  writeFileSync(path.join(dist, 'Sidebar.html'), '<!DOCTYPE html><p>Nothing here</p>');
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));
afterEach(async () => {
  await preview?.close();
  preview = null;
});

async function scrollTo(page: Page, where: 'top' | 'bottom'): Promise<void> {
  await page.locator('#canvas').evaluate((canvas, to) => (canvas.scrollTop = to === 'top' ? 0 : canvas.scrollHeight), where);
}

/** Waits until the element shows in full inside the document's scrolling area. */
async function waitInView(target: Locator): Promise<void> {
  await target.evaluate((node) => new Promise<void>((resolve, reject) => {
    const canvas = document.getElementById('canvas');
    const deadline = Date.now() + 5000;
    const check = (): void => {
      const box = node.getBoundingClientRect();
      const view = canvas?.getBoundingClientRect();
      if (view && box.top >= view.top && box.bottom <= view.bottom) resolve();
      else if (Date.now() > deadline) reject(new Error(`Not scrolled into view: ${box.top}..${box.bottom}`));
      else requestAnimationFrame(check);
    };
    check();
  }));
}

test('part of a paragraph\'s text: that text is highlighted, and a click elsewhere takes the highlight away', async () => {
  preview = await openPreview({ markdown: MARKDOWN, distDir: dist });
  const { page } = preview;
  await scrollTo(page, 'bottom');
  await preview.menu('Select a word');
  const paragraph = page.locator('#document [data-selected="text"]');
  await paragraph.waitFor();
  expect(await paragraph.textContent()).toBe('Dana from Globex asked about the budget approval.');
  // The word itself, through the CSS highlight, in Docs' light blue; the paragraph around it is not painted.
  expect(await page.evaluate(() => {
    const highlight = (CSS.highlights as unknown as Map<string, Highlight>).get('addon-selection');
    return highlight ? [...(highlight as unknown as Set<Range>)].map((range) => range.toString()) : null;
  })).toEqual(['budget']);
  await waitInView(paragraph);

  await page.getByText('Note 3: nothing to see here.').click();
  expect(await page.locator('#document [data-selected]').count()).toBe(0);
  expect(await page.evaluate(() => (CSS.highlights as unknown as Map<string, Highlight>).has('addon-selection'))).toBe(false);
  expect(preview.pageErrors).toEqual([]);
});

test('the cursor the add-on puts is drawn as a caret and scrolled to; the person\'s own click draws none', async () => {
  preview = await openPreview({ markdown: MARKDOWN, distDir: dist });
  const { page } = preview;
  await scrollTo(page, 'bottom');
  await preview.menu('Put the cursor after Globex');
  const caret = page.locator('.addon-cursor');
  await caret.waitFor();
  await waitInView(caret);
  // Right after "Globex" (bold, its own Text): where a range after its last letter stands.
  const [caretX, wordEnd] = await page.evaluate(() => {
    const drawn = document.querySelector('.addon-cursor');
    const bold = Array.from(document.querySelectorAll('#document span')).find((span) => span.textContent === 'Globex');
    const range = document.createRange();
    if (bold?.firstChild) range.setStart(bold.firstChild, 6);
    return [drawn?.getBoundingClientRect().left ?? NaN, range.getBoundingClientRect().left];
  });
  expect(Math.abs(caretX + 1 - wordEnd)).toBeLessThanOrEqual(1);
  expect(await page.evaluate(() => document.activeElement?.matches('.editable') ?? false)).toBe(false);
  await preview.screenshot('16-add-on-cursor');

  const cursorPlaced = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/cursor');
  await page.getByText('The end.').click();
  expect(await caret.count()).toBe(0);
  await cursorPlaced;
  await page.keyboard.press('Escape');
  await preview.settled();
  expect(await caret.count()).toBe(0);
});

test('a table row and a paragraph: both highlighted, the first in the document scrolled to', async () => {
  preview = await openPreview({ markdown: MARKDOWN, distDir: dist });
  const { page } = preview;
  await preview.menu('Select a row and the last line');
  const row = page.locator('#document tr[data-selected="element"]');
  await row.waitFor();
  expect(await row.locator('.editable').allTextContents()).toEqual(['Maria', 'Economic buyer']);
  expect(await page.locator('#document p[data-selected="element"]').textContent()).toBe('The end.');
  expect(await row.locator('td').first().evaluate((td) => getComputedStyle(td, '::after').backgroundColor)).toBe('rgb(200, 217, 245)');
  await waitInView(row);
  await preview.screenshot('17-add-on-selection');
});

test('a line the add-on adds and selects: highlighted once the page draws it, and scrolled to', async () => {
  preview = await openPreview({ markdown: MARKDOWN, distDir: dist });
  const { page } = preview;
  await preview.menu('Add a line and select it');
  const added = page.locator('#document [data-selected="element"]');
  await added.waitFor();
  expect(await added.textContent()).toBe('Added by the add-on');
  await waitInView(added);
  await preview.settled();
  expect(await page.locator('#document [data-selected]').count()).toBe(1);
});
