import { useState } from 'preact/hooks';
import { displayEmail } from '../format';
import { t } from '../i18n';
import { send } from '../send';

/** Adds an address; the background validates and normalises it, and says precisely what is wrong. */
export function AddAddressForm() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { email, existed } = await send('address/add', { email: value });
      setValue('');
      setNotice(existed ? t('addAlreadyListed', displayEmail(email)) : t('addAdded', displayEmail(email)));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="add-form" onSubmit={submit} noValidate>
      <label for="new-address">{t('addLabel')}</label>
      <div class="row">
        <input
          id="new-address"
          name="email"
          type="email"
          autocomplete="email"
          placeholder={t('addPlaceholder')}
          value={value}
          aria-invalid={error ? 'true' : 'false'}
          aria-describedby={error ? 'new-address-error' : undefined}
          onInput={(e) => setValue((e.target as HTMLInputElement).value)}
        />
        <button type="submit" disabled={busy}>
          {t('addButton')}
        </button>
      </div>
      {error && (
        <p id="new-address-error" class="error" role="alert" data-testid="add-error">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </form>
  );
}
