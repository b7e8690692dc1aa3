/** Checks a "Shift downstream dates" request from the sidebar (untrusted JSON) and turns it into options the scheduler takes. */
import * as z from 'zod/mini';
import { isIsoDate } from './calendar';
import type { IsoDate } from '../plan';
import type { ShiftOptions } from './shift-request';
import { onFirstUse } from '../on-first-use';

export type CheckedShiftRequest =
  | { kind: 'step'; step: number | string | null; to: string; options: ShiftOptions; expect: string | null }
  | { kind: 'detect'; options: ShiftOptions; expect: string | null };

const MAX_HOLIDAYS = 400;

const request = onFirstUse(() => {
  const options = z.optional(
    z.object({
      mode: z.optional(z.enum(['keep-gaps', 'fix-overlaps'])),
      pullIn: z.optional(z.boolean()),
      calendarDays: z.optional(z.boolean()),
      holidays: z.optional(z.array(z.string()).check(z.maxLength(MAX_HOLIDAYS))),
      holdDecisionTarget: z.optional(z.boolean()),
      holdGoLiveTarget: z.optional(z.boolean()),
      // Each step as the plan numbers it ("5a", "2.1"; a plain number from older sidebars) or its key.
      include: z.optional(z.array(z.union([z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), z.string().check(z.minLength(1), z.maxLength(100))])).check(z.maxLength(1000))),
      changeLog: z.optional(z.boolean()),
    }),
  );

  /** The preview's token (see ShiftPreview.token). */
  const expect = z.optional(z.string().check(z.maxLength(200)));

  return z.discriminatedUnion('kind', [
    z.object({
      kind: z.literal('step'),
      // The step's key (what the Shift list sends), or its number as written ("5a", from the command line).
      step: z.nullable(z.union([z.number().check(z.int(), z.minimum(1), z.maximum(10_000)), z.string().check(z.minLength(1), z.maxLength(100))])),
      to: z.string().check(z.maxLength(60)),
      options,
      expect,
    }),
    z.object({ kind: z.literal('detect'), options, expect }),
  ]);
});

/**
 * The request, or one sentence saying what is wrong with it. The sidebar builds requests, so a
 * bad one is a defect or a tampered call: the message names the field without echoing zod.
 */
export function checkShiftRequest(raw: unknown): { ok: true; request: CheckedShiftRequest } | { ok: false; message: string } {
  const parsed = request().safeParse(raw);
  if (!parsed.success) {
    const path = parsed.error.issues[0]?.path.join('.') || 'request';
    return { ok: false, message: `The shift request could not be read (${path}). Reload the sidebar and try again.` };
  }
  const given = parsed.data.options ?? {};
  const holidays: IsoDate[] = [];
  for (const day of given.holidays ?? []) {
    const trimmed = day.trim();
    if (!trimmed) continue;
    if (!isIsoDate(trimmed)) return { ok: false, message: `"${trimmed}" is not a holiday date: write holidays as YYYY-MM-DD, separated by commas.` };
    holidays.push(trimmed);
  }
  const checked: ShiftOptions = {
    mode: given.mode ?? 'keep-gaps',
    pullIn: given.pullIn ?? false,
    calendar: { calendarDays: given.calendarDays ?? false, holidays: new Set(holidays) },
    holdDecisionTarget: given.holdDecisionTarget ?? false,
    holdGoLiveTarget: given.holdGoLiveTarget ?? false,
    include: [...new Set((given.include ?? []).map(String))],
    changeLog: given.changeLog ?? true,
  };
  const r = parsed.data;
  return {
    ok: true,
    request:
      r.kind === 'step'
        ? { kind: 'step', step: r.step, to: r.to, options: checked, expect: r.expect ?? null }
        : { kind: 'detect', options: checked, expect: r.expect ?? null },
  };
}
