import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { loadSettings } from '../../adapters/settings-store';
import type { ProviderId } from '../../core/breach';
import type { Settings } from '../../core/settings';
import type { PopupState } from '../../messages';
import { ApiKeyField } from '../options/api-key-field';
import { SiteAlertsField } from '../options/site-alerts-field';
import { AddAddressForm } from '../popup/add-address-form';
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

  if (!settings) return <p aria-busy="true">Loading…</p>;

  const choose = async (provider: ProviderId) => {
    setError(null);
    setSettings(await send('settings/save', { patch: { provider } }));
  };
  const testKey = async () => {
    setError(null);
    try {
      await send('hibp/test-key', { apiKey: key });
      setSettings(await send('settings/save', { patch: { provider: 'hibp' } }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const start = async () => {
    setError(null);
    try {
      // Record the provider as chosen, even when it is the default the user left selected.
      setSettings(await send('settings/save', { patch: { provider: settings.provider } }));
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
      <h1>Welcome to Was I Exposed?</h1>
      <ul class="promise">
        <li>It tells you whether your own email addresses appear in known data breaches, and keeps checking.</li>
        <li>Your addresses go only to the breach service you choose below; nothing goes to us — there is no "us" server.</li>
        <li>Your history stays in this browser. You can export it or delete it at any time.</li>
      </ul>

      <fieldset>
        <legend>1. Who should check your addresses?</legend>
        <label class="choice">
          <input type="radio" name="provider" checked={settings.provider === 'xposedornot'} onChange={() => void choose('xposedornot')} />
          <span>
            <strong>XposedOrNot</strong> — free, no account needed.
          </span>
        </label>
        <label class="choice">
          <input type="radio" name="provider" checked={settings.provider === 'hibp'} onChange={() => void choose('hibp')} />
          <span>
            <strong>Have I Been Pwned</strong> — with your own API key.
          </span>
        </label>
        {settings.provider === 'hibp' && (
          <ApiKeyField
            value={key}
            onInput={(e) => setKey((e.target as HTMLInputElement).value)}
            onTest={testKey}
            invalid={{ 'aria-invalid': 'false', 'aria-describedby': undefined }}
          />
        )}
      </fieldset>

      <fieldset>
        <legend>2. Your email addresses</legend>
        <AddAddressForm />
        {addresses.length > 0 && (
          <ul class="welcome-addresses" aria-label="Addresses you added">
            {addresses.map((a) => (
              <li key={a.email}>{a.email}</li>
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
          {started && !done ? 'Checking…' : 'Run the first check'}
        </button>
        {addresses.length === 0 && <span class="muted">Add an address first.</span>}
      </div>
      {started && run && (
        <section class="welcome-result" aria-live="polite" data-testid="welcome-result">
          {done ? (
            <p>
              Done: {summary(addresses)}{' '}
              <a href={browser.runtime.getURL('src/ui/history/index.html')}>See the details in your history.</a> You can close this tab; checks go on in the
              background.
            </p>
          ) : (
            <p>
              Checked {run.done} of {run.total}…
            </p>
          )}
        </section>
      )}
    </main>
  );
}

function summary(addresses: PopupState['addresses']): string {
  const exposed = addresses.filter((a) => a.exposureCount > 0);
  if (exposed.length === 0) return `none of your ${addresses.length === 1 ? 'address' : `${addresses.length} addresses`} is in a known breach.`;
  return exposed.map((a) => `${a.email} is in ${a.exposureCount} ${a.exposureCount === 1 ? 'breach' : 'breaches'}`).join('; ') + '.';
}
