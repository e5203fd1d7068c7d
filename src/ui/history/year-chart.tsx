import type { YearCounts } from '../../core/history-query';
import { formatCount } from '../format';
import { t } from '../i18n';

interface Props {
  /** Null while a search is being counted. */
  counts: YearCounts | null;
  /** The year filtered on, or null. */
  selected: number | null;
  onSelect: (year: number | null) => void;
}

const plural = (n: number) => t(n === 1 ? 'entriesOne' : 'entriesOther', formatCount(n));

/**
 * Entries per year of the breach, as a row of bars. Each bar is a button (name: the year and its
 * count; pressed when that year is the filter), so the chart is usable without seeing it.
 */
export function YearChart({ counts, selected, onSelect }: Props) {
  const max = counts?.reduce((m, c) => Math.max(m, c.count), 0) ?? 0;
  return (
    <section class="year-chart" aria-labelledby="year-chart-title">
      <h2 id="year-chart-title">{t('chartTitle')}</h2>
      {counts === null ? (
        <p class="muted" aria-busy="true">
          {t('historyLoadingRow')}
        </p>
      ) : counts.length === 0 ? (
        <p class="empty">{counts.unknownYearCount > 0 ? t('chartNoDatesSome', plural(counts.unknownYearCount)) : t('chartNoDates')}</p>
      ) : (
        <>
          <div class="bars" role="group" aria-label={t('chartBarsLabel')}>
            {counts.map(({ year, count }) => {
              const pressed = selected === year;
              return (
                <button
                  key={year}
                  type="button"
                  class="bar-button"
                  aria-pressed={pressed ? 'true' : 'false'}
                  aria-label={t('chartBar', year, plural(count))}
                  title={t('chartBar', year, plural(count))}
                  data-year={year}
                  onClick={() => onSelect(pressed ? null : year)}
                >
                  <span class="bar-count" aria-hidden="true">
                    {formatCount(count)}
                  </span>
                  <span class="bar" aria-hidden="true" style={{ height: `${Math.max(4, Math.round((count / max) * 100))}%` }} />
                  <span class="bar-year" aria-hidden="true">
                    {year}
                  </span>
                </button>
              );
            })}
          </div>
          <p class="muted chart-note">
            {selected !== null ? t('chartShowingYear', selected) : t('chartChooseYear')}
            {counts.unknownYearCount > 0 ? ` ${t(counts.unknownYearCount === 1 ? 'chartUndatedOne' : 'chartUndatedOther', formatCount(counts.unknownYearCount))}` : ''}
          </p>
        </>
      )}
    </section>
  );
}
