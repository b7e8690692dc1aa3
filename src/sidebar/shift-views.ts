/** What the Shift tab shows for the server's answers: a shift's preview, and what applying, undoing and recolouring did. Data goes in as text only. */
import type { ColoursResult, KeyDateView, ShiftApplied, ShiftPreview, ShiftState, StepView, UndoResult } from '../server/contract';
import { el, type Child, tagged } from './dom';
import { messageBox } from './feedback';
import { clamped, plural } from './parts';

type Success<T extends { ok: boolean }> = Extract<T, { ok: true }>;
type Failure<T extends { ok: boolean }> = Extract<T, { ok: false }>;

/** Every result view has one heading with this id, focused when the result arrives. */
export const OUTPUT_HEADING = 'shift-output-heading';


/** "Mar 10 → Mar 17", read aloud as "from Mar 10 to Mar 17" rather than "Mar 10 right arrow Mar 17". */
export function dateChange(from: string, to: string): HTMLElement {
  return el(
    'span',
    { class: 'change' },
    tagged('span', 'sr-only', 'from '),
    tagged('span', 'old', from),
    el('span', { 'aria-hidden': 'true' }, ' → '),
    tagged('span', 'sr-only', ' to '),
    tagged('span', 'new', to),
  );
}

function heading(text: string): HTMLElement {
  return el('h2', { id: OUTPUT_HEADING, tabindex: -1 }, text);
}

/** A titled list (with an optional sentence under the title), or nothing when there is nothing to list. */
function listSection(id: string, title: string, items: readonly Child[][], className = 'items', lead?: string): Child[] {
  if (items.length === 0) return [];
  return [
    el('h3', null, title),
    lead && tagged('p', 'hint', lead),
    el('ul', { id, class: className }, ...items.map((parts) => el('li', null, ...parts))),
  ];
}

/** The step's label leads the action's own first line ("5a · Pilot results review"), clamped to two lines. */
const stepLabel = (label: string, action: string): Child[] => [clamped(`${label} · ${action}`, { class: 'step-label' })];

/** "The add-on could not read 2 things": collapsed, since most of the time they do not stop a shift. */
export function diagnosticsView(diagnostics: readonly string[]): HTMLElement | null {
  if (diagnostics.length === 0) return null;
  return el(
    'details',
    { id: 'shift-diagnostics', class: 'diagnostics' },
    el('summary', null, `The add-on could not read ${plural(diagnostics.length, 'thing', 'things')}`),
    tagged('ul', 'items', ...diagnostics.map((d) => el('li', null, d))),
  );
}

/** The dates edited by hand since the plan was last scheduled: what "Shift from these edits" starts from. */
export function editedList(edited: ShiftState['edited']): HTMLElement {
  return el(
    'ul',
    { id: 'shift-edited-list', class: 'items' },
    ...edited.map((e) =>
      el('li', { 'data-step': e.label }, ...stepLabel(e.label, e.action), tagged('span', 'why', dateChange(e.scheduledText, e.dueText), ' (edited by hand)')),
    ),
  );
}

function rowsTable(rows: Success<ShiftPreview>['rows']): HTMLElement {
  return el(
    'table',
    { id: 'shift-rows', class: 'shift-rows' },
    tagged('caption', 'sr-only', 'Steps that move'),
    el('thead', null, el('tr', null, el('th', { scope: 'col' }, 'Step'), el('th', { scope: 'col' }, 'Action, why, old → new date'))),
    el(
      'tbody',
      null,
      ...rows.map((r) =>
        el(
          'tr',
          { 'data-step': r.label },
          tagged('td', 'num', r.label),
          // The dates on their own line under the action: a third column left them no room at 300 px.
          el(
            'td',
            null,
            clamped(r.action, { class: 'step-action' }),
            tagged('span', 'why', tagged('span', 'sr-only', 'Why: '), r.reason),
            tagged('span', 'dates-cell', dateChange(r.from, r.to)),
          ),
        ),
      ),
    ),
  );
}

function keyDateItem(k: KeyDateView): HTMLElement {
  return el(
    'li',
    { class: k.warning ? 'key-date late' : 'key-date', 'data-key-date': k.label, 'data-warning': k.warning !== null },
    tagged('span', 'key-date-line', el('strong', null, k.label), ' ', k.moved ? dateChange(k.from, k.to) : el('span', null, `stays ${k.from}`)),
    k.warning && tagged('span', 'warning-text', tagged('span', 'sr-only', 'Warning: '), k.warning),
  );
}

/** Whether applying this preview would write anything. */
export function hasChanges(preview: Success<ShiftPreview>): boolean {
  return preview.rows.length > 0 || preview.keyDates.some((k) => k.moved);
}

/** The preview: what would move and why, what will not, and the key dates; `actions` (Apply) go at its end; `include` offers to shift a step whose date looks wrong. */
export function previewView(result: Success<ShiftPreview>, actions: Child, include: (step: Success<ShiftPreview>['toCheck'][number]) => HTMLElement | null = () => null): HTMLElement {
  const changes = hasChanges(result);
  return el(
    'section',
    { id: 'shift-preview', 'aria-labelledby': OUTPUT_HEADING },
    heading('Preview'),
    el('p', { id: 'shift-summary', class: 'summary' }, result.summary),
    ...listSection('shift-warnings', 'Check before applying', result.warnings.map((w) => [tagged('span', 'warning-text', w)])),
    result.toCheck.length > 0 && el('div', { id: 'shift-include', class: 'inline-actions' }, ...result.toCheck.map(include)),
    el('p', { class: changes ? 'hint' : 'message notice' }, changes ? 'Nothing is written until you Apply.' : 'Nothing needs to move, so there is nothing to apply.'),
    el('p', { id: 'shift-stale', class: 'stale', hidden: true }, 'You changed the form since this preview. Apply writes what is shown here; preview again to see your changes.'),
    result.rows.length > 0 && el('h3', null, `Dates that move (${result.rows.length})`),
    result.rows.length > 0 && rowsTable(result.rows),
    result.keyDates.length > 0 && el('h3', null, 'Key dates'),
    result.keyDates.length > 0 && el('ul', { id: 'shift-keydates', class: 'key-dates' }, ...result.keyDates.map(keyDateItem)),
    ...listSection('shift-pinned', 'Done, so not moved', result.pinned.map((p) => [...stepLabel(p.label, p.action), tagged('span', 'why', p.reason)])),
    ...listSection('shift-undated', 'Need a date', result.undated.map((u) => [...stepLabel(u.label, u.action), tagged('span', 'why', u.note)])),
    ...listSection('shift-notes', 'Notes', result.notes.map((n) => [n])),
    actions,
  );
}

/** A result: its heading, the server's sentence (green or red), then what it lists. */
function resultView(id: string, title: string, ok: boolean, message: string, problems: readonly string[], ...rest: Child[]): HTMLElement {
  return el('section', { id, 'aria-labelledby': OUTPUT_HEADING }, heading(title), messageBox(ok ? 'success' : 'error', message, problems, 'shift-message'), ...rest);
}

/** A preview the server refused (a cycle, an unreadable date): its sentence and the problems; nothing was written. */
export function refusedPreviewView(result: Failure<ShiftPreview>): HTMLElement {
  return resultView('shift-preview', 'Preview', false, result.message, result.problems);
}

export function appliedView(result: ShiftApplied, actions: Child): HTMLElement {
  if (!result.ok) return resultView('shift-result', 'Not applied', false, result.message, result.problems, actions);
  return resultView(
    'shift-result',
    'Dates shifted',
    true,
    result.message,
    [],
    ...listSection(
      'shift-skipped',
      `Left as they are (${result.skipped.length})`,
      result.skipped.map((s) => [s]),
      'items',
      'Changed by someone since you read it: left as it is, not overwritten.',
    ),
  );
}

export function undoView(result: UndoResult): HTMLElement {
  return resultView(
    'shift-result',
    result.ok ? 'Shift undone' : 'Not undone',
    result.ok,
    result.message,
    [],
    ...listSection(
      'shift-conflicts',
      `Left as they are (${result.conflicts.length})`,
      result.conflicts.map((c) => [c]),
      'items',
      'Changed by someone after the shift: kept, not restored.',
    ),
  );
}

function stepItems(steps: readonly StepView[]): Child[][] {
  return steps.map((s) => [...stepLabel(s.label, s.action), tagged('span', 'why', `Due ${s.dueText}`)]);
}

export function coloursView(result: ColoursResult): HTMLElement {
  return resultView(
    'shift-result',
    'Status colours',
    true,
    result.message,
    [],
    ...listSection('shift-overdue', `Overdue (${result.overdue.length})`, stepItems(result.overdue), 'items flagged overdue'),
    ...listSection('shift-at-risk', `At risk (${result.atRisk.length})`, stepItems(result.atRisk), 'items flagged at-risk'),
  );
}
