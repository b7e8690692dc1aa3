/** Which company is ours (the seller's) and which is theirs: the settings, else what the plan itself says about each (its people's roles, its owners' teams, who agrees to it), the title's order only when nothing else tells. */
import { classifyOwner, companyAliases } from './cell-owner';
import { AGREED } from './agreement-and-holidays';
import type { ReadContext } from './context';
import type { PlanDocument } from './sections';
import type { Companies } from './step-columns';
import { stepColumns } from './step-columns';
import { findTables, headersOf } from './tables';
import { clean } from './text';

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The ways a text names a company: its name, or its first word when that is distinctive ("Acme" for "Acme Analytics"). */
function namesOf(company: string, other: string): RegExp | null {
  if (!company.trim() || company.includes('[')) return null;
  const names = [company.trim(), ...companyAliases(company, other).filter((a) => !/^[a-z0-9]+$/.test(a) || a.length < company.length)];
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.map(esc).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** Whether two company names are the same company ("Acme" in the settings, "Acme Analytics" in the title). */
function sameCompany(a: string, b: string): boolean {
  const x = a.trim().toLowerCase();
  const y = b.trim().toLowerCase();
  if (!x || !y) return false;
  return x === y || namesOf(a, '')?.test(b) === true || namesOf(b, '')?.test(a) === true;
}

/**
 * The texts that say which side a company is on: each stakeholder row or list item ("Account Executive, Acme"),
 * each owner cell ("Globex IT", "Acme CS"), and the agreement line ("Agreed by: Dana Lee, VP
 * Finance, Globex"), the prospect's by definition.
 */
function evidence(doc: PlanDocument, pair: Companies): { text: string; agreement: boolean }[] {
  const out: { text: string; agreement: boolean }[] = [];
  for (const found of findTables(doc, pair)) {
    const rows = found.table.rows.slice(found.headerRow + 1);
    if (found.kind === 'stakeholders') for (const row of rows) out.push({ text: row.cells.map((c) => c.text).join(', '), agreement: false });
    if (found.kind !== 'steps') continue;
    const cols = stepColumns(headersOf(found.table, found.headerRow), pair, found.table, found.headerRow).columns;
    for (const c of [cols.owner, cols.ownerOurs, cols.ownerTheirs]) if (c !== undefined) for (const row of rows) out.push({ text: row.cells[c]?.text ?? '', agreement: false });
  }
  doc.blocks.forEach((b, i) => {
    if (b.kind === 'paragraph' && !doc.sections[i]?.changes && AGREED.test(clean(b.text))) out.push({ text: b.text, agreement: true });
    // People listed instead of tabled ("Sam Patel, Account Executive, Acme") say as much as a row does.
    else if (b.kind === 'paragraph' && b.list !== null && doc.sections[i]?.name === 'stakeholders') out.push({ text: b.text, agreement: false });
  });
  return out;
}

/**
 * How strongly the plan says `company` is the seller (positive) or the prospect (negative): a text
 * that names it, and not the other company, with a seller's role beside it ("Acme CS", "Account
 * Executive, Acme") or a prospect's ("Globex IT", "VP Finance, Globex"); an agreement line names the
 * prospect.
 */
function sellerScore(texts: readonly { text: string; agreement: boolean }[], company: string, other: string): number {
  const mine = namesOf(company, other);
  const theirs = namesOf(other, company);
  if (!mine) return 0;
  const none: Companies & { ourPeople: string[]; theirPeople: string[] } = { yourCompany: '', theirCompany: '', ourPeople: [], theirPeople: [] };
  let score = 0;
  for (const { text, agreement } of texts) {
    mine.lastIndex = 0;
    if (!mine.test(text)) continue;
    if (theirs) {
      theirs.lastIndex = 0;
      if (theirs.test(text)) continue;
    }
    if (agreement) {
      score -= 2;
      continue;
    }
    mine.lastIndex = 0;
    const role = classifyOwner(text.replace(mine, ' '), none);
    if (role === 'ours') score += 1;
    else if (role === 'theirs') score -= 1;
  }
  return score;
}

/**
 * Our company and theirs. The settings win; a title names both ("Globex + Acme: Mutual Action
 * Plan", "Acme / Globex MAP") in either order, so the plan's own people, owners and agreement line
 * decide which is the seller's, and the title's order (ours first, as the add-on writes it) only
 * breaks a tie.
 */
export function ourCompany(doc: PlanDocument, context: Pick<ReadContext, 'yourCompany' | 'theirCompany'>, fromTitle: Companies | null): Companies {
  const yours = context.yourCompany?.trim() ?? '';
  const theirs = context.theirCompany?.trim() ?? '';
  const [first, second] = fromTitle ? [fromTitle.yourCompany, fromTitle.theirCompany] : ['', ''];
  // One side given in the settings: the other is the title's company that is not it.
  const otherThan = (known: string): string => (sameCompany(known, first) ? second : sameCompany(known, second) ? first : second);
  if (yours || theirs) {
    return { yourCompany: yours || (fromTitle ? otherThan(theirs) : ''), theirCompany: theirs || (fromTitle ? otherThan(yours) : '') };
  }
  if (!fromTitle) return { yourCompany: '', theirCompany: '' };
  const texts = evidence(doc, fromTitle);
  const swap = sellerScore(texts, second, first) > sellerScore(texts, first, second);
  return swap ? { yourCompany: second, theirCompany: first } : { yourCompany: first, theirCompany: second };
}
