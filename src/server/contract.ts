/** The shapes that cross google.script.run between the sidebar and the server: JSON only, dates as `YYYY-MM-DD`. */
import type { DealStage, DealType, FieldErrors, Guidance, IsoDate } from '../core/plan';

/** What google.script.run can carry: a Date, a function or undefined cannot cross. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

export interface PersonFields {
  name: string;
  title: string;
}

/** The Insert form exactly as the sidebar sends it: every field a string from an input. */
export interface RawInsertForm {
  yourCompany: string;
  theirCompany: string;
  product: string;
  problem: string;
  dealType: string;
  dealStage: string;
  annualContractValue: string;
  evaluationStart: string;
  decisionTarget: string;
  goLiveTarget: string;
  people: {
    champion: PersonFields;
    economicBuyer: PersonFields;
    technicalEvaluator: PersonFields;
    accountExecutive: PersonFields;
    solutionsEngineer: PersonFields;
  };
  theirWords: {
    procurement: string;
    legal: string;
    security: string;
    internalReview: string;
  };
}

export interface Choice<T extends string> {
  id: T;
  label: string;
}

/** Everything the sidebar needs to draw itself, fetched once when it opens. */
export interface SidebarState {
  locale: string;
  today: IsoDate;
  /** The title of the MAP already in the document, or null when there is none. */
  existingPlan: string | null;
  dealTypes: (Choice<DealType> & { stepCount: number })[];
  dealStages: Choice<DealStage>[];
}

/** A date shown to the person: the ISO value for inputs and the text as the document will hold it. */
export interface DateView {
  iso: IsoDate;
  text: string;
}

export interface DraftStepView {
  number: number;
  action: string;
  owner: string;
  due: DateView;
}

export type PreviewResult =
  | {
      ok: true;
      title: string;
      steps: DraftStepView[];
      keyDates: { evaluationStart: DateView; decisionTarget: DateView; goLiveTarget: DateView };
      guidance: Guidance[];
      placeholders: string[];
    }
  | { ok: false; errors: FieldErrors; guidance: Guidance[] };

export type InsertResult =
  | { ok: true; message: string; guidance: Guidance[]; placeholders: string[] }
  | { ok: false; message: string; errors: FieldErrors };
