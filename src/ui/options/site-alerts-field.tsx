import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Settings } from '../../core/settings';
import { send } from '../send';

/**
 * Site alerts need to see which site a tab is on: the optional "tabs" permission, asked for only
 * when the user turns the feature on, and given back when they turn it off.
 */
export function SiteAlertsField({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const [error, setError] = useState<string | null>(null);

  const toggle = async (on: boolean) => {
    setError(null);
    if (on) {
      const granted = await browser.permissions.request({ permissions: ['tabs'] }).catch(() => false);
      if (!granted) {
        setError('Site alerts stay off: the browser did not give permission to see which site a tab is on.');
        return;
      }
    } else {
      await browser.permissions.remove({ permissions: ['tabs'] }).catch(() => false);
    }
    onSaved(await send('settings/save', { patch: { siteAlerts: on } }));
  };

  const save = async (patch: Partial<Settings>) => onSaved(await send('settings/save', { patch }));

  return (
    <fieldset>
      <legend>Alerts while browsing</legend>
      <label class="choice">
        <input type="checkbox" checked={settings.siteAlerts} onChange={(e) => void toggle((e.target as HTMLInputElement).checked)} />
        <span>
          <strong>Warn me when I visit a site that had a breach</strong> — first of all when one of my addresses was in it.
          <br />
          <span class="muted">
            This needs permission to see which site each tab is on. Sites are looked up on this device; visited addresses never leave the browser.
          </span>
        </span>
      </label>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <label for="recentMonths">Breaches that did not involve my addresses: warn only when added in the last</label>
      <select id="recentMonths" value={settings.siteAlertRecentMonths} onChange={(e) => void save({ siteAlertRecentMonths: Number((e.target as HTMLSelectElement).value) })}>
        {[0, 3, 6, 12, 24, 60, 1200].map((m) => (
          <option key={m} value={m}>
            {m === 0 ? 'never warn about those' : m === 1200 ? 'any time' : `${m} months`}
          </option>
        ))}
      </select>
      <label class="choice">
        <input type="checkbox" checked={settings.siteAlertDoubtful} onChange={(e) => void save({ siteAlertDoubtful: (e.target as HTMLInputElement).checked })} />
        <span>Also warn about unverified, fabricated, spam-list and retired breaches</span>
      </label>
      {settings.silencedSites.length > 0 && (
        <p class="muted">
          Never alerting for: {settings.silencedSites.join(', ')}.{' '}
          <button type="button" class="link" onClick={() => void save({ silencedSites: [] })}>
            Alert for them again
          </button>
        </p>
      )}
    </fieldset>
  );
}
