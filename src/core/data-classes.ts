/**
 * The kinds of data a breach exposed ("data classes"), as a person reads them, in their language.
 *
 * Providers name them in English free text ("Email addresses", "Drink habits"); the two providers
 * sometimes spell one kind two ways. Each kind is listed under its guidance group with every
 * provider spelling of it, the first being the canonical one that is stored and exported; its
 * message key (the label in every language, public/_locales) is derived from that name. A test holds this table to the
 * fixture catalogs of both providers; a class a provider invents later keeps the provider's words.
 *
 * A label needs none of this table (data-class-label.ts derives its key), so the popup loads none
 * of it; the people's own words for a class and the suggestions while typing a notice are in
 * data-class-words.ts.
 */
import type { GuidanceGroup } from './guidance';
import type { MessageKey } from './i18n';
import { OTHER_SPELLINGS, classKey, normalWords } from './data-class-label';

export { dataClassLabel, normalWords } from './data-class-label';

export type NamedGroup = Exclude<GuidanceGroup, 'other'>;

export type Row = readonly [key: MessageKey, group: NamedGroup, canonical: string, ...spellings: string[]];

/** Each group's classes, by canonical name (other provider spellings: OTHER_SPELLINGS in data-class-label.ts). */
const TABLE: Record<NamedGroup, readonly string[]> = {
  passwords: [
    'Passwords',
    'Password hints',
    'Historical passwords',
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
    'Government issued IDs',
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
    'Drinking habits',
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
    'Support tickets',
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
    'Vehicle identification numbers (VINs)',
    'Licence plates',
    'Travel habits',
    'Travel plans',
    'Flights taken',
    'Warranty claims',
    'Deceased date',
    'Deceased statuses',
  ],
};

/** Each canonical name's other provider spellings. */
const SPELLINGS_OF = new Map<string, string[]>();
for (const [spelling, canonical] of Object.entries(OTHER_SPELLINGS)) SPELLINGS_OF.set(canonical, [...(SPELLINGS_OF.get(canonical) ?? []), spelling]);

export const DATA_CLASSES: readonly Row[] = (Object.entries(TABLE) as Array<[NamedGroup, readonly string[]]>).flatMap(([group, names]) =>
  names.map((canonical): Row => [classKey(canonical), group, canonical, ...(SPELLINGS_OF.get(canonical) ?? [])]),
);

const ROWS_BY_NAME: ReadonlyMap<string, Row> = new Map(DATA_CLASSES.flatMap((row) => (row.slice(2) as string[]).map((name) => [normalWords(name), row] as const)));

/** The row a provider's class names (any provider's spelling); undefined for one nobody listed. */
export const providerClassRow = (name: string): Row | undefined => ROWS_BY_NAME.get(normalWords(name));

