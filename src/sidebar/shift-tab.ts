/** The Shift tab: after a step slips, preview how the later dates move (the verdict says what will move), write them from the footer, undo that, and refresh the status colours. */
import type { FieldErrors } from '../core/plan';
import type { PlanRead, ShiftOptionsFields, ShiftPreview, ShiftRequest, ShiftState, StepView } from '../server/contract';

type Success<T extends { ok: boolean }> = Extract<T, { ok: true }>;
import { panelRunner } from './actions';
import { button, PRIMARY, el, replace, tagged } from './dom';
import { announce, revealHeading } from './feedback';
import { clearFieldErrors, field, showFieldErrors, group } from './fields';
import { call } from './server';
import { appliedView, coloursView, diagnosticsView, editedList, hasChanges, OUTPUT_HEADING, previewView, refusedPreviewView, undoView } from './shift-views';
import { clamped, footer, plural, verdict } from './parts';
import { lastRead, onRead, reread } from './store';
import type { Tab } from './tabs';

/** A move the server understands: "+3 days", "-1 week", "+2 working days", "+1w". */
const RELATIVE = /^[+-]\s*\d{1,3}\s*((working|business)\s+)?(d|days?|w|wks?|weeks?|m|mos?|months?)$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// A closed select at 300 px shows about 40 characters; the due date at the end must stay visible.
const ACTION_CHARS = 26;

function isIsoDate(text: string): boolean {
  const m = ISO_DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What the person typed, with a typographic minus or dash (pasted, or from autocorrect) read as "-". */
function normaliseMove(text: string): string {
  return text.trim().replace(/^[\u2212\u2013\u2014]/, '-');
}

/** Light checks only: the server reads dates in every form the document uses and has the last word. */
function moveProblem(text: string): string | null {
  if (!text) return 'Give the new date, or how far it moved: +1 week, -2 days.';
  if (/^[+-]/.test(text) && !RELATIVE.test(text)) return 'Write a move as +3 days, +1 week or +1 month (-2 days moves it earlier).';
  return null;
}

function stepOption(step: StepView): HTMLOptionElement {
  const action = step.action.length > ACTION_CHARS ? `${step.action.slice(0, ACTION_CHARS - 1).trimEnd()}…` : step.action;
  // The value is the step's key: two rows numbered "5" and "5a" (or "5" twice) stay two choices.
  const phase = step.phase ? ` (${step.phase})` : '';
  return el('option', { value: step.key }, `${step.label} · ${action}${phase} · ${step.dueText}`);
}

function checkbox(id: string, label: string, checked = false): HTMLElement {
  return tagged('div', 'check', el('input', { type: 'checkbox', id, name: id, checked }), el('label', { for: id }, label));
}

function radio(name: string, value: string, label: string, checked: boolean): HTMLElement {
  const id = `${name}-${value}`;
  return tagged('div', 'check', el('input', { type: 'radio', id, name, value, checked }), el('label', { for: id }, label));
}

function buildOptions(): HTMLDetailsElement {
  return el(
    'details',
    { id: 'shift-options' },
    el('summary', null, 'Options ', el('span', { id: 'shift-options-summary', class: 'optional' })),
    group(
      'When a step moves later',
      null,
      radio('shift-mode', 'keep-gaps', 'Keep the gaps: every later step moves by as much', true),
      radio('shift-mode', 'fix-overlaps', 'Only fix overlaps: later steps move just enough to stay after it', false),
    ),
    group('When a step moves earlier', null, checkbox('shift-pull-in', 'Pull the later steps in too')),
    group(
      'Counting days',
      null,
      checkbox('shift-calendar-days', 'Count calendar days instead of working days (Mon–Fri)'),
      field({ path: 'shift-holidays', label: 'Holidays', placeholder: '2026-12-25, 2026-12-26', hint: 'Days nobody works, skipped like weekends.' }),
    ),
    group(
      'Key dates',
      { 'aria-describedby': 'hint-shift-hold' },
      checkbox('shift-hold-decision', 'Hold the decision target fixed'),
      checkbox('shift-hold-go-live', 'Hold the go-live target fixed'),
      el('p', { id: 'hint-shift-hold', class: 'hint' }, 'A key date moves only when its step now lands after it, and only by the overrun. A held date is never moved; the plan is flagged when the steps overrun it.'),
    ),
    group(
      'Tell the prospect',
      null,
      checkbox('shift-change-log', 'Add a dated line to the plan’s Changes section: what moved, by how much, and why', true),
    ),
  );
}

/** How a shift names a step whose date looked wrong: its label as written ("5a"), as the server gives it. */
type StepRef = NonNullable<ShiftOptionsFields['include']>[number] & Success<ShiftPreview>['toCheck'][number];
/** Steps whose date looked wrong and that the person chose to shift anyway (until the sidebar closes). */
const included = new Set<StepRef>();

/** The options as the server takes them, or field errors for what cannot be sent. */
function readOptions(form: HTMLFormElement, errors: FieldErrors): ShiftOptionsFields {
  const checked = (id: string): boolean => form.querySelector<HTMLInputElement>(`#${id}`)?.checked ?? false;
  const holidayText = form.querySelector<HTMLInputElement>('#shift-holidays')?.value ?? '';
  const holidays = holidayText.split(/[\s,;]+/).filter(Boolean);
  const bad = holidays.filter((h) => !isIsoDate(h));
  if (bad.length > 0) errors['shift-holidays'] = `Write holidays as dates like 2026-12-25, separated by commas (not “${bad[0]}”).`;
  return {
    mode: form.querySelector<HTMLInputElement>('input[name="shift-mode"]:checked')?.value === 'fix-overlaps' ? 'fix-overlaps' : 'keep-gaps',
    pullIn: checked('shift-pull-in'),
    calendarDays: checked('shift-calendar-days'),
    holidays: holidays.filter(isIsoDate),
    holdDecisionTarget: checked('shift-hold-decision'),
    holdGoLiveTarget: checked('shift-hold-go-live'),
    changeLog: checked('shift-change-log'),
    include: [...included],
  };
}

/** The closed Options say what they are set to, so nobody has to open them to check. */
function optionsSummary(o: ShiftOptionsFields): string {
  const parts = [o.mode === 'fix-overlaps' ? 'only fix overlaps' : 'keep gaps', o.calendarDays ? 'calendar days' : 'working days'];
  if (o.pullIn) parts.push('pull in');
  if (o.changeLog === false) parts.push('no Changes line');
  if (o.holidays?.length) parts.push(plural(o.holidays.length, 'holiday', 'holidays'));
  if (o.holdDecisionTarget && o.holdGoLiveTarget) parts.push('both targets held');
  else if (o.holdDecisionTarget) parts.push('decision target held');
  else if (o.holdGoLiveTarget) parts.push('go-live held');
  return `(${parts.join(', ')})`;
}

/** Draws the tab from the shared read; a new read redraws the steps, the hand-edited dates and the undo, never the form's values or the preview. */
function renderShiftTab(panel: HTMLElement): void {
  const runner = panelRunner(panel);
  let shownState = '';
  /** The request the shown preview came from: Apply sends exactly it, whatever the form says now. */
  let previewed: ShiftRequest | null = null;
  /** Once the person picks a step, a re-read keeps their choice instead of the cursor's. */
  let stepChosen = false;

  const head = verdict('shift-verdict');
  const toField = field({
    path: 'shift-to',
    label: 'New date or change',
    placeholder: 'e.g. 2026-03-14, +1 week, next Friday',
    hint: 'A date, +N days / weeks / months, or a weekday ("next Friday"); -N days moves it earlier.',
  });
  const dateField = field({ path: 'shift-date', label: 'Or pick the new date', type: 'date' });
  const toInput = toField.querySelector('input')!;
  const dateInput = dateField.querySelector('input')!;
  const previewButton = button('shift-preview-button', 'Preview');
  const applyButton = el('button', { type: 'button', id: 'shift-apply-button', class: 'button primary', disabled: true }, 'Apply');
  const options = buildOptions();
  const stepSlot = el('div');
  const stepName = el('div', { id: 'shift-step-name', class: 'step-name', 'aria-live': 'polite' });
  const stepSection = group('A step slipped', { id: 'shift-step-section' }, stepSlot, stepName, toField, dateField);
  const editedSlot = el('div');
  const form = el('form', { id: 'shift-form', novalidate: true, onsubmit: (event) => event.preventDefault() }, editedSlot, stepSection, options);
  const diagnosticsSlot = el('div');
  const emptyNotice = el('p', { id: 'shift-empty', class: 'message notice', hidden: true });
  const body = el('div', { id: 'shift-body' }, diagnosticsSlot, emptyNotice, form);
  const output = el('div', { id: 'shift-output', class: 'output' });
  const undoSlot = el('div');
  const coloursButton = button('shift-colours-button', 'Refresh status colours', 'button wide');
  const tools = el(
    'section',
    { id: 'shift-tools', class: 'tools', 'aria-labelledby': 'shift-tools-heading', hidden: true },
    el('h3', { id: 'shift-tools-heading' }, 'Keep the plan current'),
    undoSlot,
    coloursButton,
  );

  replace(panel, head, body, output, tools, footer(previewButton, applyButton));

  const setOptionsSummary = (): void => {
    const summary = options.querySelector('#shift-options-summary');
    if (summary) summary.textContent = optionsSummary(readOptions(form, {}));
  };
  setOptionsSummary();

  /** The chosen step's whole name under the list, which can only show its start. */
  const showStepName = (steps: readonly StepView[], value: string): void => {
    const step = steps.find((st) => st.key === value);
    replace(stepName, step ? clamped(`${step.label} · ${step.action}${step.phase ? ` (${step.phase})` : ''} · due ${step.dueText}`) : null);
  };

  const idleVerdict = (s: ShiftState | null): string => {
    if (!s || s.steps.length === 0) return 'No plan with steps to shift in this document yet.';
    if (s.edited.length > 0) return `${plural(s.edited.length, 'date was', 'dates were')} edited by hand: shift the later steps to fit, or name the step that slipped.`;
    return `${plural(s.steps.length, 'step', 'steps')}. Name the step that slipped and its new date: the preview shows what will move.`;
  };

  /** Draws what depends on the document: the steps, the hand-edited dates, the undo, what could not be read. */
  const drawState = (read: PlanRead): void => {
    const s = read.plan?.shift ?? null;
    const key = JSON.stringify(s);
    if (key === shownState) return;
    shownState = key;
    if (!previewed) replace(head, idleVerdict(s));
    // Colours need a plan; an undo can outlive one (the plan's table deleted after a shift).
    tools.hidden = !s || (s.steps.length === 0 && s.undo === null);
    replace(diagnosticsSlot, diagnosticsView(s?.diagnostics ?? []));
    const steps = s?.steps ?? [];
    const hasSteps = steps.length > 0;
    emptyNotice.hidden = hasSteps;
    form.hidden = !hasSteps;
    previewButton.disabled = !hasSteps;
    replace(emptyNotice, read.problem ?? 'This document has no plan with steps to shift yet. Insert one from the Insert tab, then come back here.');

    const before = stepSlot.querySelector('select')?.value ?? '';
    const select = el('select', null, el('option', { value: '' }, 'Choose a step…'), ...steps.map(stepOption));
    const cursor = s?.cursorStep && steps.some((st) => st.key === s.cursorStep?.key) ? s.cursorStep.key : '';
    select.value = stepChosen && steps.some((st) => st.key === before) ? before : cursor;
    select.onchange = () => {
      stepChosen = true;
      showStepName(steps, select.value);
    };
    showStepName(steps, select.value);
    replace(
      stepSlot,
      field(
        {
          path: 'shift-step',
          label: 'Step',
          hint: s?.cursorStep ? `Step ${s.cursorStep.label} is where your cursor is.` : 'Tip: put your cursor in a step’s row, then read the plan again (↻).',
        },
        select,
      ),
    );

    if (!s || s.edited.length === 0) {
      editedSlot.replaceChildren();
    } else {
      const detectButton = button('shift-detect-button', 'Shift from these edits');
      detectButton.onclick = () => {
        const request = detectRequest();
        if (request) void preview(request, detectButton);
      };
      replace(
        editedSlot,
        group(
          'Dates edited in the document',
          { id: 'shift-edited', 'aria-describedby': 'hint-shift-edited' },
          el('p', { id: 'hint-shift-edited', class: 'hint' }, 'Move the later steps to fit these new dates.'),
          editedList(s.edited),
          tagged('div', 'inline-actions', detectButton),
        ),
      );
    }

    if (!s || s.undo === null) {
      undoSlot.replaceChildren();
    } else {
      const undoButton = button('shift-undo-button', clamped(`Undo: ${s.undo}`), 'button wide');
      undoButton.onclick = () => void undo(undoButton);
      replace(undoSlot, undoButton);
    }
    // Drawn during a locked call (the re-read after Apply): stay locked until it ends.
    if (runner.isBusy()) panel.querySelectorAll('button').forEach((b) => (b.disabled = true));
    else applyButton.disabled = previewed === null;
  };

  const stepRequest = (): ShiftRequest | null => {
    clearFieldErrors(form);
    const errors: FieldErrors = {};
    const step = form.querySelector<HTMLSelectElement>('#shift-step')?.value || null;
    if (step === null) errors['shift-step'] = 'Choose the step that slipped.';
    const to = normaliseMove(toInput.value);
    const problem = moveProblem(to);
    if (problem) errors['shift-to'] = problem;
    const opts = readOptions(form, errors);
    if (Object.keys(errors).length > 0) {
      showFieldErrors(form, errors);
      announce('Some fields need a look.');
      return null;
    }
    return { kind: 'step', step, to, options: opts };
  };

  const detectRequest = (): ShiftRequest | null => {
    clearFieldErrors(form);
    const errors: FieldErrors = {};
    const opts = readOptions(form, errors);
    if (Object.keys(errors).length > 0) {
      showFieldErrors(form, errors);
      return null;
    }
    return { kind: 'detect', options: opts };
  };

  const show = (view: HTMLElement, said: string): void => {
    replace(output, view);
    announce(said);
    revealHeading(OUTPUT_HEADING);
  };

  /** Apply acts only on a preview that would write something; it is disabled otherwise. */
  const setPreviewed = (request: ShiftRequest | null): void => {
    previewed = request;
    applyButton.disabled = request === null;
  };

  /** A call from one of the tab's buttons; after it, Apply is enabled only when a preview waits to be written. */
  const act = (button: HTMLButtonElement, busy: string, failed: string, work: () => Promise<void>): Promise<void> =>
    runner.run(button, busy, work, failed).then(() => {
      applyButton.disabled = previewed === null;
    });

  const preview = (request: ShiftRequest, button: HTMLButtonElement): Promise<void> =>
    act(button, 'Previewing…', 'Preview failed.', async () => {
      const result = await call('previewShift', request);
      if (!result.ok) {
        setPreviewed(null);
        replace(head, `Nothing will move: ${result.message}`);
        show(refusedPreviewView(result), `Not shifted. ${result.message}`);
        return;
      }
      // Apply sends the preview's token back: the server refuses if the document now gives another result.
      setPreviewed(hasChanges(result) ? { ...request, expect: result.token } : null);
      replace(head, result.summary);
      // The step as the document writes it ("5a"), sent back as the server named it.
      const includeButton = (step: StepRef): HTMLElement => {
        const b = el('button', { type: 'button', class: 'button', 'data-include': step }, `Include step ${step} as it is`);
        b.onclick = () => {
          included.add(step);
          void preview({ ...request, options: { ...request.options, include: [...included] } }, b);
        };
        return b;
      };
      show(previewView(result, null, includeButton), `Preview ready. ${result.summary}`);
    });

  const apply = (): Promise<void> => {
    const request = previewed;
    if (!request) return Promise.resolve();
    return act(applyButton, 'Applying…', 'Apply failed.', async () => {
      const result = await call('applyShift', request);
      setPreviewed(null);
      if (result.ok) {
        // The same "+1 week" previewed again would move the plan a second time.
        toInput.value = '';
        dateInput.value = '';
        replace(head, result.message);
        show(appliedView(result, null), result.message);
        await reread();
      } else {
        // The usual refusal: the plan changed since the preview. A fresh preview shows what it would do now.
        const again = button('shift-repreview-button', 'Preview again', PRIMARY);
        again.onclick = () => void preview({ ...request, expect: undefined }, again);
        replace(head, `Not applied: ${result.message}`);
        show(appliedView(result, tagged('div', 'inline-actions', again)), `Not applied. ${result.message}`);
      }
    });
  };

  const undo = (button: HTMLButtonElement): Promise<void> =>
    act(button, 'Undoing…', 'Undo failed.', async () => {
      const result = await call('undoLastShift');
      setPreviewed(null);
      replace(head, result.message);
      show(undoView(result), result.message);
      await reread();
    });

  const refreshColours = (): Promise<void> =>
    act(coloursButton, 'Refreshing…', 'Colours not refreshed.', async () => {
      const result = await call('refreshStatusColours');
      show(coloursView(result), result.message);
    });

  previewButton.addEventListener('click', () => {
    const request = stepRequest();
    if (request) void preview(request, previewButton);
  });
  applyButton.addEventListener('click', () => void apply());
  // Enter in the date box previews, as it would submit a one-field form.
  toInput.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      previewButton.click();
    }
  });
  // The picker and the text box hold one value: a picked date is written as text, a typed ISO date shows in the picker.
  dateInput.addEventListener('change', () => {
    if (dateInput.value) toInput.value = dateInput.value;
  });
  toInput.addEventListener('input', () => {
    const typed = toInput.value.trim();
    dateInput.value = isIsoDate(typed) ? typed : '';
  });
  coloursButton.addEventListener('click', () => void refreshColours());
  const formChanged = (): void => {
    setOptionsSummary();
    const stale = output.querySelector<HTMLElement>('#shift-stale');
    if (stale) stale.hidden = false;
  };
  form.addEventListener('input', formChanged);
  form.addEventListener('change', formChanged);

  onRead(drawState);
  drawState(lastRead());
}

export const shiftTab: Tab = { id: 'shift', label: 'Shift dates', render: renderShiftTab };
