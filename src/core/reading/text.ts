/** Small text helpers the reader's stages share: one line as a person reads it, and lists in a sentence. */

/** One line of text as a person reads it: soft breaks and paragraph breaks are spaces. */
export function clean(text: string): string {
  return text.replace(/[\r\n\t\v]+/g, ' ').replace(/ {2,}/g, ' ').trim();
}

/** "a, b and c". */
export function list(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1] ?? ''}`;
}

export const quoted = (words: readonly string[]): string[] => words.map((w) => `"${w}"`);

export function ordinal(n: number): string {
  return ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth'][n] ?? `${n}th`;
}

/** A string as a literal inside a regular expression. */
export const esc = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
