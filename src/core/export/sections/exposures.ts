import * as v from 'valibot';
import type { Exposure, ExposureState } from '../../exposure';
import type { ExposureSource } from '../../incident';
import { oneOf, record, words } from '../../schema-kit';
import { email, key, list, provider, steps, text, time } from '../fields';
import { SEP } from '../keys';

export const STATES = ['new', 'acknowledged', 'resolved'] as const satisfies readonly ExposureState[];
const _allStates: Exclude<ExposureState, (typeof STATES)[number]> extends never ? true : never = true;

const source = record({ provider, breachId: key }, words('importExpectObject'));

/** An exposure (one incident) as files of `version` hold it: version 1 knew one provider per exposure. */
export const exposureSchema = (version: number) =>
  record(
    {
      email,
      provider,
      breachId: key,
      also: version < 2 ? v.optional(v.pipe(v.unknown(), v.transform((): ExposureSource[] => [])), []) : list(source),
      firstSeen: time,
      lastSeen: time,
      state: oneOf(STATES),
      stateChangedAt: time,
      note: text(),
      steps,
    },
    words('importExpectObject'),
  ) satisfies v.GenericSchema<unknown, Exposure>;

export const exposureKey = (e: Exposure): string => `${e.email}${SEP}${e.provider}${SEP}${e.breachId}`;
