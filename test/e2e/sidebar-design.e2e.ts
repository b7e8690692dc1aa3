/** The sidebar at its real 300 px width: each tab's verdict and main action on the first screen, no overflow with long names or long plans, timeline labels apart, an accessibility scan per tab, and the heights the README records. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import axe from 'axe-core';
import type { Frame } from 'playwright-core';
import { planWithSteps as grownPlan } from '../../tools/bench-plans';
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

/** The standard plan (as the preview opens it) with its Steps table grown to `count` rows, one of them named by `longName`. */
function planWithSteps(count: number, longName?: { step: number; name: string }): string {
  return grownPlan(count, { base: standardPlan(), ...(longName ? { longName } : {}) });
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
    ['Deal', 'deal', '#create-workbook', 'sidebar-deal'],
  ];
  for (const [label, id, action, shot] of tabs) {
    await showTab(preview, frame, label);
    // The Deal tab asks the server for the deal each time it is shown.
    if (id === 'deal') await frame.locator('#deal-form').waitFor();
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
    // Who owes what is folded to counts, the list on demand (by keyboard too).
    const owed = frame.locator('#review-owed-by-us-more');
    expect(await owed.locator('summary').innerText()).toMatch(/^What we owe next \(\d+\)$/);
    expect(await frame.locator('#review-owed-by-us').isVisible()).toBe(false);
    await owed.locator('summary').focus();
    await preview.page.keyboard.press('Enter');
    expect(await frame.locator('#review-owed-by-us').isVisible()).toBe(true);
    await preview.page.keyboard.press('Enter');
    // Scrolled to the end, the action is still there.
    await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const button = await placeOf(frame, '#review-mark-button');
    expect(button!.bottom).toBeLessThanOrEqual(button!.viewport);
    if (count === 30) await docsShot(preview, 'sidebar-review-30');
    await preview.close();
    preview = null;
  }
});

test('the Deal tab: the verdict says what Export writes and where; Save and Export in the footer, each enabled only when it can act', async () => {
  preview = await openPreview({ markdown: standardPlan(), today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Deal details');
  await showTab(preview, frame, 'Deal');
  await frame.locator('#deal-form').waitFor();
  expect(await frame.locator('#deal-verdict').innerText()).toBe('Not exported: no team workbook is linked yet. Create one to export the deal and 11 steps.');
  // Nothing changed yet: Save has nothing to do; the first export creates the workbook.
  expect(await frame.locator('#deal-save').isDisabled()).toBe(true);
  expect(await frame.locator('#export-button').isHidden()).toBe(true);
  await expectFirstScreen(frame, 'deal', '#create-workbook');
  await frame.locator('#create-workbook').click();
  await frame.locator('#export-message', { hasText: 'Exported to "MAP metrics": the deal and 11 steps.' }).waitFor();
  expect(await frame.locator('#deal-verdict').innerText()).toMatch(/^Last exported [A-Z][a-z]{2} \d{1,2}, \d{2}:\d{2} to “MAP metrics”\. Export writes the deal and 11 steps to “MAP metrics”, also after every change\.$/);
  expect(await frame.locator('#export-button').isEnabled()).toBe(true);
  expect(await frame.locator('#create-workbook').isHidden()).toBe(true);
  await expectFirstScreen(frame, 'deal', '#export-button');
  // Scrolled to the end, Save and Export are still in view.
  await frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  for (const action of ['#deal-save', '#export-button']) {
    const place = await placeOf(frame, action);
    expect(place!.bottom).toBeLessThanOrEqual(place!.viewport);
  }
  // A change enables Save; saved, it is disabled again.
  await frame.locator('#deal-currency').fill('EUR');
  expect(await frame.locator('#deal-save').isEnabled()).toBe(true);
  await frame.locator('#deal-save').click();
  await frame.locator('#deal-message', { hasText: 'Deal saved.' }).waitFor();
  expect(await frame.locator('#deal-save').isDisabled()).toBe(true);
  // Without automatic updates the verdict says so.
  await frame.locator('#auto-export').uncheck();
  expect(await frame.locator('#deal-verdict').innerText()).toMatch(/Export writes the deal and 11 steps to “MAP metrics”\.$/);
  // The Details line: small and quiet, inside the sidebar's width.
  const details = frame.locator('#details');
  expect(await details.innerText()).toMatch(/^Details: \w+ \d+ ms \(\d+ ms round trip\), \d+ calls \(/);
  expect(await details.evaluate((n) => parseFloat(getComputedStyle(n).fontSize))).toBeLessThanOrEqual(11);
  expect(await overflowing(frame)).toEqual([]);
  expect(await axeViolations(frame)).toEqual([]);
  await frame.evaluate(() => window.scrollTo(0, 0));
  await docsShot(preview, 'sidebar-deal');
  expect(preview.pageErrors).toEqual([]);
});

test('a 2,000-character step name and a 60-step plan fit the sidebar: clamped to two lines, the rest on demand', async () => {
  const name = `Security review ${'with the InfoSec team and the procurement office '.repeat(42)}`.slice(0, 2000);
  preview = await openPreview({ markdown: planWithSteps(60, { step: 5, name }), today: '2026-12-21' });
  const frame = await openSidebar(preview, 'Weekly review');
  await frame.locator('#timeline svg').waitFor();
  for (const label of ['Review', 'Health', 'Shift dates']) {
    await showTab(preview, frame, label);
    expect(await overflowing(frame)).toEqual([]);
  }
  // The Shift tab: the chosen step's whole name under the list, two lines until "more".
  await frame.locator('#shift-step').selectOption({ index: 5 });
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
  // The review's items: two lines, not 850 px.
  const items = frame.locator('#review-body li[data-step="5"]');
  // At risk (shown), and in what both sides owe (folded: opened here to measure).
  expect(await items.count()).toBe(3);
  await frame.locator('#review-body details').evaluateAll((folds) => folds.forEach((d) => d.setAttribute('open', '')));
  for (const box of await items.evaluateAll((lis) => lis.map((li) => li.getBoundingClientRect().height))) expect(box).toBeLessThan(90);
  expect(await overflowing(frame)).toEqual([]);
});

/** Every pair of timeline labels that overlap, and every label that crosses a line (today, a target, a gridline, a slip). */
async function timelineClashes(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const texts = Array.from(document.querySelectorAll<SVGGraphicsElement>('#timeline svg text')).filter((t) => (t.textContent ?? '').length > 0);
    const lines = Array.from(document.querySelectorAll<SVGGraphicsElement>('#timeline svg line'));
    const box = (n: Element) => n.getBoundingClientRect();
    const meet = (a: DOMRect, b: DOMRect) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    const out: string[] = [];
    texts.forEach((a, i) => texts.slice(i + 1).forEach((b) => meet(box(a), box(b)) && out.push(`${a.textContent} / ${b.textContent}`)));
    texts.forEach((t) => lines.forEach((l) => meet(box(t), box(l)) && out.push(`${t.textContent} / ${l.getAttribute('class')} line`)));
    return out;
  });
}

test('timeline labels never overlap each other or any line: 30 steps, decision and go-live on one day, a step due today', async () => {
  // Dec 21 is step 10's due date in the 30-step plan, and step 1's on the standard plan is Dec 18.
  const thirty = planWithSteps(30).replace('Decision target: Feb 12, 2027', 'Decision target: Jan 15, 2027').replace('Go-live target: Feb 19, 2027', 'Go-live target: Jan 15, 2027');
  for (const [markdown, today, dueToday] of [[thirty, '2026-12-21', '10'], [standardPlan(), '2026-12-18', '1']] as const) {
    preview = await openPreview({ markdown, today });
    const frame = await openSidebar(preview, 'Weekly review');
    await frame.locator('#timeline svg').waitFor();
    if (markdown === thirty) expect(await frame.locator('#timeline svg [data-key-date]').count()).toBe(1);
    // The step due today sits on today's line.
    const onToday = await frame.evaluate((step) => {
      const dot = document.querySelector(`#timeline [data-step="${step}"] .tl-dot`);
      const line = document.querySelector('#timeline [data-today] line');
      return dot?.getAttribute('cx') === line?.getAttribute('x1');
    }, dueToday);
    expect(onToday).toBe(true);
    expect(await frame.locator('#timeline svg .tl-grid').count()).toBeGreaterThan(0);
    expect(await timelineClashes(frame)).toEqual([]);
    if (markdown === thirty) {
      await frame.locator('#timeline-section').evaluate((n) => n.scrollIntoView({ block: 'start' }));
      await docsShot(preview, 'sidebar-timeline-30');
    }
    await preview.close();
    preview = null;
  }
});

test('a first npm start says nothing is saved until something is', async () => {
  preview = await openPreview();
  expect(await preview.page.locator('#save-state').textContent()).toBe('Not saved yet: changes go to plan.md');
  await preview.type(preview.page.locator('#document .editable').first(), 'Call notes');
  await preview.page.locator('#save-state', { hasText: 'Saved to plan.md' }).waitFor();
});
