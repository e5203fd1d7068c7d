/**
 * The kinds of data a breach exposed ("data classes"), as a person reads them, in their language.
 *
 * Providers name them in English free text ("Email addresses", "Drink habits"); the two providers
 * sometimes spell one kind two ways. Each kind is listed under its guidance group with every
 * provider spelling of it, the first being the canonical one that is stored and exported; its
 * message key (the label in every language, public/_locales) is derived from that name. A test holds this table to the
 * fixture catalogs of both providers; a class a provider invents later keeps the provider's words.
 *
 * This module is what a label needs, and the popup loads it: the people's own words for a class and
 * the suggestions while typing a notice are in data-class-words.ts, which the popup does not load.
 */
import type { GuidanceGroup } from './guidance';
import type { MessageKey, Translate } from './i18n';

export type NamedGroup = Exclude<GuidanceGroup, 'other'>;

export type Row = readonly [key: MessageKey, group: NamedGroup, canonical: string, ...spellings: string[]];

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

const ROWS_BY_NAME: ReadonlyMap<string, Row> = new Map(DATA_CLASSES.flatMap((row) => (row.slice(2) as string[]).map((name) => [normalWords(name), row] as const)));

/** Lower-case, single spaces, straight apostrophes, no trailing dot: how two spellings compare. */
export function normalWords(text: string): string {
  return text.trim().toLowerCase().replace(/[\u2018\u2019]/g, "'").replace(/\s+/g, ' ').replace(/\.$/, '');
}

/** The row a provider's class names (any provider's spelling); undefined for one nobody listed. */
export const providerClassRow = (name: string): Row | undefined => ROWS_BY_NAME.get(normalWords(name));

/**
 * What a person reads: the label in their language, or the provider's own words for an unknown
 * class. Takes a stored class (a provider's, or a notice's, which typedClass made canonical).
 */
export function dataClassLabel(name: string, t: Translate): string {
  const row = providerClassRow(name);
  return row ? t(row[0]) : name.trim();
}
