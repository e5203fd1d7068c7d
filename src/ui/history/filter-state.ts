import { PROVIDER_IDS, type ProviderId } from '../../core/breach';
import type { ExposureState } from '../../core/exposure';
import type { MessageKey } from '../../core/i18n';
import type { TimelineEntry } from '../../core/history-query';
import type { HistoryFilter } from '../../core/history-plan';

/** The filter controls' values, as the controls hold them ('' = any). */
export interface FilterState {
  email: string;
  state: '' | ExposureState;
  dataClass: string;
  year: string;
  text: string;
  provider: '' | ProviderId;
  /** One kind of entry: breaches, your notices, or your requests (#13). */
  kind: '' | TimelineEntry['kind'];
}

export const NO_FILTER: FilterState = { email: '', state: '', dataClass: '', year: '', text: '', provider: '', kind: '' };

export const STATE_LABELS: Readonly<Record<ExposureState, MessageKey>> = {
  new: 'stateNew',
  acknowledged: 'stateSeen',
  resolved: 'stateResolved',
};

export function toHistoryFilter(f: FilterState): HistoryFilter {
  const out: HistoryFilter = {};
  if (f.email !== '') out.email = f.email;
  if (f.state !== '') out.state = f.state;
  if (f.dataClass !== '') out.dataClass = f.dataClass;
  if (/^\d{4}$/.test(f.year)) out.year = Number(f.year);
  if (f.text.trim() !== '') out.text = f.text;
  if ((PROVIDER_IDS as readonly string[]).includes(f.provider)) out.provider = f.provider as ProviderId;
  if (f.kind !== '') out.kind = f.kind;
  return out;
}

export const isFiltered = (f: FilterState) =>
  f.email !== '' || f.state !== '' || f.dataClass !== '' || f.year !== '' || f.text.trim() !== '' || f.provider !== '' || f.kind !== '';

/** The first filter: the address in `?email=`, if any (the popup links with it). */
export function initialFilter(search: string): FilterState {
  const email = new URLSearchParams(search).get('email')?.trim().toLowerCase() ?? '';
  return { ...NO_FILTER, email: email.length <= 1000 ? email : '' };
}
