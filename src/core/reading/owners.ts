/** People and sides: the names in an owner cell (typed and chips), whose address an email is, and a stakeholder's title without its company. */
import { classifyOwner, emailSide, type OwnerContext } from './cell-owner';
import type { Chip, ParsedStakeholder } from './parsed-plan';
import type { Side } from '../plan';
import { clean, esc } from './text';

export const people = (chips: readonly Chip[]): Extract<Chip, { kind: 'person' }>[] => chips.filter((c): c is Extract<Chip, { kind: 'person' }> => c.kind === 'person');

export const chipName = (chip: Extract<Chip, { kind: 'person' }>): string => chip.name.trim() || chip.email;

/** A cell's people: the text as typed, with chip names added that the text does not already say. */
export function withChipNames(text: string, chips: readonly Chip[]): string {
  let out = clean(text);
  for (const chip of people(chips)) {
    const name = chipName(chip);
    if (out.toLowerCase().includes(name.toLowerCase())) continue;
    if (!out) out = name;
    else if (/(?:[+,&/;]|\band|\bwith)$/i.test(out)) out = `${out} ${name}`;
    else out = `${out}, ${name}`;
  }
  return out;
}

/** Whose address an email is: a stakeholder's, else by its domain (see emailSide: "dana@globex.com" is Globex's). */
export function sideOfEmail(email: string, ctx: OwnerContext, stakeholders: readonly ParsedStakeholder[]): Side {
  const e = email.trim().toLowerCase();
  const known = stakeholders.find((s) => s.email?.toLowerCase() === e && s.side !== 'unknown');
  if (known) return known.side;
  return emailSide(e, ctx);
}

// Addresses at these domains say nothing about a company.
const PUBLIC_DOMAINS = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'icloud.com', 'me.com', 'live.com', 'aol.com', 'proton.me', 'protonmail.com']);

/** Each side's email domains, from the stakeholders whose side is known; a domain both sides use counts for neither. */
export function stakeholderDomains(stakeholders: readonly ParsedStakeholder[]): { ourDomains: string[]; theirDomains: string[] } {
  const of = (side: Side): Set<string> =>
    new Set(stakeholders.filter((s) => s.side === side && s.email).map((s) => (s.email ?? '').toLowerCase().split('@')[1] ?? '').filter((d) => d && !PUBLIC_DOMAINS.has(d)));
  const ours = of('ours');
  const theirs = of('theirs');
  return { ourDomains: [...ours].filter((d) => !theirs.has(d)), theirDomains: [...theirs].filter((d) => !ours.has(d)) };
}

export function combineSides(sides: readonly Side[]): Side {
  const known = new Set(sides.filter((s) => s !== 'unknown'));
  if (known.has('both') || (known.has('ours') && known.has('theirs'))) return 'both';
  return [...known][0] ?? 'unknown';
}


/** "Controller, Globex" is titled Controller: the company beside a title says whose person it is, and is not the title. */
export function stripCompany(role: string, companies: readonly string[]): string {
  let t = clean(role);
  for (const c of companies.filter((name) => name.trim().length > 1)) {
    const n = esc(c.trim());
    t = t
      .replace(new RegExp(`\\s*(?:,|\\bat|@|[-–—])\\s*${n}$`, 'i'), '')
      .replace(new RegExp(`\\s*\\(${n}\\)$`, 'i'), '')
      .replace(new RegExp(`^${n}$`, 'i'), '');
  }
  return t.trim();
}

/** Whose step an owner cell names: the names in its text, then the people in its chips, whose addresses decide what names cannot. */
export function ownerSide(owner: string, chips: readonly Chip[], ctx: OwnerContext, stakeholders: readonly ParsedStakeholder[]): Side {
  let side = owner ? classifyOwner(owner, ctx) : 'unknown';
  const chipPeople = people(chips);
  if (chipPeople.length > 0) {
    const chipSides = chipPeople.map((c) => sideOfEmail(c.email, ctx, stakeholders));
    side = side === 'unknown' ? combineSides(chipSides) : combineSides([side, ...chipSides]);
  }
  return side;
}
