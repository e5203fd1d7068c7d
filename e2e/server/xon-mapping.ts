import type { HibpBreach, XonBreach } from './types';

/**
 * How the fixture renders an HIBP catalog entry the way XposedOrNot would describe it. The same
 * accounts drive both providers, so both must tell the same story about the same breach.
 */

/** XposedOrNot descriptions are plain text; HIBP's carry <a> links and HTML entities. */
export function stripHtml(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export function passwordRisk(breach: HibpBreach): 'plaintext' | 'unknown' {
  return breach.DataClasses.includes('Passwords') ? 'plaintext' : 'unknown';
}

/** XposedOrNot writes timestamps with an explicit +00:00 offset where HIBP writes Z. */
export function xonTimestamp(iso: string): string {
  return iso.replace(/Z$/, '+00:00');
}

export function toXonBreach(breach: HibpBreach): XonBreach {
  return {
    breachID: breach.Name,
    breachedDate: `${breach.BreachDate}T00:00:00+00:00`,
    addedDate: xonTimestamp(breach.AddedDate),
    domain: breach.Domain,
    industry: 'Miscellaneous',
    logo: breach.LogoPath,
    passwordRisk: passwordRisk(breach),
    searchable: true,
    sensitive: breach.IsSensitive,
    verified: breach.IsVerified,
    breachType: breach.IsStealerLog ? 'StealerLogs' : 'DataBreach',
    exposedData: [...breach.DataClasses],
    exposedRecords: breach.PwnCount,
    exposureDescription: stripHtml(breach.Description),
    referenceURL: '',
  };
}

/** An XposedOrNot-only catalog entry in HIBP's shape, so the lookup routes can render it. */
export function fromXonBreach(breach: XonBreach): HibpBreach {
  return {
    Name: breach.breachID,
    Title: breach.breachID,
    Domain: breach.domain,
    BreachDate: breach.breachedDate.slice(0, 10),
    AddedDate: breach.addedDate.replace(/\+00:00$/, 'Z'),
    ModifiedDate: breach.addedDate.replace(/\+00:00$/, 'Z'),
    PwnCount: breach.exposedRecords,
    Description: breach.exposureDescription,
    LogoPath: breach.logo,
    DataClasses: breach.exposedData.filter((d) => d !== ''),
    IsVerified: breach.verified,
    IsFabricated: false,
    IsSensitive: breach.sensitive,
    IsRetired: false,
    IsSpamList: false,
    IsMalware: false,
    IsSubscriptionFree: false,
    IsStealerLog: breach.breachType === 'StealerLogs',
  };
}
