import { useState } from 'preact/hooks';
import { ext } from '../../adapters/ext';
import type { AddressSuggestions } from '../../messages';
import type { AddSuggestions } from '../trail/add-suggestions';
import { displayEmail } from '../format';
import { t } from '../i18n';
import { send } from '../send';

/** Adds an address; the background validates and normalises it, and says precisely what is wrong. */
export function AddAddressForm() {
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [offer, setOffer] = useState<{ email: string; offer: AddressSuggestions; Offer: typeof AddSuggestions } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    setOffer(null);
    try {
      const { email, existed } = await send('address/add', { email: value });
      setValue('');
      setNotice(existed ? t('addAlreadyListed', displayEmail(email)) : t('addAdded', displayEmail(email)));
      if (!existed) setOffer(await offerFor(email));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
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
    {offer && <offer.Offer key={offer.email} email={offer.email} offer={offer.offer} onDone={() => setOffer(null)} />}
    </>
  );
}

/**
 * What to offer after adding an address: its suggestions, and the component that shows them, loaded
 * only now (the popup's JavaScript budget counts what it loads at start). Suggestions are a help,
 * never in the way of adding: none when the component cannot load.
 */
async function offerFor(email: string): Promise<{ email: string; offer: AddressSuggestions; Offer: typeof AddSuggestions } | null> {
  const [offer, Offer] = await Promise.all([
    suggestionsFor(email),
    import('../trail/add-suggestions').then(({ AddSuggestions }) => AddSuggestions, () => null),
  ]);
  return Offer ? { email, offer, Offer } : null;
}

/**
 * The leak trail's suggestions for a new address. The tab's address is readable thanks to the
 * activeTab grant of the toolbar click, and goes only to this extension's own background.
 */
async function suggestionsFor(email: string): Promise<AddressSuggestions> {
  try {
    const [tab] = await ext.tabs.query({ active: true, currentWindow: true });
    return await send('address/suggest', tab?.url ? { email, tabUrl: tab.url } : { email });
  } catch {
    return { sites: [], base: null }; // suggestions are a help, never in the way of adding
  }
}
