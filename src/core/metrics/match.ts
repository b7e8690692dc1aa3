/** Which CRM opportunity each plan belongs to: by CRM id, else by account name read tolerantly (case, punctuation, Inc/Ltd/GmbH), with the plans left unmatched listed. */
import { compareDates, daysBetween } from '../scheduling/calendar';
import { crmIdOf } from '../deal/deal';
import type { IsoDate } from '../plan';
import type { Opportunity } from './crm-report';

export interface PlanToMatch {
  documentId: string;
  /** The CRM id or link from the deal details. */
  crm: string | null;
  theirCompany: string | null;
  /** The plan's title, for the list of unmatched plans. */
  title: string | null;
  /** The day the plan started: among several opportunities of one account, the one created nearest it wins. */
  started: IsoDate | null;
}

export interface MatchResult {
  /** The opportunities with `plan` and `matchedBy` set where a plan was matched (others cleared). */
  opportunities: Opportunity[];
  unmatched: PlanToMatch[];
}

/** Legal-form words dropped from the end of a company name. */
const SUFFIXES = new Set([
  'inc', 'incorporated', 'ltd', 'limited', 'llc', 'llp', 'lp', 'plc', 'corp', 'corporation', 'co', 'company', 'gmbh', 'ag', 'kg', 'se',
  'sa', 'sas', 'sarl', 'srl', 'spa', 'bv', 'nv', 'ab', 'as', 'oy', 'oyj', 'pty', 'pte', 'kk', 'group', 'holdings', 'the',
]);

/** A company name as matching compares it: "Globex, Inc." and "GLOBEX" are one; "A&B Ltd" and "A and B" too. */
export function companyKey(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  while (words.length > 1 && SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  if (words.length > 1 && words[0] === 'the') words.shift();
  return words.join(' ');
}

/** Salesforce ids are 15 characters, case-sensitive, or 18 with a checksum suffix: the first 15 decide. */
function sameId(a: string, b: string): boolean {
  if (a === b) return true;
  const sf = /^[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?$/;
  if (sf.test(a) && sf.test(b)) return a.slice(0, 15) === b.slice(0, 15);
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Matches each plan to at most one opportunity and each opportunity to at most one plan: first
 * by CRM id (every plan), then by account name for the rest. Among several opportunities of
 * one account, the one created nearest the plan's start wins (a renewal created a year later
 * does not take the plan of the deal it renews).
 */
export function matchPlans(plans: readonly PlanToMatch[], opportunities: readonly Opportunity[]): MatchResult {
  const out: Opportunity[] = opportunities.map((o) => ({ ...o, plan: null, matchedBy: null }));
  const unmatched: PlanToMatch[] = [];
  const pending: PlanToMatch[] = [];
  for (const plan of plans) {
    const id = crmIdOf(plan.crm);
    const hit = id === null ? undefined : out.find((o) => o.plan === null && sameId(o.id, id));
    if (hit) {
      hit.plan = plan.documentId;
      hit.matchedBy = 'CRM id';
    } else pending.push(plan);
  }
  for (const plan of pending) {
    const key = plan.theirCompany ? companyKey(plan.theirCompany) : '';
    const candidates = key === '' ? [] : out.filter((o) => o.plan === null && companyKey(o.account) === key);
    const best = candidates.sort((a, b) => fit(a, plan) - fit(b, plan))[0];
    if (best) {
      best.plan = plan.documentId;
      best.matchedBy = 'account name';
    } else unmatched.push(plan);
  }
  return { opportunities: out, unmatched };
}

/** Lower is better: the opportunity created nearest the plan's start; unknown dates last. */
function fit(o: Opportunity, plan: PlanToMatch): number {
  if (plan.started === null || o.created === null) return Number.MAX_SAFE_INTEGER;
  const gap = Math.abs(daysBetween(o.created, plan.started));
  // An opportunity is created before its plan starts: one created after is less likely its own.
  return compareDates(o.created, plan.started) > 0 ? gap * 2 : gap;
}
