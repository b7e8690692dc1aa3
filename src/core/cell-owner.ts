/** Reads a step's owner cell ("Both", "Acme sends, Globex IT reviews", "[Your AE] + [Champion]") into whose step it is. */
import type { Side } from './plan';

export interface OwnerContext {
  yourCompany: string;
  theirCompany: string;
  /** Names from the stakeholder table, by side. */
  ourPeople: string[];
  theirPeople: string[];
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
  let t = text.toLowerCase();
  if (/\b(both|joint|jointly|mutual|together|everyone|all parties)\b/.test(t)) return 'both';
  const names: [string, One][] = [
    [context.yourCompany, 'ours'],
    [context.theirCompany, 'theirs'],
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
