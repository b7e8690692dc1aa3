// Test helper: reads a Markdown MAP (a Google Docs export) as the add-on reads the document, through the emulated DocumentApp.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { GoogleEmulation } from '../../emulation';
import { documentFromMarkdown } from '../../emulation/document';
import { readOutline } from '../../src/adapters/document-reader';
import { liveSteps, observe, startHistory, type PlanHistory } from '../../src/core/history/history';
import type { ParsedPlan } from '../../src/core/reading/parsed-plan';
import type { IsoDate } from '../../src/core/plan';
import { readPlan } from '../../src/core/reading/read-plan';

const FIXTURES = path.join(__dirname, '..', 'fixtures');

/** A fixture's Markdown: "maps/healthy", "inserted/standard-en_US". */
export function fixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, `${name}.md`), 'utf8');
}

/**
 * The plan as the add-on reads it on `today`. With a history, rows keep the identities it knows
 * (as the add-on passes the stored steps to the reader), so a row added above others does not
 * take their keys.
 */
export function readMarkdownPlan(markdown: string, today: IsoDate, history: PlanHistory | null = null, locale = 'en_US'): ParsedPlan {
  const env = new GoogleEmulation({ locale, document: (ctx) => documentFromMarkdown(markdown, ctx) });
  const saved = (globalThis as Record<string, unknown>).DocumentApp;
  Object.assign(globalThis, { DocumentApp: env.documentApp });
  try {
    const knownSteps = history ? liveSteps(history).map((r) => ({ key: r.key, action: r.action, number: r.number, due: r.currentDue })) : [];
    return readPlan(readOutline(env.document as unknown as GoogleAppsScript.Document.Document), { locale, today, knownSteps });
  } finally {
    if (saved === undefined) Reflect.deleteProperty(globalThis, 'DocumentApp');
    else (globalThis as Record<string, unknown>).DocumentApp = saved;
  }
}

/** The Markdown with each [from, to] replaced once; fails loudly when `from` is not there, so a test never checks an unchanged plan. */
export function edited(markdown: string, ...changes: [from: string, to: string][]): string {
  let out = markdown;
  for (const [from, to] of changes) {
    if (!out.includes(from)) throw new Error(`Not in the plan: ${from}`);
    out = out.replace(from, to);
  }
  return out;
}

/** The history of a plan first read on `firstDay`, then each later version seen on its day, as the add-on would have recorded it. */
export function historyOfVersions(
  first: string,
  firstDay: IsoDate,
  versions: readonly [day: IsoDate, markdown: string][],
): { history: PlanHistory; plan: ParsedPlan } {
  let plan = readMarkdownPlan(first, firstDay);
  let history = startHistory(plan, firstDay, 'hand');
  for (const [day, markdown] of versions) {
    plan = readMarkdownPlan(markdown, day, history);
    history = observe(history, plan, day, 'hand').history;
  }
  return { history, plan };
}
