/** The model the add-on's property tests check against: which cells of the document an action may change, and what a person did in between. */
import type { BlockSnapshot, TableSnapshot } from '../../emulation/document';
import type { Role } from './plans';

/** A steps table as the test knows it: the emulated table object and what each column is. */
export interface TrackedTable {
  table: GoogleAppsScript.Document.Table;
  roles: Role[];
}

export interface Model {
  /** The document as it was after the last thing that happened to it. */
  before: BlockSnapshot[];
  /** The steps tables, tracked through column moves (tables are never removed). */
  tables: TrackedTable[];
  /** The document right after the last preview, when a shift was applied since and nobody typed: undo must give it back. */
  beforeShift: BlockSnapshot[] | null;
}

/** What an action may change besides colours. */
export type Allowed = 'nothing' | 'dates' | 'review-line';

const KEY_DATE_LINE = /^(Evaluation start|Decision target|Go-live target):/;
const LAST_REVIEWED = /^\s*Last reviewed\b/i;

function isGoal(blocks: readonly BlockSnapshot[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const b = blocks[j];
    if (!b || b.kind === 'table') return false;
    if (b.heading !== 'NORMAL') return /goal/i.test(b.text);
    if (b.text.trim()) return false;
  }
  return false;
}

const CHANGES = /^\s*(?:changes|change log|changelog|plan changes)\s*:?\s*$/i;

/**
 * The document without its "Changes" section (a heading and the lines under it up to the next
 * heading or table): a shift adds its dated line there (and the heading, at the end, when there is
 * none), and its undo takes them back.
 */
function withoutChanges(blocks: readonly BlockSnapshot[]): BlockSnapshot[] {
  const out: BlockSnapshot[] = [];
  let inChanges = false;
  for (const b of blocks) {
    if (b.kind === 'table') inChanges = false;
    else if (b.heading !== 'NORMAL') inChanges = CHANGES.test(b.text);
    // An empty paragraph (Docs keeps one at the end) is not the section's: the section is added before it.
    if (!inChanges || (b.kind !== 'table' && b.heading === 'NORMAL' && b.text === '')) out.push(b);
  }
  return out;
}

/** Which column of a snapshot table is what, when the table is one the test tracks (matched by its header row). */
function rolesOf(table: TableSnapshot, tracked: readonly { roles: Role[]; header: string[] }[]): Role[] | null {
  const header = table.rows[0]?.map((c) => c.text) ?? [];
  // A ragged table is as wide as its widest row: columns past the known ones are extra.
  const known = tracked.find((t) => t.header.length <= header.length && t.header.every((h, i) => h === header[i]));
  return known ? header.map((_, i) => known.roles[i] ?? 'extra') : null;
}

/**
 * Every difference between two pictures of the document that the action was not allowed to make,
 * in words ("table 2 row 3 column 1: 'a' became 'b'"). Colours may change only in the status and
 * due cells of a steps table; text only where `allowed` says.
 */
export function forbiddenChanges(
  before: readonly BlockSnapshot[],
  after: readonly BlockSnapshot[],
  allowed: Allowed,
  tracked: readonly { roles: Role[]; header: string[] }[],
): string[] {
  const problems: string[] = [];
  const strip = (blocks: readonly BlockSnapshot[]) =>
    allowed === 'review-line' ? blocks.filter((b) => b.kind === 'table' || !LAST_REVIEWED.test(b.text)) : allowed === 'dates' ? withoutChanges(blocks) : [...blocks];
  const a = strip(before);
  const b = strip(after);
  if (a.length !== b.length) return [`the document had ${a.length} blocks and now has ${b.length}`];
  a.forEach((x, i) => {
    const y = b[i]!;
    if (x.kind !== y.kind) {
      problems.push(`block ${i} was a ${x.kind} and is now a ${y.kind}`);
      return;
    }
    if (x.kind !== 'table' || y.kind !== 'table') {
      if (JSON.stringify(x) === JSON.stringify(y)) return;
      const datesMayMove = allowed === 'dates' && x.kind !== 'table' && (KEY_DATE_LINE.test(x.text) || isGoal(a, i));
      if (!datesMayMove) problems.push(`paragraph ${i}: ${JSON.stringify(x.kind === 'table' ? '' : x.text)} became ${JSON.stringify(y.kind === 'table' ? '' : y.text)}`);
      return;
    }
    const roles = rolesOf(x, tracked);
    if (x.rows.length !== y.rows.length) {
      problems.push(`table ${i} had ${x.rows.length} rows and now has ${y.rows.length}`);
      return;
    }
    x.rows.forEach((row, r) => {
      const other = y.rows[r]!;
      if (row.length !== other.length) {
        problems.push(`table ${i} row ${r} had ${row.length} cells and now has ${other.length}`);
        return;
      }
      row.forEach((cell, c) => {
        const now = other[c]!;
        const role = r > 0 && roles ? roles[c] : undefined;
        const colourMay = role === 'due' || role === 'status';
        const textMay = allowed === 'dates' && role === 'due';
        if (cell.backgroundColor !== now.backgroundColor && !colourMay) {
          problems.push(`table ${i} row ${r} column ${c}: colour ${cell.backgroundColor} became ${now.backgroundColor}`);
        }
        if (JSON.stringify(cell.blocks) !== JSON.stringify(now.blocks) && !textMay) {
          problems.push(`table ${i} row ${r} column ${c}: ${JSON.stringify(cell.text)} became ${JSON.stringify(now.text)}`);
        }
      });
    });
  });
  return problems;
}
