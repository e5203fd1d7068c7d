import type * as v from 'valibot';
import type { SiteAlertRecord } from '../../notice';
import { expect, record } from '../../schema-kit';
import { email, key, list, provider, text, textList, time } from '../fields';

export const siteAlertSchema = record(
  { id: key, host: text(), breachIds: textList, provider, shownAt: time, emails: list(email) },
  expect('importExpectObject'),
) satisfies v.GenericSchema<unknown, SiteAlertRecord>;
