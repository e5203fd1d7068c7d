/**
 * The "your data-protection authority" setting (#13 item 3): a country code from authorities.json,
 * or '' for "follow the browser's language" (defaultAuthority). Its schema is in settings.ts, with
 * the other settings' schemas.
 */

/**
 * The countries of authorities.json, in its order (a test holds them equal). Written out here so
 * that every page that loads the settings — the popup among them — checks this one field without
 * loading the authorities' names and links.
 */
export const AUTHORITY_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV',
  'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO', 'GB',
] as const;
