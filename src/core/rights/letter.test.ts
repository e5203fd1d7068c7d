import { describe, expect, it } from 'vitest';
import { LAWS, LETTER_LANGUAGES, type LetterLanguage } from './laws';
import { composeLetter, formatLetterDate, type LetterInput } from './letter';

const SEED: LetterInput = {
  lawId: 'eu-gdpr', language: 'it', email: 'mario.rossi@example.com', organisation: 'Amazon', source: 'notice',
  date: '2018-11-21', dataClasses: ['indirizzi email', 'nomi'], erasure: false, objection: false,
};

/** Every combination a user can pick: law, letter language, kind of entry, both options. */
function* everyLetter(): Generator<LetterInput> {
  for (const law of LAWS) for (const language of LETTER_LANGUAGES) for (const source of ['breach', 'notice', 'trail'] as const) {
    for (const erasure of [false, true]) for (const objection of [false, true]) {
      yield {
        lawId: law.id, language, source, erasure, objection, email: 'jane.doe+shop@example.org',
        organisation: 'Shop & Co. S.p.A.', ...(source === 'trail' ? { elsewhere: 'OtherShop' } : {}), date: '2024-03-07', dataClasses: ['Email addresses', 'Physical addresses'],
      };
    }
  }
}

describe('composeLetter', () => {
  it('renders every field, in every combination, with no placeholder left', () => {
    let count = 0;
    for (const input of everyLetter()) {
      const { subject, body } = composeLetter(input);
      const law = LAWS.find((l) => l.id === input.lawId)!;
      const c = (p: keyof typeof law.cite) => law.cite[p][input.language];
      const label = `${input.lawId}/${input.language}/${input.source}/${input.erasure}/${input.objection}`;
      for (const text of [subject, body]) {
        for (const leftover of ['{', '}', 'undefined', 'null', 'NaN', '[object']) expect(text, label).not.toContain(leftover);
      }
      expect(subject, label).toContain(formatLetterDate(input.date, input.language));
      expect(subject, label).toContain(c('access'));
      expect(subject, label).toContain(c('breachCommunication'));
      for (const field of [input.email, input.organisation, formatLetterDate(input.date, input.language), ...input.dataClasses]) {
        expect(body, `${label} ${field}`).toContain(field);
      }
      expect(body, label).toContain(law.under[input.language]);
      for (const p of ['access', 'accessCopy', 'breachCommunication', 'breachContent', 'breachContact', 'breachConsequences', 'breachMeasures', 'timeLimit', 'complaint'] as const) {
        expect(body, `${label} ${p}`).toContain(c(p));
      }
      expect(body.includes(`(${c('erasure')})`), label).toBe(input.erasure);
      expect(body.includes(`(${c('objection')})`), label).toBe(input.objection);
      count++;
    }
    expect(count).toBe(LAWS.length * 2 * 3 * 4);
  });

  it('writes the seed case in Italian: Regolamento (UE) 2016/679, articles 15 and 34, the notice date and the address', () => {
    const { subject, body } = composeLetter(SEED);
    expect(subject).toBe(
      'Richiesta di accesso e di informazioni sulla violazione dei dati personali del 21 novembre 2018 (articolo 15 e articolo 34 del Regolamento (UE) 2016/679)',
    );
    expect(body.startsWith('Spettabile Amazon,\n\nVi scrivo in merito alla violazione dei dati personali del 21 novembre 2018, che mi avete comunicato.')).toBe(true);
    expect(body).toContain('Amazon è titolare del trattamento dei miei dati personali');
    for (const expected of ['Regolamento (UE) 2016/679', 'articolo 15', 'articolo 34', 'articolo 33, paragrafo 3', '21 novembre 2018',
      'mario.rossi@example.com', 'articolo 12, paragrafo 3', 'entro un mese dal suo ricevimento', 'indirizzi email, nomi', 'Distinti saluti']) {
      expect(body).toContain(expected);
    }
    expect(body).not.toContain('articolo 17');
    expect(body).not.toContain('articolo 21');
  });

  it('numbers the optional paragraphs after the two that are always there', () => {
    const both = composeLetter({ ...SEED, language: 'en', erasure: true, objection: true }).body;
    expect(both).toContain('\n\n3. Erasure (Article 17)\n');
    expect(both).toContain('\n\n4. Objection to direct marketing (Article 21(2))\n');
    const objectionOnly = composeLetter({ ...SEED, language: 'en', objection: true }).body;
    expect(objectionOnly).toContain('\n\n3. Objection to direct marketing (Article 21(2))\n');
    expect(objectionOnly).not.toContain('Erasure');
  });

  it('speaks of a listed breach differently from a notice the organisation sent', () => {
    const notice = composeLetter({ ...SEED, language: 'en' }).body;
    const breach = composeLetter({ ...SEED, language: 'en', source: 'breach' }).body;
    expect(notice).toContain('of which you informed me');
    expect(breach).toContain('public breach records');
    expect(breach).not.toContain('of which you informed me');
  });

  it('leaves out the data sentence when no data class is known, and drops blank labels', () => {
    const none = composeLetter({ ...SEED, dataClasses: [' ', ''] }).body;
    expect(none).not.toContain('i dati coinvolti comprendono');
    expect(none).not.toMatch(/: \./);
  });

  it('cites the UK route for the time limit and the complaint', () => {
    const body = composeLetter({ ...SEED, lawId: 'uk-gdpr', language: 'en' }).body;
    expect(body).toContain('Time limit (Articles 12(3) and 12A)');
    expect(body).toContain('(section 165 of the Data Protection Act 2018)');
    expect(body).toContain('(Article 15 of the UK GDPR)');
  });
});

describe('formatLetterDate', () => {
  const cases: Array<[string, LetterLanguage, string]> = [
    ['2018-11-21', 'en', '21 November 2018'],
    ['2018-11-21', 'it', '21 novembre 2018'],
    ['2018-11-01', 'it', '1° novembre 2018'],
    ['2018-11-01', 'en', '1 November 2018'],
    ['2018-11', 'it', 'novembre 2018'],
    ['2018', 'en', '2018'],
  ];
  it.each(cases)('%s in %s → %s', (date, language, expected) => {
    expect(formatLetterDate(date, language)).toBe(expected);
  });

  it('returns anything it cannot read unchanged rather than inventing a date', () => {
    expect(formatLetterDate('2018-13-01', 'en')).toBe('2018-13-01');
    expect(formatLetterDate('yesterday', 'it')).toBe('yesterday');
  });
});

describe('the leak-trail letter', () => {
  it('asks the site the address was given to about the breach where it turned up', () => {
    const en = composeLetter({ ...SEED, language: 'en', organisation: 'shopa.example', source: 'trail', elsewhere: 'OtherShop' });
    expect(en.body).toContain('about my email address, which I gave only to you, and which appears in the personal data breach of 21 November 2018 suffered by OtherShop');
    expect(en.body).toContain('the recipients or categories of recipient to whom the personal data have been or will be disclosed');
    const it = composeLetter({ ...SEED, organisation: 'shopa.example', source: 'trail', elsewhere: 'OtherShop' });
    expect(it.body).toContain('che ho fornito soltanto a Voi e che compare nella violazione dei dati personali del 21 novembre 2018 subita da OtherShop');
  });
});
