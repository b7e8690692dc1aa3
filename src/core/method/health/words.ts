/** How the health check writes steps, lists and counts in a seller's sentences. */
import type { ParsedPlan, ParsedStep, StepColumn } from '../../reading/parsed-plan';
import { STEP_COLUMN_NAMES } from '../../reading/header-words';

export function clipText(text: string, max: number): string {
  const t = text.trim().replace(/\s+/g, ' ');
  return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** "step 5a (Security review)": the step's number as the plan writes it, and its action. */
export function stepName(step: ParsedStep): string {
  const action = clipText(step.action, 60);
  return action ? `step ${step.label} (${action})` : `step ${step.label}`;
}

/** Up to three steps by name, more by number only. */
export function listSteps(steps: readonly ParsedStep[]): string {
  if (steps.length <= 3) return listWords(steps.map(stepName));
  return `steps ${listWords(steps.map((s) => s.label))}`;
}

const NO_OWNER = /^(?:[-–—]+|none|n\/?a|tbd|tbc|\?+)?$/i;

/** The step's owners as written: its Owner cell, or the filled cells of its per-side owner columns ("—", "None", "n/a" are none). */
export function ownersOf(step: ParsedStep): string[] {
  const cells = step.sideOwners ? [step.sideOwners.ours, step.sideOwners.theirs] : [step.owner];
  return cells.map((c) => c.trim().replace(/\s+/g, ' ')).filter((c) => !NO_OWNER.test(c));
}

export function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function times(n: number): string {
  return n === 1 ? 'once' : n === 2 ? 'twice' : `${n} times`;
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function possessive(name: string): string {
  if (name === 'your team') return 'yours';
  if (name === 'the prospect') return "the prospect's";
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

export function groupThousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** "[Economic buyer name]", "[Title]": bracketed text with a letter in it. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\[[^\][]*\p{L}[^\][]*\]/gu) ?? [])];
}


/** The steps table's own name for a column ("Target date" where the plan calls its due column that), for advice in the document's words. */
export function columnName(plan: ParsedPlan, column: StepColumn): string {
  const table = plan.stepsTable;
  const index = table?.columns[column];
  const header = index === undefined ? undefined : table?.headers[index];
  const clean = header?.replace(/[*_\\]/g, '').replace(/\s+/g, ' ').trim();
  return clean || STEP_COLUMN_NAMES[column];
}

/** "the Stakeholders table", or "the Stakeholders list" when the plan lists its people (or risks) instead. */
export function partName(plan: ParsedPlan, part: 'stakeholders' | 'risks'): string {
  return `the ${part === 'stakeholders' ? 'Stakeholders' : 'Risks'} ${plan.listSections?.includes(part) ? 'list' : 'table'}`;
}
