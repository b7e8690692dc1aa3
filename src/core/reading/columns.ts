/** Column mapping: which column of a header row holds what, by the header words (exact first, then as whole words, the longest phrase winning). */

/** Lower case, "(s)" and punctuation gone except "#" and a check mark (a checkbox column's header), single spaces: "Owner(s):" and "owner" read alike. */
export function normaliseHeader(text: string): string {
  return text
    .toLowerCase()
    .replace(/\(s\)/g, '')
    .replace(/['’]/g, '')
    .replace(/[✔☑✅]/gu, '✓')
    .replace(/[^\p{L}\p{N}#✓]+/gu, ' ')
    .trim();
}

export type Words<K extends string> = Readonly<Record<K, readonly string[]>>;

/** The columns a header could be, best first; several means the header is ambiguous. */
export function headerKinds<K extends string>(header: string, words: Words<K>, others: readonly string[] = []): K[] {
  const h = normaliseHeader(header);
  if (!h) return [];
  const kinds = Object.keys(words) as K[];
  const exact = kinds.filter((k) => words[k].some((p) => normaliseHeader(p) === h));
  if (exact.length > 0) return exact;
  if (others.some((p) => normaliseHeader(p) === h)) return [];
  const padded = ` ${h} `;
  const hits: { kind: K | null; start: number; end: number }[] = [];
  const find = (phrase: string, kind: K | null): void => {
    const p = normaliseHeader(phrase);
    if (!p) return;
    for (let at = padded.indexOf(` ${p} `); at >= 0; at = padded.indexOf(` ${p} `, at + 1)) hits.push({ kind, start: at, end: at + p.length + 1 });
  };
  for (const k of kinds) for (const p of words[k]) find(p, k);
  for (const p of others) find(p, null);
  // A phrase inside a longer one found at the same place does not count ("due" inside "due date").
  const kept = hits.filter((a) => !hits.some((b) => b !== a && b.start <= a.start && b.end >= a.end && b.end - b.start > a.end - a.start));
  kept.sort((a, b) => a.start - b.start);
  if (kept.some((hit) => hit.kind === null)) return [];
  return [...new Set(kept.map((hit) => hit.kind as K))];
}

export interface ColumnMap<K extends string> {
  columns: Partial<Record<K, number>>;
  /** Headers that named two kinds of column: which it could be, and which it was read as. */
  ambiguous: { column: number; kinds: K[]; chosen: K }[];
  /** A second header for a column already found: it is kept as an extra column. */
  repeated: { column: number; kind: K; first: number }[];
  /** Columns that are none of ours, kept and ignored. */
  other: number[];
}

export function mapColumns<K extends string>(headers: readonly string[], words: Words<K>, others: readonly string[] = []): ColumnMap<K> {
  const map: ColumnMap<K> = { columns: {}, ambiguous: [], repeated: [], other: [] };
  const kinds = headers.map((h) => headerKinds(h, words, others));
  const take = (column: number, kind: K): void => {
    const first = map.columns[kind];
    if (first === undefined) map.columns[kind] = column;
    else {
      map.repeated.push({ column, kind, first });
      map.other.push(column);
    }
  };
  // Plain headers first, so an ambiguous one only takes what is left ("Owner / due" beside "Owner").
  kinds.forEach((ks, column) => {
    if (ks.length === 0) map.other.push(column);
    else if (ks.length === 1) take(column, ks[0] as K);
  });
  kinds.forEach((ks, column) => {
    if (ks.length < 2) return;
    const chosen = ks.find((k) => map.columns[k] === undefined) ?? (ks[0] as K);
    map.ambiguous.push({ column, kinds: ks, chosen });
    take(column, chosen);
  });
  map.other.sort((a, b) => a - b);
  return map;
}
