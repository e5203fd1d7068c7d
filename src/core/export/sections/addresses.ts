import * as v from 'valibot';
import type { WatchedAddress } from '../../exposure';
import { oneOf, record, words } from '../../schema-kit';
import { email, failure, time, timeOrNull } from '../fields';

export const OUTCOMES = ['clean', 'breached', 'failed'] as const;

/** A watched address: its own fields only, not the counts stored beside them. */
export const addressSchema = record(
  {
    email,
    addedAt: time,
    lastCheckedAt: timeOrNull,
    lastOutcome: v.nullable(oneOf(OUTCOMES)),
    lastFailure: failure,
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, WatchedAddress>;

export const addressKey = (a: WatchedAddress): string => a.email;
