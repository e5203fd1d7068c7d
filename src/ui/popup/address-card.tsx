import type { ProviderId } from '../../core/breach';
import { describeFailure, describeQuotaWait } from '../../core/failure-text';
import type { AddressView } from '../../messages';
import { useState } from 'preact/hooks';
import { AddressText } from '../components/address-text';
import type { ConfirmDialog } from '../components/confirm-dialog';
import { displayEmail, displayHost, formatAgo, formatBreachDate, formatCount, formatWhen } from '../format';
import { ext } from '../../adapters/ext';
import { t } from '../i18n';
import { send } from '../send';
import { classList } from '../data-labels';
import { ReportedBy } from '../components/reported-by';
import { exposureId } from './exposure-id';
import { breachEntryKey, noticeEntryKey } from '../../core/entry-key';
import { aliasServiceOf } from '../../core/trail/alias-services';
import { GivenToEditor } from '../trail/given-to-editor';
import { TrailFinding } from '../trail/trail-finding';

interface Props {
  address: AddressView;
  /** The enabled providers: with more than one, each breach says which of them report it. */
  providers: ProviderId[];
  seenNew: ReadonlySet<string>;
  /** Shows a refused action's reason (the popup's one error line). */
  onError: (message: string) => void;
}

export function AddressCard({ address, providers, seenNew, onError }: Props) {
  // Notices are the user's own records, never counted as breaches a provider found.
  const count = address.exposureCount + address.notices.length;
  const more = address.exposureCount - address.exposures.length;
  const report = (error: unknown) => onError((error as Error).message);
  const check = () => void send('check/start', { emails: [address.email] }).catch(report);
  // An in-page dialog, not confirm(): Firefox draws confirm() in the tab under the popup.
  const [confirming, setConfirming] = useState(false);
  // The dialog's code loads with the first "Remove" (the popup's JavaScript budget counts what it loads at start).
  const [Dialog, setDialog] = useState<typeof ConfirmDialog | null>(null);
  const askToRemove = () =>
    void import('../components/confirm-dialog').then(
      ({ ConfirmDialog: loaded }) => {
        setDialog(() => loaded);
        setConfirming(true);
      },
      (error: unknown) => {
        console.warn('Was I Exposed?: the remove confirmation did not load', error);
        onError(t('popupPartNotLoaded'));
      },
    );
  const remove = () => {
    setConfirming(false);
    void send('address/remove', { email: address.email }).catch(report);
  };
  const shown = displayEmail(address.email);
  const alias = aliasServiceOf(address.email);
  return (
    <li class="address" data-email={address.email}>
      <div class="address-head">
        <h2>
          <AddressText email={address.email} />
          {alias !== null && <span class="tag neutral alias-tag">{t('aliasTag', alias)}</span>}
        </h2>
        <div class="actions">
          <button type="button" onClick={check} disabled={address.job !== null} aria-label={t('cardCheckLabel', shown)}>
            {t('cardCheck')}
          </button>
          <button type="button" class="quiet" onClick={askToRemove} aria-label={t('cardRemoveLabel', shown)}>
            {t('cardRemove')}
          </button>
        </div>
      </div>
      <p class="status" data-testid="address-status">
        <Status address={address} fallback={providers[0]!} count={count} />
        {address.notices.length > 0 && (
          <span class="muted" data-testid="address-notices">
            {' · '}
            {t(address.notices.length === 1 ? 'cardNoticesOne' : 'cardNoticesOther', formatCount(address.notices.length))}
          </span>
        )}
      </p>
      <GivenToEditor email={address.email} givenTo={address.givenTo ?? []} />
      {address.trails.length > 0 && (
        <ul class="trails" aria-label={t('tagTrail')}>
          {address.trails.map((trail) => <TrailFinding key={trail.id} trail={trail} onError={onError} />)}
        </ul>
      )}
      {address.job && address.lastCheckedAt !== null && (
        <p class="status last-result" data-testid="address-last">
          <LastResult address={address} fallback={providers[0]!} count={count} />
        </p>
      )}
      {count > 0 && (
        <ul class="breaches" aria-label={t('cardBreachesLabel', shown)}>
          {address.exposures.map(({ exposure, breach }) => (
            <li key={`${exposure.provider}/${exposure.breachId}`} class="breach" data-breach={exposure.breachId}>
              <a class="breach-title" href={entryUrl(breachEntryKey(exposure))} target="_blank" rel="noopener noreferrer" data-testid="popup-breach-link">
                {breach?.title ?? exposure.breachId}
              </a>
              {(exposure.state === 'new' || seenNew.has(exposureId(exposure))) && <span class="tag">{t('tagNew')}</span>}
              <span class="breach-meta">
                {formatBreachDate(breach?.breachDate ?? null)}
                {breach?.pwnCount ? ` · ${t('cardAccounts', formatCount(breach.pwnCount))}` : ''}
              </span>
              {breach && breach.dataClasses.length > 0 && <span class="breach-data">{classList(breach.dataClasses)}</span>}
              <ReportedBy exposure={exposure} enabled={providers} />
            </li>
          ))}
          {address.notices.map((notice) => (
            <li key={notice.id} class="breach notice" data-notice={notice.id}>
              <a class="breach-title" href={entryUrl(noticeEntryKey(notice.id))} target="_blank" rel="noopener noreferrer">
                {notice.organisation}
              </a>
              <span class="tag neutral">{t('tagYourNotice')}</span>
              <span class="breach-meta">{formatBreachDate(notice.date)}{notice.site ? ` · ${displayHost(notice.site)}` : ''}</span>
              <span class="breach-data">{classList(notice.dataClasses)}</span>
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
      {Dialog && <Dialog open={confirming} title={t('cardRemoveTitle', shown)} confirmLabel={t('cardRemove')} onConfirm={remove} onCancel={() => setConfirming(false)}>
        <p>{t('cardConfirmRemove', shown)}</p>
      </Dialog>}
    </li>
  );
}

const historyUrl = (email: string) => `${ext.runtime.getURL('src/ui/history/index.html')}?email=${encodeURIComponent(email)}`;
/** The history page with this entry open and in view. */
const entryUrl = (key: string) => `${ext.runtime.getURL('src/ui/history/index.html')}#entry=${encodeURIComponent(key)}`;

/**
 * Where the address stands. While a check is queued this says what the check is doing (the last
 * result stays in view on the line below): "Checking…" only while its request is on the wire or about to
 * go; waiting for a retry or for the provider's limit says so, with the time.
 */
function Status({ address, fallback, count }: { address: AddressView; fallback: ProviderId; count: number }) {
  const { job } = address;
  if (!job) return <LastResult address={address} fallback={fallback} count={count} />;
  return (
    <span role="status" class={job.state === 'waiting' && job.failure ? 'warning' : undefined} data-testid="address-job">
      {job.state === 'queued'
        ? t('checking')
        : job.quota
          ? describeQuotaWait(job.provider, job.quota, job.notBefore, formatWhen, t)
          : job.failure
            ? describeFailure(job.provider, job.failure, job.notBefore, formatWhen, t)
            : t('cardQueued', formatWhen(job.notBefore))}
    </span>
  );
}

function LastResult({ address, fallback, count }: { address: AddressView; fallback: ProviderId; count: number }) {
  const checked = address.lastCheckedAt !== null ? ` · ${t('cardCheckedAt', formatAgo(address.lastCheckedAt))}` : '';
  if (address.lastOutcome === 'failed' && address.lastFailure) {
    return (
      <span class="warning" role="alert" data-testid="address-failure">
        ⚠ {describeFailure(address.lastFailure.provider ?? fallback, address.lastFailure, null, formatWhen, t)}
        {count > 0 ? ` ${t('cardEarlierKept')}` : ''}
      </span>
    );
  }
  if (address.lastCheckedAt === null) return <span class="muted">{t('cardNotChecked')}</span>;
  const found = address.exposureCount;
  if (found === 0) return <span class="ok">✓ {t('cardNoBreaches')}{checked}</span>;
  return (
    <span class="bad">
      ⚠ {t(found === 1 ? 'cardFoundOne' : 'cardFoundOther', formatCount(found))}
      {checked}
    </span>
  );
}
