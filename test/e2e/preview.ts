/** Drives the local preview in headless Chromium: opens it on a temporary document and offers the moves a seller or a prospect makes. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { startPreview, type PreviewOptions, type PreviewServer } from '../../tools/preview/server';

const ROOT = path.join(__dirname, '..', '..');
export const SCREENSHOTS = path.join(__dirname, 'screenshots');
/** A viewport like a laptop's: the 816 px page and the 300 px sidebar side by side. */
const VIEWPORT = { width: 1440, height: 900 };

export interface OpenOptions {
  /** The document to open, as a Google Docs Markdown export. A new, empty document when omitted. */
  markdown?: string;
  /** Reuse a folder (and its plan.md and .preview/) from an earlier preview: a restart. */
  dir?: string;
  /** The document's file name (its name in the title bar); plan.md when omitted. */
  fileName?: string;
  /** "Today" for the add-on; fixed so dates in assertions and screenshots do not move. */
  today?: string;
  /** A different built add-on (a folder with Code.js and Sidebar.html). */
  distDir?: string;
  /** Extra files to put in the folder before starting (relative path -> content). */
  files?: Record<string, string>;
  server?: Partial<PreviewOptions>;
}

export interface Preview {
  readonly page: Page;
  readonly server: PreviewServer;
  /** The temporary folder holding plan.md and .preview/. */
  readonly dir: string;
  /** plan.md (or the file name given): where the document is saved. */
  readonly file: string;
  /** Browser dialogs (window.alert and the like) that fired: a script injected through document text would show here. */
  readonly browserDialogs: string[];
  /** Errors thrown in the page or the sidebar. */
  readonly pageErrors: string[];
  /** Clicks Extensions > (the add-on) > caption. */
  menu(caption: string): Promise<void>;
  /** The add-on's sidebar (Google's iframe). */
  sidebar(): FrameLocator;
  /** Selects a tab of the sidebar ("Insert", "Shift"); nothing to do while the sidebar has a single tab. */
  sidebarTab(label: string): Promise<void>;
  /** The table after the heading `section` (e.g. "Steps"); `column` by number or by its header text. */
  cell(section: string, row: number, column: number | string): Promise<Locator>;
  /** Rows of a table (the header row included). */
  rows(section: string): Locator;
  /** The document's visible text, as the person reads it. */
  documentText(): Promise<string>;
  /** Replaces the text of a paragraph or cell as a person types it, then presses Enter. */
  type(target: Locator, text: string): Promise<void>;
  /** Waits until the document shows this text. */
  waitForText(text: string): Promise<void>;
  /** Waits until the page has nothing in flight: what it shows is what the server has saved. */
  settled(): Promise<void>;
  savedMarkdown(): string;
  screenshot(name: string): Promise<string>;
  /** Stops the server and the browser; the folder is kept when `keep` (for a restart). */
  close(keep?: boolean): Promise<void>;
}

/** The system Chromium: playwright-core downloads no browser of its own. */
async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export async function openPreview(options: OpenOptions = {}): Promise<Preview> {
  const dir = options.dir ?? mkdtempSync(path.join(os.tmpdir(), 'map-preview-'));
  const file = path.join(dir, options.fileName ?? 'plan.md');
  if (options.markdown !== undefined) writeFileSync(file, options.markdown);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  const server = await startPreview({
    root: ROOT,
    file,
    port: 0,
    previewDir: path.join(dir, '.preview'),
    cwd: dir,
    today: options.today ?? '2026-11-27',
    quiet: true,
    ...(options.distDir ? { distDir: options.distDir } : {}),
    ...options.server,
  });
  const browser = await launch();
  const page = await browser.newPage({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const browserDialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    browserDialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(server.url);
  await page.locator('#document .editable').first().waitFor();
  await page.locator('#menubar >> text=Extensions').waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.pending === '0');

  const tableIn = (section: string): Locator => page.locator(`#document table[data-section="${section.replace(/"/g, '\\"')}"]`);

  const preview: Preview = {
    page,
    server,
    dir,
    file,
    browserDialogs,
    pageErrors,
    async menu(caption) {
      await page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
      await page.getByRole('menuitem', { name: caption, exact: true }).click();
    },
    sidebar() {
      return page.frameLocator('#sidebar-frame');
    },
    async sidebarTab(label) {
      const frame = page.frameLocator('#sidebar-frame');
      await frame.locator('#panels .panel').first().waitFor({ state: 'attached' });
      const tab = frame.getByRole('tab', { name: label, exact: true });
      if (await tab.isVisible()) await tab.click();
    },
    async cell(section, row, column) {
      const table = tableIn(section);
      await table.waitFor();
      let index = typeof column === 'number' ? column : -1;
      if (typeof column === 'string') {
        const headers = await table.locator('tr').first().locator('td').allTextContents();
        index = headers.findIndex((h) => h.trim() === column);
        if (index < 0) throw new Error(`No column "${column}" in the ${section} table: ${headers.join(' | ')}`);
      }
      return table.locator('tr').nth(row).locator('td').nth(index).locator('.editable').first();
    },
    rows(section) {
      return tableIn(section).locator('tr');
    },
    async documentText() {
      return page.locator('#document').innerText();
    },
    async type(target, text) {
      await target.click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
      await page.keyboard.press('Enter');
      await preview.settled();
    },
    async settled() {
      await page.waitForFunction(() => document.documentElement.dataset.pending === '0' && !document.activeElement?.matches('.editable'));
    },
    async waitForText(text) {
      await page.locator('#document').getByText(text, { exact: false }).first().waitFor();
    },
    savedMarkdown() {
      return readFileSync(file, 'utf8');
    },
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const target = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: target });
      return target;
    },
    async close(keep = false) {
      await browser.close();
      await server.close();
      if (!keep && !options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return preview;
}

/** The Insert form as a seller fills it for the standard plan of the README (the fixture test/fixtures/inserted/standard-en_US.md). */
export async function fillInsertForm(sidebar: FrameLocator, overrides: Record<string, string> = {}): Promise<void> {
  const values: Record<string, string> = {
    yourCompany: 'Acme',
    theirCompany: 'Globex',
    product: 'Acme Close',
    problem: 'month-end close takes 12 days',
    annualContractValue: '85,000',
    evaluationStart: '2026-12-07',
    'people-champion-name': 'Dana Ruiz',
    'people-champion-title': 'Controller',
    'people-accountExecutive-name': 'Sam Lee',
    'people-accountExecutive-title': 'Account Executive',
    ...overrides,
  };
  await sidebar.locator('#yourCompany').waitFor();
  for (const [id, value] of Object.entries(values)) await sidebar.locator(`#${id}`).fill(value);
}

/** Inserts the standard plan through the menu and the sidebar, and waits until the document shows it. */
export async function insertStandardPlan(preview: Preview): Promise<void> {
  await preview.menu('Insert MAP');
  await preview.sidebarTab('Insert');
  await fillInsertForm(preview.sidebar());
  await preview.sidebar().locator('#insert-button').click();
  await preview.sidebar().locator('#insert-message').waitFor();
  await preview.page.locator('#document table[data-section="Steps"]').waitFor();
}

/** The plan the add-on inserts for fillInsertForm's values. */
export function standardPlan(): string {
  return readFileSync(path.join(ROOT, 'test', 'fixtures', 'inserted', 'standard-en_US-holidays.md'), 'utf8');
}

/** The team workbook's page (/sheets), once its menu is there and nothing is pending. */
export async function openWorkbookPage(p: Preview): Promise<void> {
  await p.page.goto(`${p.server.url}sheets`);
  await p.page.locator('#menubar >> text=Extensions').waitFor();
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

/** Back from the workbook page to the Doc. */
export async function backToTheDoc(p: Preview): Promise<void> {
  await p.page.goto(p.server.url);
  await p.page.locator('#document .editable').first().waitFor();
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

/** Extensions > Mutual Action Plan > caption on the workbook page, and its result drawn. */
export async function sheetsMenu(p: Preview, caption: string): Promise<void> {
  await p.page.getByRole('menuitem', { name: 'Extensions', exact: true }).click();
  await p.page.getByRole('menuitem', { name: 'Mutual Action Plan', exact: true }).hover();
  await p.page.getByRole('menuitem', { name: caption, exact: true }).click();
  await p.page.waitForFunction(() => document.documentElement.dataset.pending === '0');
}

/** The standard plan inserted, then the sidebar's Deal tab (where the team workbook is linked and exported to). */
export async function dealTabOfStandardPlan(p: Preview): Promise<FrameLocator> {
  await insertStandardPlan(p);
  await p.menu('Deal details');
  await p.sidebarTab('Deal');
  return p.sidebar();
}
