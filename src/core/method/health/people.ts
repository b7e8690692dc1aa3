/** The prospect's people as the health check finds them: the economic buyer, the champion, who a text names, and whether an owner is a person or a role. */
import { splitOwners } from '../../reading/cell-owner';
import type { ParsedStakeholder } from '../../reading/parsed-plan';
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

