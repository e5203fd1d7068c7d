import { useState } from 'preact/hooks';
import type { AddressSuggestions } from '../../messages';
import { displayEmail, displayHost } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import './trail.css';

/**
 * What the popup offers right after an address is added: the sites it may have been given to (the
 * tab's, ones its plus-tag names) and, for a plus-address, watching its mailbox too. Each is only
 * a suggestion: nothing is saved until the person says yes.
 */
export function AddSuggestions({ email, offer, onDone }: { email: string; offer: AddressSuggestions; onDone: () => void }) {
  const [sites, setSites] = useState(offer.sites);
  const [given, setGiven] = useState<string[]>([]);
  const [base, setBase] = useState(offer.base);
  const [error, setError] = useState<string | null>(null);
  const shown = displayEmail(email);

  const accept = async (site: string) => {
    setError(null);
    try {
      const { givenTo } = await send('address/given-to', { email, sites: [...given, site] });
      setGiven(givenTo);
      setSites((left) => left.filter((s) => s !== site));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const watchBase = async () => {
    if (base === null) return;
    setError(null);
    try {
      await send('address/add', { email: base });
      setBase(null);
    } catch (err) {
      setError((err as Error).message);
    }
  };

  if (sites.length === 0 && base === null && given.length === 0) return null;
  return (
    <section class="suggestions" aria-label={t('suggestLabel', shown)} data-testid="add-suggestions">
      {given.length > 0 && (
        <p role="status" data-testid="given-to-accepted">
          ✓ {t('suggestGiven', shown, given.map(displayHost).join(', '))}
        </p>
      )}
      {sites.map((site) => (
        <div key={site} data-site={site}>
          <p>{t('suggestGivenTo', shown, displayHost(site))}</p>
          <div class="suggestion-actions">
            <button type="button" class="primary" onClick={() => void accept(site)} data-testid="accept-given-to">
              {t('suggestGivenToYes', displayHost(site))}
            </button>
          </div>
        </div>
      ))}
      {base !== null && (
        <div data-testid="suggest-base">
          <p>{t('suggestBase', shown, displayEmail(base))}</p>
          <div class="suggestion-actions">
            <button type="button" onClick={() => void watchBase()}>
              {t('suggestBaseYes', displayEmail(base))}
            </button>
          </div>
        </div>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <div class="suggestion-actions">
        <button type="button" class="quiet" onClick={onDone}>
          {sites.length === 0 && base === null ? t('suggestClose') : t('suggestDismiss')}
        </button>
      </div>
    </section>
  );
}
