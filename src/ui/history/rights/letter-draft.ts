/**
 * What the request letter takes from a history entry, and the letter as one text for the
 * clipboard and the .txt file. Pure: the dialog (ask-organisation.tsx) passes in the translator of
 * the letter's language, which need not be the page's.
 */
import { dataClassLabel } from '../../../core/data-classes';
import type { TimelineEntry } from '../../../core/history-query';
import type { Translate } from '../../../core/i18n';
import type { LetterLanguage } from '../../../core/rights/laws';
import type { Letter, LetterInput } from '../../../core/rights/letter';

/** The facts of the entry a letter cites; `date` is null when the breach's date is unknown. */
export type EntryFacts = Pick<LetterInput, 'email' | 'organisation' | 'source' | 'dataClasses'> & { date: string | null };

/**
 * Organisation = the breach's title or the notice's organisation (both are the entry's title);
 * the data classes are labelled in the letter's language and, since they sit mid-sentence, start
 * lower-case unless the label opens with an acronym ("PINs", "IP addresses", "HIV statuses").
 */
export function entryFacts(entry: TimelineEntry, letterT: Translate): EntryFacts {
  const labels = entry.dataClasses.map((c) => midSentence(dataClassLabel(c, letterT)));
  return {
    email: entry.email,
    organisation: entry.title,
    source: entry.kind === 'notice' ? 'notice' : 'breach',
    date: entry.date,
    dataClasses: [...new Set(labels)],
  };
}

function midSentence(label: string): string {
  const [first = '', second = ''] = label;
  return second !== '' && second === second.toLowerCase() && second !== second.toUpperCase() ? first.toLowerCase() + label.slice(1) : label;
}

/** The language a letter starts in: the page's when it is one a letter can be written in. */
export function defaultLetterLanguage(pageLanguage: string): LetterLanguage {
  return pageLanguage.split('-')[0]!.toLowerCase() === 'it' ? 'it' : 'en';
}

/** Subject, an empty line, body: how the letter is copied and saved. */
export const letterText = (letter: Letter) => `${letter.subject}\n\n${letter.body}\n`;

/** data-request-<organisation>-<YYYY-MM-DD>.txt, the organisation reduced to safe file-name letters. */
export function letterFileName(organisation: string, today: string): string {
  const name = organisation
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return `data-request-${name === '' ? 'organisation' : name}-${today}.txt`;
}
