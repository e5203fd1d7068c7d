import type * as v from 'valibot';
import type { ManualNotice } from '../../notice';
import { expect, oneOf, record } from '../../schema-kit';
import { email, isCalendarDate, key, steps, text, textList, textWhere, time } from '../fields';
import { STATES } from './exposures';

export const noticeSchema = record(
  {
    id: key,
    email,
    organisation: text(),
    site: text(),
    date: textWhere((s) => isCalendarDate(s, true), expect('importExpectNoticeDate')),
    dataClasses: textList,
    note: text(),
    createdAt: time,
    state: oneOf(STATES),
    stateChangedAt: time,
    steps,
  },
  expect('importExpectObject'),
) satisfies v.GenericSchema<unknown, ManualNotice>;
