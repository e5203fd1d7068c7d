import type { FilterState } from '../filter-state';
import { t } from '../../i18n';

const KINDS = [
  ['', 'filterAnyKind'],
  ['breach', 'filterKindBreach'],
  ['notice', 'filterKindNotice'],
  ['request', 'filterKindRequest'],
] as const;

/** The timeline filter by kind of entry: breaches, the person's notices, their requests (#13). */
export function KindFilter({ value, onChange }: { value: FilterState['kind']; onChange: (kind: FilterState['kind']) => void }) {
  return (
    <div class="filter">
      <label for="filter-kind">{t('filterKind')}</label>
      <select id="filter-kind" value={value} onChange={(e) => onChange(e.currentTarget.value as FilterState['kind'])}>
        {KINDS.map(([kind, label]) => (
          <option key={kind} value={kind}>
            {t(label)}
          </option>
        ))}
      </select>
    </div>
  );
}
