import type { ProviderId } from '../../core/breach';
import type { ExposureState } from '../../core/exposure';
import { PROVIDERS } from '../../core/provider-registry';
import { TIMELINE_SORTS, type Facets, type TimelineSort } from '../../core/history-query';
import type { MessageKey } from '../../core/i18n';
import { displayEmail, formatCount } from '../format';
import { t } from '../i18n';
import { canonicalClass } from '../../core/data-class-words';
import { classLabel } from '../data-labels';
import { NO_FILTER, STATE_LABELS, isFiltered, type FilterState } from './filter-state';
import { KindFilter } from './rights/kind-filter';

interface Props {
  facets: Facets;
  filter: FilterState;
  onChange: (patch: Partial<FilterState>) => void;
  /** Addresses to offer besides those in the timeline (saved ones with no entries, the URL's). */
  extraEmails: readonly string[];
  /** Entries that pass the filter; null while a search is being counted. */
  shown: number | null;
  total: number;
  /** Providers that report entries: with more than one, the bar offers to filter by them. */
  providers: readonly ProviderId[];
  sort: TimelineSort;
  onSort: (sort: TimelineSort) => void;
}

const SORT_LABELS: Readonly<Record<TimelineSort, MessageKey>> = { found: 'sortFound', 'breach-date': 'sortBreachDate', data: 'sortData' };

const STATES: readonly ExposureState[] = ['new', 'acknowledged', 'resolved'];

/** Address, status, data and year selects (from the timeline's facets) and a text search. */
export function FilterBar({ facets, filter, onChange, extraEmails, shown, total, providers, sort, onSort }: Props) {
  const emails = [...new Set([...facets.emails, ...extraEmails, ...(filter.email ? [filter.email] : [])])].sort();
  const chosen = canonicalClass(filter.dataClass);
  const classes = facets.dataClasses.some((c) => c.name.toLowerCase() === chosen.toLowerCase()) || chosen === ''
    ? facets.dataClasses
    : [...facets.dataClasses, { name: chosen, count: 0 }];
  const years = filter.year !== '' && !facets.years.includes(Number(filter.year)) ? [Number(filter.year), ...facets.years] : facets.years;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value;

  return (
    <form class="filters" role="search" aria-label={t('filterLabel')} onSubmit={(e) => e.preventDefault()}>
      <div class="filter search">
        <label for="filter-text">{t('filterSearch')}</label>
        <input
          id="filter-text"
          type="search"
          data-testid="history-filter"
          placeholder={t('filterSearchPlaceholder')}
          autocomplete="off"
          value={filter.text}
          onInput={(e) => onChange({ text: value(e) })}
        />
      </div>
      <div class="filter">
        <label for="filter-email">{t('filterAddress')}</label>
        <select id="filter-email" value={filter.email} onChange={(e) => onChange({ email: value(e) })}>
          <option value="">{t('filterAllAddresses')}</option>
          {emails.map((email) => (
            <option key={email} value={email}>
              {displayEmail(email)}
            </option>
          ))}
        </select>
      </div>
      <KindFilter value={filter.kind} onChange={(kind) => onChange({ kind })} />
      <div class="filter">
        <label for="filter-state">{t('filterStatus')}</label>
        <select id="filter-state" value={filter.state} onChange={(e) => onChange({ state: value(e) as FilterState['state'] })}>
          <option value="">{t('filterAnyStatus')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(STATE_LABELS[s])} ({formatCount(facets.states[s])})
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-class">{t('filterData')}</label>
        <select id="filter-class" value={chosen} onChange={(e) => onChange({ dataClass: value(e) })}>
          <option value="">{t('filterAnyData')}</option>
          {classes.map((c) => (
            <option key={c.name} value={c.name}>
              {classLabel(c.name)} ({formatCount(c.count)})
            </option>
          ))}
        </select>
      </div>
      <div class="filter">
        <label for="filter-year">{t('filterYear')}</label>
        <select id="filter-year" value={filter.year} onChange={(e) => onChange({ year: value(e) })}>
          <option value="">{t('filterAnyYear')}</option>
          {years.map((y) => (
            <option key={y} value={String(y)}>
              {y}
            </option>
          ))}
        </select>
      </div>
      {(providers.length > 1 || filter.provider !== '') && (
        <div class="filter">
          <label for="filter-provider">{t('filterProvider')}</label>
          <select id="filter-provider" value={filter.provider} onChange={(e) => onChange({ provider: value(e) as FilterState['provider'] })}>
            <option value="">{t('filterAnyProvider')}</option>
            {providers.map((p) => (
              <option key={p} value={p}>
                {PROVIDERS[p].name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="filter">
        <label for="history-sort">{t('sortLabel')}</label>
        <select id="history-sort" data-testid="history-sort" value={sort} onChange={(e) => onSort(value(e) as TimelineSort)}>
          {TIMELINE_SORTS.map((s) => (
            <option key={s} value={s}>
              {t(SORT_LABELS[s])}
            </option>
          ))}
        </select>
      </div>
      <p class="filter-count" aria-live="polite" data-testid="history-count">
        {shown === null
          ? t('filterCounting', formatCount(total))
          : shown === total
            ? t(total === 1 ? 'entriesOne' : 'entriesOther', formatCount(total))
            : t('filterShownOf', formatCount(shown), formatCount(total))}
      </p>
      {isFiltered(filter) && (
        <button type="button" class="quiet clear-filters" onClick={() => onChange(NO_FILTER)}>
          {t('clearFilters')}
        </button>
      )}
    </form>
  );
}
