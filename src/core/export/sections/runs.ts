import * as v from 'valibot';
import { oneOf, record, words } from '../../schema-kit';
import { email, failure, key, list, provider, textList, time, timeOrNull } from '../fields';
import type { ExportResult, ExportRun } from '../format';
import { SEP } from '../keys';
import { OUTCOMES } from './addresses';

export const runSchema = record(
  {
    id: key,
    provider,
    trigger: oneOf(['manual', 'scheduled', 'context-menu']),
    startedAt: time,
    finishedAt: timeOrNull,
    emails: list(email),
    notifiedAt: v.optional(timeOrNull),
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, ExportRun>;

export const resultSchema = record(
  {
    runId: key,
    email,
    at: time,
    outcome: oneOf(OUTCOMES),
    breachIds: textList,
    newBreachIds: textList,
    failure,
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, ExportResult>;

export const resultKey = (r: ExportResult): string => `${r.runId}${SEP}${r.email}`;
