/** Measures one server action as Google runs it: its elapsed milliseconds and its calls into each Google service, by wrapping the service globals once at entry. */

/** What the sidebar's "Details" line shows, and what a person records in docs/acceptance.md. */
export interface ActionDetails {
  ms: number;
  /** Calls by service ("DocumentApp": 412), every object a service handed out counted under it; null when the services could not be wrapped. */
  calls: Record<string, number> | null;
}

const SERVICES = ['DocumentApp', 'PropertiesService', 'LockService', 'Session', 'HtmlService', 'SpreadsheetApp', 'Utilities', 'ScriptApp'];

type AnyFunction = (...args: unknown[]) => unknown;

/**
 * A membrane around the services: every method called on a service, or on anything a service
 * returned (Body, TableCell, Properties...), counts one call for that service. The same host object
 * always gets the same wrapper, so `DocumentApp.ElementType.TABLE === element.getType()` still holds;
 * wrappers are unwrapped when passed back to Google, which never sees them.
 */
class Meter {
  readonly calls: Record<string, number> = {};
  private readonly wrappers = new WeakMap<object, object>();
  private readonly hosts = new WeakMap<object, object>();

  wrap(value: unknown, service: string): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (this.hosts.has(value)) return value;
    if (Object.prototype.toString.call(value) === '[object Date]') return value;
    if (Array.isArray(value)) return value.map((item: unknown) => this.wrap(item, service));
    const known = this.wrappers.get(value);
    if (known) return known;
    const host = value;
    // A stand-in target keeps Proxy invariants (frozen enums, non-configurable fields) out of the way.
    const target = typeof host === 'function' ? function () {} : {};
    const wrapper = new Proxy(target, {
      get: (_t, key) => {
        const member: unknown = Reflect.get(host, key);
        if (typeof member !== 'function') return this.wrap(member, service);
        return (...args: unknown[]) => {
          this.calls[service] = (this.calls[service] ?? 0) + 1;
          return this.wrap((member as AnyFunction).apply(host, args.map((a) => this.unwrap(a))), service);
        };
      },
      set: (_t, key, v) => Reflect.set(host, key, this.unwrap(v)),
      has: (_t, key) => Reflect.has(host, key),
      ownKeys: () => Reflect.ownKeys(host),
      getOwnPropertyDescriptor: (_t, key) => {
        const d = Reflect.getOwnPropertyDescriptor(host, key);
        return d && { configurable: true, enumerable: d.enumerable ?? false, writable: true, value: this.wrap(Reflect.get(host, key), service) };
      },
      getPrototypeOf: () => Reflect.getPrototypeOf(host),
    });
    this.wrappers.set(host, wrapper);
    this.hosts.set(wrapper, host);
    return wrapper;
  }

  /** Google gets its own objects back, also inside arrays and plain objects (setValues rows, attribute maps keyed by enums). */
  unwrap(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    const host = this.hosts.get(value);
    if (host) return host;
    if (Array.isArray(value)) return value.map((item: unknown) => this.unwrap(item));
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = this.unwrap(item);
    return copy;
  }
}

/**
 * Runs `work` with the service globals wrapped, then puts them back. Where a global cannot be
 * replaced (Google's runtime is free to make them read-only), the action runs unmeasured and
 * reports `calls: null` rather than failing.
 */
export function metered<T>(work: () => T): { result: T; details: ActionDetails } {
  const start = Date.now();
  const scope = globalThis as Record<string, unknown>;
  const meter = new Meter();
  const replaced: [string, unknown][] = [];
  let complete = true;
  for (const name of SERVICES) {
    const original = scope[name];
    if (original === undefined) continue;
    try {
      scope[name] = meter.wrap(original, name);
      if (scope[name] === original) complete = false;
      else replaced.push([name, original]);
    } catch {
      complete = false;
    }
  }
  try {
    const result = work();
    return { result, details: { ms: Date.now() - start, calls: complete ? meter.calls : null } };
  } finally {
    for (const [name, original] of replaced) scope[name] = original;
  }
}
