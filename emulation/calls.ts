/** Counts every call the add-on makes into the emulated Google services, per service and method. */

/**
 * A ledger of service calls ("Body.appendTable", "Range.setValues"). Tests and the benchmark
 * assert on it, because on Apps Script each call crosses to Google's servers and costs time.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();

  record(name: string): void {
    this.counts.set(name, (this.counts.get(name) ?? 0) + 1);
  }

  /** Calls of one method ("TableCell.setText"), or of a whole class or service when given a prefix ending in "." ("TableCell."). */
  count(name: string): number {
    if (name.endsWith('.')) {
      let total = 0;
      for (const [key, n] of this.counts) if (key.startsWith(name)) total += n;
      return total;
    }
    return this.counts.get(name) ?? 0;
  }

  total(): number {
    let total = 0;
    for (const n of this.counts.values()) total += n;
    return total;
  }

  /** A sorted copy, for snapshots and the benchmark's report. */
  snapshot(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }

  reset(): void {
    this.counts.clear();
  }
}

/** Anything emulated that knows which ledger its calls go to. */
export interface Counted {
  readonly calls: CallLog;
}

/**
 * Makes every public method of an emulated class record "<name>.<method>" in its instance's
 * ledger. Methods whose names start with "_" are the emulation's own plumbing and are not
 * counted (the add-on cannot call them: they are not on Google's interfaces).
 */
export function countCalls(cls: { prototype: object; name: string }, name: string = cls.name): void {
  const proto = cls.prototype as Record<string, unknown>;
  for (const key of Object.getOwnPropertyNames(proto)) {
    if (key === 'constructor' || key.startsWith('_')) continue;
    const descriptor = Object.getOwnPropertyDescriptor(proto, key);
    if (!descriptor || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value as (...args: unknown[]) => unknown;
    const label = `${name}.${key}`;
    Object.defineProperty(proto, key, {
      ...descriptor,
      value: function (this: Counted, ...args: unknown[]) {
        this.calls.record(label);
        return original.apply(this, args);
      },
    });
  }
}
