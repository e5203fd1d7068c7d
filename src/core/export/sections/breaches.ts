import * as v from 'valibot';
import type { Breach } from '../../breach';
import { isHttpUrl } from '../../json-value';
import { record, words } from '../../schema-kit';
import { bool, count, isCalendarDate, key, provider, text, textList, textWhere } from '../fields';
import { MAX_DESCRIPTION_LENGTH, MAX_TEXT_LENGTH } from '../format';
import { SEP } from '../keys';

const isAddedDate = (s: string): boolean => s.length <= 40 && /^\d{4}-\d{2}-\d{2}T/.test(s) && !Number.isNaN(Date.parse(s));

const flags = record(
  { verified: bool, fabricated: bool, sensitive: bool, retired: bool, spamList: bool, malware: bool, stealerLog: bool },
  words('importExpectObject'),
);

export const breachSchema = record(
  {
    id: key,
    provider,
    title: text(),
    domain: text(),
    breachDate: v.nullable(textWhere((s) => isCalendarDate(s, false), words('importExpectBreachDate'))),
    addedDate: v.nullable(textWhere(isAddedDate, words('importExpectAddedDate'))),
    pwnCount: v.nullable(count),
    description: text(MAX_DESCRIPTION_LENGTH),
    dataClasses: textList,
    // Logos end up in <img src>: nothing but http(s) gets through, as when a provider sends them.
    logoUrl: v.nullable(textWhere((s) => s.length <= MAX_TEXT_LENGTH && isHttpUrl(s), words('importExpectLogoUrl'))),
    flags,
  },
  words('importExpectObject'),
) satisfies v.GenericSchema<unknown, Breach>;

export const breachKey = (b: Pick<Breach, 'provider' | 'id'>): string => `${b.provider}${SEP}${b.id}`;
