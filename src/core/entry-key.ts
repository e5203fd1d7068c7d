/**
 * A history entry's key: the popup links to `history/index.html#entry=<key>` with it. Its own small
 * module so the popup, which needs only the key, does not load the history query with it.
 */
import type { Exposure } from './exposure';

const SEP = '\u0000';

export const breachEntryKey = (e: Pick<Exposure, 'email' | 'provider' | 'breachId'>) => `breach${SEP}${e.email}${SEP}${e.provider}${SEP}${e.breachId}`;
export const noticeEntryKey = (id: string) => `notice${SEP}${id}`;
