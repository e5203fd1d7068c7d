/**
 * The letter a person sends an organisation after a breach or its notice: a right-of-access
 * request plus the questions a breach communication must answer, with optional erasure and
 * objection paragraphs, and the time limit to answer. Pure text in, text out; the user edits it
 * before use, and nothing here sends anything.
 *
 * The wording follows the law's own text (the official English and Italian versions, read as
 * recorded in docs/rights.md), so that the organisation recognises each request as the right it
 * exercises. Citations come from the law table; the letter language is chosen apart from the UI.
 */
import { lawById, type LawId, type Law, type LetterLanguage, type Provision } from './laws';

export interface LetterInput {
  lawId: LawId;
  language: LetterLanguage;
  /** The address the organisation knows the person by. */
  email: string;
  organisation: string;
  /**
   * A breach a provider lists, a notice the organisation sent (or the person recorded), or a leak
   * trail: an address given only to this organisation turned up in `elsewhere`'s breach.
   */
  source: 'breach' | 'notice' | 'trail';
  /** With source 'trail': whose breach the address turned up in. */
  elsewhere?: string;
  /** YYYY-MM-DD, or YYYY-MM / YYYY when that is all that is known. */
  date: string;
  /** Already in the letter's language. */
  dataClasses: readonly string[];
  erasure: boolean;
  objection: boolean;
}

export interface Letter {
  subject: string;
  body: string;
}

const MONTHS: Readonly<Record<LetterLanguage, readonly string[]>> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  it: ['gennaio', 'febbraio', 'marzo', 'aprile', 'maggio', 'giugno', 'luglio', 'agosto', 'settembre', 'ottobre', 'novembre', 'dicembre'],
};

/**
 * "21 November 2018" / "21 novembre 2018" ("November 2018", "2018" for partial dates). Spelt out
 * by hand rather than with Intl: a letter must read the same in every browser, and a date-only
 * value must not pass through a time zone. Italian writes the first of the month as "1°".
 */
export function formatLetterDate(date: string, language: LetterLanguage): string {
  const parts = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  const month = parts?.[2] === undefined ? undefined : MONTHS[language][Number(parts[2]) - 1];
  if (parts === null || (parts[2] !== undefined && month === undefined)) return date;
  if (month === undefined) return parts[1]!;
  if (parts[3] === undefined) return `${month} ${parts[1]}`;
  const day = Number(parts[3]);
  return `${language === 'it' && day === 1 ? '1°' : day} ${month} ${parts[1]}`;
}

/** A numbered section: its heading, then its lines. */
type Section = [heading: string, ...lines: string[]];

interface Parts {
  law: Law;
  c: (p: Provision) => string;
  input: LetterInput;
  date: string;
  classes: string;
}

function english({ law, c, input, date, classes }: Parts): Letter {
  const about = input.source === 'trail'
    ? `about my email address, which I gave only to you, and which appears in the personal data breach of ${date} suffered by ${input.elsewhere ?? ''}: either you disclosed it to others, or it was obtained from you`
    : input.source === 'notice'
    ? `about the personal data breach of ${date} of which you informed me`
    : `about the personal data breach of ${date} that public breach records list for your services, and in which my email address appears`;
  const sections: Section[] = [
    [
      `Access to my personal data (${c('access')} ${law.of.en})`,
      'Please provide me with:',
      'a) confirmation as to whether or not you process personal data concerning me;',
      `b) a copy of those personal data (${c('accessCopy')});`,
      'c) the purposes of the processing;',
      'd) the recipients or categories of recipient to whom the personal data have been or will be disclosed;',
      'e) the envisaged period for which the personal data will be stored or, if that is not possible, the criteria used to determine that period;',
      'f) where the personal data were not collected from me, any available information as to their source.',
    ],
    [
      `The breach (${c('breachCommunication')} and ${c('breachContent')})`,
      `The communication of a personal data breach must describe in clear and plain language the nature of the breach and contain at least the information referred to in points (b), (c) and (d) of ${c('breachContent')}. About this incident, please tell me:`,
      'a) which of my personal data were affected;',
      'b) when the breach began and when it ended, that is, for how long my data were exposed;',
      'c) who could obtain my data, and who did;',
      `d) the likely consequences of the breach (${c('breachConsequences')});`,
      `e) the measures taken or proposed to address the breach, including, where appropriate, measures to mitigate its possible adverse effects (${c('breachMeasures')});`,
      `f) the name and contact details of your data protection officer or of another contact point where more information can be obtained (${c('breachContact')}).`,
    ],
  ];
  if (input.erasure) sections.push([
    `Erasure (${c('erasure')})`,
    'Once you have answered this request, please erase all personal data concerning me without undue delay and confirm the erasure to me. '
      + `If one of the exceptions (${c('erasureExceptions')}) applies to any of them, please tell me which data and on what ground.`,
  ]);
  if (input.objection) sections.push([
    `Objection to direct marketing (${c('objection')})`,
    'I object to the processing of my personal data for direct marketing purposes, including profiling to the extent that it is related to such direct marketing. '
      + `From now on my personal data must no longer be processed for such purposes (${c('objectionEffect')}).`,
  ]);
  const body = [
    'Dear Sir or Madam,',
    `I am writing ${about}. ${input.organisation} is the controller of my personal data. I make this request ${law.under.en}. `
      + (classes === '' ? '' : `As far as I know, the data involved include: ${classes}. `)
      + `You can identify me by my email address, ${input.email}.`,
    ...sections.map(([heading, ...lines], i) => [`${i + 1}. ${heading}`, ...lines].join('\n')),
    [
      `Time limit (${c('timeLimit')})`,
      'You must provide information on the action taken on this request without undue delay and in any event within one month of its receipt. '
        + 'That period may be extended by two further months where necessary, taking into account the complexity and number of the requests; '
        + 'in that case you must inform me of the extension, together with the reasons for the delay, within one month of receipt. '
        + 'As I make this request by electronic means, please answer by electronic means, to this address.',
    ].join('\n'),
    `If I do not receive a complete answer within that time, I will consider lodging a complaint with the supervisory authority (${c('complaint')}).`,
    `Yours faithfully,\n${input.email}`,
  ].join('\n\n');
  return {
    subject: `Access request and questions about the personal data breach of ${date} (${c('access')} and ${c('breachCommunication')} ${law.of.en})`,
    body,
  };
}

function italian({ law, c, input, date, classes }: Parts): Letter {
  const about = input.source === 'trail'
    ? `in merito al mio indirizzo di posta elettronica, che ho fornito soltanto a Voi e che compare nella violazione dei dati personali del ${date} subita da ${input.elsewhere ?? ''}: o lo avete comunicato a terzi, o è stato ottenuto presso di Voi`
    : input.source === 'notice'
    ? `in merito alla violazione dei dati personali del ${date}, che mi avete comunicato`
    : `in merito alla violazione dei dati personali del ${date}, riportata negli archivi pubblici delle violazioni per i Vostri servizi, nella quale compare il mio indirizzo di posta elettronica`;
  const sections: Section[] = [
    [
      `Accesso ai miei dati personali (${c('access')} ${law.of.it})`,
      'Vi chiedo di fornirmi:',
      'a) la conferma che sia o meno in corso un trattamento di dati personali che mi riguardano;',
      `b) una copia dei dati personali oggetto di trattamento (${c('accessCopy')});`,
      'c) le finalità del trattamento;',
      'd) i destinatari o le categorie di destinatari a cui i dati personali sono stati o saranno comunicati;',
      'e) il periodo di conservazione dei dati personali previsto oppure, se non è possibile, i criteri utilizzati per determinare tale periodo;',
      'f) qualora i dati non siano stati raccolti presso di me, tutte le informazioni disponibili sulla loro origine.',
    ],
    [
      `La violazione dei dati personali (${c('breachCommunication')} e ${c('breachContent')})`,
      'La comunicazione di una violazione dei dati personali deve descrivere con un linguaggio semplice e chiaro la natura della violazione e contenere almeno '
        + `le informazioni di cui alle lettere b), c) e d) dell'${c('breachContent')}. Riguardo a questo episodio, Vi chiedo pertanto di indicarmi:`,
      'a) quali miei dati personali sono stati coinvolti;',
      'b) quando è iniziata e quando è cessata la violazione, ossia per quanto tempo i miei dati sono rimasti esposti;',
      'c) chi ha potuto ottenere i miei dati e chi li ha effettivamente ottenuti;',
      `d) le probabili conseguenze della violazione (${c('breachConsequences')});`,
      "e) le misure adottate o di cui si propone l'adozione per porre rimedio alla violazione e anche, se del caso, per attenuarne i possibili effetti negativi "
        + `(${c('breachMeasures')});`,
      `f) il nome e i dati di contatto del responsabile della protezione dei dati o di altro punto di contatto presso cui ottenere più informazioni (${c('breachContact')}).`,
    ],
  ];
  if (input.erasure) sections.push([
    `Cancellazione (${c('erasure')})`,
    'Dopo aver dato riscontro alla presente richiesta, Vi chiedo di cancellare senza ingiustificato ritardo tutti i dati personali che mi riguardano e di darmene conferma. '
      + `Qualora per alcuni di essi si applichi una delle eccezioni previste (${c('erasureExceptions')}), Vi prego di indicarmi quali e per quale motivo.`,
  ]);
  if (input.objection) sections.push([
    `Opposizione al marketing diretto (${c('objection')})`,
    'Mi oppongo al trattamento dei miei dati personali per finalità di marketing diretto, compresa la profilazione nella misura in cui sia connessa a tale marketing diretto. '
      + `D'ora in poi i miei dati personali non devono più essere oggetto di trattamento per tali finalità (${c('objectionEffect')}).`,
  ]);
  const body = [
    `Spettabile ${input.organisation},`,
    `Vi scrivo ${about}. ${input.organisation} è titolare del trattamento dei miei dati personali. Presento questa richiesta ${law.under.it}. `
      + (classes === '' ? '' : `Per quanto mi risulta, i dati coinvolti comprendono: ${classes}. `)
      + `Potete identificarmi tramite il mio indirizzo di posta elettronica, ${input.email}.`,
    ...sections.map(([heading, ...lines], i) => [`${i + 1}. ${heading}`, ...lines].join('\n')),
    [
      `Termine per la risposta (${c('timeLimit')})`,
      "Siete tenuti a fornirmi le informazioni relative all'azione intrapresa riguardo alla presente richiesta senza ingiustificato ritardo e, comunque, "
        + 'al più tardi entro un mese dal suo ricevimento. Tale termine può essere prorogato di due mesi, se necessario, tenuto conto della complessità e del numero delle richieste; '
        + 'in tal caso dovrete informarmi della proroga, e dei motivi del ritardo, entro un mese dal ricevimento della richiesta. '
        + 'Poiché presento la richiesta mediante mezzi elettronici, Vi chiedo di rispondermi con mezzi elettronici a questo indirizzo.',
    ].join('\n'),
    `In mancanza di una risposta completa entro tale termine, valuterò di proporre reclamo all'autorità di controllo (${c('complaint')}).`,
    `Distinti saluti,\n${input.email}`,
  ].join('\n\n');
  return {
    subject: `Richiesta di accesso e di informazioni sulla violazione dei dati personali del ${date} (${c('access')} e ${c('breachCommunication')} ${law.of.it})`,
    body,
  };
}

/** The subject and body of the request, in the letter's language, under the chosen law. */
export function composeLetter(input: LetterInput): Letter {
  const law = lawById(input.lawId);
  const parts: Parts = {
    law,
    c: (p) => law.cite[p][input.language],
    input,
    date: formatLetterDate(input.date, input.language),
    classes: input.dataClasses.map((d) => d.trim()).filter((d) => d !== '').join(', '),
  };
  return input.language === 'it' ? italian(parts) : english(parts);
}
