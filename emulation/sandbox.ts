/** Runs the built add-on (dist/Code.js) as Apps Script does: a bare V8 realm per execution, triggers, menu clicks and google.script.run calls. */
import vm from 'node:vm';
import type { GoogleEmulation } from './environment';
import type { AuthModeName } from './session';
import type { MenuItem } from './ui';

/** What crosses google.script.run: JSON values only. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * A failed execution as the sidebar's failure handler sees it: `message` is the server error's
 * message without a stack. Google's client passes an Error; its exact name and any message prefix
 * are unverified, so the server error's name is kept in `serverName` for assertions.
 */
export class ScriptError extends Error {
  override readonly name = 'ScriptError';

  constructor(
    message: string,
    readonly serverName: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export interface AddOnOptions {
  /**
   * Apps Script evaluates the whole file on every execution, so top-level state never survives
   * between calls; that is the default. `true` keeps one realm for speed and is NOT faithful.
   */
  reuseContext?: boolean;
  /** Shown in stack traces. */
  filename?: string;
}

export interface TriggerEvent {
  /** ScriptApp.AuthMode value; FULL when omitted. */
  authMode?: AuthModeName;
  [key: string]: Json | undefined;
}

export interface AddOn {
  /** Top-level function declarations of the script (private ones, ending in "_", included). */
  functionNames(): string[];
  /**
   * google.script.run.name(...args): arguments are checked and copied as Google's client does
   * (illegal ones throw synchronously, before anything runs); the result comes back through the
   * same JSON boundary; a server exception rejects with a ScriptError.
   */
  run(name: string, ...args: unknown[]): Promise<Json>;
  /** `run` without the promise: returns the result or throws the ScriptError. */
  runSync(name: string, ...args: unknown[]): Json;
  /** A trigger such as onOpen/onInstall, with its event object `{ authMode }`. Throws ScriptError when it fails. */
  trigger(name: string, event?: TriggerEvent): void;
  /** The person picks a menu item added with addItem(caption, functionName); runs in AuthMode.FULL. */
  clickMenuItem(caption: string): void;
}

// ---------------------------------------------------------------------------------------------
// The realm: a vm context holding only Apps Script's globals
// ---------------------------------------------------------------------------------------------

interface Realm {
  context: vm.Context;
  /** The context's global object as the host sees it: declared functions show up here. */
  global: Record<string, unknown>;
  Date: DateConstructor;
  Error: ErrorConstructor;
  Array: ArrayConstructor;
  Object: ObjectConstructor;
  Function: FunctionConstructor;
  JSON: JSON;
  injected: ReadonlySet<string>;
}

/**
 * Replaces the realm's Date so that `new Date()` and `Date.now()` read the environment's clock
 * (tests fix "today"). Dates stay ordinary Dates: same prototype, `instanceof Date` holds.
 * Local-time methods still use the host's time zone, not the script's (a vm realm cannot have
 * its own); the add-on should only use UTC methods or Intl with an explicit timeZone.
 */
const CLOCK_BOOTSTRAP = `(function (now) {
  'use strict';
  const NativeDate = Date;
  const EmulatedDate = function Date(...args) {
    if (new.target === undefined) return new NativeDate(now()).toString();
    return Reflect.construct(NativeDate, args.length === 0 ? [now()] : args, new.target);
  };
  Object.setPrototypeOf(EmulatedDate, NativeDate);
  EmulatedDate.prototype = NativeDate.prototype;
  Object.defineProperty(NativeDate.prototype, 'constructor', { value: EmulatedDate, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(EmulatedDate, 'now', { value: function now_() { return now(); }, writable: true, configurable: true, enumerable: false });
  Object.defineProperty(globalThis, 'Date', { value: EmulatedDate, writable: true, configurable: true, enumerable: false });
})`;

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

function createRealm(env: GoogleEmulation): Realm {
  const global: Record<string, unknown> = {};
  const context = vm.createContext(global, { name: 'Apps Script execution' });
  const install = vm.runInContext(CLOCK_BOOTSTRAP, context) as (now: () => number) => void;
  install(() => env.now().getTime());
  const intrinsic = <T>(name: string): T => vm.runInContext(name, context) as T;
  const intrinsics = {
    Date: intrinsic<DateConstructor>('Date'),
    Error: intrinsic<ErrorConstructor>('Error'),
    Array: intrinsic<ArrayConstructor>('Array'),
    Object: intrinsic<ObjectConstructor>('Object'),
    Function: intrinsic<FunctionConstructor>('Function'),
    JSON: intrinsic<JSON>('JSON'),
  };
  const membrane = new Membrane(intrinsics);
  const injected = new Set<string>();
  for (const [name, value] of Object.entries(env.globals())) {
    // Non-enumerable, like the built-in globals, so only the script's own declarations are listed.
    Object.defineProperty(global, name, { value: membrane.toRealm(value), writable: true, configurable: true, enumerable: false });
    injected.add(name);
  }
  return { context, global, injected, ...intrinsics };
}

/**
 * Service objects live in the host realm; the add-on lives in the vm realm. The membrane makes
 * what crosses look native to the add-on: host Dates and arrays arrive as realm Dates and arrays,
 * service exceptions arrive as realm Errors (so `error instanceof Error` holds, with
 * `name === 'Exception'` as Apps Script's service errors print "Exception: ..."), and
 * `_`-prefixed emulation plumbing is invisible. Arguments going back are unwrapped to host values.
 */
class Membrane {
  private readonly proxies = new WeakMap<object, object>();
  private readonly hosts = new WeakMap<object, object>();
  private readonly methods = new WeakMap<object, Map<PropertyKey, unknown>>();

  constructor(private readonly realm: Pick<Realm, 'Date' | 'Error' | 'Array' | 'Object' | 'Function'>) {}

  toRealm(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (this.hosts.has(value)) return value; // already one of our proxies
    if (isDate(value)) return new this.realm.Date(value.getTime());
    if (Array.isArray(value)) return this.realm.Array.from(value, (item: unknown) => this.toRealm(item));
    let proxy = this.proxies.get(value);
    if (!proxy) {
      proxy = this.proxy(value);
      this.proxies.set(value, proxy);
      this.hosts.set(proxy, value);
    }
    return proxy;
  }

  toHost(value: unknown): unknown {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    const host = this.hosts.get(value);
    if (host) return host;
    if (isDate(value)) return new Date(value.getTime());
    if (Array.isArray(value)) return value.map((item: unknown) => this.toHost(item));
    const proto: unknown = Object.getPrototypeOf(value);
    if (typeof value === 'object' && (proto === null || proto === this.realm.Object.prototype)) {
      const copy: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) copy[key] = this.toHost(item);
      return copy;
    }
    return value;
  }

  private call(fn: (...args: unknown[]) => unknown, thisArg: unknown, args: readonly unknown[]): unknown {
    try {
      return this.toRealm(fn.apply(thisArg, args.map((a) => this.toHost(a))));
    } catch (error) {
      throw this.realmError(error);
    }
  }

  private realmError(error: unknown): unknown {
    if (error instanceof this.realm.Error) return error;
    const message = error instanceof Error ? error.message : String(error);
    const converted = new this.realm.Error(message);
    converted.name = 'Exception';
    return converted;
  }

  private proxy(host: object): object {
    const hidden = (key: PropertyKey): boolean => key === 'constructor' || (typeof key === 'string' && key.startsWith('_'));
    const isFunction = typeof host === 'function';
    // A dummy target keeps Proxy invariants out of the way (frozen enums, non-configurable fields).
    const dummy: object = isFunction ? () => undefined : {};
    const realm = this.realm;
    const handler: ProxyHandler<object> = {
      get: (_target, key) => {
        if (hidden(key)) return undefined;
        const value: unknown = Reflect.get(host, key, host);
        if (typeof value !== 'function') return this.toRealm(value);
        let cache = this.methods.get(host);
        if (!cache) {
          cache = new Map();
          this.methods.set(host, cache);
        }
        if (!cache.has(key)) {
          const method = value as (...args: unknown[]) => unknown;
          cache.set(key, (...args: unknown[]) => this.call(method, host, args));
        }
        return cache.get(key);
      },
      set: (_target, key, value) => (hidden(key) ? false : Reflect.set(host, key, this.toHost(value), host)),
      has: (_target, key) => !hidden(key) && Reflect.has(host, key),
      ownKeys: () => Reflect.ownKeys(host).filter((key) => !hidden(key)),
      getOwnPropertyDescriptor: (_target, key) => {
        if (hidden(key)) return undefined;
        const descriptor = Reflect.getOwnPropertyDescriptor(host, key);
        if (!descriptor) return undefined;
        return { configurable: true, enumerable: descriptor.enumerable ?? false, writable: true, value: this.toRealm(Reflect.get(host, key, host)) };
      },
      getPrototypeOf: () => (isFunction ? realm.Function.prototype : realm.Object.prototype),
      apply: (_target, thisArg, args) => this.call(host as (...a: unknown[]) => unknown, this.toHost(thisArg), args),
    };
    return new Proxy(dummy, handler);
  }
}

// ---------------------------------------------------------------------------------------------
// The google.script.run boundary
// ---------------------------------------------------------------------------------------------

/**
 * Google's client checks arguments before sending: "Requests fail if you attempt to pass a
 * Date, Function, DOM element besides a form, or other prohibited type, including prohibited
 * types inside objects or arrays. Objects that create circular references will also fail, and
 * undefined fields within arrays become null." (/apps-script/guides/html/reference/run). The
 * messages are the client's own strings ("Failed due to illegal value in property: <key>",
 * "Failed due to circular reference."); keys ending in "__" are dropped by the client (reported
 * by third-party tests; unverified).
 */
function checkArgument(value: unknown, key: string, ancestors: Set<object>): unknown {
  if (value === null || value === undefined || typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value !== 'object') throw new Error(`Failed due to illegal value in property: ${key}`);
  if (ancestors.has(value)) throw new Error('Failed due to circular reference.');
  ancestors.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown, index) => checkArgument(item, String(index), ancestors));
    const proto: unknown = Object.getPrototypeOf(value);
    const plain = proto === null || Object.getPrototypeOf(proto) === null;
    if (!plain || isDate(value)) throw new Error(`Failed due to illegal value in property: ${key}`);
    const copy: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) {
      if (k.endsWith('__')) continue;
      copy[k] = checkArgument(item, k, ancestors);
    }
    return copy;
  } finally {
    ancestors.delete(value);
  }
}

function containsDate(value: unknown, seen = new Set<object>()): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (isDate(value)) return true;
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((item) => containsDate(item, seen));
}

/**
 * The way back: a Date anywhere in the result makes the success handler receive null, with no
 * error (a long-standing report: getValues() rows with dates arrive as null); everything else
 * is JSON (undefined -> null, Map/Set -> {}, functions dropped).
 */
function resultToHost(realm: Realm, value: unknown): Json {
  if (value === undefined || containsDate(value)) return null;
  const text = realm.JSON.stringify(value) as string | undefined;
  return text === undefined ? null : (JSON.parse(text) as Json);
}

function errorDetails(error: unknown): { message: string; name: string } {
  if (error !== null && typeof error === 'object' && 'message' in error) {
    const name = 'name' in error ? String(error.name) : 'Error';
    return { message: String(error.message), name };
  }
  return { message: String(error), name: 'Error' };
}

function findMenuFunction(items: readonly MenuItem[], caption: string): string | null {
  for (const item of items) {
    if (item === 'separator') continue;
    if ('functionName' in item) {
      if (item.caption === caption) return item.functionName;
    } else {
      const inner = findMenuFunction(item.items, caption);
      if (inner) return inner;
    }
  }
  return null;
}

/**
 * Loads the add-on's Code.js for one environment. The script is compiled once; by default every
 * execution gets a fresh realm and evaluates the file again, as Apps Script does.
 */
export function loadAddOn(env: GoogleEmulation, code: string, options: AddOnOptions = {}): AddOn {
  const script = new vm.Script(code, { filename: options.filename ?? 'Code.js' });
  let shared: Realm | null = null;

  /** A new realm with the script evaluated in it, as Apps Script loads the file; a top-level error becomes a ScriptError. */
  function evaluated(): Realm {
    const realm = createRealm(env);
    try {
      script.runInContext(realm.context);
    } catch (error) {
      const { message, name } = errorDetails(error);
      throw new ScriptError(message, name, { cause: error });
    }
    return realm;
  }

  function prepare(): Realm {
    if (options.reuseContext && shared) return shared;
    const realm = evaluated();
    if (options.reuseContext) shared = realm;
    return realm;
  }

  function topLevelFunction(realm: Realm, name: string): ((...args: unknown[]) => unknown) | null {
    if (realm.injected.has(name) || !Object.hasOwn(realm.global, name)) return null;
    const value = realm.global[name];
    return typeof value === 'function' ? (value as (...args: unknown[]) => unknown) : null;
  }

  function execute<T>(mode: AuthModeName, body: (realm: Realm) => T): T {
    env._beginExecution(mode);
    try {
      return body(prepare());
    } finally {
      env._endExecution();
    }
  }

  function invoke(fn: (...args: unknown[]) => unknown, args: readonly unknown[]): unknown {
    try {
      return fn.apply(undefined, [...args]);
    } catch (error) {
      const { message, name } = errorDetails(error);
      throw new ScriptError(message, name, { cause: error });
    }
  }

  /**
   * Triggers and menu items: a missing function fails as Apps Script reports it. Private
   * functions (ending in "_") cannot be targets (/apps-script/guides/html/communication#private_functions).
   */
  function runNamed(name: string, mode: AuthModeName, args: (realm: Realm) => unknown[]): void {
    execute(mode, (realm) => {
      const fn = name.endsWith('_') ? null : topLevelFunction(realm, name);
      if (!fn) throw new ScriptError(`Script function not found: ${name}`, 'Error');
      invoke(fn, args(realm));
    });
  }

  /**
   * What Google's client does before sending: the stub must exist (public top-level functions
   * only) and the arguments must be legal. Returns the JSON the server receives.
   */
  function preflight(name: string, args: readonly unknown[]): string {
    if (name.endsWith('_') || !functionNames().includes(name)) {
      throw new TypeError(`google.script.run.${name} is not a function`);
    }
    const checked = checkArgument(args, '0', new Set()) as unknown[];
    return JSON.stringify(checked.map((a) => (a === undefined ? null : a)));
  }

  function serve(name: string, payload: string): Json {
    return execute('FULL', (realm) => {
      const fn = topLevelFunction(realm, name);
      if (!fn) throw new ScriptError(`Script function not found: ${name}`, 'Error');
      const result = invoke(fn, realm.JSON.parse(payload) as unknown[]);
      try {
        return resultToHost(realm, result);
      } catch (error) {
        const { message, name: errorName } = errorDetails(error);
        throw new ScriptError(message, errorName, { cause: error });
      }
    });
  }

  let names: string[] | null = null;
  /** Evaluates the file once in a spare realm (not an execution: top-level code should not call services). */
  function functionNames(): string[] {
    if (!names) {
      const realm = evaluated();
      names = Object.keys(realm.global)
        .filter((key) => topLevelFunction(realm, key) !== null)
        .sort();
    }
    return [...names];
  }

  return {
    functionNames,
    runSync(name: string, ...args: unknown[]): Json {
      return serve(name, preflight(name, args));
    },
    run(name: string, ...args: unknown[]): Promise<Json> {
      const payload = preflight(name, args); // throws synchronously, as the client does
      return new Promise((resolve) => resolve(serve(name, payload)));
    },
    trigger(name: string, event: TriggerEvent = {}): void {
      const mode = event.authMode ?? 'FULL';
      const payload = JSON.stringify({ ...event, authMode: mode });
      runNamed(name, mode, (realm) => [realm.JSON.parse(payload)]);
    },
    clickMenuItem(caption: string): void {
      const functionName = env.ui._menus().reduce<string | null>((found, menu) => found ?? findMenuFunction(menu.items, caption), null);
      if (functionName === null) throw new Error(`Emulation: no menu item "${caption}" has been added to the UI`);
      runNamed(functionName, 'FULL', () => []);
    },
  };
}
