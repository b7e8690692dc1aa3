/** The Stakeholders table: each person's name, title, responsibility, email and side (from the company, the title, the address, the name). */
import { classifyOwner, type OwnerContext } from './cell-owner';
import type { OutlineCell, ParsedStakeholder } from './parsed-plan';
import type { Side } from '../plan';
import { mapColumns } from './columns';
import { STAKEHOLDER_HEADER_WORDS, type StakeholderColumn } from './header-words';
import { chipName, people, sideOfEmail, stripCompany } from './owners';
import { cellAt, headersOf, isBlank, type FoundTable } from './tables';
import { clean } from './text';

export function readStakeholders(found: FoundTable, companies: { yourCompany: string; theirCompany: string }): ParsedStakeholder[] {
  const { table, headerRow } = found;
  const headers = headersOf(table, headerRow);
  const cols = mapColumns(headers, STAKEHOLDER_HEADER_WORDS).columns;
  const { yourCompany, theirCompany } = companies;
  const companyOnly: OwnerContext = { yourCompany, theirCompany, ourPeople: [], theirPeople: [] };
  const out: ParsedStakeholder[] = [];
  for (let r = headerRow + 1; r < table.rows.length; r++) {
    const cells = table.rows[r]?.cells ?? [];
    if (cells.every(isBlank)) continue;
    const get = (k: StakeholderColumn): OutlineCell => cellAt(table, r, cols[k]);
    const nameCell = get('name');
    const role = clean(get('title').text);
    const company = clean(get('company').text);
    const chips = cells.flatMap((c) => people(c.chips));
    const nameChip = people(nameCell.chips)[0] ?? null;
    const name = clean(nameCell.text) || (nameChip ? chipName(nameChip) : '');
    const typedEmail = /[^\s<>()@,;]+@[^\s<>()@,;]+\.[a-z]{2,}/i.exec([get('email').text, nameCell.text].join(' '))?.[0] ?? null;
    const email = nameChip?.email ?? typedEmail ?? chips[0]?.email ?? null;
    const side = stakeholderSide({ company, role, email, name }, companyOnly);
    out.push({
      name,
      title: stripCompany(role, [yourCompany, theirCompany]),
      responsibility: clean(get('responsibility').text),
      side,
      email,
      cell: cols.name === undefined ? null : { tableIndex: table.index, row: r, column: cols.name },
    });
  }
  return out;
}

/** Whose person a stakeholder is: their company, else their title ("Account Executive, Acme"), else their address, else their name. */
export function stakeholderSide(p: { company: string; role: string; email: string | null; name: string }, companyOnly: OwnerContext): Side {
  let side: Side = p.company ? classifyOwner(p.company, companyOnly) : 'unknown';
  if (side === 'unknown' && p.role) side = classifyOwner(p.role, companyOnly);
  if (side === 'unknown' && p.email) side = sideOfEmail(p.email, companyOnly, []);
  if (side === 'unknown' && p.name) side = classifyOwner(p.name, companyOnly);
  return side;
}
