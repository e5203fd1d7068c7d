import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { loadSettings } from '../../adapters/settings-store';
import { ProviderError } from '../../core/provider-error';
import { describePasswordCheckFailure } from '../../core/pwned-passwords';
import { breachCountForSha1, type RangeContext } from '../../providers/pwned-passwords';
import { formatCount, formatWhen } from '../format';
import { t } from '../i18n';
import { passwordSha1Hex } from './password-hash';
import './password-check.css';

/** What is shown — never the password, nor its hash. */
type Result =
  | { kind: 'idle' }
  | { kind: 'empty' }
  | { kind: 'checking' }
  | { kind: 'found'; count: number }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string };

export interface PasswordCheckProps {
  /** Pwned Passwords base URL; read from the settings at each check when not given. */
  baseUrl?: string;
  /** Request timeout; the settings' requestTimeoutMs when not given. */
  timeoutMs?: number;
  /** Injected for tests; the page's fetch otherwise. */
  fetch?: FetchLike;
}

type FetchLike = RangeContext['fetch'];

const pageFetch: FetchLike = (url, init) => fetch(url, init);

/**
 * Checks a password against Pwned Passwords with k-anonymity, entirely in this page: the password
 * is read from the field in the submit handler, the field is cleared at once, the password is
 * hashed here with Web Crypto, and only the first 5 hex characters of the SHA-1 are sent. It is
 * never put in component state, stored, logged, or sent to the background.
 */
export function PasswordCheck({ baseUrl, timeoutMs, fetch: fetchImpl = pageFetch }: PasswordCheckProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [result, setResult] = useState<Result>({ kind: 'idle' });
  // Each submit gets a number; an answer to an older submit is dropped.
  const latest = useRef(0);

  useEffect(() => () => {
    latest.current += 1;
  }, []);

  const submit = async (event: Event) => {
    event.preventDefault();
    const input = inputRef.current;
    if (!input) return;
    let password: string | null = input.value;
    input.value = '';
    const run = ++latest.current;
    if (password === '') {
      setResult({ kind: 'empty' });
      input.focus();
      return;
    }
    setResult({ kind: 'checking' });
    try {
      const digest = await passwordSha1Hex(password);
      password = null;
      const settings = baseUrl === undefined || timeoutMs === undefined ? await loadSettings() : null;
      const count = await breachCountForSha1(
        {
          fetch: fetchImpl,
          baseUrl: baseUrl ?? settings!.pwnedPasswordsBaseUrl,
          timeoutMs: timeoutMs ?? settings!.requestTimeoutMs,
          now: Date.now,
        },
        digest,
      );
      if (run !== latest.current) return;
      setResult(count > 0 ? { kind: 'found', count } : { kind: 'not-found' });
    } catch (err) {
      if (run !== latest.current) return;
      setResult({
        kind: 'error',
        message: err instanceof ProviderError ? describePasswordCheckFailure(err, t, formatWhen) : t('passwordCheckFailed'),
      });
    } finally {
      password = null;
      // A click moved focus to the button; bring keyboard users back to the field.
      if (run === latest.current && (document.activeElement === null || document.activeElement === document.body)) input.focus();
    }
  };

  return (
    <form class="password-check" onSubmit={submit} noValidate>
      <label for={`${id}-password`}>{t('passwordLabel')}</label>
      <p id={`${id}-hint`} class="muted password-check-hint">
        {t('passwordHint')}
      </p>
      <div class="row">
        {/* Uncontrolled on purpose, and without a name: the value lives only in the DOM field until submit. */}
        <input
          ref={inputRef}
          id={`${id}-password`}
          type="password"
          autocomplete="off"
          autocapitalize="off"
          spellcheck={false}
          aria-describedby={`${id}-hint`}
          data-testid="password-input"
        />
        <button type="submit">{t('passwordCheck')}</button>
      </div>
      <div
        class="password-check-result"
        role="status"
        aria-live="polite"
        aria-busy={result.kind === 'checking' ? 'true' : 'false'}
        data-testid="password-result"
        data-result={result.kind}
      >
        <ResultText result={result} />
      </div>
    </form>
  );
}

function ResultText({ result }: { result: Result }) {
  switch (result.kind) {
    case 'idle':
      return null;
    case 'empty':
      return <p>{t('passwordEmpty')}</p>;
    case 'checking':
      return <p class="muted">{t('checking')}</p>;
    case 'found':
      return (
        <>
          <p class="bad">
            <strong>{t(result.count === 1 ? 'passwordFoundOne' : 'passwordFoundOther', formatCount(result.count))}</strong>
          </p>
          <p>{t('passwordFoundAdvice')}</p>
        </>
      );
    case 'not-found':
      return (
        <>
          <p class="ok">
            <strong>{t('passwordNotFound')}</strong>
          </p>
          <p class="muted">{t('passwordNotFoundAdvice')}</p>
        </>
      );
    case 'error':
      return <p class="error">{result.message}</p>;
  }
}
