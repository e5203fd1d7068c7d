/**
 * The words people use for a kind of data, beside the providers' names (data-classes.ts): typing a
 * notice, they write their own ("nome, email"). FREE_WORDS maps the common ones, in English and
 * Italian, to a row, so the notice gets the same labels, filter entries and guidance as a provider
 * hit; the suggestions offer the labels while they type. Kept apart from the labels so the popup,
 * which only shows stored classes, does not load them.
 */
import { DATA_CLASSES, normalWords, providerClassRow, type NamedGroup, type Row } from './data-classes';
import type { Translate } from './i18n';

/** Words people type for the common kinds, lower-case, English and Italian, to the canonical name. */
const FREE_WORDS: Readonly<Record<string, readonly string[]>> = {
  Names: ['name', 'names', 'full name', 'full names', 'first name', 'first names', 'surname', 'surnames', 'last name', 'last names', 'nome', 'nomi', 'nome e cognome', 'nomi e cognomi', 'cognome', 'cognomi', 'nominativo', 'nominativi'],
  'Email addresses': ['email', 'emails', 'e-mail', 'e-mails', 'email address', 'e-mail address', 'mail', 'indirizzo email', 'indirizzi email', 'indirizzo e-mail', 'indirizzi e-mail', 'indirizzo mail', 'posta elettronica', 'indirizzo di posta elettronica', 'indirizzi di posta elettronica'],
  'Phone numbers': ['phone', 'phones', 'phone number', 'telephone', 'telephone number', 'telephone numbers', 'mobile', 'mobile number', 'mobile numbers', 'cell phone', 'telefono', 'telefoni', 'numero di telefono', 'numeri di telefono', 'cellulare', 'numero di cellulare', 'numeri di cellulare'],
  Passwords: ['password', 'pass', 'parola d\'ordine', 'parole d\'ordine', 'parola chiave'],
  'Dates of birth': ['date of birth', 'birth date', 'birth dates', 'birthdate', 'birthday', 'birthdays', 'dob', 'data di nascita', 'date di nascita', 'compleanno'],
  'Physical addresses': ['address', 'addresses', 'postal address', 'postal addresses', 'home address', 'street address', 'physical address', 'indirizzo', 'indirizzi', 'indirizzo postale', 'indirizzi postali', 'indirizzo di casa', 'residenza', 'domicilio'],
  Usernames: ['username', 'user name', 'user names', 'nome utente', 'nomi utente'],
  'Credit cards': ['credit card', 'credit card number', 'credit card numbers', 'card number', 'card numbers', 'carta di credito', 'carte di credito', 'numero di carta', 'numeri di carta', 'numero della carta di credito'],
  'Bank account numbers': ['iban', 'bank account', 'bank accounts', 'bank details', 'conto corrente', 'conto bancario', 'coordinate bancarie'],
  'IP addresses': ['ip', 'ip address', 'indirizzo ip'],
  Genders: ['gender', 'sex', 'genere', 'sesso'],
  'Government issued IDs': ['id card', 'identity card', 'id number', 'carta d\'identità', 'documento d\'identità', 'documento di identità'],
  'National IDs': ['codice fiscale', 'national id', 'national id number'],
  'Passport numbers': ['passport', 'passport number', 'passaporto', 'numero di passaporto'],
  'Security questions and answers': ['security question', 'security questions', 'domanda di sicurezza', 'domande di sicurezza'],
  'Geographic locations': ['location', 'locations', 'posizione', 'posizioni'],
  Purchases: ['orders', 'order history', 'purchase history', 'ordini', 'storico degli ordini', 'acquisti effettuati'],
  'Payment methods': ['payment method', 'metodo di pagamento'],
  'Personal health data': ['health data', 'medical records', 'medical data', 'dati sanitari', 'dati medici', 'cartella clinica'],
  Ages: ['age', 'età'],
  Nationalities: ['nationality', 'nazionalità'],
  Employers: ['employer', 'datore di lavoro'],
  Photos: ['photo', 'picture', 'pictures', 'fotografia', 'fotografie'],
  'Social media profiles': ['social media', 'social profiles', 'profilo social', 'profili social'],
  'Driver\'s licenses': ['driving licence', 'driving license', 'driver\'s license', 'patente', 'patente di guida'],
};

const ROWS_BY_WORD: ReadonlyMap<string, Row> = (() => {
  const map = new Map<string, Row>();
  const byCanonical = new Map(DATA_CLASSES.map((row) => [row[2], row]));
  for (const [canonical, words] of Object.entries(FREE_WORDS)) {
    const row = byCanonical.get(canonical);
    if (!row) throw new Error(`FREE_WORDS names an unknown class: ${canonical}`);
    for (const word of words) if (!map.has(normalWords(word))) map.set(normalWords(word), row);
  }
  return map;
})();

/** The row a provider's class (or, failing that, a common free word) names; undefined for one nobody listed. */
export function dataClassRow(name: string): Row | undefined {
  return providerClassRow(name) ?? ROWS_BY_WORD.get(normalWords(name));
}

/** The group of a listed class; undefined for one nobody listed (guidance then reads keywords). */
export const namedGroupOf = (name: string): NamedGroup | undefined => dataClassRow(name)?.[1];

/** The stored, exported form: the canonical provider name of a listed class, else the words as given. */
export function canonicalClass(name: string): string {
  return dataClassRow(name)?.[2] ?? name.trim();
}

const labelMaps = new WeakMap<Translate, ReadonlyMap<string, string>>();

/**
 * What a person typed, as a canonical class: a provider spelling or free word, or the label in the
 * page's language (what the suggestions offer); anything else stays as typed.
 */
export function typedClass(word: string, t: Translate): string {
  const row = dataClassRow(word);
  if (row) return row[2];
  let labels = labelMaps.get(t);
  if (!labels) {
    labels = new Map(DATA_CLASSES.map((r) => [normalWords(t(r[0])), r[2]]));
    labelMaps.set(t, labels);
  }
  return labels.get(normalWords(word)) ?? word.trim();
}

/** The labels to suggest while typing, in the page's language, alphabetical. */
export function dataClassSuggestions(t: Translate, locale?: string): string[] {
  return [...new Set(DATA_CLASSES.map((row) => t(row[0])))].sort((a, b) => a.localeCompare(b, locale));
}

/**
 * Labels for what is being typed: the class the words name, if they name one, then labels that
 * contain them (those starting with them first). Nothing for fewer than two letters.
 */
export function suggestClasses(typed: string, t: Translate, limit: number, locale?: string): string[] {
  const words = normalWords(typed);
  if (words.length < 2) return [];
  const named = dataClassRow(words);
  const matches = dataClassSuggestions(t, locale).filter((label) => normalWords(label).includes(words));
  const starts = matches.filter((label) => normalWords(label).startsWith(words));
  const out = [...new Set([...(named ? [t(named[0])] : []), ...starts, ...matches])];
  return out.slice(0, limit);
}
