/** Step identity: each row's stable key, from its marker (a named range), else the step it was on an earlier read, else a new one. */
import type { IsoDate } from '../plan';
import type { KnownStep } from './context';

/** Action text for matching: case, punctuation and spacing ignored. */
function normaliseAction(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(text: string): Set<string> {
  return new Set(normaliseAction(text).split(' ').filter(Boolean).map((w) => (w.length > 3 ? w.replace(/s$/, '') : w)));
}

/** Renamed but recognisable: one action contains the other, or they share most of their words. */
function similarAction(a: string, b: string): boolean {
  const [x, y] = [normaliseAction(a), normaliseAction(b)];
  if (!x || !y) return false;
  if (x.includes(y) || y.includes(x)) return true;
  const [wa, wb] = [words(a), words(b)];
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return (2 * shared) / (wa.size + wb.size) >= 0.5;
}

/** FNV-1a, base 36: short, stable across reads and runtimes. */
function shortHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0').slice(-7);
}

export interface IdentityRow {
  marker: string | null;
  action: string;
  number: number;
  due: IsoDate | null;
  row: number;
}

/**
 * Keys for the step rows. A row's own marker (named range) wins, unless an earlier row already
 * holds the same one; then a row without one takes a known step with the same action (the same
 * number and date break ties), then one with the same number and a similar action; any other row
 * gets a new key from its action and row, never one a known step had (its history is another step's).
 */
export function assignKeys(rows: readonly IdentityRow[], known: readonly KnownStep[]): string[] {
  const keys: (string | null)[] = [];
  const used = new Set<string>();
  for (const r of rows) {
    const k = r.marker && !used.has(r.marker) ? r.marker : null;
    if (k) used.add(k);
    keys.push(k);
  }
  const pool = known.filter((k) => !used.has(k.key));
  const claim = (i: number, step: KnownStep): void => {
    keys[i] = step.key;
    used.add(step.key);
    pool.splice(pool.indexOf(step), 1);
  };
  rows.forEach((r, i) => {
    const action = normaliseAction(r.action);
    if (keys[i] || !action) return;
    const same = pool.filter((k) => normaliseAction(k.action) === action);
    const best = same.find((k) => k.number === r.number) ?? same.find((k) => k.due !== null && k.due === r.due) ?? same[0];
    if (best) claim(i, best);
  });
  rows.forEach((r, i) => {
    if (keys[i]) return;
    const best = pool.find((k) => k.number === r.number && similarAction(k.action, r.action));
    if (best) claim(i, best);
  });
  const taken = new Set([...used, ...known.map((k) => k.key)]);
  return rows.map((r, i) => {
    const existing = keys[i];
    if (existing) return existing;
    let key = `s${shortHash(`${normaliseAction(r.action)}|${r.row}`)}`;
    for (let salt = 1; taken.has(key); salt++) key = `s${shortHash(`${normaliseAction(r.action)}|${r.row}|${salt}`)}`;
    taken.add(key);
    return key;
  });
}
