import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProviderId } from '../../core/breach';
import type { ExposureKey } from '../../core/exposure';
import type { TimelineEntry, TimelineSort } from '../../core/history-query';
import { readEntries } from '../../storage/history-stream';
import { db } from '../../storage/open-db';
import { classLabel } from '../data-labels';
import { formatCount } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import { DataTools } from './data-tools';
import { EntryDetail } from './entry-detail';
import { FilterBar } from './filter-bar';
import { NO_FILTER, initialFilter, isFiltered, toHistoryFilter, type FilterState } from './filter-state';
import type { HistoryData } from './load-history';
import { NoticeForm } from './notice-form';
import { SiteAlerts } from './site-alerts';
import { LeakTrailSection } from './leak-trail/leak-trail-section';
import { TimelineList } from './timeline-list';
import { useHistoryData } from './use-history-data';
import { useHistoryView } from './use-history-view';
import { YearChart } from './year-chart';

export function HistoryPage() {
  const { data, error, refresh } = useHistoryData();
  const [filter, setFilter] = useState<FilterState>(() => initialFilter(location.search));
  const [active, setActive] = useState(-1);
  const [opened, setOpened] = useState<TimelineEntry | null>(null);
  const [ackError, setAckError] = useState<string | null>(null);
  const filterChanged = useRef(false);
  const rendered = useRef(false);

  const [sort, setSort] = useState<TimelineSort>('found');
  const historyFilter = useMemo(() => toHistoryFilter(filter), [filter]);
  // The exposures are read a page at a time; counts and the chart come from the aggregates.
  const view = useHistoryView(data, historyFilter, sort);

  const changeFilter = useCallback((patch: Partial<FilterState>) => {
    filterChanged.current = true;
    setFilter((f) => ({ ...f, ...patch }));
    setActive(-1);
  }, []);

  useLayoutEffect(() => {
    if (!data || view.ready === 0 || rendered.current) return;
    rendered.current = true;
    performance.mark('history-rendered');
    document.body.dataset.ready = 'true';
  }, [data, view.ready]);

  useLayoutEffect(() => {
    if (!filterChanged.current || view.ready === 0) return;
    filterChanged.current = false;
    performance.mark('history-filtered');
  }, [view.ready]);

  // The entry open in the detail panel is read again with every reload (its state may have changed).
  useEffect(() => {
    if (!data || opened === null) return;
    let live = true;
    void entryByKey(data, opened.key).then((entry) => {
      if (live) setOpened(entry);
    });
    return () => {
      live = false;
    };
    // Only a reload reads it again (not every change of the open entry).
  }, [data]);

  // The popup links to one entry (#entry=<key>): open it, bring its row into view, and move the
  // focus to it, once the data is there — and again if another link reuses this tab.
  const [linked, setLinked] = useState(() => entryFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setLinked(entryFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useEffect(() => {
    const stream = view.stream;
    if (!data || linked === null || !stream) return;
    let live = true;
    void (async () => {
      const entry = await entryByKey(data, linked);
      if (!live) return;
      if (!entry) {
        setLinked(null);
        return;
      }
      const index = await stream.indexOf(linked, exposureKeyOf(linked), entry.kind === 'breach' ? null : entry);
      if (!live) return;
      if (index === null && isFiltered(filter)) {
        setFilter(NO_FILTER); // the entry is filtered out: show everything rather than nothing
        return;
      }
      setLinked(null);
      setOpened(entry);
      if (index !== null) setActive(index);
      requestAnimationFrame(() => document.getElementById('detail-title')?.focus());
    })();
    return () => {
      live = false;
    };
  }, [data, linked, view.stream, filter]);

  const open = useCallback((entry: TimelineEntry) => setOpened(entry), []);
  const newCount = data?.facets.states.new ?? 0;
  const providers = useMemo(() => [...new Set(data?.cells.flatMap((c) => c.providers) ?? [])].sort(), [data]);

  const acknowledgeAll = async () => {
    if (!data) return;
    setAckError(null);
    try {
      await send('exposures/acknowledge', { emails: data.facets.emails });
      await refresh(); // this request broadcasts nothing: read again here
    } catch (err) {
      setAckError((err as Error).message);
    }
  };

  return (
    <div class="history">
      <header class="page-header">
        <div>
          <h1>{t('historyTitle')}</h1>
          <p class="muted">{t('historyIntro')}</p>
        </div>
        {newCount > 0 && (
          <button type="button" onClick={() => void acknowledgeAll()}>
            {t(newCount === 1 ? 'historyAckAllOne' : 'historyAckAllOther', formatCount(newCount))}
          </button>
        )}
      </header>
      {ackError && (
        <p class="error" role="alert">
          {ackError}
        </p>
      )}
      {(error ?? view.error) && (
        <p class="error load-error" role="alert">
          {error ?? t('historyReadFailed', view.error ?? '')}
        </p>
      )}
      {(!data || view.ready === 0) && !error && !view.error && (
        <p class="muted" aria-busy="true">
          {t('historyLoading')}
        </p>
      )}
      {data && view.ready > 0 && (
        <>
          {data.total === 0 ? (
            <section class="card empty-history" data-testid="history-empty">
              <h2>{t('historyEmptyTitle')}</h2>
              <p>{data.addresses.length === 0 ? t('historyEmptyNoAddresses') : t('historyEmptyClean')}</p>
            </section>
          ) : (
            <>
              <FilterBar
                facets={data.facets}
                filter={filter}
                onChange={changeFilter}
                extraEmails={data.addresses.map((a) => a.email)}
                shown={view.total}
                total={data.total}
                providers={providers}
                sort={sort}
                onSort={(next) => {
                  filterChanged.current = true; // marked 'history-filtered' like a filter change
                  setSort(next);
                  setActive(-1);
                }}
              />
              <YearChart counts={view.years} selected={/^\d{4}$/.test(filter.year) ? Number(filter.year) : null} onSelect={(y) => changeFilter({ year: y === null ? '' : String(y) })} />
              <div class="browse">
                <section class="timeline" aria-label={t('historyTimelineLabel')}>
                  {view.total === 0 ? (
                    <div class="no-match" data-testid="history-no-match">
                      <p class="empty">{isFiltered(filter) ? t('historyNoMatch') : t('historyNoEntriesYet')}</p>
                      <button type="button" onClick={() => changeFilter(NO_FILTER)}>
                        {t('clearFilters')}
                      </button>
                    </div>
                  ) : (
                    <TimelineList
                      count={view.total ?? 0}
                      entryAt={view.entryAt}
                      onRange={view.want}
                      sort={sort}
                      active={active}
                      onActiveChange={setActive}
                      openedKey={opened?.key ?? null}
                      onOpen={open}
                      resetKey={`${sort}\u0000${JSON.stringify(filter)}`}
                    />
                  )}
                </section>
                <aside class="detail card" aria-label={t('historyDetailLabel')}>
                  <EntryDetail entry={opened} providers={data.providers} onChanged={refresh} request={opened ? data.requests.get(opened.key) : null} />
                </aside>
              </div>
            </>
          )}
          <LeakTrailSection />
          <div class="lower">
            <section class="card" aria-labelledby="notice-title">
              <h2 id="notice-title">{t('noticeFormTitle')}</h2>
              <p class="muted">{t('noticeFormIntro')}</p>
              <NoticeForm addresses={data.addresses} preferredEmail={filter.email} onSaved={refresh} />
            </section>
            <SiteAlerts alerts={data.siteAlerts} breaches={data.breaches} />
          </div>
          <DataTools onChanged={refresh} />
        </>
      )}
    </div>
  );
}

/** An entry by its key, read afresh: an exposure with its breach records, or one of the entries kept whole. */
async function entryByKey(data: HistoryData, key: string): Promise<TimelineEntry | null> {
  const exposure = exposureKeyOf(key);
  if (!exposure) return data.small.find((e) => e.key === key) ?? null;
  const entries = await readEntries(await db(), [exposure], classLabel);
  return entries.values().next().value ?? null;
}

/** The exposure key inside a breach entry's key (breachEntryKey), or null for other entries. */
function exposureKeyOf(key: string): ExposureKey | null {
  const [kind, email, provider, breachId, ...rest] = key.split('\u0000');
  if (kind !== 'breach' || email === undefined || provider === undefined || breachId === undefined || rest.length > 0) return null;
  return [email, provider as ProviderId, breachId];
}

/** The entry key in `#entry=<key>`, or null. */
function entryFromHash(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  return key !== null && key.length <= 3000 ? key : null;
}
