import { describe, expect, it } from 'vitest';
import { buildTimeline } from '../../../core/history-query';
import { tEn, tIt } from '../../../core/i18n-test-helper';
import type { ManualNotice } from '../../../core/notice';
import { composeLetter } from '../../../core/rights/letter';
import { defaultLetterLanguage, entryFacts, letterFileName, letterText } from './letter-draft';

const notice = {
  id: 'n1',
  email: 'person@example.com',
  organisation: 'Amazon',
  site: 'amazon.com',
  date: '2018-11-21',
  dataClasses: ['Email addresses', 'Names', 'IP addresses'],
  note: 'technical error',
  state: 'new',
  stateChangedAt: 1,
  createdAt: 1,
  steps: [],
} as unknown as ManualNotice;

const [entry] = buildTimeline([], [], [notice]);

describe('entryFacts', () => {
  it('takes the organisation, source, date and address from a notice', () => {
    expect(entryFacts(entry!, tEn)).toMatchObject({ email: 'person@example.com', organisation: 'Amazon', source: 'notice', date: '2018-11-21' });
  });

  it("labels the data in the letter's language, lower-case mid-sentence but keeping acronyms", () => {
    expect(entryFacts(entry!, tEn).dataClasses).toEqual(['email addresses', 'names', 'IP addresses']);
    expect(entryFacts(entry!, tIt).dataClasses).toEqual(['indirizzi email', 'nomi', 'indirizzi IP']);
  });

  it('feeds a letter that cites the notice in Italian', () => {
    const facts = entryFacts(entry!, tIt);
    const letter = composeLetter({ ...facts, date: facts.date!, lawId: 'eu-gdpr', language: 'it', erasure: false, objection: false });
    expect(letter.body).toContain('i dati coinvolti comprendono: indirizzi email, nomi, indirizzi IP.');
    expect(letter.body).toContain('del 21 novembre 2018, che mi avete comunicato');
  });
});

describe('defaultLetterLanguage', () => {
  it('follows the page when it speaks a letter language, else English', () => {
    expect(defaultLetterLanguage('it-CH')).toBe('it');
    expect(defaultLetterLanguage('it')).toBe('it');
    expect(defaultLetterLanguage('en-GB')).toBe('en');
    expect(defaultLetterLanguage('de')).toBe('en');
  });
});

describe('letterText and letterFileName', () => {
  it('puts the subject on the first line, then the body', () => {
    expect(letterText({ subject: 'S', body: 'B\nC' })).toBe('S\n\nB\nC\n');
  });

  it('names the file after the organisation in safe letters', () => {
    expect(letterFileName('Amazon', '2026-12-03')).toBe('data-request-amazon-2026-12-03.txt');
    expect(letterFileName('Forum Süd — “quoted”', '2026-12-03')).toBe('data-request-forum-sud-quoted-2026-12-03.txt');
    expect(letterFileName('„“/\\', '2026-12-03')).toBe('data-request-organisation-2026-12-03.txt');
  });
});
