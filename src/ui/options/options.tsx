import { useEffect, useState } from 'preact/hooks';
import { loadSettings } from '../../adapters/settings-store';
import type { ProviderId } from '../../core/breach';
import { PROVIDERS, PROVIDER_LIST, enabledProviders } from '../../core/provider-registry';
import type { Settings, SettingsKey } from '../../core/settings';
import type { KeyStatus } from '../../messages';
import type { MessageKey } from '../../core/i18n';
import { formatCount } from '../format';
import { Choice } from '../components/choice';
import { t } from '../i18n';
import { RequestRefused, send } from '../send';
import { TEST_BUILD } from '../../build-flags';
import { ApiKeyField } from './api-key-field';
import { SiteAlertsField } from './site-alerts-field';
import { PasswordFieldField } from './password-field-field';
import { AuthorityField } from './authority-field';

/** The form's text fields; the set of providers is kept as a list beside them. */
type Draft = Record<SettingsKey, string>;

const toDraft = (s: Settings): Draft =>
  Object.fromEntries(Object.entries(s).map(([k, v]) => [k, String(v)])) as Draft;

/** What this form edits. The key's rate and range support are learnt by testing it, not typed. */
const EDITABLE: readonly SettingsKey[] = [
  'hibpApiKey',
  'xposedornotBaseUrl',
  'hibpBaseUrl',
  'pwnedPasswordsBaseUrl',
  'extraRateLimit',
  'extraRateWindowSeconds',
  'recheckIntervalHours',
];

/** Turns the form's strings back into typed values; the background validates them again. */
function toPatch(draft: Draft, providers: readonly ProviderId[], saved: Settings): Partial<Record<SettingsKey, unknown>> {
  const patch: Partial<Record<SettingsKey, unknown>> = {};
  if (providers.join() !== saved.providers.join()) patch.providers = [...providers];
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
  const [providers, setProviders] = useState<ProviderId[]>([]);

  useEffect(() => {
    void loadSettings().then((s) => {
      setSaved(s);
      setDraft(toDraft(s));
      setProviders(s.providers);
      document.body.dataset.ready = 'true';
    });
  }, []);

  if (!saved || !draft) return <p aria-busy="true">{t('loading')}</p>;
  // The key field below is HIBP's (its key test and plan): today the one provider that takes a key.
  const needsKey = providers.some((id) => PROVIDERS[id].needsKey);

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
    if (providers.length === 0) {
      setError({ field: 'providers', message: t('settingErrorProviders') });
      return;
    }
    if (needsKey && draft.hibpApiKey.trim() === '') {
      setError({ field: 'hibpApiKey', message: t('optionsNeedKey') });
      return;
    }
    try {
      const next = await send('settings/save', { patch: toPatch(draft, providers, saved) });
      setSaved(next);
      setDraft(toDraft(next));
      setProviders(next.providers);
      setNotice(t('optionsSaved'));
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

  const toggle = (id: ProviderId) => (event: Event) => {
    const on = (event.target as HTMLInputElement).checked;
    setProviders(enabledProviders(on ? [...providers, id] : providers.filter((p) => p !== id)));
    setNotice(null);
  };
  return (
    <main class="options">
      <h1>{t('optionsPageTitle')}</h1>
      <form onSubmit={save} noValidate>
        <fieldset>
          <legend>{t('optionsProviderLegend')}</legend>
          <p class="muted">{t('optionsProviderIntro')}</p>
          {PROVIDER_LIST.map((p) => (
            <Choice key={p.id} type="checkbox" name="providers" value={p.id} checked={providers.includes(p.id)} onChange={toggle(p.id)} label={p.name} more={t(p.optionsText)} />
          ))}
          {fieldError('providers')}
        </fieldset>

        {needsKey && (
          <fieldset>
            <legend>Have I Been Pwned</legend>
            <ApiKeyField value={draft.hibpApiKey} onInput={set('hibpApiKey')} invalid={invalid('hibpApiKey')} onTest={testKey} />
            {fieldError('hibpApiKey')}
            {keyStatus && (
              <p class="ok" role="status" data-testid="key-status">
                ✓{' '}
                {keyStatus.subscribedUntil
                  ? t('optionsKeyAcceptedUntil', keyStatus.plan, formatCount(keyStatus.rpm), keyStatus.subscribedUntil.slice(0, 10))
                  : t('optionsKeyAccepted', keyStatus.plan, formatCount(keyStatus.rpm))}
              </p>
            )}
            <p class="muted" data-testid="lookup-mode">
              {(keyStatus?.rangeSearch ?? saved.hibpRangeSearch)
                ? t('optionsLookupRange')
                : t('optionsLookupDirect')}{' '}
              {t('optionsKeyStaysHere')}
            </p>
          </fieldset>
        )}

        <fieldset>
          <legend>{t('optionsBackgroundLegend')}</legend>
          <label for="recheck">{t('optionsRecheckLabel')}</label>
          <select id="recheck" value={draft.recheckIntervalHours} onChange={set('recheckIntervalHours')} {...invalid('recheckIntervalHours')}>
            {[...new Set([...RECHECK_CHOICES, saved.recheckIntervalHours])].sort((a, b) => a - b).map((h) => (
              <option key={h} value={h}>
                {h % 24 === 0 ? (h === 24 ? t('optionsEveryDay') : t('optionsEveryDays', h / 24)) : t(h === 1 ? 'optionsEveryHour' : 'optionsEveryHours', h)}
              </option>
            ))}
          </select>
          {fieldError('recheckIntervalHours')}
        </fieldset>

        <SiteAlertsField settings={saved} onSaved={(next) => setSaved(next)} />

        <PasswordFieldField settings={saved} onSaved={(next) => setSaved(next)} />

        <AuthorityField settings={saved} onSaved={(next) => setSaved(next)} />

        <details>
          <summary>{t('optionsAdvanced')}</summary>
          {/* Store builds talk to the real provider hosts only: the addresses cannot be changed there. */}
          {TEST_BUILD && (['xposedornotBaseUrl', 'hibpBaseUrl', 'pwnedPasswordsBaseUrl'] as const).map((key) => (
            <div class="field" key={key}>
              <label for={key}>{t(BASE_URL_LABELS[key])}</label>
              <input id={key} type="url" value={draft[key]} onInput={set(key)} {...invalid(key)} />
              {fieldError(key)}
            </div>
          ))}
          <div class="field">
            <label for="extraRateLimit">{t('optionsExtraLimit')}</label>
            <input id="extraRateLimit" type="number" min="0" value={draft.extraRateLimit} onInput={set('extraRateLimit')} {...invalid('extraRateLimit')} />
            {fieldError('extraRateLimit')}
            <label for="extraRateWindowSeconds">{t('optionsExtraWindow')}</label>
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
            {t('optionsSave')}
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

const BASE_URL_LABELS: Record<'xposedornotBaseUrl' | 'hibpBaseUrl' | 'pwnedPasswordsBaseUrl', MessageKey> = {
  xposedornotBaseUrl: 'optionsXposedOrNotUrl',
  hibpBaseUrl: 'optionsHibpUrl',
  pwnedPasswordsBaseUrl: 'optionsPwnedPasswordsUrl',
};
