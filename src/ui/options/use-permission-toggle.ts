import { useState } from 'preact/hooks';
import type { Permissions } from 'webextension-polyfill';
import { ext } from '../../adapters/ext';
import type { Settings } from '../../core/settings';
import { send } from '../send';

/**
 * An on/off setting that needs optional permissions: asked for when the user turns it on (a
 * refusal leaves it off and says so), given back when they turn it off — after the setting is
 * saved, so the background has stopped using them first (the password-field script is
 * unregistered before its permission goes). A refused save shows its reason too.
 */
export function usePermissionToggle(
  setting: 'siteAlerts' | 'passwordFieldCheck',
  permissions: Permissions.Permissions,
  refusal: string,
  onSaved: (s: Settings) => void,
): { error: string | null; toggle: (on: boolean) => Promise<void> } {
  const [error, setError] = useState<string | null>(null);
  const toggle = async (on: boolean) => {
    setError(null);
    if (on && !(await ext.permissions.request(permissions).catch(() => false))) {
      setError(refusal);
      return;
    }
    try {
      onSaved(await send('settings/save', { patch: { [setting]: on } }));
    } catch (failure) {
      setError((failure as Error).message);
      return;
    }
    if (!on) await ext.permissions.remove(permissions).catch(() => false);
  };
  return { error, toggle };
}
