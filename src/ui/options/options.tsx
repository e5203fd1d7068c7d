import { useEffect, useState } from 'preact/hooks';
import { loadSettings } from '../../adapters/settings-store';
import type { ProviderId } from '../../core/breach';
import type { Settings, SettingsKey } from '../../core/settings';
import type { KeyStatus } from '../../messages';
import { formatCount } from '../format';
import { RequestRefused, send } from '../send';
import { ApiKeyField } from './api-key-field';
import { SiteAlertsField } from './site-alerts-field';

type Draft = Record<SettingsKey, string>;

const toDraft = (s: Settings): Draft =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])) as Draft;

/** What this form edits. The key's rate and range support are learnt by testing it, not typed. */
const EDITABLE: readonly SettingsKey[] = [
  'provider',
  'hibpApiKey',
  'xposedornotBaseUrl',
  'hibpBaseUrl',
  'pwnedPasswordsBaseUrl',
  'extraRateLimit',
  'extraRateWindowSeconds',
  'recheckIntervalHours',
];

/** Turns the form's strings back into typed values; the background validates them again. */
function toPatch(draft: Draft, saved: Settings): Partial<Record<SettingsKey, unknown>> {
  const patch: Partial<Record<SettingsKey, unknown>> = {};
  for (const key of EDITABLE) {
    const text = draft[key].trim();
    const value = typeof saved[key] === 'number' ? Number(text) : text;
    if (value !== saved[key]) patch[key] = value;
  }
  return patch;
}

const RECHECK_CHOICES = [6, 12, 24, 48, 168];

export function Options() {
  const [saved, setSaved] = useState<Settings | null>(null);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [keyStatus, setKeyStatus] = useState<KeyStatus | null>(null);

  useEffect(() => {
    void loadSettings().then((s) => {
      setSaved(s);
      setDraft(toDraft(s));
      document.body.dataset.ready = 'true';
    });
  }, []);

  if (!saved || !draft) return <p aria-busy="true">Loading…</p>;

  const set = (key: SettingsKey) => (event: Event) => {
    setDraft({ ...draft, [key]: (event.target as HTMLInputElement).value });
    setNotice(null);
  };
  const fieldError = (key: SettingsKey) =>
    error?.field === key ? (
      <p id={`${key}-error`} class="error" role="alert">
        {error.message}
      </p>
    ) : null;
  const invalid = (key: SettingsKey) => ({
    'aria-invalid': error?.field === key ? ('true' as const) : ('false' as const),
    'aria-describedby': error?.field === key ? `${key}-error` : undefined,
  });

  const save = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    if (draft.provider === 'hibp' && draft.hibpApiKey.trim() === '') {
      setError({ field: 'hibpApiKey', message: 'Have I Been Pwned needs an API key. Paste yours, or choose XposedOrNot, which needs none.' });
      return;
    }
    try {
      const next = await send('settings/save', { patch: toPatch(draft, saved) });
      setSaved(next);
      setDraft(toDraft(next));
      setNotice('Saved.');
    } catch (err) {
      setError({ ...(err instanceof RequestRefused && err.field ? { field: err.field } : {}), message: (err as Error).message });
    }
  };

  const testKey = async () => {
    setError(null);
    setKeyStatus(null);
    try {
      const status = await send('hibp/test-key', { apiKey: draft.hibpApiKey });
      setKeyStatus(status);
      // The background kept the key and learnt its rate; the rest of the form stays as typed.
      setSaved(await loadSettings());
    } catch (err) {
      setError({ field: 'hibpApiKey', message: (err as Error).message });
    }
  };

  const provider = draft.provider as ProviderId;
  return (
    <main class="options">
      <h1>Was I Exposed? — Options</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>Breach provider</legend>
          <p class="muted">Your addresses are sent only to the provider you choose here, to look them up.</p>
          <label class="choice">
            <input type="radio" name="provider" value="xposedornot" checked={provider === 'xposedornot'} onChange={set('provider')} />
            <span>
              <strong>XposedOrNot</strong> — free, no key. Allows 25 checks an hour and 100 a day; checks wait their turn.
            </span>
          </label>
          <label class="choice">
            <input type="radio" name="provider" value="hibp" checked={provider === 'hibp'} onChange={set('provider')} />
            <span>
              <strong>Have I Been Pwned</strong> — needs your own API key (a paid subscription at haveibeenpwned.com).
            </span>
          </label>
        </fieldset>

        {provider === 'hibp' && (
          <fieldset>
            <legend>Have I Been Pwned</legend>
            <ApiKeyField value={draft.hibpApiKey} onInput={set('hibpApiKey')} invalid={invalid('hibpApiKey')} onTest={testKey} />
            {fieldError('hibpApiKey')}
            {keyStatus && (
              <p class="ok" role="status" data-testid="key-status">
                ✓ Key accepted: plan {keyStatus.plan}, {formatCount(keyStatus.rpm)} requests a minute
                {keyStatus.subscribedUntil ? `, valid until ${keyStatus.subscribedUntil.slice(0, 10)}` : ''}. Checks are paced to that rate.
              </p>
            )}
            <p class="muted" data-testid="lookup-mode">
              {(keyStatus?.rangeSearch ?? saved.hibpRangeSearch)
                ? 'Lookup mode: k-anonymity search. Only the first 6 characters of a hash of each address are sent; your addresses never leave this browser.'
                : 'Lookup mode: each address is sent to Have I Been Pwned over HTTPS with your key. (Larger plans allow k-anonymity search, which sends only part of a hash; test your key to find out.)'}{' '}
              The key stays on this device: it is never synced, logged or exported.
            </p>
          </fieldset>
        )}

        <fieldset>
          <legend>Background checks</legend>
          <label for="recheck">Re-check every address</label>
          <select id="recheck" value={draft.recheckIntervalHours} onChange={set('recheckIntervalHours')} {...invalid('recheckIntervalHours')}>
            {[...new Set([...RECHECK_CHOICES, saved.recheckIntervalHours])].sort((a, b) => a - b).map((h) => (
              <option key={h} value={h}>
                {h % 24 === 0 ? `every ${h / 24 === 1 ? 'day' : `${h / 24} days`}` : `every ${h} hours`}
              </option>
            ))}
          </select>
          {fieldError('recheckIntervalHours')}
        </fieldset>

        <SiteAlertsField settings={saved} onSaved={(next) => setSaved(next)} />

        <details>
          <summary>Advanced</summary>
          {(['xposedornotBaseUrl', 'hibpBaseUrl', 'pwnedPasswordsBaseUrl'] as const).map((key) => (
            <div class="field" key={key}>
              <label for={key}>{BASE_URL_LABELS[key]}</label>
              <input id={key} type="url" value={draft[key]} onInput={set(key)} {...invalid(key)} />
              {fieldError(key)}
            </div>
          ))}
          <div class="field">
            <label for="extraRateLimit">Extra limit of your own (requests, 0 = off)</label>
            <input id="extraRateLimit" type="number" min="0" value={draft.extraRateLimit} onInput={set('extraRateLimit')} {...invalid('extraRateLimit')} />
            {fieldError('extraRateLimit')}
            <label for="extraRateWindowSeconds">per this many seconds</label>
            <input id="extraRateWindowSeconds" type="number" min="1" value={draft.extraRateWindowSeconds} onInput={set('extraRateWindowSeconds')} {...invalid('extraRateWindowSeconds')} />
            {fieldError('extraRateWindowSeconds')}
          </div>
        </details>

        {error && !error.field && (
          <p class="error" role="alert">
            {error.message}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary">
            Save
          </button>
          {notice && (
            <span class="ok" role="status">
              {notice}
            </span>
          )}
        </div>
      </form>
    </main>
  );
}

const BASE_URL_LABELS = {
  xposedornotBaseUrl: 'XposedOrNot API address',
  hibpBaseUrl: 'Have I Been Pwned API address',
  pwnedPasswordsBaseUrl: 'Pwned Passwords API address',
} as const;
