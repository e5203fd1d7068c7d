import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { breachDate, count, dataClasses, domain, httpUrl, timestamp } from './json-shape';

/** What a lenient field schema reads from a value: never a throw (each falls back). */
const reader = <S extends v.GenericSchema>(schema: S) => (value: unknown): v.InferOutput<S> => v.parse(schema, value);
const readTimestamp = reader(timestamp);
const readBreachDate = reader(breachDate);
const readCount = reader(count);
const readDomain = reader(domain);
const readDataClasses = reader(dataClasses);
const readHttpUrl = reader(httpUrl);

describe('json-shape field schemas', () => {
  it('normalises timestamps to UTC ISO and reads a zone-less one as UTC', () => {
    expect(readTimestamp('2015-10-26T23:35:45Z')).toBe('2015-10-26T23:35:45.000Z');
    expect(readTimestamp('2026-06-15T05:23:45+00:00')).toBe('2026-06-15T05:23:45.000Z');
    expect(readTimestamp('2026-06-15T07:23:45+0200')).toBe('2026-06-15T05:23:45.000Z');
    expect(readTimestamp('2024-03-27T12:00:00')).toBe('2024-03-27T12:00:00.000Z');
    expect(readTimestamp('2024-03-27')).toBe('2024-03-27T00:00:00.000Z');
    for (const junk of ['', 'yesterday', '2024-02-30T00:00:00Z', '1700000000', 12, null]) expect(readTimestamp(junk)).toBeNull();
  });

  it('keeps breach dates as YYYY-MM-DD or YYYY', () => {
    expect(readBreachDate('2015-03-01')).toBe('2015-03-01');
    expect(readBreachDate('2025-11-01T00:00:00+00:00')).toBe('2025-11-01');
    expect(readBreachDate('2025')).toBe('2025');
    for (const junk of ['2025-13-01', '2019-02-30', '25', 'March 2015', '', 2015]) expect(readBreachDate(junk)).toBeNull();
  });

  it('reads counts, domains, data classes and logo URLs defensively', () => {
    expect(readCount(12)).toBe(12);
    expect(readCount('12')).toBe(12);
    expect(readCount(-1)).toBeNull();
    expect(readCount(Number.NaN)).toBeNull();
    expect(readCount('1e9')).toBeNull();
    expect(readDomain(' Foo.COM ')).toBe('foo.com');
    expect(readDomain(null)).toBe('');
    expect(readDataClasses(['A', ' A ', '', 3, 'B'])).toEqual(['A', 'B']);
    expect(readDataClasses('A;B;;C;')).toEqual(['A', 'B', 'C']);
    expect(readDataClasses({})).toEqual([]);
    expect(readHttpUrl('https://x.test/logo.png')).toBe('https://x.test/logo.png');
    expect(readHttpUrl('javascript:alert(1)')).toBeNull();
    expect(readHttpUrl('/static/logo.png')).toBeNull();
  });
});
