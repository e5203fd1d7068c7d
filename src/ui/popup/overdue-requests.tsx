import { ext } from '../../adapters/ext';
import { requestEntryKey } from '../../core/rights/request-entries';
import type { PopupState } from '../../messages';
import { formatEventDate } from '../format';
import { t } from '../i18n';

/** Data-protection requests left unanswered past their due date (#13), each a link to its history entry. */
export function OverdueRequests({ requests }: { requests: PopupState['overdueRequests'] }) {
  if (requests.length === 0) return null;
  const url = (entry: string) => `${ext.runtime.getURL('src/ui/history/index.html')}#${new URLSearchParams({ entry: requestEntryKey(entry) }).toString()}`;
  return (
    <ul class="overdue-requests" aria-label={t('popupOverdueLabel')} data-testid="popup-overdue">
      {requests.map((r) => (
        <li key={r.entry}>
          <a href={url(r.entry)} target="_blank" rel="noopener noreferrer">
            {t('popupRequestOverdue', r.organisation, formatEventDate(r.due))}
          </a>
        </li>
      ))}
    </ul>
  );
}
