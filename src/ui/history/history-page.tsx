import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countByYear, filterTimeline, sortTimeline, type TimelineEntry, type TimelineSort } from '../../core/history-query';
import { formatCount } from '../format';
import { t } from '../i18n';
import { send } from '../send';
import { DataTools } from './data-tools';
import { EntryDetail } from './entry-detail';
import { FilterBar } from './filter-bar';
import { NO_FILTER, initialFilter, isFiltered, toTimelineFilter, type FilterState } from './filter-state';
import { NoticeForm } from './notice-form';
import { SiteAlerts } from './site-alerts';
import { LeakTrailSection } from './leak-trail/leak-trail-section';
import { TimelineList } from './timeline-list';
import { useHistoryData } from './use-history-data';
import { YearChart } from './year-chart';

export function HistoryPage() {
  const { data, error, refresh } = useHistoryData();
  const [filter, setFilter] = useState<FilterState>(() => initialFilter(location.search));
  const [active, setActive] = useState(-1);
  const [openedKey, setOpenedKey] = useState<string | null>(null);
  const [ackError, setAckError] = useState<string | null>(null);
  const filterChanged = useRef(false);
  const rendered = useRef(false);

  const [sort, setSort] = useState<TimelineSort>('found');
  const timeline = data?.timeline ?? EMPTY;
  // Sorted once per change of data or order; each keystroke of a search only filters.
  const sorted = useMemo(() => sortTimeline(timeline, sort), [timeline, sort]);
  const filtered = useMemo(() => filterTimeline(sorted, toTimelineFilter(filter)), [sorted, filter]);
  // The chart shows every year the other filters allow, so another year is one click away.
  const yearCounts = useMemo(
    () => countByYear(filter.year === '' ? filtered : filterTimeline(timeline, toTimelineFilter(filter, false))),
    [timeline, filter, filtered],
  );

  const changeFilter = useCallback((patch: Partial<FilterState>) => {
    filterChanged.current = true;
    setFilter((f) => ({ ...f, ...patch }));
    setActive(-1);
  }, []);

  useLayoutEffect(() => {
    if (!data || rendered.current) return;
    rendered.current = true;
    performance.mark('history-rendered');
    document.body.dataset.ready = 'true';
  }, [data]);

  // The popup links to one entry (#entry=<key>): open it, bring its row into view, and move the
  // focus to it, once the data is there — and again if another link reuses this tab.
  const [linked, setLinked] = useState(() => entryFromHash(location.hash));
  useEffect(() => {
    const onHash = () => setLinked(entryFromHash(location.hash));
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  useLayoutEffect(() => {
    if (!data || linked === null) return;
    setLinked(null);
    if (!data.byKey.has(linked)) return;
    let index = filtered.findIndex((e) => e.key === linked);
    if (index < 0) {
      setFilter(NO_FILTER); // the entry is filtered out: show everything rather than nothing
      index = timeline.findIndex((e) => e.key === linked);
    }
    setOpenedKey(linked);
    setActive(index);
    requestAnimationFrame(() => document.getElementById('detail-title')?.focus());
  }, [data, linked, filtered, timeline]);

  useLayoutEffect(() => {
    if (!filterChanged.current) return;
    filterChanged.current = false;
    performance.mark('history-filtered');
  }, [filtered]);

  const open = useCallback((entry: TimelineEntry) => setOpenedKey(entry.key), []);
  const opened = openedKey !== null ? (data?.byKey.get(openedKey) ?? null) : null;
  const newCount = data?.facets.states.new ?? 0;

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
      {error && (
        <p class="error load-error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && (
        <p class="muted" aria-busy="true">
          {t('historyLoading')}
        </p>
      )}
      {data && (
        <>
          {data.timeline.length === 0 ? (
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
                shown={filtered.length}
                total={data.timeline.length}
                sort={sort}
                onSort={(next) => {
                  setSort(next);
                  setActive(-1);
                }}
              />
              <YearChart counts={yearCounts} selected={/^\d{4}$/.test(filter.year) ? Number(filter.year) : null} onSelect={(y) => changeFilter({ year: y === null ? '' : String(y) })} />
              <div class="browse">
                <section class="timeline" aria-label={t('historyTimelineLabel')}>
                  {filtered.length === 0 ? (
                    <div class="no-match" data-testid="history-no-match">
                      <p class="empty">{isFiltered(filter) ? t('historyNoMatch') : t('historyNoEntriesYet')}</p>
                      <button type="button" onClick={() => changeFilter(NO_FILTER)}>
                        {t('clearFilters')}
                      </button>
                    </div>
                  ) : (
                    <TimelineList entries={filtered} sort={sort} active={active} onActiveChange={setActive} openedKey={openedKey} onOpen={open} resetKey={`${sort}\u0000${JSON.stringify(filter)}`} />
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

const EMPTY: TimelineEntry[] = [];

/** The entry key in `#entry=<key>`, or null. */
function entryFromHash(hash: string): string | null {
  const key = new URLSearchParams(hash.replace(/^#/, '')).get('entry');
  return key !== null && key.length <= 3000 ? key : null;
}
