/**
 * The laws a request can be made under, one entry each. A letter, a deadline and a complaint
 * step read everything law-specific from here, so another law (California's CCPA/CPRA "right to
 * know", say) is one more entry: its names, its citations, its deadline rule — see
 * docs/rights.md for what that entry would hold and where its text was read.
 *
 * Citations are stored ready to print in each letter language rather than built from article
 * numbers: the two languages cite differently ("Article 33(3)(b)" / "articolo 33, paragrafo 3,
 * lettera b)"), and a law may cite another act for one step (the UK's complaint route). Each is
 * short; the letter names the act itself once, near the top (`under`), and after
 * the first citation of each section (`of`). Texts were read, not recalled:
 * sources and dates are in docs/rights.md.
 */
import type { DeadlineRule } from './deadline';
import { DEADLINE_RULES } from './deadline-rules';

export type LetterLanguage = 'en' | 'it';
export const LETTER_LANGUAGES: readonly LetterLanguage[] = ['en', 'it'];

export type Localised = Readonly<Record<LetterLanguage, string>>;

/** The provisions a letter or a complaint step cites. */
export type Provision =
  | 'access' // the right of access
  | 'accessCopy' // the copy of the data
  | 'breachCommunication' // what the communication of a breach to the person must contain
  | 'breachContent' // the points that communication must carry
  | 'breachContact' // … the data-protection officer or other contact point
  | 'breachConsequences' // … the likely consequences
  | 'breachMeasures' // … the measures taken or proposed
  | 'erasure'
  | 'erasureExceptions'
  | 'objection' // to direct marketing
  | 'objectionEffect' // the data are then no longer processed for it
  | 'timeLimit'
  | 'complaint';

export type LawId = 'eu-gdpr' | 'uk-gdpr';

export interface Law {
  id: LawId;
  /** The law's full name, for the picker and the first mention in a letter. */
  name: Localised;
  /** The act after a citation, preposition included: "Article 15 of Regulation (EU) 2016/679". */
  of: Localised;
  /** The phrase a request is made under, preposition included ("ai sensi del …"). */
  under: Localised;
  cite: Readonly<Record<Provision, Localised>>;
  deadline: DeadlineRule;
}

/** The GDPR's article numbers, which the UK GDPR keeps (the UK entry overrides what differs). */
const GDPR_CITES: Readonly<Record<Provision, Localised>> = {
  access: { en: 'Article 15', it: 'articolo 15' },
  accessCopy: { en: 'Article 15(3)', it: 'articolo 15, paragrafo 3' },
  breachCommunication: { en: 'Article 34', it: 'articolo 34' },
  breachContent: { en: 'Article 33(3)', it: 'articolo 33, paragrafo 3' },
  breachContact: { en: 'Article 33(3)(b)', it: 'articolo 33, paragrafo 3, lettera b)' },
  breachConsequences: { en: 'Article 33(3)(c)', it: 'articolo 33, paragrafo 3, lettera c)' },
  breachMeasures: { en: 'Article 33(3)(d)', it: 'articolo 33, paragrafo 3, lettera d)' },
  erasure: { en: 'Article 17', it: 'articolo 17' },
  erasureExceptions: { en: 'Article 17(3)', it: 'articolo 17, paragrafo 3' },
  objection: { en: 'Article 21(2)', it: 'articolo 21, paragrafo 2' },
  objectionEffect: { en: 'Article 21(3)', it: 'articolo 21, paragrafo 3' },
  timeLimit: { en: 'Article 12(3)', it: 'articolo 12, paragrafo 3' },
  complaint: { en: 'Article 77', it: 'articolo 77' },
};

export const LAWS: readonly Law[] = [
  {
    id: 'eu-gdpr',
    name: {
      en: 'Regulation (EU) 2016/679 (General Data Protection Regulation)',
      it: 'Regolamento (UE) 2016/679 (regolamento generale sulla protezione dei dati)',
    },
    of: { en: 'of Regulation (EU) 2016/679', it: 'del Regolamento (UE) 2016/679' },
    under: {
      en: 'under Regulation (EU) 2016/679 (the General Data Protection Regulation)',
      it: 'ai sensi del Regolamento (UE) 2016/679 (regolamento generale sulla protezione dei dati)',
    },
    cite: GDPR_CITES,
    deadline: DEADLINE_RULES['eu-gdpr'],
  },
  {
    id: 'uk-gdpr',
    name: {
      en: 'UK GDPR (Regulation (EU) 2016/679 as it forms part of the law of the United Kingdom) and the Data Protection Act 2018',
      it: 'UK GDPR (Regolamento (UE) 2016/679 come parte del diritto del Regno Unito) e Data Protection Act 2018',
    },
    // Italian writes "lo UK GDPR": the acronym is read with an initial semivowel ("iu-kei").
    of: { en: 'of the UK GDPR', it: 'dello UK GDPR' },
    under: {
      en: 'under the UK GDPR and the Data Protection Act 2018',
      it: 'ai sensi dello UK GDPR e del Data Protection Act 2018',
    },
    cite: {
      ...GDPR_CITES,
      // Since 5 February 2026 Art. 12(3) UK GDPR points to the new Art. 12A for the period (still
      // one month, extendable by two), inserted by the Data (Use and Access) Act 2025.
      timeLimit: { en: 'Articles 12(3) and 12A', it: 'articoli 12, paragrafo 3, e 12A' },
      // Complaints to the Information Commissioner: section 165 of the Data Protection Act 2018,
      // which the same Act makes the route for UK GDPR complaints (see docs/rights.md).
      complaint: {
        en: 'section 165 of the Data Protection Act 2018',
        it: 'sezione 165 del Data Protection Act 2018',
      },
    },
    deadline: DEADLINE_RULES['uk-gdpr'],
  },
];

export function lawById(id: LawId): Law {
  const law = LAWS.find((l) => l.id === id);
  // LawId is a closed union and LAWS has one entry per member (tested).
  if (law === undefined) throw new RangeError(`Unknown law ${id}`);
  return law;
}

/** Whether stored or imported data names a law this version knows. */
export function isLawId(value: unknown): value is LawId {
  return LAWS.some((l) => l.id === value);
}
