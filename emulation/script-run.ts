/** google.script.run as the sidebar's browser sees it: at most 10 calls run at once, an 11th waits, and calls complete in any order. */
import type { AddOn, Json } from './sandbox';

/**
 * "google.script.run ... at most 10 calls run at once; an 11th waits. Calls complete in any
 * order" (/apps-script/guides/html/communication, checked 2026-12-06). Calls are queued here and
 * run when the test settles them, in the order it chooses, so a sidebar flow can be checked
 * against every order its calls could finish in.
 */
export const SCRIPT_RUN_CONCURRENCY = 10;

export type CompletionOrder = 'as-sent' | 'reversed' | ((running: number) => number);

interface Call {
  name: string;
  args: unknown[];
  resolve(value: Json): void;
  reject(error: unknown): void;
}

export class ScriptRunClient {
  private readonly running: Call[] = [];
  private readonly waiting: Call[] = [];
  /** The most calls that were running at once. */
  peak = 0;

  constructor(
    private readonly addOn: AddOn,
    private readonly order: CompletionOrder = 'as-sent',
  ) {}

  /** google.script.run.name(...args), as a promise; it runs when settled. */
  run(name: string, ...args: unknown[]): Promise<Json> {
    return new Promise((resolve, reject) => {
      const call = { name, args, resolve, reject };
      if (this.running.length < SCRIPT_RUN_CONCURRENCY) this.running.push(call);
      else this.waiting.push(call);
      this.peak = Math.max(this.peak, this.running.length);
    });
  }

  /** Calls running, and calls waiting for one of the 10 places. */
  pending(): { running: number; waiting: number } {
    return { running: this.running.length, waiting: this.waiting.length };
  }

  /** Finishes every call, one at a time in the chosen order; a waiting call starts as soon as a place frees. */
  async settle(): Promise<void> {
    while (this.running.length > 0) {
      const pick = this.order === 'as-sent' ? 0 : this.order === 'reversed' ? this.running.length - 1 : this.order(this.running.length);
      const [call] = this.running.splice(Math.min(Math.max(0, pick), this.running.length - 1), 1);
      const next = this.waiting.shift();
      if (next) this.running.push(next);
      if (!call) continue;
      try {
        call.resolve(this.addOn.runSync(call.name, ...call.args));
      } catch (error) {
        call.reject(error);
      }
      // Let the sidebar's handlers run before the next call completes, as the browser would.
      await new Promise((r) => setImmediate(r));
    }
  }
}
