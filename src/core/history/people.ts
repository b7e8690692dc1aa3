/** The Stakeholders table as the history remembers it: a person by name (case and spacing ignored), placeholders excluded. */
import type { PlanHistory, StakeholderRecord } from './records';
import { define } from '../records';

/** The key a person is remembered by, or null for a placeholder or an empty name. */
export function personId(name: string): string | null {
  const id = name.trim().replace(/\s+/g, ' ').toLowerCase();
  if (id === '' || /[[\]]/.test(id)) return null;
  return id;
}

/** The saved people, or undefined when this history has not seen the table yet (or holds something else there). */
export function knownPeople(history: PlanHistory): Record<string, StakeholderRecord> | undefined {
  const people: unknown = history.stakeholders;
  if (typeof people !== 'object' || people === null || Array.isArray(people)) return undefined;
  const records: Record<string, StakeholderRecord> = {};
  for (const [id, r] of Object.entries(people as Record<string, unknown>)) {
    if (isStakeholderRecord(r)) define(records, id, r);
  }
  return records;
}

function isStakeholderRecord(v: unknown): v is StakeholderRecord {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as Partial<Record<keyof StakeholderRecord, unknown>>;
  return typeof r.name === 'string' && typeof r.title === 'string' && typeof r.addedOn === 'string' && typeof r.inBaseline === 'boolean';
}
