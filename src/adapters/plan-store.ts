/** What the add-on remembers about the plan in this document (deal facts the document does not show), in document properties. */
import type { DealStage, DealType, IsoDate } from '../core/plan';

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
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** The saved settings, or null when there are none or they cannot be read (a person cannot edit them, but an older add-on could have). */
export function loadPlanSettings(): PlanSettings | null {
  const raw = PropertiesService.getDocumentProperties().getProperty(SETTINGS_KEY);
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<PlanSettings>;
    return parsed.version === 1 ? (parsed as PlanSettings) : null;
  } catch {
    return null;
  }
}
