import type * as v from 'valibot';
import type { SiteAlertRecord } from '../../notice';
import { record, words } from '../../schema-kit';
import { email, key, list, provider, text, textList, time } from '../fields';

export const siteAlertSchema = record(
  { id: key, host: text(), breachIds: textList, provider, shownAt: time, emails: list(email) },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, SiteAlertRecord>;
