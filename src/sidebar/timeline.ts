/** The plan as a picture: every step on a time axis (one row each), coloured by status, with slips, today and the key dates. SVG built from the DOM, data as text only. */
import type { IsoDate } from '../core/plan';
import type { Timeline, TimelineStep } from '../server/contract';
import { el, replace, tagged } from './dom';
import { clamped, disclosure, plural } from './parts';

const SVG_NS = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;
const FONT_PX = 11;
/** The step number's column; the axis takes the rest of the width, each action written beside its marker. */
const NUMBER_W = 18;
const RIGHT_PAD = 8;
const LANE_H = 13;
const STATUS_TEXT: Record<TimelineStep['status'], string> = {
  pending: 'pending',
  in_progress: 'in progress',
  complete: 'complete',
  blocked: 'blocked',
  not_needed: 'not needed',
  unknown: 'status unknown',
};
const SIDE_TEXT: Record<TimelineStep['side'], string> = { ours: 'our step', theirs: 'their step', both: 'both sides', unknown: '' };
const KEY_DATES = [
  ['today', 'Today'],
  ['decisionTarget', 'Decision'],
  ['goLiveTarget', 'Go-live'],
] as const;

type SvgAttrs = Record<string, string | number>;

/** An SVG element; strings become text nodes, as with `el`, so nothing from the document can become markup. */
function s(tag: string, attrs: SvgAttrs, ...children: (Node | string | null)[]): SVGElement {
  const node = document.createElementNS(SVG_NS, tag) as SVGElement;
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  for (const child of children) if (child !== null) node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  return node;
}

/** Days since the epoch for a `YYYY-MM-DD`, or null for anything else (the step is then drawn as undated). */
function dayOf(iso: IsoDate | null): number | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY : null;
}

/** A date in the document's language (the page's lang, set from its locale): "Jan 15", "Jan 15, 2027", or a month ("Jan"). */
function dateText(day: number, withYear = false, month = false): string {
  const options: Intl.DateTimeFormatOptions = { month: 'short', day: month ? undefined : 'numeric', year: withYear ? 'numeric' : undefined, timeZone: 'UTC' };
  return new Date(day * DAY).toLocaleDateString(document.documentElement.lang || undefined, options);
}

let canvas: HTMLCanvasElement | null = null;
/** Text width in the page's font: from a canvas, which measures even while the tab is hidden. */
function textWidth(text: string, px = FONT_PX, bold = false): number {
  canvas ??= document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) return text.length * px * 0.56;
  ctx.font = `${bold ? '500 ' : ''}${px}px ${getComputedStyle(document.documentElement).fontFamily}`;
  return ctx.measureText(text).width;
}

/** The text cut to fit `max` px, with an ellipsis; the whole text is in the row's tooltip and the table. */
function fit(text: string, max: number): string {
  if (textWidth(text) <= max) return text;
  if (max < textWidth('W…')) return '';
  let cut = text;
  while (cut.length > 1 && textWidth(`${cut}…`) > max) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** The class that colours a marker or swatch by status (sidebar.css): `s-in-progress`. */
const statusClass = (status: TimelineStep['status']): string => `s-${status.replace('_', '-')}`;


interface Placed {
  step: TimelineStep;
  due: number | null;
  /** The baseline when it differs from the due date: the step slipped (or was pulled in). */
  was: number | null;
}

/** "Step 4 Pilot results review: due Jan 15, 2027, was Jan 8 (slipped); in progress, overdue; their step". */
function describe(p: Placed): string {
  const { step } = p;
  const when = p.due === null ? 'no date' : `due ${dateText(p.due, true)}`;
  const was = p.was === null ? '' : `, was ${dateText(p.was)} (${p.due !== null && p.was < p.due ? 'slipped' : 'moved earlier'})`;
  const state = [STATUS_TEXT[step.status], step.signal === 'at-risk' ? 'at risk' : step.signal, SIDE_TEXT[step.side]].filter(Boolean).join(', ');
  return `Step ${step.label} ${step.action}: ${when}${was}; ${state}`;
}

/** "11 steps from Dec 18 to Feb 19; 2 overdue; decision target Feb 12": the picture in one sentence. */
function summary(t: Timeline, placed: readonly Placed[]): string {
  const dues = placed.flatMap((p) => (p.due === null ? [] : [p.due]));
  const parts = [
    plural(placed.length, 'step', 'steps') + (dues.length > 0 ? ` from ${dateText(Math.min(...dues))} to ${dateText(Math.max(...dues))}` : ''),
  ];
  const count = (signal: TimelineStep['signal']): number => placed.filter((p) => p.step.signal === signal).length;
  if (count('overdue')) parts.push(`${count('overdue')} overdue`);
  if (count('at-risk')) parts.push(`${count('at-risk')} at risk`);
  const slipped = placed.filter((p) => p.was !== null && p.due !== null && p.was < p.due).length;
  if (slipped) parts.push(`${slipped} slipped`);
  const undated = placed.length - dues.length;
  if (undated) parts.push(`${undated} without a date`);
  const decision = dayOf(t.decisionTarget);
  if (decision !== null) parts.push(`decision target ${dateText(decision)}`);
  return parts.join('; ');
}

/** Month starts, or Mondays on a short plan; a label that would touch the one before it is left out (its gridline stays). */
function ticks(start: number, end: number, x: (day: number) => number): { day: number; label: string }[] {
  const out: { day: number; label: string }[] = [];
  if (end - start <= 45) {
    // 1970-01-01 was a Thursday: Monday is day 4 (mod 7).
    for (let d = start + ((4 - (start % 7) + 7) % 7); d <= end; d += 7) out.push({ day: d, label: dateText(d) });
  } else {
    const first = new Date(start * DAY);
    for (let m = first.getUTCMonth() + 1, y = first.getUTCFullYear(); ; m++) {
      const d = Date.UTC(y, m, 1) / DAY;
      if (d > end) break;
      // The year on January only: enough to place a plan that spans New Year.
      out.push({ day: d, label: dateText(d, new Date(d * DAY).getUTCMonth() === 0, true) });
    }
  }
  let free = -Infinity;
  return out.map((t) => {
    const from = x(t.day) + 2;
    if (from < free) return { day: t.day, label: '' };
    free = from + textWidth(t.label, 10, true) + 6;
    return t;
  });
}

/** Puts each label in the first lane where it does not overlap the one before it; returns each label's lane. */
function lanes(items: readonly { x: number; width: number }[]): number[] {
  const ends: number[] = [];
  return items.map(({ x, width }) => {
    let lane = ends.findIndex((end) => x - width / 2 > end + 4);
    if (lane < 0) lane = ends.length;
    ends[lane] = x + width / 2;
    return lane;
  });
}

function legend(t: Timeline, placed: readonly Placed[]): HTMLElement {
  const item = (swatch: string, text: string): HTMLElement => el('li', null, el('span', { class: `sw ${swatch}`, 'aria-hidden': 'true' }), text);
  const statuses = (['pending', 'in_progress', 'complete', 'blocked'] as const).map((st) => item(statusClass(st), STATUS_TEXT[st]));
  const has = (test: (p: Placed) => boolean): boolean => placed.some(test);
  const keys = KEY_DATES.flatMap(([key, label]) => {
    const day = dayOf(t[key]);
    return day === null ? [] : [item(key === 'today' ? 'k-today' : 'k-target', `${label} ${dateText(day)}`)];
  });
  return el(
    'ul',
    { id: 'timeline-legend', class: 'tl-legend' },
    ...statuses,
    has((p) => p.step.signal === 'overdue') && item('s-overdue', 'overdue'),
    has((p) => p.step.signal === 'at-risk') && item('s-at-risk', 'at risk'),
    has((p) => p.was !== null) && item('s-was', 'original date'),
    ...keys,
  );
}

/** The picture in words, on demand: every step as a sentence (the rows' tooltips), whole names included, for keyboard, pointer and screen readers. */
function words(placed: readonly Placed[]): HTMLElement {
  return disclosure('Every step in words', { id: 'timeline-words' }, tagged('ul', 'items', ...placed.map((p) => el('li', null, clamped(`${describe(p)}.`)))));
}

/** Draws the timeline into `container` (#timeline): the summary, the picture, its legend and its table. */
export function renderTimeline(container: HTMLElement, t: Timeline): void {
  if (!t.steps.some((step) => dayOf(step.due) !== null)) {
    replace(container, tagged('p', 'hint', t.steps.length ? 'No step has a due date yet, so there is nothing to place on a timeline.' : 'The plan has no steps to draw yet.'));
    return;
  }
  const placed: Placed[] = t.steps
    .map((step) => {
      const due = dayOf(step.due);
      const baseline = dayOf(step.baselineDue);
      return { step, due, was: baseline !== null && baseline !== due ? baseline : null };
    })
    // Plan order, with the steps that have no date at the end.
    .sort((a, b) => Number(a.due === null) - Number(b.due === null) || a.step.number - b.step.number);

  const keyDays = KEY_DATES.map(([key]) => dayOf(t[key]));
  const known = [...placed.flatMap((p) => [p.due, p.was]), ...keyDays].filter((d): d is number => d !== null);
  // At least one step has a date, so `known` is never empty.
  const first = Math.min(...known);
  const last = Math.max(...known);
  const pad = Math.max(2, Math.round((last - first) * 0.03));
  const [start, end] = [first - pad, last + pad];

  // Drawn at the container's own width (a viewBox, so it still scales if a scrollbar appears later).
  const width = Math.max(240, Math.min(480, container.clientWidth || 268));
  const x0 = NUMBER_W + 10;
  const x1 = width - RIGHT_PAD;
  const x = (day: number): number => x0 + ((day - start) / (end - start)) * (x1 - x0);
  const rowH = placed.length > 16 ? 18 : 22;
  const radius = rowH > 18 ? 6 : 5;

  // Header: the key dates' labels in as many lanes as they need, then the tick labels. Key dates on
  // the same day share one label ("Decision, Go-live"): two labels there could only stack.
  const keyMarks: { keys: string[]; label: string; day: number; x: number; width: number }[] = [];
  KEY_DATES.forEach(([key, label], i) => {
    const day = keyDays[i];
    if (day === null || day === undefined) return;
    const same = keyMarks.find((m) => m.day === day);
    if (same) {
      same.keys.push(key);
      same.label += `, ${label}`;
      same.width = textWidth(same.label, 10, true);
    } else keyMarks.push({ keys: [key], label, day, x: x(day), width: textWidth(label, 10, true) });
  });
  keyMarks.sort((a, b) => a.x - b.x);
  const keyLanes = lanes(keyMarks);
  const laneCount = Math.max(0, ...keyLanes.map((l) => l + 1));
  const tickY = laneCount * LANE_H + 11;
  const top = tickY + 8;
  const bottom = top + placed.length * rowH;
  const datedBottom = top + placed.filter((p) => p.due !== null).length * rowH;

  const svg = s('svg', { viewBox: `0 0 ${width} ${bottom + 2}`, role: 'img', 'aria-label': summary(t, placed), class: 'tl' });

  // Zebra rows: the eye follows a row from its number to its marker across the axis.
  placed.forEach((_, i) => {
    if (i % 2 === 1) svg.appendChild(s('rect', { x: 0, y: top + i * rowH, width, height: rowH, class: 'tl-stripe' }));
  });
  // The gridlines go in behind the rows once the actions are placed: a gridline breaks where an action is written across it.
  const grid = s('g', {});
  svg.appendChild(grid);
  const tickList = ticks(start, end, x);
  for (const tick of tickList) {
    // A label that would run off the right edge is left out; its gridline stays.
    if (tick.label && x(tick.day) + 2 + textWidth(tick.label, 10, true) <= width) {
      svg.appendChild(s('text', { x: x(tick.day) + 2, y: tickY, class: 'tl-tick' }, tick.label));
    }
  }
  svg.appendChild(s('line', { x1: x0, x2: x1, y1: top - 0.5, y2: top - 0.5, class: 'tl-axis' }));

  keyMarks.forEach((mark, i) => {
    const lx = Math.min(Math.max(mark.x, mark.width / 2 + 1), width - mark.width / 2 - 1);
    const y = (keyLanes[i] ?? 0) * LANE_H + 10;
    const isToday = mark.keys.includes('today');
    const line = isToday ? 'tl-today' : 'tl-target';
    const names = mark.keys.map((k) => (k === 'today' ? 'Today' : k === 'decisionTarget' ? 'Decision target' : 'Go-live target'));
    svg.appendChild(
      s(
        'g',
        { ...(isToday ? { 'data-today': '' } : {}), ...(mark.keys.some((k) => k !== 'today') ? { 'data-key-date': mark.keys.filter((k) => k !== 'today').join(' ') } : {}) },
        s('title', {}, `${names.join(', ')}: ${dateText(mark.day, true)}`),
        // From the axis down: a line from its label would cross the labels in the lanes below it.
        s('line', { x1: mark.x, x2: mark.x, y1: top - 4, y2: datedBottom, class: line }),
        s('text', { x: lx, y, 'text-anchor': 'middle', class: `${line}-label` }, mark.label),
      ),
    );
  });

  const keyXs = keyMarks.map((m) => m.x);
  /** Where each row's action is written (from, to in px): the gridlines break there. */
  const written: [number, number][] = [];
  placed.forEach((p, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    const row = s(
      'g',
      { 'data-step': p.step.label, 'data-status': p.step.status, 'data-signal': p.step.signal ?? '', class: 'tl-row' },
      s('title', {}, describe(p)),
      s('rect', { x: 0, y, width, height: rowH, class: 'tl-hit' }),
      s('text', { x: NUMBER_W, y: cy + 4, 'text-anchor': 'end', class: 'tl-num' }, p.step.label),
    );
    if (p.due === null) {
      const room = x1 - x0 - textWidth(' · no date');
      row.appendChild(s('text', { x: x0, y: cy + 4, class: 'tl-action' }, fit(p.step.action, room), s('tspan', { class: 'tl-nodate' }, ' · no date')));
    } else {
      const dx = x(p.due);
      const wx = p.was === null ? dx : x(p.was);
      if (p.was !== null) {
        row.append(s('line', { x1: wx, x2: dx, y1: cy, y2: cy, class: 'tl-slip' }), s('circle', { cx: wx, cy, r: 3, class: 'tl-was s-was' }));
      }
      row.appendChild(s('circle', { cx: dx, cy, r: radius, class: `tl-dot ${statusClass(p.step.status)}${p.step.signal ? ` s-${p.step.signal}` : ''}` }));
      // The action beside its marker: to the right where it fits, else to the left (past a slip's line), else wherever there is more room.
      const rightX = Math.max(dx, wx) + radius + 4;
      const leftX = Math.min(dx - radius, wx - 3) - 4;
      // The room ends at the next key date's line, today's included: an action never runs across a line.
      const rightRoom = Math.min(width, ...keyXs.filter((kx) => kx > rightX - 2).map((kx) => kx - 3)) - rightX;
      const leftRoom = leftX - Math.max(NUMBER_W + 4, ...keyXs.filter((kx) => kx < leftX + 2).map((kx) => kx + 3));
      const full = textWidth(p.step.action);
      const onRight = full <= rightRoom || (full > leftRoom && rightRoom >= leftRoom);
      const text = fit(p.step.action, onRight ? rightRoom : leftRoom);
      const w = textWidth(text);
      written[i] = onRight ? [rightX, rightX + w] : [leftX - w, leftX];
      row.appendChild(
        onRight
          ? s('text', { x: rightX, y: cy + 4, class: 'tl-action' }, text)
          : s('text', { x: leftX, y: cy + 4, 'text-anchor': 'end', class: 'tl-action' }, text),
      );
    }
    svg.appendChild(row);
  });

  for (const tick of tickList) {
    const gx = x(tick.day);
    let from = top - 4;
    placed.forEach((_, i) => {
      const [a, b] = written[i] ?? [0, 0];
      if (gx < a - 2 || gx > b + 2) return;
      const rowTop = top + i * rowH;
      if (rowTop > from) grid.appendChild(s('line', { x1: gx, x2: gx, y1: from, y2: rowTop, class: 'tl-grid' }));
      from = rowTop + rowH;
    });
    if (datedBottom > from) grid.appendChild(s('line', { x1: gx, x2: gx, y1: from, y2: datedBottom, class: 'tl-grid' }));
  }

  replace(
    container,
    el('p', { id: 'timeline-summary', class: 'hint', 'aria-hidden': 'true' }, summary(t, placed)),
    svg,
    legend(t, placed),
    words(placed),
  );
}
