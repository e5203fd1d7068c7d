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
