import { useState } from 'preact/hooks';
import { displayEmail, displayHost } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import './trail.css';

/**
 * The sites an address was given to, as removable chips, and a field to add one (a host or an
 * address from the address bar; the background keeps its registrable domain). Used by the popup's
 * address card and the history page.
 */
export function GivenToEditor({ email, givenTo }: { email: string; givenTo: readonly string[] }) {
  const [adding, setAdding] = useState(false);
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `given-to-${email.replace(/[^a-zA-Z0-9]/g, '-')}`;

  const save = async (sites: string[]): Promise<boolean> => {
    setBusy(true);
    setError(null);
    try {
      await send('address/given-to', { email, sites });
      return true;
    } catch (err) {
      setError((err as Error).message);
      return false;
    } finally {
      setBusy(false);
    }
  };
  const add = async (event: Event) => {
    event.preventDefault();
    if (value.trim() === '') return setAdding(false);
    if (await save([...givenTo, value])) {
      setValue('');
      setAdding(false);
    }
  };

  return (
    <div class="given-to" data-testid="given-to">
      <span class="given-to-label">{t('givenToLabel')}</span>
      {givenTo.length === 0 && !adding && <span class="muted">{t('givenToNone')}</span>}
      {givenTo.length > 0 && (
        <ul class="site-chips">
          {givenTo.map((site) => (
            <li key={site} class="site-chip" data-site={site}>
              {displayHost(site)}
              <button type="button" class="chip-remove" aria-label={t('givenToRemove', displayHost(site))} disabled={busy} onClick={() => void save(givenTo.filter((s) => s !== site))}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {adding ? (
        <form class="given-to-form" onSubmit={add} noValidate>
          <input
            id={id}
            type="text"
            inputMode="url"
            spellcheck={false}
            autoComplete="off"
            placeholder="shop.example"
            aria-label={t('givenToInputLabel', displayEmail(email))}
            aria-invalid={error ? 'true' : 'false'}
            value={value}
            onInput={(e) => setValue(e.currentTarget.value)}
            ref={(el) => el?.focus()}
          />
          <button type="submit" disabled={busy}>
            {t('givenToSave')}
          </button>
        </form>
      ) : (
        <button type="button" class="link" onClick={() => setAdding(true)} aria-label={t('givenToAddLabel', displayEmail(email))}>
          {t('givenToAdd')}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
