import { maskEmail } from './mask-email';
import type { Translate } from './i18n';

export interface RunResultSummary {
  email: string;
  outcome: 'clean' | 'breached' | 'failed';
  breachIds: string[];
  newBreachIds: string[];
}

export interface Notice {
  title: string;
  message: string;
}

const MAX_LINES = 4;

/**
 * The one grouped notification a finished run earns, or null when it earns none. Scheduled runs
 * speak only of exposures seen for the first time; a check asked for from the context menu always
 * answers. Addresses are masked: notifications can show on a locked screen.
 */
export function runNotice(
  trigger: 'manual' | 'scheduled' | 'context-menu',
  results: readonly RunResultSummary[],
  titleOf: (breachId: string) => string,
  t: Translate,
): Notice | null {
  if (trigger === 'context-menu') {
    const [result] = results;
    if (!result) return null;
    const who = maskEmail(result.email);
    if (result.outcome === 'failed') return { title: t('noticeFailedTitle'), message: t('noticeFailedMessage', who) };
    if (result.outcome === 'clean') return { title: t('noticeCleanTitle'), message: t('noticeCleanMessage', who) };
    const count = result.breachIds.length;
    return {
      title: t(count === 1 ? 'noticeFoundOne' : 'noticeFoundOther', count),
      message: `${who}: ${result.breachIds.slice(0, 6).map(titleOf).join(', ')}${count > 6 ? '…' : ''}`,
    };
  }
  if (trigger !== 'scheduled') return null;
  const fresh = results.filter((r) => r.newBreachIds.length > 0);
  const total = fresh.reduce((sum, r) => sum + r.newBreachIds.length, 0);
  if (total === 0) return null;
  const lines = fresh.slice(0, MAX_LINES).map((r) => `${maskEmail(r.email)}: ${r.newBreachIds.map(titleOf).join(', ')}`);
  const more = fresh.length - MAX_LINES;
  if (more > 0) lines.push(t(more === 1 ? 'noticeMoreAddressesOne' : 'noticeMoreAddressesOther', more));
  return {
    title: total === 1 ? t('noticeNewOne') : t('noticeNewOther', total),
    message: lines.join('\n'),
  };
}
