import { describe, expect, it } from 'vitest';
import { isLawId, lawById, LAWS, LETTER_LANGUAGES, type LawId, type Provision } from './laws';

const IDS: LawId[] = ['eu-gdpr', 'uk-gdpr'];

describe('the law table', () => {
  it('has exactly one entry per law id', () => {
    expect(LAWS.map((l) => l.id).sort()).toEqual([...IDS].sort());
    for (const id of IDS) expect(lawById(id).id).toBe(id);
  });

  it('names every law and cites every provision in every letter language', () => {
    for (const law of LAWS) {
      for (const lang of LETTER_LANGUAGES) {
        expect(law.name[lang].trim()).not.toBe('');
        expect(law.of[lang].trim()).not.toBe('');
        expect(law.under[lang].trim()).not.toBe('');
        for (const [provision, cite] of Object.entries(law.cite)) {
          expect(cite[lang].trim(), `${law.id} ${provision} ${lang}`).not.toBe('');
        }
      }
    }
  });

  it('cites the GDPR articles the issue names, as the official texts number them', () => {
    const gdpr = lawById('eu-gdpr');
    const expected: Partial<Record<Provision, [string, string]>> = {
      access: ['Article 15', 'articolo 15'],
      breachCommunication: ['Article 34', 'articolo 34'],
      breachContent: ['Article 33(3)', 'articolo 33, paragrafo 3'],
      erasure: ['Article 17', 'articolo 17'],
      objection: ['Article 21(2)', 'articolo 21, paragrafo 2'],
      timeLimit: ['Article 12(3)', 'articolo 12, paragrafo 3'],
      complaint: ['Article 77', 'articolo 77'],
    };
    for (const [provision, [en, it]] of Object.entries(expected) as Array<[Provision, [string, string]]>) {
      expect(gdpr.cite[provision]).toEqual({ en, it });
    }
    expect(gdpr.of.it).toBe('del Regolamento (UE) 2016/679');
    expect(gdpr.of.en).toBe('of Regulation (EU) 2016/679');
  });

  it('gives both GDPRs one month, extendable by two further months (Art. 12(3))', () => {
    for (const law of LAWS) expect(law.deadline).toEqual({ months: 1, maxExtensionMonths: 2 });
  });

  it('keeps the GDPR article numbers in the UK GDPR, except where UK law moved them', () => {
    const eu = lawById('eu-gdpr');
    const uk = lawById('uk-gdpr');
    for (const provision of Object.keys(eu.cite) as Provision[]) {
      if (provision === 'timeLimit' || provision === 'complaint') continue;
      expect(uk.cite[provision]).toEqual(eu.cite[provision]);
    }
    expect(uk.cite.complaint.en).toContain('Data Protection Act 2018');
  });

  it('recognises only known law ids in stored data', () => {
    expect(isLawId('eu-gdpr')).toBe(true);
    expect(isLawId('ccpa')).toBe(false);
    expect(isLawId(undefined)).toBe(false);
  });
});
