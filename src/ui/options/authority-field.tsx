import { useState } from 'preact/hooks';
import { AUTHORITIES, AUTHORITIES_SOURCE, chosenAuthority, type Authority } from '../../core/rights/authorities';
import { authorityLocales } from '../authority-locales';
import type { Settings } from '../../core/settings';
import { t, uiLanguage } from '../i18n';
import { send } from '../send';
import { formatEventDate } from '../format';

/**
 * "Your data-protection authority" (#13): where a complaint about an unanswered request goes.
 * The default follows the browser's language (Italian → the Garante); any EEA country or the UK
 * can be chosen. Saved at once, like the site-alert choices.
 */
export function AuthorityField({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [error, setError] = useState<string | null>(null);
  const language = uiLanguage();
  const regions = new Intl.DisplayNames([language], { type: 'region' });
  const label = (a: Authority) => `${regions.of(a.country) ?? a.country} — ${a.name}`;
  const fallback = chosenAuthority('', authorityLocales());
  const sorted = [...AUTHORITIES].sort((a, b) => label(a).localeCompare(label(b), language));

  const save = async (authorityCountry: string) => {
    setError(null);
    try {
      onSaved(await send('settings/save', { patch: { authorityCountry } }));
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <fieldset>
      <legend>{t('authorityLegend')}</legend>
      <p class="muted">{t('authorityIntro')}</p>
      <label for="authorityCountry">{t('authorityLabel')}</label>
      <select id="authorityCountry" value={settings.authorityCountry} onChange={(e) => void save(e.currentTarget.value)} aria-invalid={error !== null}>
        <option value="">{fallback ? t('authorityFromBrowser', label(fallback)) : t('authorityFromBrowserNone')}</option>
        {sorted.map((a) => (
          <option key={a.country} value={a.country}>
            {label(a)}
          </option>
        ))}
      </select>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="muted">{t('authoritySource', formatEventDate(AUTHORITIES_SOURCE.takenOn))}</p>
    </fieldset>
  );
}
