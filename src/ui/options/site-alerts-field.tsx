import type { Settings } from '../../core/settings';
import { t } from '../i18n';
import { Choice } from '../components/choice';
import { send } from '../send';
import { usePermissionToggle } from './use-permission-toggle';

/**
 * Site alerts need to see which site a tab is on: the optional "tabs" permission, asked for only
 * when the user turns the feature on, and given back when they turn it off.
 */
export function SiteAlertsField({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { error, toggle } = usePermissionToggle('siteAlerts', { permissions: ['tabs'] }, t('alertsNoPermission'), onSaved);

  const save = async (patch: Partial<Settings>) => onSaved(await send('settings/save', { patch }));

  return (
    <fieldset>
      <legend>{t('alertsLegend')}</legend>
      <Choice
        type="checkbox"
        checked={settings.siteAlerts}
        onChange={(e) => void toggle(e.currentTarget.checked)}
        label={t('alertsToggle')}
        more={t('alertsToggleMore')}
        help={t('alertsPermissionNote')}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <label for="recentMonths">{t('alertsRecentLabel')}</label>
      <select id="recentMonths" value={settings.siteAlertRecentMonths} onChange={(e) => void save({ siteAlertRecentMonths: Number((e.target as HTMLSelectElement).value) })}>
        {[0, 3, 6, 12, 24, 60, 1200].map((m) => (
          <option key={m} value={m}>
            {m === 0 ? t('alertsRecentNever') : m === 1200 ? t('alertsRecentAnyTime') : t('alertsRecentMonths', m)}
          </option>
        ))}
      </select>
      <Choice
        type="checkbox"
        checked={settings.siteAlertDoubtful}
        onChange={(e) => void save({ siteAlertDoubtful: e.currentTarget.checked })}
        label={t('alertsDoubtful')}
      />
      {settings.silencedSites.length > 0 && (
        <p class="muted">
          {t('alertsSilenced', settings.silencedSites.join(', '))}{' '}
          <button type="button" class="link" onClick={() => void save({ silencedSites: [] })}>
            {t('alertsUnsilence')}
          </button>
        </p>
      )}
    </fieldset>
  );
}
