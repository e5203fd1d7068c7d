/**
 * The kinds of data a breach exposed ("data classes"), as a person reads them, in their language.
 *
 * Providers name them in English free text ("Email addresses", "Drink habits"); the two providers
 * sometimes spell one kind two ways. Each kind is listed under its guidance group with every
 * provider spelling of it, the first being the canonical one that is stored and exported; its
 * message key (the label in every language, public/_locales) is derived from that name. A test holds this table to the
 * fixture catalogs of both providers; a class a provider invents later keeps the provider's words.
 *
 * People typing a notice use their own words ("nome, email"): FREE_WORDS maps the common ones, in
 * English and Italian, to a row, so the notice gets the same labels and guidance as a provider hit.
 */
import type { GuidanceGroup } from './guidance';
import type { MessageKey, Translate } from './i18n';

export type NamedGroup = Exclude<GuidanceGroup, 'other'>;

type Row = readonly [key: MessageKey, group: NamedGroup, canonical: string, ...spellings: string[]];

/** Each group's classes: the canonical name, or [canonical, ...other provider spellings]. */
const TABLE: Record<NamedGroup, ReadonlyArray<string | readonly string[]>> = {
  passwords: [
    'Passwords',
    'Password hints',
    ['Historical passwords', 'Passwords history'],
    'Password strengths',
    'Auth tokens',
    'Security questions and answers',
    'PINs',
    'Encrypted keys',
    'Mothers maiden names',
  ],
  financial: [
    'Account balances',
    'Bank account numbers',
    'Credit card CVV',
    'Credit cards',
    'Credit card details',
    'Credit status information',
    'Cryptocurrency wallet addresses',
    'Mnemonic phrases',
    'Financial investments',
    'Financial transactions',
    'Income levels',
    'Living costs',
    'Loan information',
    'Net worths',
    'Partial credit card data',
    'Payment histories',
    'Payment methods',
    'Purchases',
    'Reward program balances',
    'Loyalty program details',
  ],
  identity: [
    ['Government issued IDs', 'Government IDs'],
    'Partial government issued IDs',
    'National IDs',
    'Passport numbers',
    'Social security numbers',
    "Driver's licenses",
    'Dates of birth',
    'Partial dates of birth',
    'Years of birth',
    'Places of birth',
    'Citizenship statuses',
    'Biometric data',
    'Taxation records',
    'Utility bills',
  ],
  sensitive: [
    'Sexual fetishes',
    'Sexual orientations',
    'Sexual preferences',
    'Religions',
    'Ethnicities',
    'Races',
    'Political views',
    'Political donations',
    'Drug habits',
  ],
  health: [
    'Personal health data',
    'Health insurance information',
    'HIV statuses',
    'Appointments',
    'Fitness levels',
    ['Drinking habits', 'Drink habits'],
    'Smoking habits',
    'Eating habits',
  ],
  contact: [
    'Email addresses',
    'Recovery email addresses',
    'Phone numbers',
    'Partial phone numbers',
    'Physical addresses',
    'Delivery instructions',
    'Address book contacts',
  ],
  online: [
    'Usernames',
    'Social media profiles',
    'Website activity',
    'Private messages',
    'Chat logs',
    'Email messages',
    'SMS messages',
    'Audio recordings',
    'Photos',
    'Profile photos',
    'Avatars',
    'Bios',
    'Comments',
    'Homepage URLs',
    'User website URLs',
    'Instant messenger identities',
    'Social connections',
    'Browsing histories',
    'Login histories',
    'User statuses',
    ['Support tickets', 'Customer support tickets'],
    'Customer feedback',
    'Customer interactions',
    'Survey results',
    'AI prompts',
  ],
  'device-network': [
    'IP addresses',
    'Device information',
    'Device serial numbers',
    'Device usage tracking data',
    'Apps installed on devices',
    'Browser user agent details',
    'Browsers',
    'Geographic locations',
    'Time zones',
    'MAC addresses',
    'IMEI numbers',
    'IMSI numbers',
    'Cellular network names',
    'Telecommunications carrier',
  ],
  employment: [
    'Employers',
    'Employment statuses',
    'Job titles',
    'Job applications',
    'Occupations',
    'Career levels',
    'Company names',
    'Professional skills',
    'Years of professional experience',
    'Work habits',
    'Education levels',
    'School grades (class levels)',
  ],
  personal: [
    'Names',
    'Nicknames',
    'Salutations',
    'Genders',
    'Ages',
    'Age groups',
    'Astrological signs',
    'Nationalities',
    'Spoken languages',
    'Languages',
    'Marital statuses',
    'Relationship statuses',
    "Family members' names",
    'Family structure',
    'Spouses names',
    'Spouses details',
    'Parenting plans',
    'Physical attributes',
    'Beauty ratings',
    'Tattoo status',
    'Clothing sizes',
    'Personal descriptions',
    'Personal interests',
    'Buying preferences',
    'Purchasing habits',
    'Charitable donations',
    'Home ownership statuses',
    'Car ownership statuses',
    'Vehicle details',
    ['Vehicle identification numbers (VINs)', 'Vehicle identification numbers'],
    'Licence plates',
    'Travel habits',
    'Travel plans',
    'Flights taken',
    'Warranty claims',
    'Deceased date',
    'Deceased statuses',
  ],
};

/**
 * A class's label key, from its canonical name: "Driver's licenses" → dcDriversLicenses. Derived
 * rather than written beside each name, which kept the popup's copy of the table 0.8 KB (gzip)
 * larger; data-classes.test.ts checks every derived key has its English and Italian label.
 */
const classKey = (canonical: string): MessageKey =>
  `dc${canonical.replace(/[^A-Za-z0-9 ]/g, '').split(' ').filter((w) => w !== '').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}` as MessageKey;

export const DATA_CLASSES: readonly Row[] = (Object.entries(TABLE) as Array<[NamedGroup, ReadonlyArray<string | readonly string[]>]>).flatMap(([group, names]) =>
  names.map((name): Row => {
    const [canonical = '', ...spellings] = typeof name === 'string' ? [name] : name;
    return [classKey(canonical), group, canonical, ...spellings];
  }),
);

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
  for (const row of DATA_CLASSES) for (const name of row.slice(2) as string[]) map.set(normalWords(name), row);
  for (const [canonical, words] of Object.entries(FREE_WORDS)) {
    const row = byCanonical.get(canonical);
    if (!row) throw new Error(`FREE_WORDS names an unknown class: ${canonical}`);
    for (const word of words) if (!map.has(normalWords(word))) map.set(normalWords(word), row);
  }
  return map;
})();

/** Lower-case, single spaces, straight apostrophes, no trailing dot: how two spellings compare. */
function normalWords(text: string): string {
  return text.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** The row a provider's class (or a common free word) names; undefined for one nobody listed. */
export function dataClassRow(name: string): Row | undefined {
  return ROWS_BY_WORD.get(normalWords(name));
}

/** The group of a listed class; undefined for one nobody listed (guidance then reads keywords). */
export const namedGroupOf = (name: string): NamedGroup | undefined => dataClassRow(name)?.[1];

/** The stored, exported form: the canonical provider name of a listed class, else the words as given. */
export function canonicalClass(name: string): string {
  return dataClassRow(name)?.[2] ?? name.trim();
}

/** What a person reads: the label in their language, or the provider's own words for an unknown class. */
export function dataClassLabel(name: string, t: Translate): string {
  const row = dataClassRow(name);
  return row ? t(row[0]) : name.trim();
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
