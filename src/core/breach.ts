/**
 * The one breach model every provider maps into. Providers differ in field names and in how much
 * they say; the UI and storage only ever see this shape.
 */
export type ProviderId = 'xposedornot' | 'hibp';

export const PROVIDER_IDS: readonly ProviderId[] = ['xposedornot', 'hibp'];

export interface BreachFlags {
  verified: boolean;
  fabricated: boolean;
  sensitive: boolean;
  retired: boolean;
  spamList: boolean;
  malware: boolean;
  stealerLog: boolean;
}

export interface Breach {
  /** The provider's stable name for the breach ("Adobe"); unique per provider. */
  id: string;
  provider: ProviderId;
  title: string;
  /** Lower-case host the breach is recorded on, or '' when the provider names none. */
  domain: string;
  /** YYYY-MM-DD, or YYYY when the provider only knows the year; null when unknown. */
  breachDate: string | null;
  /** ISO timestamp of when the provider added it; null when unknown. */
  addedDate: string | null;
  /** Accounts affected; null when unknown. */
  pwnCount: number | null;
  /** Untrusted: HTML from some providers, plain text from others (see the registry's descriptionFormat). */
  description: string;
  dataClasses: string[];
  logoUrl: string | null;
  flags: BreachFlags;
}

/** The outcome of asking a provider about one address. */
export type CheckOutcome = { kind: 'breached'; breaches: Breach[] } | { kind: 'clean' };

export const NO_FLAGS: BreachFlags = {
  verified: true,
  fabricated: false,
  sensitive: false,
  retired: false,
  spamList: false,
  malware: false,
  stealerLog: false,
};
