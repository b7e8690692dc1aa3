/** What the reader is told besides the document: the user's locale and today, the companies, and the steps seen on earlier reads. */
import type { IsoDate } from '../plan';

/** A step seen on an earlier read (from the stored history): lets a row whose marker was lost keep its identity. */
export interface KnownStep {
  key: string;
  action: string;
  number: number;
  due: IsoDate | null;
}

export interface ReadContext {
  /** The user's locale ("en_US"): decides "3/4" when nothing in the document does. */
  locale: string;
  /** The user's today: the last resort for a date written without its year. */
  today: IsoDate;
  /** From saved settings; otherwise read from the title "Mutual Action Plan: Acme + Globex". */
  yourCompany?: string;
  theirCompany?: string;
  knownSteps?: KnownStep[];
}
