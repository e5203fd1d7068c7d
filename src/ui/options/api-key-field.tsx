import { useState } from 'preact/hooks';
import { t } from '../i18n';

interface Props {
  value: string;
  onInput: (event: Event) => void;
  onTest: () => Promise<void>;
  invalid: { 'aria-invalid': 'true' | 'false'; 'aria-describedby': string | undefined };
}

/** The key is hidden like a password unless the user asks to see it. */
export function ApiKeyField({ value, onInput, onTest, invalid }: Props) {
  const [visible, setVisible] = useState(false);
  const [testing, setTesting] = useState(false);
  const test = async () => {
    setTesting(true);
    try {
      await onTest();
    } finally {
      setTesting(false);
    }
  };
  return (
    <div class="field">
      <label for="hibpApiKey">{t('apiKeyLabel')}</label>
      <div class="row">
        {visible ? (
          <input id="hibpApiKey" type="text" autocomplete="off" spellcheck={false} value={value} onInput={onInput} {...invalid} />
        ) : (
          <input id="hibpApiKey" type="password" autocomplete="off" value={value} onInput={onInput} {...invalid} />
        )}
        <button type="button" onClick={() => setVisible(!visible)} aria-pressed={visible}>
          {visible ? t('apiKeyHide') : t('apiKeyShow')}
        </button>
        <button type="button" onClick={test} disabled={testing}>
          {testing ? t('apiKeyTesting') : t('apiKeyTest')}
        </button>
      </div>
    </div>
  );
}
