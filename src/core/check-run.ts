import type { ProviderId } from './breach';
import type { ProviderFailure } from './provider-error';

/** One run of checks: which addresses, with which provider, who asked, and when it ended. */
export interface CheckRun {
  id: string;
  provider: ProviderId;
  /** Who asked: the popup's button, the re-check alarm, or the context menu. */
  trigger: 'manual' | 'scheduled' | 'context-menu';
  startedAt: number;
  finishedAt: number | null;
  emails: string[];
  /** When the run's notification was shown (or found unneeded), so a restarted worker never repeats it. */
  notifiedAt?: number | null;
}

/** Exactly one per (run, address): the key makes a second record of the same check impossible. */
export interface CheckResult {
  runId: string;
  email: string;
  at: number;
  outcome: 'clean' | 'breached' | 'failed';
  breachIds: string[];
  newBreachIds: string[];
  failure: ProviderFailure | null;
}

/**
 * The run of one provider in a check of several: `<check id>/<provider>`. A check with one
 * provider keeps the check's id, as runs always had.
 */
export const runIdFor = (checkId: string, provider: ProviderId, providers: readonly ProviderId[]): string =>
  providers.length > 1 ? `${checkId}/${provider}` : checkId;

/** The check a run belongs to: the runs of one check are announced together (see alerts.ts). */
export const checkIdOf = (runId: string): string => runId.split('/')[0] ?? runId;
