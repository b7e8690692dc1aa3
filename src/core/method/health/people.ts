/** The prospect's people as the health check finds them: the economic buyer, the champion, who a text names, and whether an owner is a person or a role. */
import { classifyOwner, splitOwners, type OwnerContext } from '../../reading/cell-owner';
import { stakeholderDomains } from '../../reading/owners';
import type { ParsedStakeholder, ParsedStep } from '../../reading/parsed-plan';
import type { Side } from '../../plan';
import { placeholdersIn } from './words';

const EB_ROLE = /\beconomic buyer\b|\bEB\b|\bbudget\b|\bfinal (?:decision|approval|sign[- ]?off)\b/i;
const EB_TITLE = /\b(?:CFO|CEO|chief (?:executive|financial) officer|president)\b/i;
const CHAMPION_ROLE = /\bchampion\b|\bevaluation lead\b|\binternal advocate\b|\bday[- ]to[- ]day\b/i;
export const EB_WORDS = /\beconomic buyer\b|\bEB\b/i;

export function isEconomicBuyer(p: ParsedStakeholder): boolean {
  return EB_ROLE.test(`${p.title} ${p.responsibility}`) || EB_TITLE.test(p.title) || /\[economic buyer/i.test(p.name);
}

export function isChampion(p: ParsedStakeholder): boolean {
  return CHAMPION_ROLE.test(`${p.title} ${p.responsibility}`) || /\[champion/i.test(p.name);
}

/** The prospect's person in that role, a named one before a placeholder. */
export function findPerson(people: readonly ParsedStakeholder[], is: (p: ParsedStakeholder) => boolean): ParsedStakeholder | null {
  const candidates = people.filter((p) => p.side !== 'ours' && is(p));
  return candidates.find(isNamed) ?? candidates[0] ?? null;
}

export function isNamed(p: ParsedStakeholder): boolean {
  return p.name.trim() !== '' && placeholdersIn(p.name).length === 0;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function wholeWord(text: string, word: string): boolean {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'iu').test(text);
}

/** Whether the text names the person: their full name, or a first or last name nobody else in the table has. */
export function mentions(text: string, name: string, everyone: readonly string[]): boolean {
  const full = name.trim().replace(/\s+/g, ' ');
  if (full === '') return false;
  if (wholeWord(text.replace(/\s+/g, ' '), full)) return true;
  if (/[[\]]/.test(full)) return false;
  const others = everyone.filter((n) => n.trim().toLowerCase() !== full.toLowerCase()).flatMap((n) => n.toLowerCase().split(/\s+/));
  return full.split(' ').some((part) => part.length > 2 && !others.includes(part.toLowerCase()) && wholeWord(text, part));
}

/** Words that name a role, a team or a function, not a person (compared in lower case). */
const ROLE_WORDS: ReadonlySet<string> = new Set(
  (
    'champion eb economic buyer buyers signer signers signatory authorized authorised legal counsel lawyer lawyers procurement purchasing ' +
    'sourcing vendor vendors supplier management manager managers finance it security infosec cs csm customer customers success team teams ' +
    'sales vp svp evp avp director directors head chief cfo cio cto ciso coo ceo cro cmo ae se sa sdr bdr rep reps engineering engineer engineers ' +
    'product ops operations admin admins administrator stakeholder stakeholders committee board exec execs executive executives sponsor lead leads ' +
    'owner owners department dept group partner partners implementation onboarding services professional support hr marketing prospect client ' +
    'clients user users evaluator evaluators technical solutions solution consultant consultants architect architects account compliance risk data ' +
    'privacy dpo infra infrastructure devops approver approvers reviewer reviewers office pmo project program programme steering staff desk deal ' +
    'contracts contract accounting treasury controller controllers analyst analysts specialist specialists officer officers coordinator'
  ).split(' '),
);
const STOP_WORDS: ReadonlySet<string> = new Set('the a an our their your we they them us and or with from of for to on by at in both all sends reviews review tbd'.split(' '));
const JOINT = /^(?:both|jointly|joint|together|everyone|all|all parties|both sides|both parties)$/i;

/**
 * What an owner cell names: a person (someone is accountable), a role or team only, or nothing
 * the check can tell. Shared "Both" counts as a person: it is the method's own word.
 */
export function ownerKind(owner: string, people: readonly string[], companies: readonly string[]): 'person' | 'role' | 'unclear' {
  const parts = splitOwners(owner);
  if (parts.length === 0) return 'unclear';
  const companyWords = new Set(companies.flatMap((c) => c.toLowerCase().split(/\s+/)).filter(Boolean));
  let role = false;
  for (const part of parts) {
    if (JOINT.test(part.trim())) return 'person';
    if (people.some((name) => mentions(part, name, people))) return 'person';
    for (const word of part.split(/[^\p{L}\p{N}'’-]+/u).filter(Boolean)) {
      const lower = word.toLowerCase().replace(/['’]s$/, '');
      if (ROLE_WORDS.has(lower) || companyWords.has(lower)) {
        role = true;
        continue;
      }
      // A capitalised word that is no role, team or company word reads as a name ("Jordan").
      if (!STOP_WORDS.has(lower) && /^\p{Lu}\p{Ll}/u.test(word)) return 'person';
    }
  }
  return role ? 'role' : 'unclear';
}


/** The reader's owner context for this plan: the two companies, each side's stakeholders and their email domains. */
export function ownerContextOf(stakeholders: readonly ParsedStakeholder[], companies: readonly string[]): OwnerContext {
  return {
    yourCompany: companies[0] ?? '',
    theirCompany: companies[1] ?? '',
    ourPeople: stakeholders.filter((p) => p.side === 'ours').map((p) => p.name),
    theirPeople: stakeholders.filter((p) => p.side === 'theirs').map((p) => p.name),
    ...stakeholderDomains(stakeholders),
  };
}

/** One owner of a step: as written, its side by the reader's rule, and whether it names a person. */
export interface StepOwner {
  text: string;
  side: Side;
  kind: 'person' | 'role' | 'unclear';
}

const SEPARATORS = /\s*(?:[,;+&/]|\b(?:and|with|plus|or)\b)\s*/gi;

/**
 * Each owner of a step, per side and per person: the per-side columns ("Seller owner", "Buyer
 * owner") each on their side, else the Owner cell split into its owners ("Acme sends, Globex IT
 * reviews" is two), each given its side by the reader's own rule. A company whose name holds a
 * separator ("Procter & Gamble") stays one owner.
 */
export function stepOwners(step: ParsedStep, owners: OwnerContext, people: readonly string[], companies: readonly string[]): StepOwner[] {
  const judge = (text: string, side?: Side): StepOwner[] => {
    let kept = text;
    for (const company of companies.filter((c) => c.trim().length > 1 && new RegExp(SEPARATORS.source, 'i').test(c))) {
      kept = kept.replace(new RegExp(escapeRegExp(company.trim()), 'gi'), (m) => m.replace(SEPARATORS, ' '));
    }
    return splitOwners(kept).map((part) => ({ text: part, side: side ?? classifyOwner(part, owners), kind: ownerKind(part, people, companies) }));
  };
  if (step.sideOwners) return [...judge(step.sideOwners.ours, 'ours'), ...judge(step.sideOwners.theirs, 'theirs')];
  return judge(step.owner);
}

/**
 * The owners that leave their side without a person: a team or role on a side where no owner is a
 * person ("Globex legal" beside "Sam Lee (Acme)"). A person whose side the check cannot tell, or
 * "Both", answers for every side.
 */
export function roleOnlyOwners(owners: readonly StepOwner[]): StepOwner[] {
  const sides = new Set(owners.filter((o) => o.kind === 'person').map((o) => o.side));
  if (sides.has('unknown') || sides.has('both')) return [];
  const covered = (side: Side): boolean => (side === 'both' ? sides.has('ours') && sides.has('theirs') : side === 'unknown' ? sides.size > 0 : sides.has(side));
  return owners.filter((o) => o.kind === 'role' && !covered(o.side));
}
