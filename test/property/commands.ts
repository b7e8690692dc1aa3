/** The prospect's edits and the add-on's actions as fast-check commands, each checking after it runs that nothing it was not meant to change changed. */
import fc from 'fast-check';
import { ScriptError } from '../../emulation';
import { PROPERTY_STORE_LIMIT_BYTES, PROPERTY_VALUE_LIMIT_BYTES } from '../../emulation';
import type { BlockSnapshot } from '../../emulation/document';
import { parseDueDate } from '../../src/core/reading/cell-dates';
import { forbiddenChanges, type Allowed, type Model } from './document-model';
import { DATE_FORMS, HEADER_WORDS, STATUSES, dayAt, type Role } from './plans';
import type { Session } from '../integration/harness';

export interface Real {
  s: Session;
  locale: 'en_US' | 'en_GB';
}

type Cmd = fc.Command<Model, Real>;

const tracked = (m: Model) =>
  m.tables.map((t) => ({ roles: t.roles, header: Array.from({ length: t.table.getRow(0).getNumCells() }, (_, c) => t.table.getCell(0, c).getText()) }));

/** Google's limits on what the add-on keeps in document properties: every value under 9 KB, the store under 500 KB. */
function checkStore(real: Real): void {
  const store = real.s.env.properties.document;
  for (const [key, value] of store.entries) {
    if (Buffer.byteLength(value) > PROPERTY_VALUE_LIMIT_BYTES) throw new Error(`document property ${key} holds ${Buffer.byteLength(value)} bytes`);
  }
  if (store.bytes() > PROPERTY_STORE_LIMIT_BYTES) throw new Error(`document properties hold ${store.bytes()} bytes`);
}

/**
 * Runs a server function as the sidebar does. A UserError's sentence is a fine answer; an add-on
 * defect ("Sorry, ... failed") or a message carrying a stack trace fails the property.
 */
export function call(real: Real, name: string, ...args: unknown[]): Record<string, unknown> | null {
  try {
    return real.s.addOn.runSync(name, ...args) as Record<string, unknown> | null;
  } catch (error) {
    if (!(error instanceof ScriptError)) throw error;
    if (/^Sorry,|\n\s+at /.test(error.message)) throw new Error(`${name} failed as a defect: ${error.message}`, { cause: error });
    return null;
  }
}

/** Runs an action and checks the document changed only where `allowed` says. */
function act(m: Model, real: Real, allowed: Allowed, name: string, ...args: unknown[]): Record<string, unknown> | null {
  const before = real.s.blocks();
  const result = call(real, name, ...args);
  const after = real.s.blocks();
  const problems = forbiddenChanges(before, after, allowed, tracked(m));
  if (problems.length) throw new Error(`${name}(${JSON.stringify(args)}) changed what it was not asked to:\n  ${problems.slice(0, 8).join('\n  ')}`);
  checkStore(real);
  m.before = after;
  return result;
}

/** A person's edit: the document changes, so undo can no longer promise the document back exactly. */
function edited(m: Model, real: Real): void {
  m.before = real.s.blocks();
  m.beforeShift = null;
}

/**
 * The document as a person sees it, for "undo gives the document back". One equivalence only: a
 * table cell filled white is a cell with no fill. Clearing a fill writes white, because Google
 * documents setBackgroundColor(null) for Text ranges only, not for table cells (docs/apps-script.md;
 * checked on a real account by docs/acceptance.md, check C). Every other byte must match.
 */
function asSeen(blocks: BlockSnapshot[]): string {
  return JSON.stringify(blocks, (key, value: unknown) => {
    if (value && typeof value === 'object' && 'blocks' in value && 'text' in value && (value as { backgroundColor?: unknown }).backgroundColor === '#ffffff') {
      return { ...value, backgroundColor: null };
    }
    return value;
  });
}
const same = (a: BlockSnapshot[], b: BlockSnapshot[]) => asSeen(a) === asSeen(b);

// ---- the add-on's actions ------------------------------------------------------------------

class Read implements Cmd {
  constructor(readonly name: 'getShiftState' | 'getHealth' | 'getReview' | 'getTimeline' | 'refreshStatusColours' | 'getSidebarState') {}
  check = () => true;
  run(m: Model, real: Real): void {
    act(m, real, 'nothing', this.name);
  }
  toString = () => `${this.name}()`;
}

type Target = number | 'cursor' | 'detect';

function request(target: Target, to: string, expect?: string): Record<string, unknown> {
  const base = target === 'detect' ? { kind: 'detect' } : { kind: 'step', step: target === 'cursor' ? null : target, to };
  return expect ? { ...base, expect } : base;
}

class Preview implements Cmd {
  constructor(readonly target: Target, readonly to: string) {}
  check = () => true;
  run(m: Model, real: Real): void {
    act(m, real, 'nothing', 'previewShift', request(this.target, this.to));
  }
  toString = () => `previewShift(${JSON.stringify(request(this.target, this.to))})`;
}

interface PreviewView {
  ok: boolean;
  token?: string;
  rows?: { key: string; number: number; label: string; to: string }[];
}

function dueCells(m: Model): { row: number; cell: GoogleAppsScript.Document.TableCell }[] {
  const out: { row: number; cell: GoogleAppsScript.Document.TableCell }[] = [];
  for (const t of m.tables) {
    const c = t.roles.indexOf('due');
    if (c < 0) continue;
    for (let r = 1; r < t.table.getNumRows(); r++) out.push({ row: r, cell: t.table.getCell(r, c) });
  }
  return out;
}

export class Apply implements Cmd {
  constructor(readonly target: Target, readonly to: string) {}
  check = () => true;
  run(m: Model, real: Real): void {
    const preview = act(m, real, 'nothing', 'previewShift', request(this.target, this.to)) as PreviewView | null;
    if (!preview?.ok) return;
    const seen = real.s.blocks();
    const applied = act(m, real, 'dates', 'applyShift', request(this.target, this.to, preview.token)) as { ok: boolean; written: number; skipped: string[] } | null;
    if (!applied) return;
    if (!applied.ok) throw new Error(`Apply refused right after its preview, with nobody typing: ${JSON.stringify(applied)}`);
    // What the preview showed is what the document now says (steps reported as skipped aside).
    const texts = new Set(dueCells(m).map((d) => d.cell.getText()));
    for (const row of preview.rows ?? []) {
      if (applied.skipped.some((s) => s.startsWith(`Step ${row.label}'s`) || s.startsWith(`Step ${row.label} `))) continue;
      if (!texts.has(row.to)) throw new Error(`the preview showed step ${row.number} moving to "${row.to}", which no due cell says`);
    }
    m.beforeShift = applied.written > 0 ? seen : m.beforeShift;
  }
  toString = () => `applyShift(${JSON.stringify(request(this.target, this.to))})`;
}

export class Undo implements Cmd {
  check = () => true;
  run(m: Model, real: Real): void {
    const expected = m.beforeShift;
    act(m, real, 'dates', 'undoLastShift');
    if (expected && !same(expected, real.s.blocks())) {
      const problems = forbiddenChanges(expected, real.s.blocks(), 'nothing', tracked(m));
      throw new Error(`a shift then its undo, nobody typing in between, did not give the document back:\n  ${problems.slice(0, 8).join('\n  ')}`);
    }
    m.beforeShift = null;
  }
  toString = () => 'undoLastShift()';
}

class MarkReviewed implements Cmd {
  constructor(readonly writeLine: boolean) {}
  check = () => true;
  run(m: Model, real: Real): void {
    act(m, real, this.writeLine ? 'review-line' : 'nothing', 'markReviewed', { writeLine: this.writeLine });
    if (this.writeLine) m.beforeShift = null;
  }
  toString = () => `markReviewed({ writeLine: ${this.writeLine} })`;
}

/** Insert MAP on a document that already has a plan: a message, and nothing written. */
class InsertAgain implements Cmd {
  check = (m: Readonly<Model>) => m.tables.some((t) => t.roles.includes('due') && t.roles.includes('action'));
  run(m: Model, real: Real): void {
    const result = act(m, real, 'nothing', 'insertMap', {
      yourCompany: 'Acme', theirCompany: 'Globex', product: 'Acme Close', problem: 'slow close', dealType: 'standard', dealStage: 'post-demo',
      annualContractValue: '85000', evaluationStart: '2026-12-07', decisionTarget: '', goLiveTarget: '',
      people: Object.fromEntries(['champion', 'economicBuyer', 'technicalEvaluator', 'accountExecutive', 'solutionsEngineer'].map((r) => [r, { name: '', title: '' }])),
      theirWords: { procurement: '', legal: '', security: '', internalReview: '' },
    });
    if (result?.ok !== false) throw new Error(`Insert MAP wrote a second plan: ${JSON.stringify(result)}`);
  }
  toString = () => 'insertMap(standard)';
}

/**
 * A person types into a due cell the shift is about to write, between the add-on's read and its
 * write: the emulation runs the edit when the add-on makes its first write call. Their text must
 * stay, and the result must report the step as skipped.
 */
export class ApplyWhileTyping implements Cmd {
  constructor(readonly target: number, readonly typed: string) {}
  check = () => true;
  run(m: Model, real: Real): void {
    const preview = act(m, real, 'nothing', 'previewShift', request(this.target, '+1 week')) as PreviewView | null;
    const rows = preview?.ok ? (preview.rows ?? []) : [];
    if (rows.length < 2) return;
    const victim = rows[rows.length - 1]!;
    // By key, not number: a row a person added without a number is numbered by its place, so two
    // steps can both be "11", and the other one's cell is not one the shift writes.
    const candidates = dueCells(m).filter((d) => d.cell.getText() === (real.s.run('getShiftState').steps.find((s) => s.key === victim.key)?.dueText ?? '\u0000'));
    if (candidates.length !== 1) return; // a copied row: two cells the test cannot tell apart
    const cell = candidates[0]!.cell;
    const calls = real.s.env.calls;
    const record = calls.record.bind(calls);
    let typed = false;
    calls.record = (label: string) => {
      record(label);
      if (!typed && /\.(editAsText|insertText|deleteText|setText)$/.test(label)) {
        typed = true;
        cell.editAsText().appendText(this.typed);
      }
    };
    let applied: { ok: boolean; skipped: string[] } | null;
    const expectedText = cell.getText() + this.typed;
    try {
      applied = call(real, 'applyShift', request(this.target, '+1 week', preview?.token)) as { ok: boolean; skipped: string[] } | null;
    } finally {
      calls.record = record;
    }
    if (!typed || !applied?.ok) {
      edited(m, real);
      return;
    }
    if (cell.getText() !== expectedText) throw new Error(`the person's edit was overwritten: the cell says "${cell.getText()}", they typed "${expectedText}"`);
    // Reported as changed by someone, or as a date chip the add-on never writes: either way the person's text stays.
    if (!applied.skipped.some((s) => s.startsWith(`Step ${victim.label}'s due date`))) {
      throw new Error(`step ${victim.label}'s cell changed during the shift but the result does not report it: ${JSON.stringify(applied.skipped)}`);
    }
    edited(m, real);
  }
  toString = () => `applyShift(step ${this.target}, +1 week) while a person types ${JSON.stringify(this.typed)} in a cell it writes`;
}

// ---- the prospect's edits ------------------------------------------------------------------

/** A cell of a tracked table picked by numbers that shrink well (first table, first rows). */
function pick(m: Model, t: number, r: number, c: number) {
  const tracked = m.tables[t % m.tables.length]!;
  const rows = tracked.table.getNumRows();
  const row = rows > 1 ? 1 + (r % (rows - 1)) : 0;
  const cols = tracked.table.getRow(row).getNumCells();
  return { tracked, row, column: c % Math.max(1, cols) };
}

abstract class Edit implements Cmd {
  check = () => true;
  abstract apply(m: Model, real: Real): void;
  run(m: Model, real: Real): void {
    this.apply(m, real);
    edited(m, real);
    // Reading never throws, whatever the person did.
    call(real, 'getShiftState');
    m.before = real.s.blocks();
  }
}

class RenameHeader extends Edit {
  constructor(readonly t: number, readonly c: number, readonly word: number) {
    super();
  }
  apply(m: Model): void {
    const { tracked, column } = pick(m, this.t, 0, this.c);
    const role = tracked.roles[column];
    if (!role || role === 'extra') return;
    const words = HEADER_WORDS[role];
    tracked.table.getCell(0, column).setText(words[this.word % words.length]!);
  }
  override toString = () => `person renames header ${this.c} of table ${this.t} (word ${this.word})`;
}

class MoveColumn extends Edit {
  constructor(readonly t: number, readonly from: number, readonly to: number) {
    super();
  }
  apply(m: Model): void {
    const tracked = m.tables[this.t % m.tables.length]!;
    const n = tracked.roles.length;
    const from = this.from % n;
    const to = this.to % n;
    if (from === to) return;
    for (let r = 0; r < tracked.table.getNumRows(); r++) {
      const row = tracked.table.getRow(r);
      if (row.getNumCells() !== n) return; // a ragged row: the person would not drag it either
    }
    for (let r = 0; r < tracked.table.getNumRows(); r++) {
      const row = tracked.table.getRow(r);
      const cell = row.getCell(from).copy();
      row.removeCell(from);
      row.insertTableCell(to, cell);
    }
    const [role] = tracked.roles.splice(from, 1);
    tracked.roles.splice(to, 0, role!);
  }
  override toString = () => `person moves column ${this.from} to ${this.to} in table ${this.t}`;
}

class AddColumn extends Edit {
  constructor(readonly t: number, readonly at: number) {
    super();
  }
  apply(m: Model): void {
    const tracked = m.tables[this.t % m.tables.length]!;
    const at = this.at % (tracked.roles.length + 1);
    for (let r = 0; r < tracked.table.getNumRows(); r++) {
      const row = tracked.table.getRow(r);
      if (at > row.getNumCells()) return;
    }
    for (let r = 0; r < tracked.table.getNumRows(); r++) tracked.table.getRow(r).insertTableCell(at, r === 0 ? 'Comments' : r % 3 === 0 ? 'ok' : '');
    tracked.roles.splice(at, 0, 'extra');
  }
  override toString = () => `person adds a column at ${this.at} in table ${this.t}`;
}

class RemoveColumn extends Edit {
  constructor(readonly t: number, readonly c: number) {
    super();
  }
  apply(m: Model): void {
    const tracked = m.tables[this.t % m.tables.length]!;
    const column = this.c % tracked.roles.length;
    if (tracked.roles.length <= 2) return;
    for (let r = 0; r < tracked.table.getNumRows(); r++) if (tracked.table.getRow(r).getNumCells() <= column) return;
    for (let r = 0; r < tracked.table.getNumRows(); r++) tracked.table.getRow(r).removeCell(column);
    tracked.roles.splice(column, 1);
  }
  override toString = () => `person removes column ${this.c} of table ${this.t}`;
}

export class AddRow extends Edit {
  constructor(readonly t: number, readonly r: number, readonly offset: number) {
    super();
  }
  apply(m: Model, real: Real): void {
    const tracked = m.tables[this.t % m.tables.length]!;
    const at = 1 + (this.r % tracked.table.getNumRows());
    const row = tracked.table.insertTableRow(Math.min(at, tracked.table.getNumRows()));
    for (const role of tracked.roles) {
      const text =
        role === 'action' ? 'Added by Globex: data migration' : role === 'due' ? DATE_FORMS[real.locale === 'en_GB' ? 'd MMM yyyy' : 'MMM d, yyyy']!(dayAt(this.offset)) : role === 'status' ? 'Pending' : role === 'owner' ? 'Globex' : '';
      row.appendTableCell(text);
    }
  }
  override toString = () => `person adds a row at ${this.r} in table ${this.t}, due day ${this.offset}`;
}

class RemoveRow extends Edit {
  constructor(readonly t: number, readonly r: number) {
    super();
  }
  apply(m: Model): void {
    const { tracked, row } = pick(m, this.t, this.r, 0);
    if (row > 0 && tracked.table.getNumRows() > 2) tracked.table.removeRow(row);
  }
  override toString = () => `person deletes row ${this.r} of table ${this.t}`;
}

class CopyRow extends Edit {
  constructor(readonly t: number, readonly r: number) {
    super();
  }
  apply(m: Model): void {
    const { tracked, row } = pick(m, this.t, this.r, 0);
    if (row > 0) tracked.table.insertTableRow(row + 1, tracked.table.getRow(row).copy());
  }
  override toString = () => `person copies row ${this.r} of table ${this.t} below itself`;
}

/** Cut and paste: the row comes back as a copy, without its named range. */
class CutPasteRow extends Edit {
  constructor(readonly t: number, readonly r: number, readonly to: number) {
    super();
  }
  apply(m: Model): void {
    const { tracked, row } = pick(m, this.t, this.r, 0);
    if (row === 0) return;
    const copy = tracked.table.getRow(row).copy();
    tracked.table.removeRow(row);
    tracked.table.insertTableRow(1 + (this.to % tracked.table.getNumRows()), copy);
  }
  override toString = () => `person cuts row ${this.r} of table ${this.t} and pastes it at ${this.to}`;
}

function dueCell(m: Model, t: number, r: number) {
  const tracked = m.tables[t % m.tables.length]!;
  const c = tracked.roles.indexOf('due');
  if (c < 0 || tracked.table.getNumRows() < 2) return null;
  const row = 1 + (r % (tracked.table.getNumRows() - 1));
  if (tracked.table.getRow(row).getNumCells() <= c) return null;
  return tracked.table.getCell(row, c);
}

class RetypeDate extends Edit {
  constructor(readonly t: number, readonly r: number, readonly form: string, readonly days: number) {
    super();
  }
  apply(m: Model, real: Real): void {
    const cell = dueCell(m, this.t, this.r);
    if (!cell) return;
    const parsed = parseDueDate(cell.getText(), { dayFirst: real.locale === 'en_GB', referenceDate: '2026-12-07', evaluationStart: '2026-12-07' });
    if (parsed.kind !== 'date') return;
    const day = new Date(`${parsed.date}T00:00:00Z`).getTime() + this.days * 86_400_000;
    cell.setText(DATE_FORMS[this.form]!(new Date(day)));
  }
  override toString = () => `person retypes a due date in row ${this.r} of table ${this.t} as ${this.form}${this.days ? `, ${this.days} days later` : ''}`;
}

class ChangeStatus extends Edit {
  constructor(readonly t: number, readonly r: number, readonly status: string) {
    super();
  }
  apply(m: Model): void {
    const tracked = m.tables[this.t % m.tables.length]!;
    const c = tracked.roles.indexOf('status');
    if (c < 0 || tracked.table.getNumRows() < 2) return;
    const row = 1 + (this.r % (tracked.table.getNumRows() - 1));
    if (tracked.table.getRow(row).getNumCells() > c) tracked.table.getCell(row, c).setText(this.status);
  }
  override toString = () => `person sets a status in row ${this.r} of table ${this.t} to ${JSON.stringify(this.status)}`;
}

class TypeInCell extends Edit {
  constructor(readonly t: number, readonly r: number, readonly c: number, readonly text: string, readonly newParagraph: boolean) {
    super();
  }
  apply(m: Model): void {
    const { tracked, row, column } = pick(m, this.t, this.r, this.c);
    const cell = tracked.table.getCell(row, column);
    if (this.newParagraph) cell.appendParagraph(this.text);
    else if (this.text) cell.editAsText().appendText(this.text);
  }
  override toString = () => `person types ${JSON.stringify(this.text)} into table ${this.t} row ${this.r} column ${this.c}${this.newParagraph ? ' as a new paragraph' : ''}`;
}

class PutCursor extends Edit {
  constructor(readonly t: number, readonly r: number) {
    super();
  }
  apply(m: Model, real: Real): void {
    const { tracked, row } = pick(m, this.t, this.r, 0);
    real.s.doc._setCursorInCell(tracked.table.getCell(row, 0));
  }
  override toString = () => `person puts the cursor in row ${this.r} of table ${this.t}`;
}

// ---- the generators ------------------------------------------------------------------------

const small = fc.nat({ max: 30 });
const target: fc.Arbitrary<Target> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 14 }) },
  { weight: 1, arbitrary: fc.constant('cursor' as const) },
  { weight: 2, arbitrary: fc.constant('detect' as const) },
);
const newDate = fc.constantFrom('+1 week', '+3 days', '-2 days', '+2 weeks', 'Mar 3', '2027-01-15', 'next Friday');
const typed = fc.oneof(
  fc.constantFrom(' (tentative)', ' ✅', '\rsecond line', ' — ask Bo', '', 'X'),
  fc.string({ maxLength: 12, unit: 'grapheme' }),
);

/** The add-on's actions (including export, once the Sheets export lands, here). */
export const actionCommands: fc.Arbitrary<Cmd>[] = [
  fc.constantFrom('getShiftState', 'getHealth', 'getReview', 'getTimeline', 'refreshStatusColours', 'getSidebarState').map((n) => new Read(n as Read['name'])),
  fc.tuple(target, newDate).map(([t, d]) => new Preview(t, d)),
  fc.tuple(target, newDate).map(([t, d]) => new Apply(t, d)),
  fc.tuple(target, newDate).map(([t, d]) => new Apply(t, d)),
  fc.constant(new Undo()),
  fc.boolean().map((w) => new MarkReviewed(w)),
  fc.constant(new InsertAgain()),
  fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom('!', ' (moved by Globex)', '?')).map(([t, x]) => new ApplyWhileTyping(t, x)),
];

/** What a prospect does to the shared document between actions. */
export const editCommands: fc.Arbitrary<Cmd>[] = [
  fc.tuple(small, small, small).map(([t, c, w]) => new RenameHeader(t, c, w)),
  fc.tuple(small, small, small).map(([t, a, b]) => new MoveColumn(t, a, b)),
  fc.tuple(small, small).map(([t, a]) => new AddColumn(t, a)),
  fc.tuple(small, small).map(([t, c]) => new RemoveColumn(t, c)),
  fc.tuple(small, small, fc.integer({ min: -10, max: 120 })).map(([t, r, d]) => new AddRow(t, r, d)),
  fc.tuple(small, small).map(([t, r]) => new RemoveRow(t, r)),
  fc.tuple(small, small).map(([t, r]) => new CopyRow(t, r)),
  fc.tuple(small, small, small).map(([t, r, to]) => new CutPasteRow(t, r, to)),
  fc.tuple(small, small, fc.constantFrom(...Object.keys(DATE_FORMS)), fc.constantFrom(0, 0, 3, 7, -4)).map(([t, r, f, d]) => new RetypeDate(t, r, f, d)),
  fc.tuple(small, small, fc.constantFrom(...STATUSES)).map(([t, r, st]) => new ChangeStatus(t, r, st)),
  fc.tuple(small, small, small, typed, fc.boolean()).map(([t, r, c, x, p]) => new TypeInCell(t, r, c, x, p)),
  fc.tuple(small, small).map(([t, r]) => new PutCursor(t, r)),
];

export type { Role };
