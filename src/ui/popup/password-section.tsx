import { useState } from 'preact/hooks';
import type { PasswordCheck } from '../components/password-check';
import { t } from '../i18n';

type Loaded = { kind: 'closed' } | { kind: 'loading' } | { kind: 'ready'; Check: typeof PasswordCheck } | { kind: 'failed' };

/**
 * The popup's "Check a password" section. The check's code — the form, SHA-1, the Pwned Passwords
 * HTTP client — loads the first time the section is opened, not with the popup: most openings of
 * the popup never use it, and the popup's JavaScript budget counts what it loads at start
 * (BENCHMARKS.md). It is a file of the extension itself, so loading takes a moment; the line
 * below says so meanwhile. A failed load (the extension was updated under the open popup) says
 * what to do, and the next opening of the section tries again.
 */
export function PasswordSection() {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'closed' });

  const onToggle = (event: Event) => {
    if (!(event.currentTarget as HTMLDetailsElement).open || loaded.kind === 'loading' || loaded.kind === 'ready') return;
    setLoaded({ kind: 'loading' });
    import('../components/password-check').then(
      ({ PasswordCheck }) => setLoaded({ kind: 'ready', Check: PasswordCheck }),
      (error: unknown) => {
        console.warn('Was I Exposed?: the password check did not load', error);
        setLoaded({ kind: 'failed' });
      },
    );
  };

  return (
    <details class="password-check-section" onToggle={onToggle}>
      <summary>{t('popupPasswordSection')}</summary>
      {loaded.kind === 'ready' ? (
        <loaded.Check />
      ) : loaded.kind === 'failed' ? (
        <p class="error" role="alert">
          {t('passwordCheckNotLoaded')}
        </p>
      ) : (
        <p class="muted" aria-busy="true">
          {t('loading')}
        </p>
      )}
    </details>
  );
}
