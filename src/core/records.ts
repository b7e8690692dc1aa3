/** Records keyed by document text (a step key or a person's name can be "__proto__"): own keys only, stored and read safely. */

export function hasOwn(record: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(record, key);
}

/** Defines an own property even for a key like "__proto__", which plain assignment would not store. */
export function define<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}
