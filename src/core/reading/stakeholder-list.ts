/** Stakeholders written as list items or lines instead of a table ("Dana Ruiz, CFO, Globex (economic buyer)", "Economic buyer: Dana Ruiz (CFO)"): each person's name, title, responsibility, email and side. */
import { classifyOwner, companyAliases, type OwnerContext } from './cell-owner';
import type { ParsedStakeholder } from './parsed-plan';
import type { Side } from '../plan';
import { chipName, people, stripCompany } from './owners';
import { isSectionLabel, type PlanDocument } from './sections';
import { stakeholderSide } from './stakeholders';
import { clean, esc } from './text';

/** Words of a person's part in the evaluation, not their job title ("economic buyer", "signs the order form"). */
const RESPONSIBILITY =
  /\b(?:economic buyer|EB|champion|coach|sponsor|decision[- ]?makers?|final (?:decision|approval|say|sign[- ]?off)|sign[- ]?off|signer|signatory|signs|approves?|approver|approval|owns|budget|evaluat\w*|influencer|user buyer|technical buyer|end users?|day[- ]to[- ]day|point of contact|main contact|primary contact|internal advocate|blocker|gatekeeper|reviews|runs|drives|leads the|responsible for)\b/i;
/** Words of a job title or a team: a part holding one is no person's name ("Head of IT", "CFO"). */
const TITLE =
  /\b(?:chief|officer|CFO|CEO|CIO|CTO|CISO|COO|CRO|CMO|VP|SVP|EVP|AVP|vice president|president|director|head|manager|lead|controller|counsel|engineer|architect|analyst|administrator|admin|executive|AE|SE|CSM|SDR|BDR|specialist|consultant|founder|partner|coordinator|procurement|legal|finance|IT|security|treasurer|accountant|representative|associate|team|department|marketing|sales|operations|ops|HR|engineering|product|accounting|purchasing|sourcing|compliance|infosec|support|success|services|strategy|treasury|TBD|TBC)\b/i;
/** Words that open a note, not a person, when they stand alone before a colon or a dash ("Note: Dana prefers email"). */
const NOT_A_NAME = /^(?:note|notes|nb|update|updates|status|next|action|actions|other|others|also|plus|contact|contacts|email|phone|owner|owners|everyone|all|both|tbd|tbc|none|n\/a)$/i;
/** A name as people write one: capitalised words (initials and particles allowed), or a placeholder in brackets. */
const NAME_WORD = /^(?:\p{Lu}(?=[\p{L}'’.-]*\p{Ll})[\p{L}'’.-]*|\p{Lu}\.|van|von|de|der|da|del|la|le|bin|al)$/u;
const EMAIL = /<?([^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,})>?/i;
/** Separators between a line's parts: commas, semicolons, bars, colons, spaced dashes, any en or em dash, parentheses. */
const SEPARATOR = /\s+-\s+|\s*[—–]\s*|\s*[,;|:()]\s*/;

function isPlaceholder(part: string): boolean {
  return /^\[[^\]]+\]$/.test(part);
}

function looksLikeName(part: string): boolean {
  if (isPlaceholder(part)) return true;
  const words = part.split(/\s+/);
  if (words.length === 1 && NOT_A_NAME.test(part)) return false;
  return words.length <= 5 && words.every((w) => NAME_WORD.test(w)) && NAME_WORD.test(words[0] ?? '') && !/^(?:van|von|de|der|da|del|la|le|bin|al)$/.test(words[0] ?? '') && !TITLE.test(part) && !RESPONSIBILITY.test(part);
}

/** The company a part names: the company itself ("Globex", "Globex Corp"), and the title after it ("Globex IT" is Globex's IT). */
function companyIn(part: string, companies: readonly string[]): { company: string; rest: string } | null {
  for (const [i, company] of companies.entries()) {
    if (!company.trim() || company.includes('[')) continue;
    const names = [company.trim(), ...companyAliases(company, companies[1 - i] ?? '')];
    for (const name of names) {
      const m = new RegExp(`^(${esc(name)})(?:\\s+(?:inc|corp|ltd|llc|gmbh|co)\\.?)?(?:\\s+(.*))?$`, 'i').exec(part);
      if (m) return { company: m[1] ?? name, rest: (m[2] ?? '').trim() };
    }
  }
  return null;
}

/** One line about a person, split into its parts: name, title, company, responsibility, email. */
function readLine(
  text: string,
  chip: { name: string; email: string } | null,
  companies: readonly string[],
): { name: string; title: string; company: string; responsibility: string[]; email: string | null } | null {
  let rest = clean(text).replace(/[.\s]+$/, '');
  const typedEmail = EMAIL.exec(rest)?.[1] ?? null;
  if (typedEmail) rest = rest.replace(EMAIL, ' ');
  // A dash right after a parenthesis ("(Globex Controller) - champion") is a separator too.
  const parts = rest.split(SEPARATOR).map((p) => p.replace(/^[-–—\s]+|[-–—\s]+$/g, '')).filter((p) => p !== '');
  let name = chip ? chip.name : '';
  let title = '';
  let company = '';
  const responsibility: string[] = [];
  for (const part of parts) {
    if (!name && looksLikeName(part) && !companyIn(part, companies)) {
      name = part;
      continue;
    }
    const named = companyIn(part, companies);
    if (named && !company) {
      company = named.company;
      if (named.rest && !title) title = named.rest;
      else if (named.rest) responsibility.push(named.rest);
    } else if (RESPONSIBILITY.test(part)) responsibility.push(part);
    else if (!title) title = part;
    // A capitalised word or two after the title, with no title word, is the company when the plan names none ("Initech").
    else if (!company && companies.every((c) => !c.trim()) && /^\p{Lu}\S*(?:\s\p{Lu}\S*)?$/u.test(part) && !TITLE.test(part)) company = part;
    else responsibility.push(part);
  }
  if (!name) return null;
  return { name, title, company, responsibility, email: chip?.email ?? typedEmail };
}

/** A side of the table named on its own ("Globex", "Acme team:", "Buyer side"): the people under it are that side's. */
function groupOf(text: string, companies: readonly string[], heading = false): { company: string; side: Side | null } | null {
  const t = clean(text).replace(/[:\s]+$/, '');
  const team = /^(?:team|side|stakeholders|people|contacts|group|org|organi[sz]ation)?$/i;
  const named = companyIn(t, companies);
  // A heading may name a team of the company too ("Globex procurement").
  if (named && (heading || team.test(named.rest))) return { company: named.company, side: null };
  if (/^(?:our|vendor|seller|supplier)\s+(?:team|side|people)$/i.test(t)) return { company: companies[0] ?? '', side: 'ours' };
  if (/^(?:their|buyer|customer|client|prospect)\s+(?:team|side|people)$/i.test(t)) return { company: companies[1] ?? '', side: 'theirs' };
  return null;
}

/**
 * Several people on one line, each a name with its title: "Dana Ruiz (CFO), Lee Chen (Controller)",
 * after a side ("Globex: …"). One person's line ("Dana Ruiz, CFO, Globex") stays one.
 */
function peopleOnLine(text: string, companies: readonly string[]): { group: ReturnType<typeof groupOf>; lines: string[] } {
  const colon = /^([^:()]{1,40}):\s*(.+)$/.exec(text);
  const group = colon ? groupOf(colon[1] ?? '', companies) : null;
  const rest = group ? (colon?.[2] ?? '') : text;
  const segments = rest.split(/[,;](?![^()]*\))\s*|\s+(?:and|&)\s+(?=\p{Lu})/u).map((p) => p.trim()).filter(Boolean);
  const opensWithName = (segment: string): boolean => {
    const first = segment.split(SEPARATOR)[0]?.trim() ?? '';
    return first.split(/\s+/).length >= 2 && looksLikeName(first) && !companyIn(first, companies);
  };
  if (segments.length >= 2 && segments.every(opensWithName)) return { group, lines: segments };
  return { group, lines: [rest] };
}

/**
 * The people of the Stakeholders section when it is a list or lines, not a table. A list item
 * whose parts hold no name ("Weekly sync on Tuesdays") is no person; a plain line counts only
 * when it says more than a name. An item nested under a person adds to their responsibility; a
 * line or heading naming a side ("Globex", "Our team") gives its company to the people under it.
 */
export function readStakeholderList(doc: PlanDocument, companies: { yourCompany: string; theirCompany: string }): ParsedStakeholder[] {
  const { yourCompany, theirCompany } = companies;
  const companyOnly: OwnerContext = { yourCompany, theirCompany, ourPeople: [], theirPeople: [] };
  const names = [yourCompany, theirCompany];
  const out: ParsedStakeholder[] = [];
  let last: { person: ParsedStakeholder; nesting: number } | null = null;
  // The side the lines below belong to, and how deep: a heading's lasts to the next heading (-1).
  let group: { company: string; side: Side | null; nesting: number } | null = null;
  for (const [i, block] of doc.blocks.entries()) {
    const section = doc.sections[i];
    if (block.kind !== 'paragraph' || section?.name !== 'stakeholders' || i === doc.titleAt) continue;
    const text = clean(block.text);
    if (block.heading > 0) {
      const g = section.start === block.index ? null : groupOf(text, names, true);
      group = g ? { ...g, nesting: -1 } : null;
      last = null;
      continue;
    }
    if (isSectionLabel(block)) continue;
    const chip = people(block.chips)[0] ?? null;
    if (!text && !chip) continue;
    const nesting = block.nesting ?? 0;
    if (group && group.nesting >= 0 && (block.list === null || nesting <= group.nesting)) group = null;
    if (last && block.list !== null && nesting > last.nesting) {
      last.person.responsibility = [last.person.responsibility, text].filter(Boolean).join('; ');
      continue;
    }
    if (text.endsWith('?') || text.length > 200) continue;
    const g = chip ? null : groupOf(text, names);
    if (g) {
      group = { ...g, nesting: block.list === null ? -1 : nesting };
      last = null;
      continue;
    }
    const onLine = chip ? { group: null, lines: [text] } : peopleOnLine(text, names);
    const side = onLine.group ?? group;
    for (const lineText of onLine.lines) {
      const line = readLine(lineText, chip ? { name: chipName(chip), email: chip.email } : null, names);
      if (!line) continue;
      if (block.list === null && !chip && !side && !line.title && !line.company && line.responsibility.length === 0) continue;
      const company = line.company || (side?.company ?? '');
      const role = [line.title, company].filter(Boolean).join(', ');
      const responsibility = line.responsibility.join('; ');
      // A list says the part before the title as often as after it ("Champion: Jo Kim"): the part's words say whose person it is too.
      let personSide = side?.side && !line.company ? side.side : stakeholderSide({ company, role, email: line.email, name: line.name }, companyOnly);
      if (personSide === 'unknown' && responsibility) personSide = classifyOwner(responsibility, companyOnly);
      const person: ParsedStakeholder = {
        name: line.name,
        title: stripCompany(line.title, names),
        responsibility,
        side: personSide,
        email: line.email,
        cell: null,
        paragraphIndex: block.index,
      };
      out.push(person);
      last = block.list !== null && onLine.lines.length === 1 ? { person, nesting } : null;
    }
  }
  return out;
}
