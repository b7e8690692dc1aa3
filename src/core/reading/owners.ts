/** People and sides: the names in an owner cell (typed and chips), whose address an email is, and a stakeholder's title without its company. */
import type { OwnerContext } from '../cell-owner';
import type { Chip, ParsedStakeholder } from '../parsed-plan';
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

function companyKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Whose address an email is: a stakeholder's, or a company's domain ("dana@globex.com" is Globex's). */
export function sideOfEmail(email: string, ctx: OwnerContext, stakeholders: readonly ParsedStakeholder[]): Side {
  const e = email.trim().toLowerCase();
  const known = stakeholders.find((s) => s.email?.toLowerCase() === e && s.side !== 'unknown');
  if (known) return known.side;
  const domain = e.split('@')[1] ?? '';
  const labels = domain.split('.').map(companyKey);
  const ours = ctx.yourCompany && labels.includes(companyKey(ctx.yourCompany));
  const theirs = ctx.theirCompany && labels.includes(companyKey(ctx.theirCompany));
  return ours && !theirs ? 'ours' : theirs && !ours ? 'theirs' : 'unknown';
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
