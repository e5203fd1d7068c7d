/**
 * Plain-words advice for what to do about a breach, chosen by the kinds of data it exposed.
 *
 * Breach providers name the leaked data with free-text "data classes" ("Passwords", "Partial
 * credit card data", "Spouses names"…). Each class belongs to one group, and each group has one
 * set of steps, so a breach that leaked five kinds of contact detail shows the phishing advice
 * once. Every class in the shipped Have I Been Pwned catalog is listed below by name (a test
 * holds that to the real catalog); a class a provider invents later is placed by keyword, and
 * only what matches nothing falls back to the generic "other" advice.
 */

export type GuidanceGroup =
  | 'passwords'
  | 'financial'
  | 'identity'
  | 'sensitive'
  | 'health'
  | 'contact'
  | 'online'
  | 'device-network'
  | 'employment'
  | 'personal'
  | 'other';

export interface GuidanceItem {
  group: GuidanceGroup;
  title: string;
  steps: string[];
  /** The caller's data classes that fell in this group, in the order given, without repeats. */
  dataClasses: string[];
}

/** Most urgent first: what lets someone into an account or take money comes before the rest. */
export const GROUP_ORDER: readonly GuidanceGroup[] = [
  'passwords',
  'financial',
  'identity',
  'sensitive',
  'health',
  'contact',
  'online',
  'device-network',
  'employment',
  'personal',
  'other',
];

export const GROUP_TITLES: Readonly<Record<GuidanceGroup, string>> = {
  passwords: 'Passwords and sign-in details',
  financial: 'Payment and financial details',
  identity: 'Identity documents and dates of birth',
  sensitive: 'Sensitive personal details',
  health: 'Health information',
  contact: 'Email, phone and postal address',
  online: 'Accounts, messages and online activity',
  'device-network': 'Devices, network and location',
  employment: 'Work and education',
  personal: 'Personal details',
  other: 'Other information',
};

const STEPS: Readonly<Record<GuidanceGroup, readonly string[]>> = {
  passwords: [
    'Change the password for this site now, and on every other site where you used the same or a similar password.',
    'Use a password manager so that every site gets its own long, random password.',
    'Turn on two-factor authentication (a code from an app or a security key) wherever it is offered, starting with your email account.',
    'If security questions or password hints leaked, change the answers; they do not have to be true, only remembered (a password manager can keep them).',
  ],
  financial: [
    'Tell your bank or card issuer which card or account may be affected, and ask whether it should be replaced.',
    'Check your statements for payments you do not recognise, and keep checking for the next few months.',
    'Turn on payment alerts in your banking app so that every charge reaches you straight away.',
    'Your bank will never ask you to move money to a "safe account" or to read out a code: hang up and call the number on your card.',
  ],
  identity: [
    'Consider a credit freeze (or a fraud alert) with the credit agencies in your country, so that nobody can open credit in your name.',
    'Watch for signs of identity theft: post about accounts or loans you did not open, or missing letters.',
    'If an identity document number leaked, ask the issuing office whether it should be replaced or flagged.',
    'Dates of birth cannot be changed: expect them to be used to make scam calls and messages more convincing.',
  ],
  sensitive: [
    'Someone may threaten to reveal this information unless you pay. Do not pay and do not answer; keep the messages and report them to the police.',
    'Be careful with messages that mention the site or these details; they are a common way to pressure people.',
    'If you are worried about your safety, talk to someone you trust or a support organisation before acting.',
  ],
  health: [
    'Check letters and statements from your health insurer or provider for treatment or claims you do not recognise.',
    'Tell your health provider or insurer that your details were exposed; they can add a note to your records.',
    'Be wary of messages that mention your health or treatment and ask for payment or details.',
  ],
  contact: [
    'Expect more phishing emails, scam texts and calls. Criminals use leaked details to sound convincing.',
    'Do not trust a message just because it quotes your name, address, phone number or an order. Contact the company through its own website or app instead of the link or number in the message.',
    'Never share sign-in codes sent to your phone; no genuine company will ask for them.',
  ],
  online: [
    'Review the account on this site: check its sign-in history, connected apps and recent activity, and delete it if you no longer use it.',
    'Assume that private messages and posts on the site may become public; think about what they reveal and who else they mention.',
    'Your username is now linked to this email address; consider using a different username on sites where you want to stay anonymous.',
  ],
  'device-network': [
    'Your approximate location and the devices you used may be known. This is rarely a risk by itself, but it makes scams more convincing.',
    'Be wary of messages that mention your location, your device or your internet provider.',
  ],
  employment: [
    'Expect targeted scams: fake job offers, fake recruiters and messages that seem to come from your employer or colleagues.',
    'Check an unexpected request from "your employer" (especially one about payments or gift cards) by calling the person on a number you already know.',
  ],
  personal: [
    'Details such as your name, age or family members cannot be changed, but they make scams more convincing: be careful with messages that use them.',
    'Think about whether these details are also used as answers to security questions, and change those answers if so.',
  ],
  other: [
    'Find out from the site what exactly was exposed, and follow its advice.',
    'Be careful with messages that refer to this breach or to the site.',
  ],
};

/** Extra steps for a few classes whose risk the group's steps do not cover. Keys are lower-case. */
const CLASS_STEPS: ReadonlyMap<string, readonly string[]> = new Map<string, readonly string[]>([
  ['auth tokens', ['Sign out of the site on all devices (or change the password), so that stolen sign-in tokens stop working.']],
  ['encrypted keys', ['Replace the leaked keys with new ones and stop using the old ones.']],
  ['mnemonic phrases', ['A wallet recovery phrase gives full control of the wallet: move the funds to a new wallet with a new phrase straight away.']],
  ['cryptocurrency wallet addresses', ['Expect scams that pretend to come from your wallet or exchange; never enter your recovery phrase on a website.']],
  ['telecommunications carrier', ['Ask your mobile carrier for a port-out PIN or SIM lock, so that nobody can move your number to a new SIM.']],
  ['imsi numbers', ['Ask your mobile carrier for a port-out PIN or SIM lock, so that nobody can move your number to a new SIM.']],
  ['physical addresses', ['Watch for post you did not expect, such as parcels, cards or letters about accounts you did not open.']],
]);

const NAMED: Readonly<Record<Exclude<GuidanceGroup, 'other'>, readonly string[]>> = {
  passwords: [
    'Passwords',
    'Password hints',
    'Historical passwords',
    'Passwords history',
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
    'Government IDs',
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
    'Drink habits',
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
    'Customer support tickets',
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
    'Family members\' names',
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

const BY_NAME: ReadonlyMap<string, GuidanceGroup> = new Map(
  (Object.entries(NAMED) as [GuidanceGroup, readonly string[]][]).flatMap(([group, names]) =>
    names.map((name): [string, GuidanceGroup] => [name.toLowerCase(), group]),
  ),
);

/** For classes no list names yet. Checked in order, so the more urgent reading wins. */
const KEYWORDS: ReadonlyArray<readonly [RegExp, GuidanceGroup]> = [
  [/password|passcode|\bpins?\b|security (question|answer)|\bauth(entication)? (token|code|key)|\btokens?\b|secret|private key|recovery (phrase|code)|maiden/, 'passwords'],
  [/credit|debit|\bcards?\b|\bbank|iban|payment|financ|account balance|loan|salar|income|crypto|wallet|invoice|tax/, 'financial'],
  [/passport|social security|\bssn|national id|government|licen[cs]e|identity|\bid (card|number)|birth|biometric/, 'identity'],
  [/sex|religio|ethnic|\brace|politic|criminal|drug/, 'sensitive'],
  [/health|medical|diagnos|prescri|insurance|\bhiv\b|disabilit|pregnan/, 'health'],
  [/e-?mail address|phone|mobile number|postal|physical address|home address|address book|contact/, 'contact'],
  [/username|user name|social|message|chat|profile|avatar|photo|website|url|comment|post|login|browsing|review/, 'online'],
  [/\bip\b|device|browser|user agent|location|geo|gps|imei|imsi|\bmac\b|network|carrier/, 'device-network'],
  [/employ|job|occupation|career|salary|education|school|universit|degree|skill|company/, 'employment'],
  [/name|gender|\bage|famil|spouse|marital|relationship|nationalit|language|habit|interest|vehicle|travel/, 'personal'],
];

/** The group a data class belongs to; case-insensitive; 'other' when nothing fits. */
export function groupOf(dataClass: string): GuidanceGroup {
  const key = dataClass.trim().toLowerCase();
  if (key === '') return 'other';
  const named = BY_NAME.get(key);
  if (named) return named;
  for (const [pattern, group] of KEYWORDS) if (pattern.test(key)) return group;
  return 'other';
}

/**
 * One item per group the data classes fall in, most urgent first. Steps are never repeated
 * within an item; an empty list (a provider that names no data) gets the generic advice, since
 * something was still exposed.
 */
export function guidanceFor(dataClasses: readonly string[]): GuidanceItem[] {
  const byGroup = new Map<GuidanceGroup, { classes: string[]; seen: Set<string>; extra: string[] }>();
  for (const raw of dataClasses) {
    const name = raw.trim();
    const group = groupOf(name);
    let entry = byGroup.get(group);
    if (!entry) {
      entry = { classes: [], seen: new Set(), extra: [] };
      byGroup.set(group, entry);
    }
    const key = name.toLowerCase();
    if (entry.seen.has(key)) continue;
    entry.seen.add(key);
    if (name !== '') entry.classes.push(name);
    for (const step of CLASS_STEPS.get(key) ?? []) if (!entry.extra.includes(step)) entry.extra.push(step);
  }
  if (byGroup.size === 0) byGroup.set('other', { classes: [], seen: new Set(), extra: [] });

  const items: GuidanceItem[] = [];
  for (const group of GROUP_ORDER) {
    const entry = byGroup.get(group);
    if (!entry) continue;
    const steps = [...STEPS[group]];
    for (const step of entry.extra) if (!steps.includes(step)) steps.push(step);
    items.push({ group, title: GROUP_TITLES[group], steps, dataClasses: entry.classes });
  }
  return items;
}
