/** The sidebar at its real 300 px width: each tab's verdict and main action on the first screen, no overflow with long names or long plans, timeline labels apart, an accessibility scan per tab, and the heights the README records. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Frame } from 'playwright-core';
import { openPreview, standardPlan, type Preview } from './preview';

let preview: Preview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

const ROOT = path.join(__dirname, '..', '..');
const AXE: string = axe.source;
/** Heights measured here, printed and kept for the README (test/e2e/screenshots/heights.json). */
const heights: Record<string, number> = {};
afterAll(() => {
  if (Object.keys(heights).length === 0) return;
  mkdirSync(path.join(__dirname, 'screenshots'), { recursive: true });
  const file = path.join(__dirname, 'screenshots', 'heights.json');
  let before: Record<string, number> = {};
  try {
    before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>;
  } catch {
    // First run.
  }
  writeFileSync(file, JSON.stringify({ ...before, ...heights }, null, 2));
  console.log(`Sidebar heights (px): ${JSON.stringify(heights)}`);
});

/** The standard plan with its Steps table grown to `count` rows, one of them named by `longName`. */
function planWithSteps(count: number, longName?: { step: number; name: string }): string {
  const rows: string[] = [];
  let day = Date.UTC(2026, 11, 7);
  for (let n = 1; n <= count; n++) {
    day += 86_400_000 * (n % 5 === 0 ? 3 : 1);
    const due = new Date(day).toLocaleDateString('en-US', { month: 'short', day: 'numeric', year: 'numeric', timeZone: 'UTC' });
    const owner = n % 3 === 0 ? 'Globex procurement' : n % 3 === 1 ? 'Acme' : 'Both';
    const action = longName?.step === n ? longName.name : `Step ${n}: review and sign-off ${n}`;
    rows.push(`| ${n} | ${action} | ${owner} | ${due} | ${n % 4 === 0 ? 'Complete' : 'Pending'} | ${n > 1 ? n - 1 : ''} |`);
  }
  return standardPlan().replace(/(\| :---- \| :---- \| :---- \| :---- \| :---- \| :---- \|\n)(?:\|.*\|\n)+/, (_m, sep: string) => `${sep}${rows.join('\n')}\n`);
}

/** The sidebar's frame, once its tabs are drawn. */
async function sidebarFrame(p: Preview): Promise<Frame> {
  await p.sidebar().locator('#panels .panel').first().waitFor({ state: 'attached' });
  const frame = p.page.frames().find((f) => f.url().includes('/sidebar'));
  if (!frame) throw new Error('No sidebar frame');
  return frame;
}

async function openSidebar(p: Preview, caption = 'Check plan health'): Promise<Frame> {
  await p.menu(caption);
  return sidebarFrame(p);
}

/** Where an element is in the sidebar's own viewport, scrolled to the top. */
async function placeOf(frame: Frame, selector: string): Promise<{ top: number; bottom: number; viewport: number; width: number } | null> {
  return frame.evaluate((sel) => {
    const node = Array.from(document.querySelectorAll<HTMLElement>(sel)).find((n) => n.offsetParent !== null);
    if (!node) return null;
    const box = node.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, viewport: window.innerHeight, width: window.innerWidth };
  }, selector);
}

async function showTab(p: Preview, frame: Frame, label: string): Promise<void> {
  await p.sidebarTab(label);
  await frame.evaluate(() => window.scrollTo(0, 0));
}

/** The verdict within the first 600 px and the main action in view without scrolling. */
async function expectFirstScreen(frame: Frame, tab: string, action: string): Promise<void> {
  const head = await placeOf(frame, `#${tab}-verdict`);
  expect(head).not.toBeNull();
  expect(head!.bottom).toBeLessThanOrEqual(600);
  expect((await frame.locator(`#${tab}-verdict`).innerText()).trim().length).toBeGreaterThan(10);
  const button = await placeOf(frame, action);
  expect(button).not.toBeNull();
  expect(button!.top).toBeGreaterThanOrEqual(0);
  expect(button!.bottom).toBeLessThanOrEqual(button!.viewport);
}

/** Every visible element's content fits its box, and nothing reaches past the sidebar's right edge. */
async function overflowing(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width) out.push(`page ${document.documentElement.scrollWidth} > ${width}`);
    for (const node of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      if (node.closest('.sr-only, [hidden], svg') || node.getClientRects().length === 0) continue;
      const box = node.getBoundingClientRect();
      const name = `${node.tagName.toLowerCase()}${node.id ? `#${node.id}` : ''}.${Array.from(node.classList).join('.')}`;
      if (box.right > width + 0.5) out.push(`${name} right ${Math.round(box.right)} > ${width}`);
      if (node.scrollWidth > node.clientWidth + 1 && node.clientWidth > 0 && getComputedStyle(node).overflowX !== 'visible') out.push(`${name} scrollWidth ${node.scrollWidth} > ${node.clientWidth}`);
    }
    return out;
  });
}

/** axe-core on the sidebar as it stands: the serious and critical violations. */
async function axeViolations(frame: Frame): Promise<string[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.evaluate(AXE);
  return frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
  });
}

const docsShot = async (p: Preview, name: string): Promise<void> => {
  const shot = await p.screenshot(name);
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') copyFileSync(shot, path.join(ROOT, 'docs', `${name}.png`));
};

test('every tab answers first at 300 px: verdict and main action in view, no overflow, no serious accessibility violation', async () => {
  preview = await openPreview({ markdown: standardPlan(), today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Check plan health');
  expect(await frame.locator('.tab[aria-selected="true"]').innerText()).toBe('Health');
  expect(await frame.evaluate(() => document.documentElement.clientWidth)).toBeLessThanOrEqual(300);

  const tabs: [label: string, id: string, action: string, shot: string][] = [
    ['Health', 'health', '#health-check-button', 'sidebar-health'],
    ['Review', 'review', '#review-mark-button', 'sidebar-review'],
    ['Shift dates', 'shift', '#shift-apply-button', 'sidebar-shift'],
    ['Insert', 'insert', '#insert-verdict', 'sidebar-insert'],
  ];
  for (const [label, id, action, shot] of tabs) {
    await showTab(preview, frame, label);
    await expectFirstScreen(frame, id, action);
    expect(await overflowing(frame)).toEqual([]);
    expect(await axeViolations(frame)).toEqual([]);
    await docsShot(preview, shot);
  }
  // Apply acts only on a preview: disabled until one shows something to write.
  expect(await frame.locator('#shift-apply-button').isDisabled()).toBe(true);
  expect(preview.pageErrors).toEqual([]);
});

test('switching tabs reads nothing: one server call opens the sidebar, actions re-read once', async () => {
  preview = await openPreview({ markdown: standardPlan(), today: '2026-12-21' });
  const calls: string[] = [];
  preview.page.on('request', (request) => {
    if (request.url().includes('/api/run')) calls.push(JSON.parse(request.postData() ?? '{}').name as string);
  });
  const frame = await openSidebar(preview, 'Weekly review');
  await frame.locator('#review-verdict').waitFor();
  expect(calls).toEqual(['getSidebarState']);
  // Coming back to the sidebar from the document reads it again, in the background, once.
  await frame.locator('#tab-review').focus();
  await frame.locator('body:not(.reading)').waitFor();
  await preview.settled();
  expect(calls.filter((c) => c !== 'getSidebarState').length).toBeLessThanOrEqual(1);
  calls.length = 0;
  // Moving between tabs inside the sidebar costs no call at all.
  for (const label of ['Health', 'Shift dates', 'Insert', 'Review', 'Health']) await showTab(preview, frame, label);
  await preview.settled();
  expect(calls).toEqual([]);
  await frame.locator('#reread-button').click();
  await frame.locator('#reread-button:not([disabled])').waitFor();
  expect(calls).toEqual(['readPlan']);
});

test('Health with six findings: grouped, collapsed, filtered to this week; the height is recorded', async () => {
  // The standard plan on Dec 21: step 1 is overdue, and the draft's five warnings are still open.
  preview = await openPreview({ markdown: standardPlan(), today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Check plan health');
  await frame.locator('#health-findings').waitFor();
  expect(await frame.locator('#health-findings [data-rule]').count()).toBe(6);
  expect(await frame.locator('#health-warning [data-rule]').count()).toBe(6);
  expect(await frame.locator('#health-verdict').innerText()).toBe('6 findings: 6 warnings. Worst: A step is overdue.');
  // The method's words open on demand, by keyboard too.
  const first = frame.locator('#health-findings [data-rule]').first();
  expect(await first.locator('.finding-method').isVisible()).toBe(false);
  await first.locator('.finding-more summary').focus();
  await preview.page.keyboard.press('Enter');
  expect(await first.locator('.finding-method').isVisible()).toBe(true);
  await preview.page.keyboard.press('Enter');
  heights['health, 6 findings collapsed'] = await frame.evaluate(() => document.documentElement.scrollHeight);
  await expectFirstScreen(frame, 'health', '#health-check-button');
  await frame.locator('[data-filter="week"]').click();
  expect(await frame.locator('[data-filter="week"]').getAttribute('aria-pressed')).toBe('true');
  const weekRules = await frame.locator('#health-findings [data-rule]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-rule')));
  expect(weekRules).toEqual(['overdue']);
  expect(await axeViolations(frame)).toEqual([]);
});

test('Review at 11 and 30 steps: Mark reviewed stays in view; the heights are recorded', async () => {
  for (const count of [11, 30]) {
    preview = await openPreview({ markdown: count === 11 ? standardPlan() : planWithSteps(count), today: '2026-12-21' });
    const frame = await openSidebar(preview, 'Weekly review');
    await frame.locator('#timeline svg').waitFor();
    heights[`review, ${count} steps`] = await frame.evaluate(() => document.documentElement.scrollHeight);
    await expectFirstScreen(frame, 'review', '#review-mark-button');
    // Scrolled to the end, the action is still there.
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const button = await placeOf(frame, '#review-mark-button');
    expect(button!.bottom).toBeLessThanOrEqual(button!.viewport);
    if (count === 30) await docsShot(preview, 'sidebar-review-30');
    await preview.close();
    preview = null;
  }
});

test('a 2,000-character step name and a 60-step plan fit the sidebar: clamped to two lines, the rest on demand', async () => {
  const name = `Security review ${'with the InfoSec team and the procurement office '.repeat(42)}`.slice(0, 2000);
  preview = await openPreview({ markdown: planWithSteps(60, { step: 4, name }), today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Weekly review');
  await frame.locator('#timeline svg').waitFor();
  for (const label of ['Review', 'Health', 'Shift dates']) {
    await showTab(preview, frame, label);
    expect(await overflowing(frame)).toEqual([]);
  }
  // The Shift tab: the chosen step's whole name under the list, two lines until "more".
  await frame.locator('#shift-step').selectOption({ index: 4 });
  const full = frame.locator('#shift-step-name .clamp');
  const lineHeight = await full.evaluate((n) => parseFloat(getComputedStyle(n).lineHeight));
  expect((await full.boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 2 + 1);
  const more = frame.locator('#shift-step-name .more');
  await more.focus();
  await preview.page.keyboard.press('Enter');
  expect(await more.getAttribute('aria-expanded')).toBe('true');
  expect((await full.boundingBox())!.height).toBeGreaterThan(lineHeight * 10);
  expect(await overflowing(frame)).toEqual([]);
  // A preview of a shift from that step: the dates stay inside the right padding.
  await frame.locator('#shift-to').fill('+1 week');
  await frame.locator('#shift-preview-button').click();
  await frame.locator('#shift-rows tr[data-step="5"]').waitFor();
  expect(await overflowing(frame)).toEqual([]);
  const padding = await frame.evaluate(() => {
    const limit = document.documentElement.clientWidth - 16;
    return Array.from(document.querySelectorAll('#shift-rows .new')).map((n) => n.getBoundingClientRect().right).filter((right) => right > limit + 0.5);
  });
  expect(padding).toEqual([]);
  await showTab(preview, frame, 'Review');
  // The review's item: two lines, not 850 px.
  const item = frame.locator('#review-owed-by-us li[data-step="4"], #review-at-risk li[data-step="4"], #review-owed-by-them li[data-step="4"]').first();
  if (await item.count()) expect((await item.boundingBox())!.height).toBeLessThan(90);
});

test('timeline labels never overlap each other or the target lines: 30 steps, decision and go-live on the same day', async () => {
  const plan = planWithSteps(30).replace('Decision target: Feb 12, 2027', 'Decision target: Jan 15, 2027').replace('Go-live target: Feb 19, 2027', 'Go-live target: Jan 15, 2027');
  preview = await openPreview({ markdown: plan, today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Weekly review');
  await frame.locator('#timeline svg').waitFor();
  expect(await frame.locator('#timeline svg [data-key-date]').count()).toBe(1);
  const clashes = await frame.evaluate(() => {
    const texts = Array.from(document.querySelectorAll<SVGGraphicsElement>('#timeline svg text')).filter((t) => (t.textContent ?? '').length > 0);
    const lines = Array.from(document.querySelectorAll<SVGGraphicsElement>('#timeline svg line.tl-target'));
    const box = (n: Element) => n.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => meet(box(a), box(b)) && out.push(`${a.textContent} / ${b.textContent}`)));
    texts.forEach((t) => lines.forEach((l) => meet(box(t), box(l)) && out.push(`${t.textContent} / line`)));
    return out;
  });
  expect(clashes).toEqual([]);
  await frame.locator('#timeline-section').evaluate((n) => n.scrollIntoView({ block: 'start' }));
  await docsShot(preview, 'sidebar-timeline-30');
});

test('a first npm start says nothing is saved until something is', async () => {
  preview = await openPreview();
  expect(await preview.page.locator('#save-state').textContent()).toBe('Not saved yet: changes go to plan.md');
  await preview.type(preview.page.locator('#document .editable').first(), 'Call notes');
  await preview.page.locator('#save-state', { hasText: 'Saved to plan.md' }).waitFor();
});
