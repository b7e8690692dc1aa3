/** "Shift downstream dates", "Undo last shift" and "Refresh status colours": the server side of the sidebar's Shift tab and the menu. */
import { labelledDates } from '../core/reading/key-dates';
import { formatDueDate, parseDueDate } from '../core/reading/cell-dates';
import { editedByHand, liveSteps, observe, observeUndo, type ObservedPlan } from '../core/history/history';
import { KEY_DATE_LABELS, type KeyDateName, type CellRef, type DocumentOutline, type KeyDateLine, type OutlineCell, type ParsedPlan, type ParsedStep } from '../core/reading/parsed-plan';
import type { IsoDate } from '../core/plan';
import { shiftDownstream, type KeyDateName as ScheduleKeyDate, type ShiftResult } from '../core/scheduling/schedule';
import { checkShiftRequest, type CheckedShiftRequest } from '../core/scheduling/shift-form';
import { includedSteps, keyDateRules, resolveNewDate, scheduleSteps, stepsToCheck } from '../core/scheduling/shift-request';
import { RELATIVE_CHANGE } from '../core/scheduling/relative-dates';
import { isIsoDate } from '../core/scheduling/calendar';
import { shiftSummary, shiftWarnings } from '../core/scheduling/shift-summary';
import { calendarOfPlan, holidaysBetween, type PlanCalendar } from '../core/scheduling/holidays';
import { formatPlanDate } from '../core/reading/date-format';
import { loadTeamHolidays, saveTeamHolidays } from '../adapters/plan-store';
import { addChangeLine, removeChangeLine, type WrittenChange } from '../adapters/change-log';
import { changeLine, type ChangedStep } from '../core/scheduling/change-note';
import { isUndoCell, isUndoKeyDate, planUndo, undoRecord, type UndoCell, type UndoKeyDate, type UndoParagraph } from '../core/history/undo';
import { replaceCellText } from '../adapters/cell-writer';
import { cellFinder } from '../adapters/colour-writer';
import { cursorRow } from '../adapters/cursor';
import { loadUndo, saveUndo } from '../adapters/history-store';
import { withDocumentLock } from '../adapters/lock';
import { exportAfterChange } from './export';
import { answer } from './errors';
import { dateContext, dateWriter, openPlan, rememberPlan, type PlanSession } from './plan-session';
import type {
  ColoursResult,
  KeyDateView,
  ShiftApplied,
  ShiftPreview,
  ShiftState,
  StepView,
  UndoResult,
} from './contract';

function stepView(step: ParsedStep): StepView {
  return { key: step.key, number: step.number, label: step.label, phase: step.phase, action: step.action, dueText: step.dueText };
}

/** A cell as this action read it. */
function outlineCell(outline: DocumentOutline, ref: CellRef): OutlineCell | null {
  const table = outline.blocks.find((b) => b.kind === 'table' && b.index === ref.tableIndex);
  return table?.kind === 'table' ? (table.rows[ref.row]?.cells[ref.column] ?? null) : null;
}

function outlineCellText(outline: DocumentOutline, ref: CellRef): string | null {
  return outlineCell(outline, ref)?.text ?? null;
}

/** DocumentApp cannot write a date chip: such a cell is reported, never written. */
function hasDateChip(outline: DocumentOutline, ref: CellRef): boolean {
  return outlineCell(outline, ref)?.chips.some((c) => c.kind === 'date') ?? false;
}

/** A key date held in a date chip ("Decision target: [Feb 12, 2027 chip]"): add-ons cannot change it either. */
function keyDateInChip(outline: DocumentOutline, line: KeyDateLine | null): boolean {
  if (!line) return false;
  if (line.inChip !== undefined) return line.inChip;
  if (line.cell) return hasDateChip(outline, line.cell);
  const block = outline.blocks.find((b) => b.kind === 'paragraph' && b.index === line.paragraphIndex);
  return block?.kind === 'paragraph' && block.chips.some((c) => c.kind === 'date');
}

/** The key dates a shift moves (the evaluation start is where the plan begins, never moved). */
const MOVABLE = ['decisionTarget', 'goLiveTarget'] as const;

/** "The decision target", for sentences. */
function theKeyDate(name: ScheduleKeyDate): string {
  return `The ${KEY_DATE_LABELS[name].toLowerCase()}`;
}

/** A write skipped because a person changed the text after this action read it. */
function leftAsItIs(what: string, when: 'by someone while the shift ran' | 'while undoing'): string {
  return `${what} was changed ${when}; left as it is.`;
}

function setByHand(what: string, date: string): string {
  return `${what} is a date chip, which add-ons cannot change: set it to ${date} by hand.`;
}

/** "Dec 18, 1900" in a 2026 plan: Dec 18, 2026, the date the typo most likely meant (else the plan's middle). */
function sameDayInPlanYear(due: IsoDate, reference: IsoDate): IsoDate {
  const year = Number(reference.slice(0, 4));
  const guesses = [year - 1, year, year + 1].map((y) => `${y}${due.slice(4)}`).filter((g): g is IsoDate => isIsoDate(g));
  const distance = (d: IsoDate): number => Math.abs(Date.parse(d) - Date.parse(reference));
  return guesses.sort((a, b) => distance(a) - distance(b))[0] ?? reference;
}

/** The step whose row holds the cursor, if any. */
function stepAtCursor(session: PlanSession): ParsedStep | null {
  const at = cursorRow(session.doc);
  return (at && session.plan.steps.find((s) => s.cells.action?.tableIndex === at.tableIndex && s.row === at.row)) || null;
}

function columnName(plan: ParsedPlan, ref: CellRef): string {
  const table = plan.stepsTables.find((t) => t.index === ref.tableIndex) ?? plan.stepsTable;
  return table?.headers[ref.column]?.trim() || 'Due date';
}

type Computed =
  | { ok: true; result: ShiftResult; action: string; calendar: PlanCalendar; included: ReadonlySet<string>; picked: string | null }
  | { ok: false; message: string; problems: string[] };

function fail(message: string, problems: string[] = []): Computed {
  return { ok: false, message, problems };
}

/**
 * The step the person means: the key the Shift list sent, a number as written ("5a"; the command
 * line), or the row their cursor is in. A number two rows share picks neither: a shift must never
 * move a step the person did not pick.
 */
function chosenStep(session: PlanSession, chosen: string | number | null): ParsedStep | string {
  if (chosen === null) {
    return stepAtCursor(session) ?? 'Put the cursor in a step\'s row of the Steps table, or choose the step that slipped.';
  }
  const steps = session.plan.steps;
  const byKey = typeof chosen === 'string' ? steps.find((s) => s.key === chosen) : undefined;
  if (byKey) return byKey;
  const wanted = String(chosen).trim().replace(/^(?:step\s*)?#?\s*/i, '').toLowerCase();
  const same = steps.filter((s) => s.label.toLowerCase() === wanted);
  if (same.length === 1 && same[0]) return same[0];
  if (same.length > 1) return `${same.length} steps are numbered ${same[0]?.label ?? wanted}: choose the one that slipped from the list, or renumber them.`;
  return `There is no step ${String(chosen)} in the Steps table.`;
}

/** Runs the scheduler for a request on the plan as the document has it now. */
/**
 * The one calendar of this plan: the public holidays of the country the plan was inserted for
 * (else the user's), the plan's own "Holidays" line, the days the team listed for this document,
 * and any typed into this request.
 */
function shiftCalendar(session: PlanSession, request: CheckedShiftRequest): PlanCalendar {
  const typed = [...request.options.calendar.holidays];
  return calendarOfPlan(session.plan, {
    locale: session.settings?.locale ?? session.locale,
    calendarDays: request.options.calendar.calendarDays,
    teamHolidays: [...loadTeamHolidays(), ...typed],
  });
}

function computeShift(session: PlanSession, request: CheckedShiftRequest): Computed {
  const { plan, history } = session;
  const planCal = shiftCalendar(session, request);
  const options = { ...request.options, calendar: planCal.calendar };
  const included = includedSteps(plan, options.include);
  if (!included.ok) return fail(included.message);
  const write = dateWriter(plan, session.locale, planCal.calendar);
  let moves: { key: string; to: IsoDate }[];
  let baseline: Record<string, IsoDate | null> | undefined;
  let action: string;
  let picked: string | null = null;
  if (request.kind === 'step') {
    const step = chosenStep(session, request.step);
    if (typeof step === 'string') return fail(step);
    // A date far outside the plan (a typo year) is left alone unless the person includes it; naming
    // the step is picking it, to give it a new date, but a change counted from the typo is no date.
    if (step.dueImplausible && step.due && !included.keys.has(step.key) && RELATIVE_CHANGE.test(request.to.trim().replace(/^[\u2212\u2013\u2014]/, '-'))) {
      return fail(
        `Step ${step.label}'s date "${step.dueText.trim()}" is far outside the plan's other dates (${step.due.slice(0, 4)}), so "${request.to.trim()}" would count from it. Give step ${step.label} its new date instead (such as ${write(step, sameDayInPlanYear(step.due, session.plan.referenceDate))}), or correct the year in the document.`,
      );
    }
    picked = step.dueImplausible && !included.keys.has(step.key) ? step.key : null;
    const resolved = resolveNewDate(request.to, step, dateContext(plan, planCal.calendar), options.calendar, session.today);
    if (!resolved.ok) return fail(resolved.message);
    moves = [{ key: step.key, to: resolved.to }];
    action = `step ${step.label} to ${write(step, resolved.to)}`;
  } else {
    const inPlan = new Set(plan.steps.map((s) => s.key));
    const edited = editedByHand(history).filter((r) => inPlan.has(r.key));
    if (edited.length === 0) {
      return fail('No due dates were edited in the document since the plan was last scheduled: nothing to shift from.');
    }
    moves = edited.map((r) => ({ key: r.key, to: r.currentDue as IsoDate }));
    baseline = Object.fromEntries(liveSteps(history).map((r) => [r.key, r.scheduledDue ?? r.currentDue]));
    action = `from the dates edited in steps ${edited.map((r) => plan.steps.find((s) => s.key === r.key)?.label ?? String(r.number)).join(', ')}`;
  }
  const result = shiftDownstream({
    steps: scheduleSteps(plan, included.keys),
    moves,
    ...(baseline ? { baseline } : {}),
    // A picked step that had no usable date has no slip to pass on: the steps after it move only
    // when they would now come before it.
    mode: picked ? 'fix-overlaps' : options.mode,
    pullIn: options.pullIn,
    calendar: options.calendar,
    keyDates: keyDateRules(plan, options),
    today: session.today,
  });
  if (!result.ok) return fail('Nothing was changed.', result.problems.map((p) => p.message));
  return { ok: true, result, action, calendar: planCal, included: included.keys, picked };
}

/**
 * A short fingerprint of what a shift would write: every changed step and key date with its new
 * date. Equal tokens mean Apply writes exactly what the preview showed.
 */
function shiftToken(result: ShiftResult): string {
  const parts = [
    ...result.changes.map((c) => `${c.key}>${c.to}`),
    ...MOVABLE.map((name) => `${name}>${result.keyDates[name]?.moved ? result.keyDates[name]?.to : '-'}`),
  ];
  // FNV-1a over the parts: small, stable, and plenty to tell two previews apart.
  let hash = 0x811c9dc5;
  for (const ch of parts.join('|')) {
    hash ^= ch.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${result.changes.length}.${hash.toString(36)}`;
}

function keyDateViews(session: PlanSession, result: ShiftResult): KeyDateView[] {
  const write = dateWriter(session.plan, session.locale);
  const views: KeyDateView[] = [];
  for (const name of MOVABLE) {
    const outcome = result.keyDates[name];
    if (!outcome) continue;
    views.push({
      label: KEY_DATE_LABELS[name],
      from: outcome.from ? write(null, outcome.from) : 'none',
      to: outcome.to ? write(null, outcome.to) : 'none',
      moved: outcome.moved,
      warning: outcome.verdict === 'late' ? (outcome.message ?? `${KEY_DATE_LABELS[name]} is not realistic.`) : null,
    });
  }
  return views;
}

/** The holidays the moved dates stepped over, named, so nobody wonders why a week became six working days. */
function skippedHolidays(computed: Extract<Computed, { ok: true }>, locale: string): string | null {
  const { names, calendar } = computed.calendar;
  if (calendar.calendarDays || names.size === 0) return null;
  const days = new Set<string>();
  for (const c of computed.result.changes) if (c.from) for (const d of holidaysBetween(names, c.from, c.to)) days.add(d);
  if (days.size === 0) return null;
  const list = [...days].sort().map((d) => `${names.get(d) ?? 'holiday'} (${formatPlanDate(d, locale)})`);
  return `Working days skip ${list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1] ?? ''}` : list[0]}.`;
}

function preview(session: PlanSession, computed: Extract<Computed, { ok: true }>): ShiftPreview {
  const { plan, outline } = session;
  const { result } = computed;
  const write = dateWriter(plan, session.locale, computed.calendar.calendar);
  const byKey = new Map(plan.steps.map((s) => [s.key, s]));
  const notes = result.problems.map((p) => p.message);
  const rows = result.changes.map((change) => {
    const step = byKey.get(change.key) ?? null;
    if (step?.cells.due && hasDateChip(outline, step.cells.due)) {
      notes.push(setByHand(`Step ${step.label}'s due date`, write(null, change.to)));
    }
    return {
      key: change.key,
      number: change.number,
      label: step?.label ?? String(change.number),
      action: change.action,
      // The picked step's far-off date was left out of the schedule; the person sees it as written.
      from: change.from ? write(step, change.from) : change.key === computed.picked && step ? step.dueText.trim() : 'no date',
      to: write(step, change.to),
      reason: change.reason,
    };
  });
  const skipped = skippedHolidays(computed, session.locale);
  if (skipped) notes.push(skipped);
  const keyDates = keyDateViews(session, result);
  for (const name of MOVABLE) {
    const outcome = result.keyDates[name];
    if (outcome?.moved && outcome.to && keyDateInChip(outline, plan.keyDates[name])) notes.push(setByHand(theKeyDate(name), write(null, outcome.to)));
  }
  const day = (iso: IsoDate) => write(null, iso);
  const included = computed.included;
  // The step the person named gets the date they gave: it is no longer one to check.
  const toCheck = stepsToCheck(plan, included).filter((s) => s.key !== computed.picked);
  const warnings = [
    ...toCheck.map(
      (s) => `Check this date first: step ${s.label || s.number}'s date "${s.dueText.trim()}" is far outside the plan, so the shift leaves it alone. Correct it in the document, or include step ${s.label || s.number} if it is right.`,
    ),
    ...shiftWarnings(result.changes, plan.steps.flatMap((s) => (s.due && !(s.dueImplausible && !included.has(s.key)) ? [s.due] : [])), plan.keyDates.goLiveTarget?.date ?? null, day),
  ];
  return {
    ok: true,
    rows,
    pinned: result.pinned.map((p) => ({ number: p.number, label: byKey.get(p.key)?.label ?? String(p.number), action: p.action, reason: p.reason })),
    undated: result.undated.map((u) => ({
      number: u.number,
      label: byKey.get(u.key)?.label ?? String(u.number),
      action: u.action,
      note: u.notBefore ? `No date: once it has one, not before ${write(null, u.notBefore)}.` : 'No date: give it one, then shift again.',
    })),
    keyDates,
    notes,
    warnings,
    toCheck: toCheck.map((s) => s.label || String(s.number)),
    summary: shiftSummary(result, day, computed.calendar.calendar),
    token: shiftToken(result),
  };
}

/** The Shift tab's part of a read: the step at the cursor, the steps, dates edited by hand, what could not be read. */
export function shiftStateOf(session: PlanSession): ShiftState {
  const cursorStep = stepAtCursor(session);
  const write = dateWriter(session.plan, session.locale);
  const byKey = new Map(session.plan.steps.map((s) => [s.key, s]));
  const edited = editedByHand(session.history).flatMap((r) => {
    const step = byKey.get(r.key);
    return step ? [{ ...stepView(step), scheduledText: r.scheduledDue ? write(step, r.scheduledDue) : 'no date' }] : [];
  });
  return {
    cursorStep: cursorStep ? stepView(cursorStep) : null,
    steps: session.plan.steps.map(stepView),
    edited,
    diagnostics: session.plan.diagnostics.map((d) => d.message),
    undo: loadUndo()?.action ?? null,
  };
}

/** What the Shift tab shows when it opens. */
export function getShiftState(): ShiftState {
  return answer('reading the plan', () =>
    withDocumentLock(() => {
      const session = openPlan();
      rememberPlan(session);
      return shiftStateOf(session);
    }),
  );
}

/** The sidebar's "Preview": every date that would change and why, before anything is written. */
export function previewShift(raw: unknown): ShiftPreview {
  return answer('previewing the shift', () => {
    const checked = checkShiftRequest(raw);
    if (!checked.ok) return { ok: false, message: checked.message, problems: [] };
    return withDocumentLock((): ShiftPreview => {
      const session = openPlan();
      rememberPlan(session);
      const computed = computeShift(session, checked.request);
      return computed.ok ? preview(session, computed) : computed;
    });
  });
}

/** The plan with new dates, as the history and the colours should see it after a write. */
function withDates(plan: ParsedPlan, dates: ReadonlyMap<string, IsoDate | null>, keyDates: Partial<Record<ScheduleKeyDate, IsoDate>>): ParsedPlan {
  const line = (name: ScheduleKeyDate): KeyDateLine | null => {
    const known = plan.keyDates[name];
    const date = keyDates[name];
    return known && date ? { ...known, date } : known;
  };
  return {
    ...plan,
    steps: plan.steps.map((s) => (dates.has(s.key) ? { ...s, due: dates.get(s.key) ?? null } : s)),
    keyDates: { ...plan.keyDates, decisionTarget: line('decisionTarget'), goLiveTarget: line('goLiveTarget') },
  };
}

function keyDateParagraph(body: GoogleAppsScript.Document.Body, index: number) {
  if (index >= body.getNumChildren()) return null;
  const child = body.getChild(index);
  const T = DocumentApp.ElementType;
  if (child.getType() === T.PARAGRAPH) return child.asParagraph();
  if (child.getType() === T.LIST_ITEM) return child.asListItem();
  return null;
}

/** The paragraph whose text is `text` (or, failing that, `fallback`): sentences are found by what they say, wherever they moved. */
function paragraphWithText(outline: DocumentOutline, text: string, fallback: string | null) {
  const paragraphs = outline.blocks.filter((b) => b.kind === 'paragraph');
  return paragraphs.find((b) => b.text === text) ?? (fallback === null ? undefined : paragraphs.find((b) => b.text === fallback));
}

/**
 * The Goal says "makes a go/no-go decision by Feb 12, 2027": when the decision target moves, so
 * does that date, or the plan would state two close dates. Only an exact quote of the key date as
 * written is changed; a Goal the people rewrote in their own words is left alone.
 */
function updateGoal(session: PlanSession, moved: Partial<Record<ScheduleKeyDate, IsoDate>>, skipped: string[]): UndoParagraph[] {
  const { plan, outline } = session;
  const line = plan.keyDates.decisionTarget;
  const to = moved.decisionTarget;
  if (!to || !line?.valueText.trim() || !plan.goal) return [];
  const block = outline.blocks.find((b) => b.kind === 'paragraph' && b.text.trim() === plan.goal?.trim());
  const old = line.valueText.trim();
  if (!block || block.kind !== 'paragraph' || block.text.split(old).length !== 2) return [];
  const value = line.format ? formatDueDate(to, line.format, dateContext(plan), line.date) : dateWriter(plan, session.locale)(null, to);
  const after = block.text.replace(old, value.trim());
  const paragraph = keyDateParagraph(session.doc.getBody(), block.index);
  if (!paragraph) return [];
  if (replaceCellText(paragraph, block.text, after) === 'changed-since') {
    skipped.push(leftAsItIs('The Goal sentence', 'by someone while the shift ran'));
    return [];
  }
  return [{ label: 'Goal', before: block.text, after }];
}

/** "Dec 6: steps 4-11 moved 1 week later because Security review slipped; decision target now Apr 16", for the steps and key dates actually written. */
function changeNote(
  session: PlanSession,
  computed: Extract<Computed, { ok: true }>,
  written: ReadonlyMap<string, IsoDate>,
  keyLines: readonly { name: KeyDateName; after: string }[],
): string | null {
  const byKey = new Map(session.plan.steps.map((s) => [s.key, s]));
  const steps: ChangedStep[] = computed.result.changes.flatMap((c) => {
    const step = byKey.get(c.key);
    return step && written.has(c.key) ? [{ label: step.label || String(c.number), number: c.number, action: c.action, from: c.from, to: c.to, moved: c.reason === 'moved by you' }] : [];
  });
  // Each written paragraph (or cell) read back as the reader reads it: every key date in it that changed.
  const keyDates = keyLines.flatMap((l) => {
    const line = session.plan.keyDates[l.name];
    if (!line) return [];
    const values = line.cell ? [{ name: l.name, valueText: l.after }] : labelledDates(l.after);
    return values.flatMap((v) => {
      const was = session.plan.keyDates[v.name];
      const same = was?.paragraphIndex === line.paragraphIndex && was.cell?.row === line.cell?.row;
      // A key date in a chip beside a written one was not written (the person sets it by hand).
      const changed = same && !was.inChip && v.valueText.trim() !== '' && v.valueText.trim() !== was.valueText.trim();
      return v.name !== 'evaluationStart' && changed ? [{ label: KEY_DATE_LABELS[v.name], to: v.valueText.trim() }] : [];
    });
  });
  // Today as the plan writes a day, without the year: "Dec 6", "6 Dec".
  const day = formatPlanDate(session.today, session.locale).replace(/,?\s+\d{4}$/, '');
  return changeLine({ day, steps, keyDates, calendar: computed.calendar.calendar });
}

/** The sidebar's "Apply": writes the dates the preview showed (recomputed from the document as it is now). */
export function applyShift(raw: unknown): ShiftApplied {
  return answer('shifting the dates', () => {
    const checked = checkShiftRequest(raw);
    if (!checked.ok) return { ok: false, message: checked.message, problems: [] };
    return withDocumentLock((): ShiftApplied => {
      const session = openPlan();
      const computed = computeShift(session, checked.request);
      if (!computed.ok) {
        rememberPlan(session);
        return computed;
      }
      if (checked.request.expect && checked.request.expect !== shiftToken(computed.result)) {
        rememberPlan(session);
        return {
          ok: false,
          message: 'The plan changed in the document since this preview, so nothing was written. Preview again to see what the shift would do now.',
          problems: [],
        };
      }
      const { plan, outline, doc } = session;
      const body = doc.getBody();
      const cellAt = cellFinder(body, session.cells);
      const write = dateWriter(plan, session.locale, computed.calendar.calendar);
      const dates = dateContext(plan, computed.calendar.calendar);
      const byKey = new Map(plan.steps.map((s) => [s.key, s]));
      const cells: UndoCell[] = [];
      const lines: UndoKeyDate[] = [];
      const skipped: string[] = [];
      const newDates = new Map<string, IsoDate>();

      for (const change of computed.result.changes) {
        const step = byKey.get(change.key);
        const ref = step?.cells.due;
        const cell = ref && cellAt(ref);
        const before = ref ? outlineCellText(outline, ref) : null;
        if (!step || !ref || !cell || before === null) {
          skipped.push(`Step ${step?.label ?? change.number} has no due date cell to write.`);
          continue;
        }
        if (hasDateChip(outline, ref)) {
          skipped.push(setByHand(`Step ${step.label}'s due date`, write(null, change.to)));
          continue;
        }
        const after = write(step, change.to);
        const outcome = replaceCellText(cell, before, after);
        if (outcome === 'changed-since') {
          skipped.push(`Step ${step.label}'s due date was changed by someone while the shift ran; left as "${cell.getText()}".`);
          continue;
        }
        // The history records the date the cell now reads as ("Week of" names a whole week).
        const reads = parseDueDate(after, dates);
        newDates.set(step.key, reads.kind === 'date' ? reads.date : change.to);
        if (outcome === 'written') cells.push({ ref, key: step.key, field: 'due', column: columnName(plan, ref), before, after });
      }

      const movedKeyDates: Partial<Record<ScheduleKeyDate, IsoDate>> = {};
      // Several key dates may share a paragraph ("Evaluation start: … · Decision target: …"): each
      // rewrites only its own value, the one later in the text first so the earlier one's offset holds.
      const textNow = new Map<string, string>();
      const keyNames = [...MOVABLE].sort((a, b) => (plan.keyDates[b]?.valueOffset ?? 0) - (plan.keyDates[a]?.valueOffset ?? 0));
      for (const name of keyNames) {
        const outcome = computed.result.keyDates[name];
        const line = plan.keyDates[name];
        if (!outcome?.moved || !outcome.to || !line) continue;
        if (keyDateInChip(outline, line)) {
          skipped.push(setByHand(theKeyDate(name), write(null, outcome.to)));
          continue;
        }
        // Only this key date's own value is rewritten: the other dates of its paragraph stay as written.
        if (line.text.slice(line.valueOffset, line.valueOffset + line.valueText.length) !== line.valueText) {
          skipped.push(`${theKeyDate(name)} line could not be rewritten as it is written: set it to ${write(null, outcome.to)} by hand.`);
          continue;
        }
        const place = line.cell ? `${line.cell.tableIndex}:${line.cell.row}:${line.cell.column}` : String(line.paragraphIndex);
        const target = line.cell ? cellAt(line.cell) : keyDateParagraph(body, line.paragraphIndex);
        if (!target) continue;
        const before = textNow.get(place) ?? line.text;
        const value = line.format ? formatDueDate(outcome.to, line.format, dates, line.date) : write(null, outcome.to);
        const written = before.slice(0, line.valueOffset) + value + before.slice(line.valueOffset + line.valueText.length);
        const result = replaceCellText(target, before, written);
        if (result === 'changed-since') {
          skipped.push(leftAsItIs(`The ${KEY_DATE_LABELS[name]} line`, 'by someone while the shift ran'));
          continue;
        }
        textNow.set(place, written);
        movedKeyDates[name] = outcome.to;
        // One undo entry per paragraph: from the text as read to the text after every write into it.
        const same = lines.find((l) => l.paragraphIndex === line.paragraphIndex && l.before === line.text);
        if (result === 'written' && same) same.after = written;
        else if (result === 'written') lines.push({ name, paragraphIndex: line.paragraphIndex, before, after: written });
      }

      const paragraphs = updateGoal(session, movedKeyDates, skipped);
      const shifted = withDates(plan, newDates, movedKeyDates);
      // Only the dates this shift decided are scheduled now: a date typed by hand into another step stays a hand edit.
      const history = observe(session.history, shifted as ObservedPlan, session.today, 'shift', { scheduled: computed.result.changes.map((c) => c.key) }).history;
      const label = `Shift downstream dates: ${computed.action}`;
      rememberPlan(session, { history, force: true, colourPlan: shifted, calendar: computed.calendar.calendar });
      // Last, as it moves body elements: the dated line the prospect reads in the "Changes" section.
      let change: WrittenChange | null = null;
      if (checked.request.options.changeLog && cells.length + lines.length > 0) {
        const text = changeNote(session, computed, newDates, lines.map((l) => ({ name: l.name, after: l.after })));
        if (text) change = addChangeLine(body, outline, text, plan.otherPlanAt ?? null);
      }
      saveUndo(cells.length + lines.length > 0 ? undoRecord({ at: session.today, action: label, cells, keyDates: lines, paragraphs, change }, session.history) : null);
      // Days typed into the form become this document's own holidays, so every later shift uses the same calendar.
      if (checked.request.options.calendar.holidays.size) saveTeamHolidays([...loadTeamHolidays(), ...checked.request.options.calendar.holidays]);
      const written = cells.length + lines.length;
      const message =
        written === 0
          ? 'No cells needed a new date.'
          : `Shifted ${cells.length === 1 ? '1 due date' : `${cells.length} due dates`}${lines.length ? ` and ${lines.length === 1 ? '1 key date' : `${lines.length} key dates`}` : ''}.`;
      // Refreshed under this lock: the export's record goes in the shift's one write of the properties.
      return { ok: true, message: written > 0 ? message + exportAfterChange() : message, written, skipped };
    });
  });
}

/** "Undo last shift": puts back the cells the last shift wrote, except those a person changed since (reported, left alone). */
export function undoLastShift(): UndoResult {
  return answer('undoing the last shift', () =>
    withDocumentLock((): UndoResult => {
      const record = loadUndo();
      if (!record) return { ok: false, message: 'There is no shift to undo.', restored: 0, conflicts: [] };
      const session = openPlan();
      const { plan, outline, doc } = session;
      const body = doc.getBody();
      const cellAt = cellFinder(body, session.cells);
      const byKey = new Map(plan.steps.map((s) => [s.key, s]));
      // Rows move: find a cell by its step first, by where it was only when the step has no marker.
      const locate = (cell: { ref: CellRef; key?: string; field?: string }): CellRef =>
        (cell.key !== undefined && byKey.get(cell.key)?.cells[(cell.field ?? 'due') as 'due']) || cell.ref;
      const undo = planUndo(record, (target) => {
        if (isUndoCell(target)) return outlineCellText(outline, locate(target));
        if (isUndoKeyDate(target)) return plan.keyDates[target.name]?.text ?? null;
        return paragraphWithText(outline, target.after, target.before)?.text ?? null;
      });
      const conflicts = undo.conflicts.map((c) => c.message);
      const dates = dateContext(plan);
      const restoredDates = new Map<string, IsoDate | null>();
      let restored = 0;
      for (const r of undo.restore) {
        const ref = locate(r);
        const cell = cellAt(ref);
        if (!cell) continue;
        if (replaceCellText(cell, r.expected, r.text) === 'changed-since') {
          conflicts.push(leftAsItIs(`Steps table, row ${ref.row}, ${r.column}`, 'while undoing'));
          continue;
        }
        restored++;
        const parsed = parseDueDate(r.text, dates);
        // A restored "TBD" leaves the step undated: its colour must not follow the date the shift had written.
        if (r.key !== undefined && (r.field ?? 'due') === 'due') restoredDates.set(r.key, parsed.kind === 'date' ? parsed.date : null);
      }
      const restoredKeyDates: Partial<Record<ScheduleKeyDate, IsoDate>> = {};
      // Restored newest first: two key dates of one paragraph were written one after the other.
      for (const k of [...undo.restoreKeyDates].reverse()) {
        const line = plan.keyDates[k.name];
        const target = line && (line.cell ? cellAt(line.cell) : keyDateParagraph(body, line.paragraphIndex));
        if (!target || replaceCellText(target, k.expected, k.text) === 'changed-since') {
          conflicts.push(leftAsItIs(`The ${KEY_DATE_LABELS[k.name]} line`, 'while undoing'));
          continue;
        }
        restored++;
        // The restored text read as the reader reads it: every key date of that paragraph gets its date back.
        const values = line.cell ? [{ name: k.name, valueText: k.text }] : labelledDates(k.text);
        for (const { name, valueText } of values) {
          const value = parseDueDate(valueText, dates);
          const there = plan.keyDates[name];
          if (value.kind === 'date' && name !== 'evaluationStart' && there?.paragraphIndex === line.paragraphIndex) restoredKeyDates[name] = value.date;
        }
      }
      for (const p of undo.restoreParagraphs) {
        const block = paragraphWithText(outline, p.expected, null);
        const paragraph = block && keyDateParagraph(body, block.index);
        if (!paragraph || replaceCellText(paragraph, p.expected, p.text) === 'changed-since') {
          conflicts.push(leftAsItIs(`The ${p.label} sentence`, 'while undoing'));
        }
      }
      const after = withDates(plan, restoredDates, restoredKeyDates);
      const history = observeUndo(session.history, after as ObservedPlan, session.today, undo.countersBefore).history;
      saveUndo(null);
      rememberPlan(session, { history, force: true, colourPlan: after });
      // Last, as it moves body elements: the "Changes" line goes with the dates it explained.
      if (record.change && !removeChangeLine(body, outline, record.change)) {
        conflicts.push(`The line "${record.change.text}" in the Changes section was edited or removed since the shift; left as it is.`);
      }
      const message =
        restored === 0
          ? 'Nothing was put back: every cell of the last shift was changed by someone since.'
          : `${restored === 1 ? '1 date is' : `${restored} dates are`} back as they were before "${record.action.replace(/^Shift downstream dates: /, 'shift ')}".`;
      return { ok: true, message: restored > 0 ? message + exportAfterChange() : message, restored, conflicts };
    }),
  );
}

function coloursResult(session: PlanSession): ColoursResult {
  const report = rememberPlan(session);
  const parts = [
    report.overdue.length ? `${report.overdue.length} overdue` : '',
    report.atRisk.length ? `${report.atRisk.length} at risk` : '',
  ].filter(Boolean);
  return {
    message: `Status colours refreshed (${report.changed === 1 ? '1 cell' : `${report.changed} cells`} changed). ${parts.length ? `${parts.join(', ')}.` : 'Nothing is overdue or at risk.'}`,
    overdue: report.overdue.map(stepView),
    atRisk: report.atRisk.map(stepView),
  };
}

/** The sidebar's "Refresh status colours". */
export function refreshStatusColours(): ColoursResult {
  return answer('refreshing the colours', () => withDocumentLock(() => coloursResult(openPlan())));
}

/** Menu "Refresh status colours": colours, then a short summary naming what is overdue or at risk. */
export function refreshStatusColoursFromMenu(): void {
  const result = refreshStatusColours();
  const list = (title: string, steps: StepView[]) =>
    steps.length ? `\n\n${title}:\n${steps.map((s) => `• Step ${s.label} ${s.action} (due ${s.dueText})`).join('\n')}` : '';
  DocumentApp.getUi().alert('Status colours', result.message + list('Overdue', result.overdue) + list('At risk', result.atRisk), DocumentApp.getUi().ButtonSet.OK);
}

/** Menu "Undo last shift". */
export function undoLastShiftFromMenu(): void {
  const result = undoLastShift();
  const conflicts = result.conflicts.length ? `\n\nLeft as they are:\n${result.conflicts.map((c) => `• ${c}`).join('\n')}` : '';
  DocumentApp.getUi().alert('Undo last shift', result.message + conflicts, DocumentApp.getUi().ButtonSet.OK);
}
