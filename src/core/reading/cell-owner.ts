/** Reads a step's owner cell ("Both", "Acme sends, Globex IT reviews", "[Your AE] + [Champion]") into whose step it is. */
import type { Side } from '../plan';

export interface OwnerContext {
  yourCompany: string;
  theirCompany: string;
  /** Names from the stakeholder table, by side. */
  ourPeople: string[];
  theirPeople: string[];
  /** Email domains known to be each side's (from the stakeholder table's addresses): "globex.com". */
  ourDomains?: string[];
  theirDomains?: string[];
}

// A company's first word names it ("Acme" for "Acme Analytics") unless it is a word many companies start with.
const GENERIC_FIRST_WORDS = new Set([
  'the', 'a', 'an', 'global', 'first', 'united', 'american', 'national', 'international', 'general', 'new', 'big', 'blue', 'red',
  'green', 'digital', 'smart', 'data', 'tech', 'cloud', 'north', 'south', 'east', 'west', 'open', 'one', 'my', 'our', 'your', 'their',
  'bank', 'group', 'company', 'health', 'medical', 'royal', 'central', 'pacific', 'atlantic', 'southern', 'northern', 'western', 'eastern',
]);
// Initials that are role words in an owner cell: "IT" is the prospect's IT, not "Information Technologies".
const ROLE_INITIALS = new Set(['IT', 'CS', 'AE', 'SE', 'SA', 'EB', 'HR', 'PM', 'VP', 'US', 'UK', 'EU', 'QA', 'BD', 'AM', 'CFO', 'CIO', 'CTO', 'CEO', 'COO']);

const companyWords = (name: string): string[] => name.trim().split(/[\s,]+/).filter(Boolean);

/**
 * The ways an owner cell names a company, besides its full name: its first word ("Acme" for "Acme
 * Analytics") when that word is not generic and not the other company's too, and the name run
 * together as in an address ("acmeanalytics" in sam@acmeanalytics.com).
 */
export function companyAliases(name: string, other: string): string[] {
  const words = companyWords(name);
  if (words.length < 2 || name.includes('[')) return [];
  const out = [words.join('').replace(/[^\p{L}\p{N}]+/gu, '')];
  const first = (words[0] ?? '').replace(/[^\p{L}\p{N}&'-]+/gu, '');
  const otherFirst = (companyWords(other)[0] ?? '').toLowerCase();
  if (first.length >= 3 && !GENERIC_FIRST_WORDS.has(first.toLowerCase()) && first.toLowerCase() !== otherFirst) out.push(first);
  return out.filter((a) => a.length > 1);
}

/** A company's initials as people abbreviate it ("AA" for "Acme Analytics", "P&G" style names aside): upper case only. */
export function companyInitials(name: string): string | null {
  const words = companyWords(name).filter((w) => !/^(?:and|of|the|&|\+)$/i.test(w));
  if (words.length < 2 || name.includes('[')) return null;
  const initials = words.map((w) => w.charAt(0).toUpperCase()).join('');
  return /^[A-Z]{2,5}$/.test(initials) && !ROLE_INITIALS.has(initials) ? initials : null;
}

/** Whose address an email is, by the domains the stakeholder table gives and the companies' names in the domain. */
export function emailSide(email: string, context: OwnerContext): Side {
  const domain = (email.trim().toLowerCase().split('@')[1] ?? '').replace(/\.$/, '');
  if (!domain) return 'unknown';
  const inList = (list: string[] | undefined): boolean => (list ?? []).some((d) => domain === d || domain.endsWith(`.${d}`));
  const ours = inList(context.ourDomains);
  const theirs = inList(context.theirDomains);
  if (ours !== theirs) return ours ? 'ours' : 'theirs';
  const labels = domain.split('.').map((l) => l.replace(/[^a-z0-9]+/g, ''));
  const names = (company: string, other: string): string[] =>
    company.trim() && !company.includes('[') ? [company.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ''), ...companyAliases(company, other).map((a) => a.toLowerCase())] : [];
  const byName = (company: string, other: string): boolean => names(company, other).some((n) => n.length > 1 && labels.includes(n));
  const o = byName(context.yourCompany, context.theirCompany);
  const t = byName(context.theirCompany, context.yourCompany);
  return o && !t ? 'ours' : t && !o ? 'theirs' : 'unknown';
}

type One = 'ours' | 'theirs';

const SPLIT = /\s*(?:[,;+&/\n]|\b(?:and|with|plus|or)\b)\s*/i;

/** The names in an owner cell: "Ana, Bo and Cy", "Ana + Bo", "Ana/Bo" give each name; placeholder brackets are dropped. */
export function splitOwners(text: string): string[] {
  return text
    .split(SPLIT)
    .map((s) => s.replace(/^[\s[]+|[\s\]]+$/g, ''))
    .filter(Boolean);
}

// Tried in order on each owner, each match removed before the next rule, so a longer phrase
// claims its words first: "vendor management" is the prospect's procurement, not the vendor,
// and "VP Sales" is the prospect's executive, not our sales team.
const ROLES: [RegExp, One][] = [
  [/\b(vendor|supplier|third party) (management|risk|onboarding|relations|assessment|review|selection)\b|\b([se]?vp|director|head of|chief)( of)?( \w+)?\b/g, 'theirs'],
  [/\b(customer success|vendor|seller|supplier|sales|account (executive|manager)|(sales|solutions?) (engineer|consultant|architect)|csm|cs|ae|se|sa|sdr|bdr|rep|implementation|onboarding|professional services|deal desk)\b/g, 'ours'],
  [/\b(champion|eb|economic buyer|(authori[sz]ed )?signer|signatory|legal|counsel|lawyers?|it|security|infosec|procurement|purchasing|sourcing|finance|prospect|customer|client|buyer|stakeholders?|end users?|users|admins?|decision makers?|budget holder|(technical )?evaluators?|cfo|cio|cto|ciso|coo|ceo)\b/g, 'theirs'],
];

const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const MARK: Record<One, string> = { ours: '\u0001', theirs: '\u0002' };

/**
 * Whose step an owner cell names. Company names, "our"/"their" and stakeholders' names decide
 * an owner before role words do ("Acme legal" is ours); owners on both sides make 'both'.
 */
export function classifyOwner(text: string, context: OwnerContext): Side {
  // Addresses first ("dana@globex.com"): their domain says whose, and their words must not be read as names.
  let original = text.replace(/[^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,}/gi, (email) => {
    const side = emailSide(email, context);
    return side === 'ours' || side === 'theirs' ? ` ${MARK[side]} ` : ' ';
  });
  // Initials are matched as written, in capitals, so "aa" in a word never counts.
  for (const [company, side] of [[context.yourCompany, 'ours'], [context.theirCompany, 'theirs']] as [string, One][]) {
    const initials = companyInitials(company);
    if (initials) original = original.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc(initials)}(?![\\p{L}\\p{N}])`, 'gu'), ` ${MARK[side]} `);
  }
  let t = original.toLowerCase();
  if (/\b(both|joint|jointly|mutual|together|everyone|all parties)\b/.test(t)) return 'both';
  const names: [string, One][] = [
    [context.yourCompany, 'ours'],
    [context.theirCompany, 'theirs'],
    ...companyAliases(context.yourCompany, context.theirCompany).map((a): [string, One] => [a, 'ours']),
    ...companyAliases(context.theirCompany, context.yourCompany).map((a): [string, One] => [a, 'theirs']),
    ...context.ourPeople.map((n): [string, One] => [n, 'ours']),
    ...context.theirPeople.map((n): [string, One] => [n, 'theirs']),
  ];
  const tokens = new Map<string, One | null>();
  // Full names become markers before the cell is split, so "Procter & Gamble" stays one owner; longest first, so "Acme Health" wins over "Acme".
  for (const [name, side] of names.filter(([n]) => n.trim().length > 1 && !n.includes('[')).sort((a, b) => b[0].length - a[0].length)) {
    const n = name.trim().toLowerCase();
    t = t.replace(new RegExp(`(?<![\\p{L}\\p{N}])${esc(n)}(?![\\p{L}\\p{N}])`, 'gu'), ` ${MARK[side]} `);
    // A first or last name alone counts only when no one on the other side shares it.
    if (side === 'ours' ? context.ourPeople.includes(name) : context.theirPeople.includes(name))
      for (const tok of n.split(/\s+/)) if (tok.length > 1) tokens.set(tok, tokens.has(tok) && tokens.get(tok) !== side ? null : side);
  }
  const found = new Set<One>();
  for (let part of t.split(SPLIT)) {
    const here = new Set<One>();
    if (part.includes(MARK.ours) || /\b(our|we|us)\b|\[your\b/.test(part)) here.add('ours');
    if (part.includes(MARK.theirs) || /\b(their|they|them)\b/.test(part)) here.add('theirs');
    for (const tok of part.split(/[^\p{L}\p{N}'-]+/u)) {
      const side = tokens.get(tok);
      if (side) here.add(side);
    }
    if (!here.size)
      for (const [re, side] of ROLES)
        part = part.replace(re, () => {
          here.add(side);
          return ' ';
        });
    here.forEach((s) => found.add(s));
  }
  return found.size === 2 ? 'both' : ([...found][0] ?? 'unknown');
}
