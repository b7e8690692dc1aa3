/** What the add-on remembers about the plan in this document (deal facts the document does not show), in document properties. */
import type { DealStage, DealType, IsoDate } from '../core/plan';
import { documentProperties } from './property-cache';

/** Document properties are shared by everyone using the add-on on this document, as the plan is. */
const SETTINGS_KEY = 'map.settings';

/** The deal facts from the Insert form that later checks need (stage, value) and the document does not hold. */
export interface PlanSettings {
  version: 1;
  yourCompany: string;
  theirCompany: string;
  dealType: DealType;
  dealStage: DealStage;
  annualContractValue: number;
  locale: string;
  insertedOn: IsoDate;
}

export function savePlanSettings(settings: PlanSettings): void {
  documentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** The saved settings, or null when there are none or they cannot be read (a person cannot edit them, but an older add-on could have). */
export function loadPlanSettings(): PlanSettings | null {
  const raw = documentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PlanSettings>;
    return parsed.version === 1 ? (parsed as PlanSettings) : null;
  } catch {
    return null;
  }
}

/** The team's own non-working days for this document (the Shift form's holidays, remembered), on top of the country's. */
const HOLIDAYS_KEY = 'map.holidays';

export function loadTeamHolidays(): IsoDate[] {
  const raw = documentProperties().getProperty(HOLIDAYS_KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed.filter((d): d is IsoDate => typeof d === 'string' && /^\d{4}-\d\d-\d\d$/.test(d)) : [];
  } catch {
    return [];
  }
}

/** Writes only when the list changed; an empty list removes the setting. */
export function saveTeamHolidays(days: readonly IsoDate[]): void {
  const store = documentProperties();
  const value = days.length ? JSON.stringify([...new Set(days)].sort()) : null;
  if (store.getProperty(HOLIDAYS_KEY) === value) return;
  if (value === null) store.deleteProperty(HOLIDAYS_KEY);
  else store.setProperty(HOLIDAYS_KEY, value);
}
