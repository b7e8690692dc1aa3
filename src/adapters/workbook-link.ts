/** Which team workbook this user exports into, and whether rows refresh after every action: user properties, so each seller links once for all their plans. */
import * as z from 'zod/mini';
import { onFirstUse } from '../core/on-first-use';
import { userProperties } from './property-cache';

const LINK_KEY = 'map.workbook';

export interface WorkbookLink {
  id: string;
  name: string;
  url: string;
  /** Refresh the plan's rows after every action that changes it (on unless the seller turned it off). */
  auto: boolean;
}

const linkSchema = onFirstUse(() => z.object({ id: z.string().check(z.minLength(1)), name: z.string(), url: z.string(), auto: z.boolean() }));

export function loadWorkbookLink(): WorkbookLink | null {
  const raw = userProperties().getProperty(LINK_KEY);
  if (!raw) return null;
  try {
    const parsed = linkSchema().safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWorkbookLink(link: WorkbookLink): void {
  userProperties().setProperty(LINK_KEY, JSON.stringify(link));
}
