/**
 * The kinds of data a breach exposed ("data classes"), as a person reads them, in their language.
 *
 * Providers name them in English free text ("Email addresses", "Drink habits"); the two providers
 * sometimes spell one kind two ways. Each row below is one kind: its message key (the label in
 * every language, public/_locales), its guidance group, and every provider spelling of it, the
 * first being the canonical one that is stored and exported. A test holds this table to the
 * fixture catalogs of both providers; a class a provider invents later keeps the provider's words.
 *
 * People typing a notice use their own words ("nome, email"): FREE_WORDS maps the common ones, in
 * English and Italian, to a row, so the notice gets the same labels and guidance as a provider hit.
 */
import type { GuidanceGroup } from './guidance';
import type { MessageKey, Translate } from './i18n';

export type NamedGroup = Exclude<GuidanceGroup, 'other'>;

type Row = readonly [key: MessageKey, group: NamedGroup, canonical: string, ...spellings: string[]];

export const DATA_CLASSES: readonly Row[] = [
  ['dcPasswords', 'passwords', 'Passwords'],
  ['dcPasswordHints', 'passwords', 'Password hints'],
  ['dcHistoricalPasswords', 'passwords', 'Historical passwords', 'Passwords history'],
  ['dcPasswordStrengths', 'passwords', 'Password strengths'],
  ['dcAuthTokens', 'passwords', 'Auth tokens'],
  ['dcSecurityQuestionsAndAnswers', 'passwords', 'Security questions and answers'],
  ['dcPINs', 'passwords', 'PINs'],
  ['dcEncryptedKeys', 'passwords', 'Encrypted keys'],
  ['dcMothersMaidenNames', 'passwords', 'Mothers maiden names'],
  ['dcAccountBalances', 'financial', 'Account balances'],
  ['dcBankAccountNumbers', 'financial', 'Bank account numbers'],
  ['dcCreditCardCVV', 'financial', 'Credit card CVV'],
  ['dcCreditCards', 'financial', 'Credit cards'],
  ['dcCreditCardDetails', 'financial', 'Credit card details'],
  ['dcCreditStatusInformation', 'financial', 'Credit status information'],
  ['dcCryptocurrencyWalletAddresses', 'financial', 'Cryptocurrency wallet addresses'],
  ['dcMnemonicPhrases', 'financial', 'Mnemonic phrases'],
  ['dcFinancialInvestments', 'financial', 'Financial investments'],
  ['dcFinancialTransactions', 'financial', 'Financial transactions'],
  ['dcIncomeLevels', 'financial', 'Income levels'],
  ['dcLivingCosts', 'financial', 'Living costs'],
  ['dcLoanInformation', 'financial', 'Loan information'],
  ['dcNetWorths', 'financial', 'Net worths'],
  ['dcPartialCreditCardData', 'financial', 'Partial credit card data'],
  ['dcPaymentHistories', 'financial', 'Payment histories'],
  ['dcPaymentMethods', 'financial', 'Payment methods'],
  ['dcPurchases', 'financial', 'Purchases'],
  ['dcRewardProgramBalances', 'financial', 'Reward program balances'],
  ['dcLoyaltyProgramDetails', 'financial', 'Loyalty program details'],
  ['dcGovernmentIssuedIDs', 'identity', 'Government issued IDs', 'Government IDs'],
  ['dcPartialGovernmentIssuedIDs', 'identity', 'Partial government issued IDs'],
  ['dcNationalIDs', 'identity', 'National IDs'],
  ['dcPassportNumbers', 'identity', 'Passport numbers'],
  ['dcSocialSecurityNumbers', 'identity', 'Social security numbers'],
  ['dcDriversLicenses', 'identity', "Driver's licenses"],
  ['dcDatesOfBirth', 'identity', 'Dates of birth'],
  ['dcPartialDatesOfBirth', 'identity', 'Partial dates of birth'],
  ['dcYearsOfBirth', 'identity', 'Years of birth'],
  ['dcPlacesOfBirth', 'identity', 'Places of birth'],
  ['dcCitizenshipStatuses', 'identity', 'Citizenship statuses'],
  ['dcBiometricData', 'identity', 'Biometric data'],
  ['dcTaxationRecords', 'identity', 'Taxation records'],
  ['dcUtilityBills', 'identity', 'Utility bills'],
  ['dcSexualFetishes', 'sensitive', 'Sexual fetishes'],
  ['dcSexualOrientations', 'sensitive', 'Sexual orientations'],
  ['dcSexualPreferences', 'sensitive', 'Sexual preferences'],
  ['dcReligions', 'sensitive', 'Religions'],
  ['dcEthnicities', 'sensitive', 'Ethnicities'],
  ['dcRaces', 'sensitive', 'Races'],
  ['dcPoliticalViews', 'sensitive', 'Political views'],
  ['dcPoliticalDonations', 'sensitive', 'Political donations'],
  ['dcDrugHabits', 'sensitive', 'Drug habits'],
  ['dcPersonalHealthData', 'health', 'Personal health data'],
  ['dcHealthInsuranceInformation', 'health', 'Health insurance information'],
  ['dcHIVStatuses', 'health', 'HIV statuses'],
  ['dcAppointments', 'health', 'Appointments'],
  ['dcFitnessLevels', 'health', 'Fitness levels'],
  ['dcDrinkingHabits', 'health', 'Drinking habits', 'Drink habits'],
  ['dcSmokingHabits', 'health', 'Smoking habits'],
  ['dcEatingHabits', 'health', 'Eating habits'],
  ['dcEmailAddresses', 'contact', 'Email addresses'],
  ['dcRecoveryEmailAddresses', 'contact', 'Recovery email addresses'],
  ['dcPhoneNumbers', 'contact', 'Phone numbers'],
  ['dcPartialPhoneNumbers', 'contact', 'Partial phone numbers'],
  ['dcPhysicalAddresses', 'contact', 'Physical addresses'],
  ['dcDeliveryInstructions', 'contact', 'Delivery instructions'],
  ['dcAddressBookContacts', 'contact', 'Address book contacts'],
  ['dcUsernames', 'online', 'Usernames'],
  ['dcSocialMediaProfiles', 'online', 'Social media profiles'],
  ['dcWebsiteActivity', 'online', 'Website activity'],
  ['dcPrivateMessages', 'online', 'Private messages'],
  ['dcChatLogs', 'online', 'Chat logs'],
  ['dcEmailMessages', 'online', 'Email messages'],
  ['dcSMSMessages', 'online', 'SMS messages'],
  ['dcAudioRecordings', 'online', 'Audio recordings'],
  ['dcPhotos', 'online', 'Photos'],
  ['dcProfilePhotos', 'online', 'Profile photos'],
  ['dcAvatars', 'online', 'Avatars'],
  ['dcBios', 'online', 'Bios'],
  ['dcComments', 'online', 'Comments'],
  ['dcHomepageURLs', 'online', 'Homepage URLs'],
  ['dcUserWebsiteURLs', 'online', 'User website URLs'],
  ['dcInstantMessengerIdentities', 'online', 'Instant messenger identities'],
  ['dcSocialConnections', 'online', 'Social connections'],
  ['dcBrowsingHistories', 'online', 'Browsing histories'],
  ['dcLoginHistories', 'online', 'Login histories'],
  ['dcUserStatuses', 'online', 'User statuses'],
  ['dcSupportTickets', 'online', 'Support tickets', 'Customer support tickets'],
  ['dcCustomerFeedback', 'online', 'Customer feedback'],
  ['dcCustomerInteractions', 'online', 'Customer interactions'],
  ['dcSurveyResults', 'online', 'Survey results'],
  ['dcAIPrompts', 'online', 'AI prompts'],
  ['dcIPAddresses', 'device-network', 'IP addresses'],
  ['dcDeviceInformation', 'device-network', 'Device information'],
  ['dcDeviceSerialNumbers', 'device-network', 'Device serial numbers'],
  ['dcDeviceUsageTrackingData', 'device-network', 'Device usage tracking data'],
  ['dcAppsInstalledOnDevices', 'device-network', 'Apps installed on devices'],
  ['dcBrowserUserAgentDetails', 'device-network', 'Browser user agent details'],
  ['dcBrowsers', 'device-network', 'Browsers'],
  ['dcGeographicLocations', 'device-network', 'Geographic locations'],
  ['dcTimeZones', 'device-network', 'Time zones'],
  ['dcMACAddresses', 'device-network', 'MAC addresses'],
  ['dcIMEINumbers', 'device-network', 'IMEI numbers'],
  ['dcIMSINumbers', 'device-network', 'IMSI numbers'],
  ['dcCellularNetworkNames', 'device-network', 'Cellular network names'],
  ['dcTelecommunicationsCarrier', 'device-network', 'Telecommunications carrier'],
  ['dcEmployers', 'employment', 'Employers'],
  ['dcEmploymentStatuses', 'employment', 'Employment statuses'],
  ['dcJobTitles', 'employment', 'Job titles'],
  ['dcJobApplications', 'employment', 'Job applications'],
  ['dcOccupations', 'employment', 'Occupations'],
  ['dcCareerLevels', 'employment', 'Career levels'],
  ['dcCompanyNames', 'employment', 'Company names'],
  ['dcProfessionalSkills', 'employment', 'Professional skills'],
  ['dcYearsOfProfessionalExperience', 'employment', 'Years of professional experience'],
  ['dcWorkHabits', 'employment', 'Work habits'],
  ['dcEducationLevels', 'employment', 'Education levels'],
  ['dcSchoolGradesClassLevels', 'employment', 'School grades (class levels)'],
  ['dcNames', 'personal', 'Names'],
  ['dcNicknames', 'personal', 'Nicknames'],
  ['dcSalutations', 'personal', 'Salutations'],
  ['dcGenders', 'personal', 'Genders'],
  ['dcAges', 'personal', 'Ages'],
  ['dcAgeGroups', 'personal', 'Age groups'],
  ['dcAstrologicalSigns', 'personal', 'Astrological signs'],
  ['dcNationalities', 'personal', 'Nationalities'],
  ['dcSpokenLanguages', 'personal', 'Spoken languages'],
  ['dcLanguages', 'personal', 'Languages'],
  ['dcMaritalStatuses', 'personal', 'Marital statuses'],
  ['dcRelationshipStatuses', 'personal', 'Relationship statuses'],
  ['dcFamilyMembersNames', 'personal', "Family members' names"],
  ['dcFamilyStructure', 'personal', 'Family structure'],
  ['dcSpousesNames', 'personal', 'Spouses names'],
  ['dcSpousesDetails', 'personal', 'Spouses details'],
  ['dcParentingPlans', 'personal', 'Parenting plans'],
  ['dcPhysicalAttributes', 'personal', 'Physical attributes'],
  ['dcBeautyRatings', 'personal', 'Beauty ratings'],
  ['dcTattooStatus', 'personal', 'Tattoo status'],
  ['dcClothingSizes', 'personal', 'Clothing sizes'],
  ['dcPersonalDescriptions', 'personal', 'Personal descriptions'],
  ['dcPersonalInterests', 'personal', 'Personal interests'],
  ['dcBuyingPreferences', 'personal', 'Buying preferences'],
  ['dcPurchasingHabits', 'personal', 'Purchasing habits'],
  ['dcCharitableDonations', 'personal', 'Charitable donations'],
  ['dcHomeOwnershipStatuses', 'personal', 'Home ownership statuses'],
  ['dcCarOwnershipStatuses', 'personal', 'Car ownership statuses'],
  ['dcVehicleDetails', 'personal', 'Vehicle details'],
  ['dcVehicleIdentificationNumbersVINs', 'personal', 'Vehicle identification numbers (VINs)', 'Vehicle identification numbers'],
  ['dcLicencePlates', 'personal', 'Licence plates'],
  ['dcTravelHabits', 'personal', 'Travel habits'],
  ['dcTravelPlans', 'personal', 'Travel plans'],
  ['dcFlightsTaken', 'personal', 'Flights taken'],
  ['dcWarrantyClaims', 'personal', 'Warranty claims'],
  ['dcDeceasedDate', 'personal', 'Deceased date'],
  ['dcDeceasedStatuses', 'personal', 'Deceased statuses'],
];

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
