import type { ProviderId } from './breach';
import type { Translate } from './i18n';
import { PROVIDERS, enabledProviders, providerNames } from './provider-registry';

export interface Agreement {
  /** "Reported by Have I Been Pwned and XposedOrNot", or "Reported only by XposedOrNot". */
  line: string;
  /** Why the others may not list it, in plain words; empty when every provider in use reports it. */
  why: string[];
}

/**
 * Which of the providers in use report an incident, and when not all of them do, why that can
 * happen: the services collect from different sources at different times, and each has its own
 * blind spots (the registry's `missingText`). Null when there is nothing to compare: one provider
 * in use, and one reporting, as for a user of one provider, whose entries read as before.
 */
export function agreement(reporting: readonly ProviderId[], enabled: readonly ProviderId[], t: Translate): Agreement | null {
  if (enabled.length < 2 && reporting.length < 2) return null;
  const reporters = enabledProviders(reporting);
  const missing = enabledProviders(enabled).filter((id) => !reporting.includes(id));
  if (missing.length === 0) return { line: t('reportedBy', providerNames(reporters, t)), why: [] };
  return { line: t('reportedOnlyBy', providerNames(reporters, t)), why: [t('disagreeWhy'), ...missing.map((id) => t(PROVIDERS[id].missingText))] };
}
