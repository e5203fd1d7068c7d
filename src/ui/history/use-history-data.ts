import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { loadSettings } from '../../adapters/settings-store';
import { DatabaseBlockedError, databaseOpened, db } from '../../storage/open-db';
import { t } from '../i18n';
import { onStateChanged } from '../send';
import { loadHistory, type HistoryData } from './load-history';

/**
 * The page's data, read from IndexedDB, and read again whenever the background says stored state
 * changed (or an action here asks for it). Reloads never overlap: a request during one makes one
 * more run after it, and the returned promise settles when the data is current.
 */
export function useHistoryData(): { data: HistoryData | null; error: string | null; refresh: () => Promise<void> } {
  const [data, setData] = useState<HistoryData | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const again = useRef(false);

  const refresh = useCallback((): Promise<void> => {
    if (running.current) {
      again.current = true;
      return running.current;
    }
    const run = async () => {
      do {
        again.current = false;
        try {
          const [store, settings] = await Promise.all([db(), loadSettings()]);
          setData(await loadHistory(store, settings.providers));
          setError(null);
        } catch (err) {
          if (err instanceof DatabaseBlockedError) {
            setError(t('errorDatabaseBlocked'));
            // The upgrade goes through when the old page closes: load then, unasked.
            void databaseOpened().then(() => refresh());
            continue;
          }
          setError(t('historyReadFailed', (err as Error).message || String(err)));
        }
      } while (again.current);
    };
    const promise = run().finally(() => {
      running.current = null;
    });
    running.current = promise;
    return promise;
  }, []);

  useEffect(() => {
    void refresh();
    return onStateChanged(() => void refresh());
  }, [refresh]);

  return { data, error, refresh };
}
