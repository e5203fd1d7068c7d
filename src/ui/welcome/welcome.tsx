import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../adapters/ext';
import { loadSettings } from '../../adapters/settings-store';
import type { ProviderId } from '../../core/breach';
import { PROVIDERS, PROVIDER_LIST, enabledProviders } from '../../core/provider-registry';
import type { Settings } from '../../core/settings';
import type { PopupState } from '../../messages';
import { ApiKeyField } from '../options/api-key-field';
import { AddressText } from '../components/address-text';
import { Choice } from '../components/choice';
import { displayEmail } from '../format';
import { SiteAlertsField } from '../options/site-alerts-field';
import { AddAddressForm } from '../popup/add-address-form';
import { t, tx } from '../i18n';
import { onStateChanged, send } from '../send';

/**
 * First run: what the extension does and its promise, then the three choices that make it useful —
 * the provider, the addresses, and site alerts — and the first check.
 */
export function Welcome() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [state, setState] = useState<PopupState | null>(null);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [started, setStarted] = useState(false);

  const refresh = async () => setState(await send('state/get', {}));
  useEffect(() => {
    void loadSettings().then((s) => {
      setSettings(s);
      setKey(s.hibpApiKey);
      document.body.dataset.ready = 'true';
    });
    void refresh();
    return onStateChanged(() => void refresh());
  }, []);

  if (!settings) return <p aria-busy="true">{t('loading')}</p>;

  const save = async (providers: ProviderId[]) => {
    setError(null);
    try {
      setSettings(await send('settings/save', { patch: { providers } }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const toggle = (id: ProviderId) => (event: Event) =>
    void save(enabledProviders((event.target as HTMLInputElement).checked ? [...settings.providers, id] : settings.providers.filter((p) => p !== id)));
  const needsKey = settings.providers.some((id) => PROVIDERS[id].needsKey);
  const testKey = async () => {
    setError(null);
    try {
      await send('hibp/test-key', { apiKey: key });
      setSettings(await loadSettings());
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const start = async () => {
    setError(null);
    try {
      // Record the providers as chosen, even when they are the default the user left selected.
      setSettings(await send('settings/save', { patch: { providers: settings.providers } }));
      await send('check/start', {});
      setStarted(true);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  const addresses = state?.addresses ?? [];
  const run = state?.run;
  const done = started && run !== null && run !== undefined && run.finishedAt !== null;
  return (
    <main class="options welcome">
      <h1>{t('welcomeTitle')}</h1>
      <ul class="promise">
        <li>{t('welcomePromiseChecks')}</li>
        <li>{t('welcomePromiseProvider')}</li>
        <li>{t('welcomePromiseHistory')}</li>
      </ul>

      <fieldset>
        <legend>{t('welcomeStepProvider')}</legend>
        {PROVIDER_LIST.map((p) => (
          <Choice key={p.id} type="checkbox" name="providers" checked={settings.providers.includes(p.id)} onChange={toggle(p.id)} label={p.name} more={t(p.welcomeText)} />
        ))}
        {needsKey && (
          <ApiKeyField
            value={key}
            onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            onTest={testKey}
            invalid={{ 'aria-invalid': 'false', 'aria-describedby': undefined }}
          />
        )}
      </fieldset>

      <fieldset>
        <legend>{t('welcomeStepAddresses')}</legend>
        <AddAddressForm />
        {addresses.length > 0 && (
          <ul class="welcome-addresses" aria-label={t('welcomeAddressesLabel')}>
            {addresses.map((a) => (
              <li key={a.email}>
                <AddressText email={a.email} />
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <SiteAlertsField settings={settings} onSaved={setSettings} />

      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => void start()} disabled={addresses.length === 0 || (started && !done)}>
          {started && !done ? t('checking') : t('welcomeRunFirstCheck')}
        </button>
        {addresses.length === 0 && <span class="muted">{t('welcomeAddFirst')}</span>}
      </div>
      {started && run && (
        <section class="welcome-result" aria-live="polite" data-testid="welcome-result">
          {done ? (
            <Result addresses={addresses} />
          ) : (
            <p>{t('welcomeProgress', run.done, run.total)}</p>
          )}
        </section>
      )}
    </main>
  );
}

const HISTORY = 'src/ui/history/index.html';

/** What the first check found, breach by name, and what to do next. */
function Result({ addresses }: { addresses: PopupState['addresses'] }) {
  const exposed = addresses.filter((a) => a.exposureCount > 0);
  const history = ext.runtime.getURL(HISTORY);
  if (exposed.length === 0) {
    const none = addresses.length === 1 ? t('welcomeNoneOne') : t('welcomeNoneOther', addresses.length);
    return <p>{tx('welcomeDone', none, <a href={history}>{t('welcomeSeeHistory')}</a>)}</p>;
  }
  return (
    <>
      <h2>{t('welcomeResultTitle')}</h2>
      <ul>
        {exposed.map((a) => {
          const names = a.exposures.map((x) => x.breach?.title ?? x.exposure.breachId);
          const more = a.exposureCount > names.length ? ', …' : '';
          return (
            <li key={a.email} data-email={a.email}>
              {t(a.exposureCount === 1 ? 'welcomeInBreachesOne' : 'welcomeInBreachesOther', displayEmail(a.email), a.exposureCount)}:{' '}
              <strong>{names.join(', ')}</strong>
              {more}
            </li>
          );
        })}
      </ul>
      <p>{tx('welcomeNextStep', <a href={history}>{t('welcomeOpenHistory')}</a>)}</p>
    </>
  );
}
