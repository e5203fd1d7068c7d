import type { ProviderId } from '../../core/breach';
import { describeFailure } from '../../core/failure-text';
import type { AddressView } from '../../messages';
import { formatBreachDate, formatCount, formatDateTime, formatWhen } from '../format';
import browser from 'webextension-polyfill';
import { t } from '../i18n';
import { send } from '../send';
import { ReportedBy } from '../components/reported-by';
import { exposureId } from './exposure-id';

interface Props {
  address: AddressView;
  /** The enabled providers: with more than one, each breach says which of them report it. */
  providers: ProviderId[];
  seenNew: ReadonlySet<string>;
  /** Shows a refused action's reason (the popup's one error line). */
  onError: (message: string) => void;
}

export function AddressCard({ address, providers, seenNew, onError }: Props) {
  const count = address.exposureCount + address.notices.length;
  const more = address.exposureCount - address.exposures.length;
  const report = (error: unknown) => onError((error as Error).message);
  const check = () => void send('check/start', { emails: [address.email] }).catch(report);
  const remove = () => {
    if (confirm(t('cardConfirmRemove', address.email))) void send('address/remove', { email: address.email }).catch(report);
  };
  return (
    <li class="address" data-email={address.email}>
      <div class="address-head">
        <h2>{address.email}</h2>
        <div class="actions">
          <button type="button" onClick={check} disabled={address.job !== null} aria-label={t('cardCheckLabel', address.email)}>
            {t('cardCheck')}
          </button>
          <button type="button" class="quiet" onClick={remove} aria-label={t('cardRemoveLabel', address.email)}>
            {t('cardRemove')}
          </button>
        </div>
      </div>
      <p class="status" data-testid="address-status">
        <Status address={address} fallback={providers[0]!} count={count} />
      </p>
      {count > 0 && (
        <ul class="breaches" aria-label={t('cardBreachesLabel', address.email)}>
          {address.exposures.map(({ exposure, breach }) => (
            <li key={`${exposure.provider}/${exposure.breachId}`} class="breach" data-breach={exposure.breachId}>
              <span class="breach-title">{breach?.title ?? exposure.breachId}</span>
              {(exposure.state === 'new' || seenNew.has(exposureId(exposure))) && <span class="tag">{t('tagNew')}</span>}
              <span class="breach-meta">
                {formatBreachDate(breach?.breachDate ?? null)}
                {breach?.pwnCount ? ` · ${t('cardAccounts', formatCount(breach.pwnCount))}` : ''}
              </span>
              {breach && breach.dataClasses.length > 0 && <span class="breach-data">{breach.dataClasses.join(', ')}</span>}
              <ReportedBy exposure={exposure} enabled={providers} />
            </li>
          ))}
          {address.notices.map((notice) => (
            <li key={notice.id} class="breach notice" data-notice={notice.id}>
              <span class="breach-title">{notice.organisation}</span>
              <span class="tag neutral">{t('tagYourNotice')}</span>
              <span class="breach-meta">{notice.date}{notice.site ? ` · ${notice.site}` : ''}</span>
              <span class="breach-data">{notice.dataClasses.join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      {more > 0 && (
        <p class="more">
          <a href={historyUrl(address.email)} target="_blank" rel="noopener noreferrer">
            {t('cardMore', formatCount(more))}
          </a>
        </p>
      )}
    </li>
  );
}

const historyUrl = (email: string) => `${browser.runtime.getURL('src/ui/history/index.html')}?email=${encodeURIComponent(email)}`;

function Status({ address, fallback, count }: { address: AddressView; fallback: ProviderId; count: number }) {
  const { job } = address;
  if (job) {
    if (job.state === 'waiting') {
      return (
        <span role="status" class={job.failure ? 'warning' : undefined}>
          {job.failure ? describeFailure(job.provider, job.failure, job.notBefore, formatWhen, t) : t('cardQueued', formatWhen(job.notBefore))}
        </span>
      );
    }
    return <span role="status">{t('checking')}</span>;
  }
  const checked = address.lastCheckedAt !== null ? ` · ${t('cardCheckedAt', formatDateTime(address.lastCheckedAt))}` : '';
  if (address.lastOutcome === 'failed' && address.lastFailure) {
    return (
      <span class="warning" role="alert" data-testid="address-failure">
        ⚠ {describeFailure(address.lastFailure.provider ?? fallback, address.lastFailure, null, formatWhen, t)}
        {count > 0 ? ` ${t('cardEarlierKept')}` : ''}
      </span>
    );
  }
  if (address.lastCheckedAt === null) return <span class="muted">{t('cardNotChecked')}</span>;
  if (count === 0) return <span class="ok">✓ {t('cardNoBreaches')}{checked}</span>;
  return (
    <span class="bad">
      ⚠ {t(count === 1 ? 'cardFoundOne' : 'cardFoundOther', count)}
      {checked}
    </span>
  );
}
