import { useEffect, useState } from 'preact/hooks';
import { ext } from '../../../adapters/ext';
import { loadSettings } from '../../../adapters/settings-store';
import type { RequestEntry } from '../../../core/history-query';
import { chosenAuthority, type Authority } from '../../../core/rights/authorities';
import { formatEventDate } from '../../format';
import { t, uiLanguage } from '../../i18n';
import { authorityLocales } from '../../authority-locales';

/**
 * The complaint (Art. 77 GDPR; for the UK, to the ICO): for a request left unanswered past its due
 * date, or answered unsatisfyingly. Names the authority chosen in Options (or the one the
 * browser's language points to), links its complaint page — or, where no such page could be
 * checked (authorities.json), says so and links its home page — and lists what to attach.
 */
/** The authority's own name; on an English page, with its English name when that differs. */
function nameOf(authority: Authority): string {
  return uiLanguage().startsWith('en') && authority.nameEn !== authority.name ? `${authority.name} (${authority.nameEn})` : authority.name;
}

export function ComplaintStep({ request }: { request: RequestEntry }) {
  const [authority, setAuthority] = useState<Authority | undefined | null>(null);
  useEffect(() => {
    let current = true;
    void loadSettings().then((s) => current && setAuthority(chosenAuthority(s.authorityCountry, authorityLocales())));
    return () => {
      current = false;
    };
  }, []);
  if (authority === null) return null; // settings still loading: a moment, not worth a spinner
  const overdue = request.status === 'overdue';
  const r = request.request;
  return (
    <section class="complaint-step" aria-labelledby="complaint-title" data-testid="complaint-step">
      <h4 id="complaint-title">{t(overdue ? 'complaintTitleOverdue' : 'complaintTitleAnswered')}</h4>
      {authority === undefined ? (
        <p>
          {t('complaintNoAuthority')}{' '}
          <button type="button" class="link" onClick={() => void ext.runtime.openOptionsPage()}>
            {t('complaintChooseInOptions')}
          </button>
        </p>
      ) : (
        <>
          <p>{t('complaintAuthority', nameOf(authority))}</p>
          {authority.complaintUrl !== null ? (
            <p>
              <a href={authority.complaintUrl} target="_blank" rel="noopener noreferrer" data-testid="complaint-link">
                {t('complaintOpenPage', authority.name)}
              </a>
            </p>
          ) : (
            <p>
              {t('complaintNoPageChecked')}{' '}
              <a href={authority.website} target="_blank" rel="noopener noreferrer" data-testid="complaint-link">
                {t('complaintOpenHome', authority.name)}
              </a>
            </p>
          )}
          <p class="muted">
            {t('complaintOtherCountry')}{' '}
            <button type="button" class="link" onClick={() => void ext.runtime.openOptionsPage()}>
              {t('complaintChooseInOptions')}
            </button>
          </p>
        </>
      )}
      <p>{t('complaintAttach')}</p>
      <ul>
        <li>{t('complaintAttachRequest', formatEventDate(r.sentOn))}</li>
        <li>
          {overdue || r.answeredOn === null
            ? t('complaintAttachNoAnswer', formatEventDate(request.due))
            : t('complaintAttachAnswer', formatEventDate(r.answeredOn))}
        </li>
        <li>{t('complaintAttachNotice')}</li>
      </ul>
    </section>
  );
}
