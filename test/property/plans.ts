/** Generators for plans as people write them: any deal type, 1-80 steps, every date form the reader accepts, chips, emoji statuses, extra columns, several steps tables. */
import fc from 'fast-check';
import { STEP_HEADER_WORDS } from '../../src/core/reading/header-words';

export type Role = 'number' | 'action' | 'owner' | 'due' | 'status' | 'dependsOn' | 'extra';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const LONG_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A calendar day as a UTC date (plan dates are days, never instants). */
export function dayAt(offset: number, start = Date.UTC(2026, 11, 7)): Date {
  return new Date(start + offset * 86_400_000);
}

const ordinal = (n: number) => n + (n % 100 > 10 && n % 100 < 14 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'));

/** Every written form the reader accepts for a day, month-first (en_US) or day-first (en_GB). */
export const DATE_FORMS: Record<string, (d: Date) => string> = {
  'MMM d, yyyy': (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`,
  'MMM d': (d) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
  'MMMM do, yyyy': (d) => `${LONG_MONTHS[d.getUTCMonth()]} ${ordinal(d.getUTCDate())}, ${d.getUTCFullYear()}`,
  'd MMM yyyy': (d) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  'M/d/yyyy': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${d.getUTCFullYear()}`,
  'M/d': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
  'M/d/yy': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()}/${String(d.getUTCFullYear()).slice(2)}`,
  'yyyy-MM-dd': (d) => d.toISOString().slice(0, 10),
  'EEE M/d': (d) => `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCMonth() + 1}/${d.getUTCDate()}`,
  'M/d (tentative)': (d) => `${d.getUTCMonth() + 1}/${d.getUTCDate()} (tentative)`,
  'by MMM d': (d) => `by ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`,
  'MMM d-d': (d) => `${MONTHS[d.getUTCMonth()]} ${Math.max(1, d.getUTCDate() - 2)}-${d.getUTCDate()}`,
  'd/M/yyyy': (d) => `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()}`,
};

/** Cells that hold no date: the reader must say so, never guess. */
export const UNDATED = ['TBD', '', 'Q1', 'next-ish', 'Week 3', 'ASAP', 'tbc'];

export const STATUSES = [
  'Pending', 'In progress', 'Complete', 'Done', 'Blocked', 'Not started', '✅', '🟡', '⛔', '✅ Done - 1/7', '🟡 WIP', '50%', 'with legal', '', 'done ✔', 'Cancelled', 'N/A', 'Escalated',
];

const OWNERS = [
  'Acme', 'Globex', 'Both', 'Dana Ruiz (Globex)', 'Sam Lee (Acme)', 'Acme sends, Globex IT reviews', 'Globex procurement', '[Economic buyer name]',
  'CFO', 'Acme CS team',
];

const PERSON_CHIPS = ['[Sam Lee](mailto:sam@acme.com)', '[Dana Ruiz](mailto:dana@globex.com)', '[Bo Chen](mailto:bo.chen@globex.com)'];

const ACTIONS = [
  'Technical deep-dive with engineering', 'Security questionnaire review', 'Pilot/POC setup', 'Pilot results review',
  'ROI/business case presentation', 'Pricing proposal delivery', 'Internal review and stakeholder alignment', 'Procurement/legal review',
  'Contract redlines and negotiation', 'Contract signature', 'Onboarding kickoff', 'Reference call', 'Budget approval', 'DPA review',
  'مراجعة العقد', 'レビュー会議', '🚀 Launch', 'Kick-off (2 days)', 'SSO & SCIM setup', 'Go/no-go decision',
];

const EXTRA_HEADERS = ['Notes', 'Link', 'Start date', 'Comments', 'Budget', 'Region'];
const EXTRA_VALUES = ['', 'see deck', 'https://example.com/a', '€ 12,000', 'EMEA', 'ping Bo first', '⚠️'];

/** Header words per role the generator writes; each role's words are the reader's own, so a renamed header keeps its role. */
export const HEADER_WORDS: Record<Exclude<Role, 'extra'>, readonly string[]> = {
  number: ['#', 'No.', 'Step #'],
  action: ['Action', 'Milestone', 'Task', 'Activity', 'Deliverable'],
  owner: ['Owner', 'Responsible', 'Who', 'Assignee', 'DRI'],
  due: ['Due date', 'Target date', 'Deadline', 'By when', 'ETA'],
  status: ['Status', 'Progress', 'State'],
  dependsOn: ['Depends on', 'Predecessor', 'After', 'Blocked by'],
};
// The words above must stay the reader's: a test that renamed to a word it does not know would test nothing.
for (const [role, words] of Object.entries(HEADER_WORDS)) {
  const known = STEP_HEADER_WORDS[role as keyof typeof STEP_HEADER_WORDS];
  for (const w of words) if (!known.includes(w)) throw new Error(`"${w}" is not a ${role} header the reader knows`);
}

export interface StepSpec {
  action: string;
  owner: string;
  /** Offset in days from the evaluation start, or null for an undated cell. */
  dueOffset: number | null;
  dueForm: string;
  undated: string;
  status: string;
  depends: string;
  extras: string[];
}

export interface PlanSpec {
  locale: 'en_US' | 'en_GB';
  datesAsChips: boolean;
  /** Column order: roles in document order (extras numbered by position). */
  columns: Role[];
  headers: string[];
  steps: StepSpec[];
  /** A second steps table ("Phase 2") after the first one. */
  secondTable: StepSpec[] | null;
  keyDates: { decisionOffset: number | null; goLiveOffset: number | null };
  goal: boolean;
  stakeholders: boolean;
}

/** Steps count: mostly short plans (fast), sometimes long ones up to `max`. */
export const stepCount = (max = 80) =>
  fc.oneof({ weight: 6, arbitrary: fc.integer({ min: 1, max: Math.min(14, max) }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max }) });

const step = (index: number, extras: number): fc.Arbitrary<StepSpec> =>
  fc.record({
    action: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...ACTIONS) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 40, unit: 'grapheme' }) }),
    owner: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...OWNERS) }, { weight: 1, arbitrary: fc.constantFrom(...PERSON_CHIPS) }),
    dueOffset: fc.option(fc.integer({ min: index * 2, max: index * 7 + 10 }), { freq: 8 }),
    dueForm: fc.constantFrom(...Object.keys(DATE_FORMS)),
    undated: fc.constantFrom(...UNDATED),
    status: fc.constantFrom(...STATUSES),
    depends: fc.oneof(
      { weight: 4, arbitrary: fc.constant(index > 0 ? String(index) : '') },
      { weight: 2, arbitrary: fc.constant('') },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: index + 3 }).map(String) },
      { weight: 1, arbitrary: fc.constant(index > 1 ? `${index - 1}, ${index}` : '99') },
    ),
    extras: fc.array(fc.constantFrom(...EXTRA_VALUES), { minLength: extras, maxLength: extras }),
  });

export const planSpec = (maxSteps = 80): fc.Arbitrary<PlanSpec> =>
  fc
    .record({
      locale: fc.constantFrom('en_US' as const, 'en_US' as const, 'en_GB' as const),
      datesAsChips: fc.boolean(),
      order: fc.shuffledSubarray(['owner', 'status', 'dependsOn', 'extra', 'extra'] as Role[], { minLength: 1 }),
      numberFirst: fc.boolean(),
      headerPick: fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
      count: stepCount(maxSteps),
      second: fc.option(fc.integer({ min: 1, max: 6 }), { freq: 5 }),
      keyDates: fc.record({ decisionOffset: fc.option(fc.integer({ min: 30, max: 90 })), goLiveOffset: fc.option(fc.integer({ min: 60, max: 120 })) }),
      goal: fc.boolean(),
      stakeholders: fc.boolean(),
    })
    .chain((p) => {
      const columns: Role[] = [...(p.numberFirst ? ['number' as Role] : []), 'action', 'due', ...p.order];
      let extra = 0;
      const headers = columns.map((role, i) => {
        if (role === 'extra') return EXTRA_HEADERS[extra++ % EXTRA_HEADERS.length] ?? 'Notes';
        const words = HEADER_WORDS[role];
        return words[(p.headerPick[i % 8] ?? 0) % words.length] ?? words[0]!;
      });
      const extras = columns.filter((c) => c === 'extra').length;
      return fc
        .record({
          steps: fc.tuple(...Array.from({ length: p.count }, (_, i) => step(i, extras))),
          secondTable: p.second === null ? fc.constant(null) : fc.tuple(...Array.from({ length: p.second }, (_, i) => step(i + p.count, extras))),
        })
        .map(({ steps, secondTable }) => ({
          locale: p.locale,
          datesAsChips: p.datesAsChips,
          columns,
          headers,
          steps,
          secondTable,
          keyDates: p.keyDates,
          goal: p.goal,
          stakeholders: p.stakeholders,
        }));
    });

/** Markdown as Google Docs exports it: special characters backslash-escaped. */
export function escapeCell(text: string): string {
  return text.replace(/[\\|#*_[\]+\-`<>]/g, (c) => `\\${c}`).replace(/\n/g, ' ');
}

function dueText(s: StepSpec): string {
  if (s.dueOffset === null) return s.undated;
  return (DATE_FORMS[s.dueForm] ?? DATE_FORMS['MMM d, yyyy']!)(dayAt(s.dueOffset));
}

/** What a cell of the steps table holds, unescaped (as getText() gives it). */
export function cellText(spec: PlanSpec, s: StepSpec, number: number, role: Role, extraIndex: number): string {
  switch (role) {
    case 'number': return String(number);
    case 'action': return s.action;
    case 'owner': return s.owner;
    case 'due': return dueText(s);
    case 'status': return s.status;
    case 'dependsOn': return s.depends;
    case 'extra': return s.extras[extraIndex] ?? '';
  }
}

function tableMarkdown(spec: PlanSpec, steps: StepSpec[], firstNumber: number): string[] {
  const lines = [`| ${spec.headers.map((h) => `**${escapeCell(h)}**`).join(' | ')} |`, `| ${spec.headers.map(() => ':----').join(' | ')} |`];
  steps.forEach((s, i) => {
    let extra = 0;
    const cells = spec.columns.map((role) => {
      const text = cellText(spec, s, firstNumber + i, role, role === 'extra' ? extra++ : 0);
      // Person chips are written as mail links; everything else is plain text.
      return role === 'owner' && text.startsWith('[') && text.includes('](mailto:') ? text : escapeCell(text);
    });
    lines.push(`| ${cells.join(' | ')} |`);
  });
  return lines;
}

const usDate = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}, ${d.getUTCFullYear()}`;
const gbDate = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;

/** The whole document as a Google Docs Markdown export. */
export function planMarkdown(spec: PlanSpec): string {
  const write = spec.locale === 'en_GB' ? gbDate : usDate;
  const out = ['# Mutual Action Plan: Acme \\+ Globex', ''];
  if (spec.goal) {
    const decision = spec.keyDates.decisionOffset === null ? 'the end of the quarter' : write(dayAt(spec.keyDates.decisionOffset));
    out.push('## Goal', '', `Globex evaluates Acme Close and makes a go/no-go decision by ${decision}\\.`, '');
  }
  out.push('## Key dates', '', `* Evaluation start: ${write(dayAt(0))}  `);
  if (spec.keyDates.decisionOffset !== null) out.push(`* Decision target: ${write(dayAt(spec.keyDates.decisionOffset))}  `);
  if (spec.keyDates.goLiveOffset !== null) out.push(`* Go-live target: ${write(dayAt(spec.keyDates.goLiveOffset))}`);
  out.push('', '## Steps', '', ...tableMarkdown(spec, spec.steps, 1), '');
  if (spec.secondTable) out.push('## Phase 2', '', ...tableMarkdown(spec, spec.secondTable, spec.steps.length + 1), '');
  if (spec.stakeholders) {
    out.push('## Stakeholders', '', '| **Name** | **Role** |', '| :---- | :---- |', '| Dana Ruiz | Controller, Globex |', '| Sam Lee | Account Executive, Acme |', '');
  }
  return out.join('\n');
}

/** A date in another written form than the one a cell has: the same day, retyped by a person. */
export function retyped(offset: number, form: string): string {
  return (DATE_FORMS[form] ?? DATE_FORMS['MMM d, yyyy']!)(dayAt(offset));
}
