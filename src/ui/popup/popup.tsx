import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ext } from '../../adapters/ext';
import { providerNames } from '../../core/provider-registry';
import type { PopupState } from '../../messages';
import { t } from '../i18n';
import { displayEmail, formatCount } from '../format';
import { exposureId } from './exposure-id';
import { loadSettings } from '../../adapters/settings-store';
import { DatabaseBlockedError, UpgradeElsewhereError, databaseOpened, db } from '../../storage/connection';
import { isStorageFull } from '../../adapters/storage-full';
import { popupState } from '../../storage/popup-view';
import { onStateChanged, send } from '../send';
import { AddAddressForm } from './add-address-form';
import { AddressCard } from './address-card';
import { RunProgress } from './run-progress';
import { OverdueRequests } from './overdue-requests';
import { PasswordSection } from './password-section';
import { SiteCard } from './site-card';
import { groupByMailbox } from '../../core/trail/plus-address';

/**
 * The first state, read from IndexedDB by the page itself: no waiting for the background to wake.
 * main.tsx starts it before the first render, so the reads overlap the drawing of the page.
 */
export async function readPopupState(): Promise<PopupState> {
  const [store, settings, storageFull] = await Promise.all([db(), loadSettings(), isStorageFull()]);
  return { ...(await popupState(store, settings, Date.now())), storageFull };
}

export function Popup({ first }: { first: Promise<PopupState> }) {
  const [state, setState] = useState<PopupState | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const firstRender = useRef(true);
  // Exposures that were new when shown here: acknowledged at once (the badge clears), but still
  // tagged "new" for as long as this popup stays open.
  const [seenNew, setSeenNew] = useState<ReadonlySet<string>>(new Set());

  const refresh = useCallback(async (read?: Promise<PopupState>) => {
    try {
      // Later refreshes ask the background, which also wakes it to resume any interrupted run.
      setState(await (read ?? send('state/get', {})));
      setLoadError(null);
    } catch (error) {
      // The popup does not upgrade the database: asking the background makes it do so.
      if (error instanceof UpgradeElsewhereError) return refresh();
      if (error instanceof DatabaseBlockedError) {
        setLoadError(t('errorDatabaseBlocked'));
        // The upgrade goes through when the old page closes: show the data then, unasked.
        void databaseOpened().then(
          () => refresh(readPopupState()),
          () => refresh(),
        );
        return;
      }
      setLoadError((error as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh(first);
    return onStateChanged(() => void refresh());
  }, [refresh, first]);

  // While a run waits on the rate limit nothing is broadcast; a slow tick keeps its countdown true.
  const running = state?.run !== null && state?.run !== undefined && state.run.finishedAt === null;
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => void refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, refresh]);

  useEffect(() => {
    if (!state) return;
    const withNew = state.addresses.filter((a) => a.newCount > 0);
    if (withNew.length === 0) return;
    const fresh = withNew.flatMap((a) => a.exposures.map((x) => x.exposure)).filter((e) => e.state === 'new');
    setSeenNew((old) => new Set([...old, ...fresh.map(exposureId)]));
    void send('exposures/acknowledge', { emails: withNew.map((a) => a.email) }).catch(() => undefined);
  }, [state]);

  useEffect(() => {
    if (state && firstRender.current) {
      firstRender.current = false;
      performance.mark('popup-rendered');
      document.body.dataset.ready = 'true';
    }
  }, [state]);

  const checkAll = async () => {
    setActionError(null);
    try {
      await send('check/start', {});
    } catch (error) {
      setActionError((error as Error).message);
    }
  };

  return (
    <main class="popup">
      <header class="popup-header">
        <h1>{t('extName')}</h1>
        {state && state.addresses.length > 0 && (
          <button type="button" class="primary" onClick={checkAll} disabled={running}>
            {running ? t('checking') : t('popupCheckNow')}
          </button>
        )}
      </header>
      <SiteCard refreshKey={state?.addresses.length} onError={setActionError} />
      <AddAddressForm />
      {actionError && (
        <p class="error" role="alert">
          {actionError}
        </p>
      )}
      {state?.storageFull && (
        <p class="error" role="alert" data-testid="storage-full">
          {t('popupStorageFull')}
        </p>
      )}
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      {!state && !loadError && <p class="muted" aria-busy="true">{t('loading')}</p>}
      {state && state.run && <RunProgress run={state.run} onError={setActionError} />}
      {state && <OverdueRequests requests={state.overdueRequests} />}
      {state && state.addresses.length === 0 && (
        <p class="empty" data-testid="empty-state">
          {t('popupEmpty', providerNames(state.providers, t))}
        </p>
      )}
      {state && state.addresses.length > 0 && (
        <ul class="address-list" aria-label={t('popupAddressesLabel')}>
          {/* A mailbox's plus-addresses are shown together under it; each is still looked up as itself. */}
          {groupByMailbox(state.addresses).map(({ mailbox, members }) => {
            const cards = members.map((address) => (
              <AddressCard key={address.email} address={address} providers={state.providers} seenNew={seenNew} onError={setActionError} />
            ));
            if (members.length === 1) return cards;
            return (
              <li key={`family:${mailbox}`} class="family" data-mailbox={mailbox}>
                <h2 class="family-head">{t('familyHead', displayEmail(mailbox), formatCount(members.length))}</h2>
                <ul class="address-list">{cards}</ul>
              </li>
            );
          })}
        </ul>
      )}
      <PasswordSection />
      <footer class="popup-footer">
        <button type="button" class="quiet" onClick={() => void ext.runtime.openOptionsPage()}>
          {t('popupOptions')}
        </button>
        <button type="button" class="quiet" onClick={() => void ext.tabs.create({ url: ext.runtime.getURL('src/ui/history/index.html') })}>
          {t('popupHistory')}
        </button>
        {state && (
          <span class="muted">
            {t(state.providers.length === 1 ? 'popupProvider' : 'popupProviders', providerNames(state.providers, t))}
          </span>
        )}
      </footer>
    </main>
  );
}
