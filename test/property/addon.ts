/** The model-based run shared by the add-on's property test files: a generated plan, then a random sequence of the prospect's edits and the add-on's actions. */
import fc from 'fast-check';
import { CHIP_TEXTS, type ChipText } from '../../emulation/document';
import { insertForm, openDocument } from '../integration/harness';
import { actionCommands, editCommands, type Real } from './commands';
import type { Model, TrackedTable } from './document-model';
import { planMarkdown, planSpec, type PlanSpec, type Role } from './plans';

const INSERTED_ROLES: Role[] = ['number', 'action', 'owner', 'due', 'status', 'dependsOn'];

export type Start = { kind: 'written'; spec: PlanSpec } | { kind: 'inserted'; dealType: string; locale: 'en_US' | 'en_GB' };

const start: fc.Arbitrary<Start> = fc.oneof(
  { weight: 3, arbitrary: planSpec(40).map((spec) => ({ kind: 'written' as const, spec })) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('inserted' as const),
      dealType: fc.constantFrom('standard', 'mid-market', 'enterprise', 'expansion', 'closing'),
      locale: fc.constantFrom('en_US' as const, 'en_GB' as const),
    }),
  },
);

export function setup(from: Start, chipText: ChipText): { model: Model; real: Real } {
  const locale = from.kind === 'written' ? from.spec.locale : from.locale;
  const s =
    from.kind === 'written'
      ? openDocument({ markdown: planMarkdown(from.spec), locale, datesAsChips: from.spec.datesAsChips, chipText, today: '2026-12-14' })
      : openDocument({ locale, chipText, today: '2026-11-27' });
  if (from.kind === 'inserted') {
    const inserted = s.run('insertMap', insertForm({ dealType: from.dealType }));
    if (!inserted.ok) throw new Error(`setup: insert failed: ${inserted.message}`);
  }
  const headers = from.kind === 'written' ? from.spec.headers : ['#', 'Action', 'Owner', 'Due date', 'Status', 'Depends on'];
  const roles = from.kind === 'written' ? from.spec.columns : INSERTED_ROLES;
  const tables: TrackedTable[] = s.doc
    .getBody()
    .getTables()
    .filter((t) => t.getNumRows() > 0 && t.getRow(0).getNumCells() === headers.length && headers.every((h, c) => t.getCell(0, c).getText() === h))
    .map((table) => ({ table, roles: [...roles] }));
  if (tables.length === 0) throw new Error('setup: no steps table in the generated document');
  return { model: { before: s.blocks(), tables, beforeShift: null }, real: { s, locale } };
}

/** A plan, then up to `maxCommands` edits and actions, checked after each one. */
export function addOnProperty(maxCommands: number) {
  // Each run also picks what getText() gives for a chip: Google does not document it.
  return fc.property(start, fc.constantFrom(...CHIP_TEXTS), fc.commands([...actionCommands, ...editCommands], { maxCommands }), (from, chipText, commands) => {
    fc.modelRun(() => setup(from, chipText), commands);
  });
}
