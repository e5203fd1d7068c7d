import type { ExposureState } from './exposure';

/**
 * An exposure the user records by hand: one that no breach database lists, such as a company's
 * email saying a "technical error" published their name and address.
 */
export interface ManualNotice {
  id: string;
  email: string;
  organisation: string;
  /** Lower-case host of the organisation's site, or '' when unknown. */
  site: string;
  /** When it happened, YYYY-MM-DD (or YYYY-MM / YYYY when that is all the user knows). */
  date: string;
  dataClasses: string[];
  note: string;
  createdAt: number;
  state: ExposureState;
  stateChangedAt: number;
  /** The "What to do" steps ticked, by id (guidance.ts), sorted; absent when none ever were. */
  steps?: string[];
}

/** A site alert that was shown while browsing, kept so the user can review them. */
export interface SiteAlertRecord {
  id: string;
  host: string;
  breachIds: string[];
  provider: string;
  shownAt: number;
  /** Saved addresses that were in those breaches (normalised). */
  emails: string[];
}
