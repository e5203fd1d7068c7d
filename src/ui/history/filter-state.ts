import type { ExposureState } from '../../core/exposure';
import type { MessageKey } from '../../core/i18n';
import type { TimelineEntry, TimelineFilter } from '../../core/history-query';

/** The filter controls' values, as the controls hold them ('' = any). */
export interface FilterState {
  email: string;
  state: '' | ExposureState;
  dataClass: string;
  year: string;
  text: string;
  /** One kind of entry: breaches, your notices, or your requests (#13). */
  kind: '' | TimelineEntry['kind'];
}

export const NO_FILTER: FilterState = { email: '', state: '', dataClass: '', year: '', text: '', kind: '' };

export const STATE_LABELS: Readonly<Record<ExposureState, MessageKey>> = {
  new: 'stateNew',
  acknowledged: 'stateSeen',
  resolved: 'stateResolved',
};

export function toTimelineFilter(f: FilterState, withYear = true): TimelineFilter {
  const out: TimelineFilter = {};
  if (f.email !== '') out.email = f.email;
  if (f.state !== '') out.state = f.state;
  if (f.dataClass !== '') out.dataClass = f.dataClass;
  if (withYear && /^\d{4}$/.test(f.year)) out.year = Number(f.year);
  if (f.text.trim() !== '') out.text = f.text;
  if (f.kind !== '') out.kind = f.kind;
  return out;
}

export const isFiltered = (f: FilterState) => f.email !== '' || f.state !== '' || f.dataClass !== '' || f.year !== '' || f.text.trim() !== '' || f.kind !== '';

/** The first filter: the address in `?email=`, if any (the popup links with it). */
export function initialFilter(search: string): FilterState {
  const email = new URLSearchParams(search).get('email')?.trim().toLowerCase() ?? '';
  return { ...NO_FILTER, email: email.length <= 1000 ? email : '' };
}
