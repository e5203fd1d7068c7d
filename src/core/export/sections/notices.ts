import type * as v from 'valibot';
import type { ManualNotice } from '../../notice';
import { oneOf, record, words } from '../../schema-kit';
import { email, isCalendarDate, key, steps, text, textList, textWhere, time } from '../fields';
import { STATES } from './exposures';

export const noticeSchema = record(
  {
    id: key,
    email,
    organisation: text(),
    site: text(),
    date: textWhere((s) => isCalendarDate(s, true), words('importExpectNoticeDate')),
    dataClasses: textList,
    note: text(),
    createdAt: time,
    state: oneOf(STATES),
    stateChangedAt: time,
    steps,
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, ManualNotice>;
