// Test helper: the prospect's "Agreed by" line on a plan read before the reader fills ParsedPlan.agreement (a no-op once it does).
import type { Agreement, ParsedPlan } from '../../../src/core/parsed-plan';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** "Agreed by: Dana Ruiz, Controller, Globex, Mar 4, 2026": who, their company and the day, as the template lays them out. */
export function withAgreement(plan: ParsedPlan, markdown: string): ParsedPlan {
  if (plan.agreement !== null) return plan;
  const line = /^Agreed by:\s*(.*)$/im.exec(markdown.replace(/\\/g, ''));
  if (!line) return plan;
  const text = (line[1] ?? '').trim();
  const dated = /,\s*([A-Z][a-z]{2}) (\d{1,2}), (\d{4})$/.exec(text);
  const date = dated ? `${dated[3]}-${String(MONTHS.indexOf((dated[1] ?? '').toLowerCase()) + 1).padStart(2, '0')}-${String(dated[2]).padStart(2, '0')}` : null;
  const parts = (dated ? text.slice(0, dated.index) : text).split(',').map((p) => p.trim());
  const company = parts.length > 1 ? (parts.pop() ?? null) : null;
  const name = parts.join(', ');
  const placeholder = (s: string | null): boolean => s === null || s === '' || /\[[^\]]*\]/.test(s);
  const agreement: Agreement = {
    text: `Agreed by: ${text}`,
    name: placeholder(name) ? null : name,
    company: placeholder(company) ? null : company,
    date,
    paragraphIndex: (plan.keyDates.goLiveTarget?.paragraphIndex ?? plan.keyDates.decisionTarget?.paragraphIndex ?? 0) + 1,
  };
  return { ...plan, agreement };
}

/**
 * Per-side owner columns ("Seller owner" + "Buyer owner") on a plan read before the reader fills
 * ParsedStep.sideOwners (a no-op once it does): each step's two cells, by row order.
 */
export function withSideOwners(plan: ParsedPlan, markdown: string): ParsedPlan {
  if (plan.steps.some((s) => s.sideOwners !== null)) return plan;
  const rows = markdown.split('\n').filter((l) => l.startsWith('|')).map((l) => l.slice(1, -1).split('|').map((c) => c.replace(/\*\*|\\/g, '').trim()));
  const header = rows.findIndex((r) => r.includes('Seller owner') && r.includes('Buyer owner'));
  const head = rows[header];
  if (header < 0 || !head) return plan;
  const [ours, theirs] = [head.indexOf('Seller owner'), head.indexOf('Buyer owner')];
  const body = rows.slice(header + 2);
  return { ...plan, steps: plan.steps.map((s, i) => ({ ...s, sideOwners: { ours: body[i]?.[ours] ?? '', theirs: body[i]?.[theirs] ?? '' } })) };
}
