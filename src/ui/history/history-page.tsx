import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { countByYear, filterTimeline, type TimelineEntry } from '../../core/history-query';
import { formatCount } from '../format';
import { send } from '../send';
import { DataTools } from './data-tools';
import { EntryDetail } from './entry-detail';
import { FilterBar } from './filter-bar';
import { initialFilter, isFiltered, toTimelineFilter, type FilterState } from './filter-state';
import { NoticeForm } from './notice-form';
import { SiteAlerts } from './site-alerts';
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

  const timeline = data?.timeline ?? EMPTY;
  const filtered = useMemo(() => filterTimeline(timeline, toTimelineFilter(filter)), [timeline, filter]);
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
          <h1>Exposure history</h1>
          <p class="muted">Every breach found for your addresses, and the notices you recorded. It is kept only in this browser.</p>
        </div>
        {newCount > 0 && (
          <button type="button" onClick={() => void acknowledgeAll()}>
            Mark all {formatCount(newCount)} new as seen
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
          Loading your history…
        </p>
      )}
      {data && (
        <>
          {data.timeline.length === 0 ? (
            <section class="card empty-history" data-testid="history-empty">
              <h2>No exposures yet</h2>
              <p>
                {data.addresses.length === 0
                  ? 'Add an email address in the toolbar popup and check it. Breaches it appears in will be listed here, newest first.'
                  : 'None of your addresses has been found in a breach so far, and you have recorded no notices. Good news — the extension keeps checking.'}
              </p>
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
              />
              <YearChart counts={yearCounts} selected={/^\d{4}$/.test(filter.year) ? Number(filter.year) : null} onSelect={(y) => changeFilter({ year: y === null ? '' : String(y) })} />
              <div class="browse">
                <section class="timeline" aria-label="Timeline">
                  {filtered.length === 0 ? (
                    <div class="no-match" data-testid="history-no-match">
                      <p class="empty">No entries match {isFiltered(filter) ? 'these filters' : 'yet'}.</p>
                      <button type="button" onClick={() => changeFilter({ email: '', state: '', dataClass: '', year: '', text: '' })}>
                        Clear filters
                      </button>
                    </div>
                  ) : (
                    <TimelineList entries={filtered} active={active} onActiveChange={setActive} openedKey={openedKey} onOpen={open} resetKey={filter} />
                  )}
                </section>
                <aside class="detail card" aria-label="Entry details">
                  <EntryDetail entry={opened} onChanged={refresh} />
                </aside>
              </div>
            </>
          )}
          <div class="lower">
            <section class="card" aria-labelledby="notice-title">
              <h2 id="notice-title">Record a notice</h2>
              <p class="muted">Had a letter or an email saying your data was exposed? Record it here so it is part of your history.</p>
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
