import { useMemo } from 'preact/hooks';
import { t } from '../i18n';
import { sanitiseDescription } from './sanitise';

/**
 * The provider's description. HTML (HIBP's, with its links) is untrusted: only sanitiseDescription's
 * output is ever inserted, and images are not part of it (no request leaves for another host).
 * Plain text (XposedOrNot's) is shown as text, exactly as the provider wrote it.
 */
export function BreachDescription({ text, format }: { text: string; format: 'html' | 'text' }) {
  const clean = useMemo(() => (format === 'html' ? sanitiseDescription(text) : ''), [text, format]);
  if ((format === 'html' ? clean : text).trim() === '') return <p class="muted">{t('historyNoDescription')}</p>;
  if (format === 'text') {
    return (
      <div class="description plain" data-testid="breach-description">
        <p>{text}</p>
      </div>
    );
  }
  return <div class="description" data-testid="breach-description" dangerouslySetInnerHTML={{ __html: clean }} />;
}
