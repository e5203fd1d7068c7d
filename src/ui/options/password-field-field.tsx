import type { Permissions } from 'webextension-polyfill';
import type { Settings } from '../../core/settings';
import { t } from '../i18n';
import { Choice } from '../components/choice';
import { usePermissionToggle } from './use-permission-toggle';

/** What the password-field check needs: to run its small script on https pages. */
const PERMISSIONS: Permissions.Permissions = { permissions: ['scripting'], origins: ['https://*/*'] };

/**
 * The password-field check injects a content script into https pages: the optional "scripting"
 * permission and access to https sites, asked for only when the user turns it on, and given back
 * (after the script is unregistered) when they turn it off.
 */
export function PasswordFieldField({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { error, toggle } = usePermissionToggle('passwordFieldCheck', PERMISSIONS, t('passwordFieldNoPermission'), onSaved);

  return (
    <fieldset>
      <legend>{t('passwordFieldLegend')}</legend>
      <Choice
        type="checkbox"
        data-testid="password-field-check"
        checked={settings.passwordFieldCheck}
        onChange={(e) => void toggle(e.currentTarget.checked)}
        label={t('passwordFieldToggle')}
        help={t('passwordFieldPermissionNote')}
      />
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
