/** The preview's workbook page: draws the team workbook as Google Sheets does (tabs, grid, formats, charts), lets a person type into cells, and hosts the Sheets add-on's menu and sidebar. */
import type { MenuItem } from '../../emulation/ui';
import type { PreviewEvent, UiView } from './protocol';
import type { CellEdit, ChartView, SheetView, WorkbookCellView, WorkbookView } from './workbook-protocol';
import { askAndDraw, byId, drawSidebarFrame, el, onHostClose, toast as showToast, whileRunning } from './page-parts';

// ---------------------------------------------------------------------------------------------
// DOM and server: every string from the workbook becomes a text node, never markup (page-parts.ts)

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

let pending = 0;
async function request<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
  pending += 1;
  document.documentElement.dataset.pending = String(pending);
  try {
    let response: Response;
    try {
      response = await fetch(path, { method, headers: method === 'POST' ? { 'Content-Type': 'application/json' } : {}, body: method === 'POST' ? JSON.stringify(body ?? {}) : undefined });
    } catch {
      throw new Error('The preview server is not reachable. Is `npm start` still running?');
    }
    const value = (await response.json().catch(() => null)) as unknown;
    if (!response.ok) throw new Error(value !== null && typeof value === 'object' && 'error' in value ? String(value.error) : `${response.status} ${response.statusText}`);
    return value as T;
  } finally {
    pending -= 1;
    document.documentElement.dataset.pending = String(pending);
  }
}

function toast(message: string): void {
  showToast(message, 8000);
}

function fail(error: unknown): void {
  toast(error instanceof Error ? error.message : String(error));
}

// ---------------------------------------------------------------------------------------------
// The grid

let workbook: WorkbookView | null = null;
let activeSheet: string | null = new URLSearchParams(window.location.search).get('sheet');
let selected: { row: number; column: number } = { row: 1, column: 1 };
let toastSerial = 0;
const ROW_HEIGHT = 22;
const HEADER_WIDTH = 47;

function letters(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function currentSheet(): SheetView | null {
  const sheets = workbook?.sheets.filter((s) => !s.hidden) ?? [];
  return sheets.find((s) => s.name === activeSheet) ?? sheets[0] ?? null;
}

function cellNode(cell: WorkbookCellView, row: number, column: number, filterRow: boolean): HTMLTableCellElement {
  const td = el('td', { class: [cell.kind, cell.note ? 'has-note' : ''].filter(Boolean).join(' '), 'data-row': row, 'data-column': column, title: cell.note || null });
  td.textContent = cell.text;
  if (cell.bold) td.style.fontWeight = '700';
  if (cell.background && /^#[0-9a-f]{6}$/i.test(cell.background)) td.style.backgroundColor = cell.background;
  if (cell.color && /^#[0-9a-f]{6}$/i.test(cell.color)) td.style.color = cell.color;
  if (cell.align) td.style.textAlign = cell.align;
  if (filterRow && cell.kind !== 'empty') td.append(el('span', { class: 'filter-mark', 'aria-hidden': 'true' }, '▾'));
  return td;
}

function drawGrid(): void {
  const sheet = currentSheet();
  const grid = byId('grid');
  if (!sheet) {
    grid.replaceChildren(el('p', { class: 'loading' }, 'This workbook has no visible sheet.'));
    return;
  }
  const scroll = { top: grid.scrollTop, left: grid.scrollLeft };
  const colgroup = el('colgroup', null, el('col', { style: `width:${HEADER_WIDTH}px` }), ...sheet.columnWidths.map((w) => el('col', { style: `width:${w}px` })));
  const head = el('thead', null, el('tr', null, el('th', { class: 'corner' }), ...sheet.columnWidths.map((_, c) => el('th', { scope: 'col' }, letters(c + 1)))));
  const body = el('tbody');
  sheet.rows.forEach((row, r) => {
    const frozen = r < sheet.frozenRows;
    const tr = el('tr', { class: [frozen ? 'frozen' : '', r === sheet.frozenRows - 1 ? 'frozen-edge' : ''].filter(Boolean).join(' ') || null },
      el('th', { scope: 'row' }, String(r + 1)),
      ...row.map((cell, c) => cellNode(cell, r + 1, c + 1, sheet.filter && r === 0)));
    if (frozen) tr.querySelectorAll('td, th').forEach((cellNode) => ((cellNode as HTMLElement).style.top = `${ROW_HEIGHT * (r + 1)}px`));
    body.append(tr);
  });
  // A fixed layout takes the columns' widths only when the table's own width is set.
  const width = HEADER_WIDTH + sheet.columnWidths.reduce((a, b) => a + b, 0);
  const table = el('table', { class: 'grid', 'data-sheet': sheet.name, 'aria-label': sheet.name, style: `width:${width}px` }, colgroup, head, body);
  table.addEventListener('click', (event) => {
    const td = (event.target as HTMLElement).closest('td');
    if (td) select(Number(td.dataset.row), Number(td.dataset.column));
  });
  table.addEventListener('dblclick', () => byId<HTMLInputElement>('formula-input').focus());
  const charts = sheet.charts.map((chart) => chartNode(chart, sheet));
  grid.replaceChildren(table, ...charts);
  if (sheet.moreRows > 0) grid.append(el('p', { class: 'more-rows' }, `${sheet.moreRows.toLocaleString('en-US')} more rows are not drawn here.`));
  grid.scrollTop = scroll.top;
  grid.scrollLeft = scroll.left;
  paintSelection();
}

function cellAt(row: number, column: number): WorkbookCellView | null {
  return currentSheet()?.rows[row - 1]?.[column - 1] ?? null;
}

function paintSelection(): void {
  const grid = byId('grid');
  grid.querySelectorAll('td.selected').forEach((td) => td.classList.remove('selected'));
  grid.querySelector(`td[data-row="${selected.row}"][data-column="${selected.column}"]`)?.classList.add('selected');
  byId('cell-ref').textContent = `${letters(selected.column)}${selected.row}`;
  const input = byId<HTMLInputElement>('formula-input');
  if (document.activeElement !== input) input.value = cellAt(selected.row, selected.column)?.input ?? '';
}

function select(row: number, column: number): void {
  selected = { row, column };
  paintSelection();
}

/** Typing into the formula bar and pressing Enter writes the cell, as typing in Sheets does. */
async function commitEdit(): Promise<void> {
  const sheet = currentSheet();
  if (!sheet) return;
  const input = byId<HTMLInputElement>('formula-input');
  const edit: CellEdit = { sheet: sheet.name, row: selected.row, column: selected.column, text: input.value };
  input.blur();
  try {
    await request('POST', '/api/sheets/edit', edit);
    selected = { row: selected.row + 1, column: selected.column };
    await refreshWorkbook();
  } catch (error) {
    fail(error);
  }
}

function drawTabs(): void {
  const tabs = byId('tabs');
  const sheet = currentSheet();
  tabs.replaceChildren(...(workbook?.sheets ?? []).filter((s) => !s.hidden).map((s) =>
    el('button', { type: 'button', class: 'sheet-tab', role: 'tab', 'aria-selected': s.name === sheet?.name ? 'true' : 'false', onclick: () => {
      activeSheet = s.name;
      selected = { row: 1, column: 1 };
      drawTabs();
      drawGrid();
    } }, s.name)));
  tabs.setAttribute('role', 'tablist');
}

async function refreshWorkbook(): Promise<void> {
  try {
    workbook = await request<WorkbookView>('GET', '/api/workbook');
  } catch (error) {
    fail(error);
    return;
  }
  document.title = `${workbook.name} - Google Sheets (local preview)`;
  byId('workbook-title').textContent = workbook.name;
  byId('save-state').textContent = `Saved to ${workbook.file}`;
  drawTabs();
  drawGrid();
  if (workbook.toast && workbook.toast.serial > toastSerial) {
    toastSerial = workbook.toast.serial;
    toast(workbook.toast.message);
  }
}

// ---------------------------------------------------------------------------------------------
// Charts, drawn as simple inline SVG from the chart's data ranges

const COLOURS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const CHART_W = 480;
const CHART_H = 288;

function axisText(value: number, format: string | null): string {
  if (format?.includes('%')) return `${Math.round(value * 100)}%`;
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

function chartNode(chart: ChartView, sheet: SheetView): HTMLElement {
  const left = HEADER_WIDTH + sheet.columnWidths.slice(0, chart.anchorColumn - 1).reduce((a, b) => a + b, 0);
  const top = ROW_HEIGHT * chart.anchorRow;
  const box = el('figure', { class: 'chart', 'data-chart': chart.title, style: `left:${left}px;top:${top}px;width:${CHART_W}px;height:${CHART_H}px;margin:0` });
  const root = svg('svg', { viewBox: `0 0 ${CHART_W} ${CHART_H}`, width: CHART_W, height: CHART_H, role: 'img', 'aria-label': chart.title || 'Chart' });
  root.append(svg('text', { x: 16, y: 24, 'font-size': 14, fill: '#202124' }, chart.title));
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = Math.max(0, ...values);
  const min = Math.min(0, ...values);
  const span = max - min || 1;
  const plot = { x: 56, y: 56, w: CHART_W - 72, h: CHART_H - 104 };
  const horizontal = chart.type === 'BAR';
  // Gridlines and value labels.
  for (let i = 0; i <= 4; i++) {
    const v = min + (span * i) / 4;
    if (horizontal) {
      const x = plot.x + (plot.w * i) / 4;
      root.append(svg('line', { x1: x, y1: plot.y, x2: x, y2: plot.y + plot.h, stroke: '#e8eaed' }), svg('text', { x, y: plot.y + plot.h + 14, 'text-anchor': 'middle', fill: '#5f6368' }, axisText(v, chart.format)));
    } else {
      const y = plot.y + plot.h - (plot.h * i) / 4;
      root.append(svg('line', { x1: plot.x, y1: y, x2: plot.x + plot.w, y2: y, stroke: '#e8eaed' }), svg('text', { x: plot.x - 6, y: y + 4, 'text-anchor': 'end', fill: '#5f6368' }, axisText(v, chart.format)));
    }
  }
  const n = Math.max(1, chart.labels.length);
  const band = (horizontal ? plot.h : plot.w) / n;
  const scale = (v: number): number => ((v - min) / span) * (horizontal ? plot.w : plot.h);
  const zero = scale(0);
  chart.labels.forEach((label, i) => {
    const centre = (horizontal ? plot.y : plot.x) + band * (i + 0.5);
    const short = label.length > 14 ? `${label.slice(0, 13)}…` : label;
    root.append(horizontal
      ? svg('text', { x: plot.x - 6, y: centre + 4, 'text-anchor': 'end', fill: '#5f6368' }, short)
      : svg('text', { x: centre, y: plot.y + plot.h + 14, 'text-anchor': 'middle', fill: '#5f6368' }, short));
  });
  chart.series.forEach((series, s) => {
    const colour = COLOURS[s % COLOURS.length]!;
    if (chart.type === 'LINE') {
      const points = series.values.map((v, i) => (v === null ? null : `${plot.x + band * (i + 0.5)},${plot.y + plot.h - scale(v)}`)).filter(Boolean).join(' ');
      root.append(svg('polyline', { points, fill: 'none', stroke: colour, 'stroke-width': 2 }));
      return;
    }
    const width = (band * 0.7) / chart.series.length;
    series.values.forEach((v, i) => {
      if (v === null) return;
      const start = band * i + band * 0.15 + width * s;
      const length = Math.abs(scale(v) - zero);
      const from = Math.min(scale(v), zero);
      root.append(horizontal
        ? svg('rect', { x: plot.x + from, y: plot.y + start, width: length, height: width, fill: colour }, undefined)
        : svg('rect', { x: plot.x + start, y: plot.y + plot.h - from - length, width, height: length, fill: colour }));
    });
  });
  // Legend, top right.
  chart.series.forEach((series, s) => {
    const x = CHART_W - 16 - (chart.series.length - s) * 120;
    root.append(svg('rect', { x, y: 34, width: 10, height: 10, fill: COLOURS[s % COLOURS.length]! }), svg('text', { x: x + 14, y: 43, fill: '#202124' }, series.name.length > 16 ? `${series.name.slice(0, 15)}…` : series.name));
  });
  box.append(root);
  return box;
}

// ---------------------------------------------------------------------------------------------
// The add-on's menu (Extensions > Mutual Action Plan) and sidebar

let openMenu: HTMLElement[] = [];
function closeMenus(): void {
  openMenu.forEach((m) => m.remove());
  openMenu = [];
  document.querySelectorAll('.menubar-item[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
}

function menuList(label: string, x: number, y: number, items: { label: string; run?: () => void; submenu?: () => { label: string; run: () => void }[]; disabled?: boolean }[], depth: number): HTMLElement {
  openMenu.slice(depth).forEach((m) => m.remove());
  openMenu = openMenu.slice(0, depth);
  const list = el('div', { class: 'menu', role: 'menu', 'aria-label': label });
  for (const item of items) {
    const button = el('button', { type: 'button', class: 'menu-item', role: 'menuitem', 'aria-disabled': item.disabled ? 'true' : null }, el('span', { class: 'label' }, item.label), item.submenu ? el('span', { class: 'arrow', 'aria-hidden': 'true' }) : null);
    if (item.submenu) {
      const entries = item.submenu;
      const open = (): void => {
        const box = button.getBoundingClientRect();
        button.setAttribute('aria-expanded', 'true');
        menuList(item.label, box.right - 2, box.top - 6, entries(), depth + 1);
      };
      button.addEventListener('mouseenter', open);
      button.addEventListener('click', open);
    } else {
      button.addEventListener('click', () => {
        if (item.disabled) return;
        closeMenus();
        item.run?.();
      });
    }
    list.append(button);
  }
  document.body.append(list);
  list.style.left = `${x}px`;
  list.style.top = `${y}px`;
  openMenu.push(list);
  return list;
}

function addOnItems(items: readonly MenuItem[]): { label: string; run: () => void }[] {
  return items.flatMap((item) => (item === 'separator' || 'subMenu' in item ? [] : [{ label: item.caption, run: () => void clickMenuItem(item.caption) }]));
}

function drawMenubar(ui: UiView): void {
  const addOnMenus = ui.menus.filter((m) => m.addon);
  const notHere = [{ label: 'Not part of the preview', disabled: true }];
  const menus: [string, Parameters<typeof menuList>[3]][] = [
    ['File', notHere], ['Edit', notHere], ['View', notHere], ['Insert', notHere], ['Format', notHere], ['Data', notHere], ['Tools', notHere],
    ['Extensions', addOnMenus.length > 0
      ? addOnMenus.map((m) => ({ label: ui.addOnName, submenu: () => addOnItems(m.items) }))
      : [{ label: 'The add-on added no menu', disabled: true }]],
    ['Help', notHere],
  ];
  byId('menubar').replaceChildren(...menus.map(([label, items]) => {
    const button = el('button', { type: 'button', class: 'menubar-item', role: 'menuitem', 'aria-haspopup': 'menu', 'aria-expanded': 'false' }, label);
    button.addEventListener('click', (event) => {
      event.stopPropagation();
      const wasOpen = button.getAttribute('aria-expanded') === 'true';
      closeMenus();
      if (wasOpen) return;
      button.setAttribute('aria-expanded', 'true');
      const box = button.getBoundingClientRect();
      menuList(label, box.left, box.bottom + 2, items, 0);
    });
    return button;
  }));
}

document.addEventListener('mousedown', (event) => {
  const target = event.target as Node;
  if (openMenu.some((m) => m.contains(target)) || byId('menubar').contains(target)) return;
  closeMenus();
});

function drawUi(ui: UiView): void {
  drawMenubar(ui);
  drawSidebarFrame(ui.sidebar, (generation) => `/sheets/sidebar?g=${generation}`);
  if (ui.error) toast(ui.error);
}

async function clickMenuItem(caption: string): Promise<void> {
  await askAndDraw(() => whileRunning(() => request<UiView>('POST', '/api/sheets/menu', { caption }), 300), drawUi, fail);
  await refreshWorkbook();
}

function refreshUi(): Promise<void> {
  return askAndDraw(() => request<UiView>('GET', '/api/sheets/ui'), drawUi, fail);
}

onHostClose(() => void request<UiView>('POST', '/api/sheets/sidebar/close').then(drawUi, fail));

// ---------------------------------------------------------------------------------------------
// Start

async function start(): Promise<void> {
  document.documentElement.dataset.pending = '1';
  byId('sidebar-close').addEventListener('click', () => void request<UiView>('POST', '/api/sheets/sidebar/close').then(drawUi, fail));
  const input = byId<HTMLInputElement>('formula-input');
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void commitEdit();
    } else if (event.key === 'Escape') {
      input.value = cellAt(selected.row, selected.column)?.input ?? '';
      input.blur();
    }
  });
  const events = new EventSource('/api/events');
  events.onmessage = (message: MessageEvent<string>) => {
    const event = JSON.parse(message.data) as PreviewEvent;
    if (event.type === 'workbook') void refreshWorkbook();
    else if (event.type === 'sheets-ui') void refreshUi();
  };
  try {
    // Opening the spreadsheet runs the add-on's onOpen, which builds its menu, as in Sheets.
    drawUi(await request<UiView>('POST', '/api/sheets/open'));
  } catch (error) {
    fail(error);
  }
  await refreshWorkbook();
  document.documentElement.dataset.pending = String(pending);
}

void start();
