import { useMemo } from 'preact/hooks';
import { t } from '../i18n';
import { sanitiseDescription } from './sanitise';

/**
 * The provider's description with its links. The HTML is untrusted: only sanitiseDescription's
 * output is ever inserted, and images are not part of it (no request leaves for another host).
 */
export function BreachDescription({ html }: { html: string }) {
  const clean = useMemo(() => sanitiseDescription(html), [html]);
  if (clean.trim() === '') return <p class="muted">{t('historyNoDescription')}</p>;
  return <div class="description" data-testid="breach-description" dangerouslySetInnerHTML={{ __html: clean }} />;
}
