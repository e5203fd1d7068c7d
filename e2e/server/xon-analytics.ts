import { passwordRisk, stripHtml, xonTimestamp } from './xon-mapping';
import type { HibpBreach } from './types';

/**
 * The body of XposedOrNot's /v1/breach-analytics, built from the HIBP entries of one account.
 * Key names and nesting follow xon-breach-analytics-sample.json; the metrics are simplified but
 * typed like the real ones so a parser that reads them does not break.
 */

/** XposedOrNot's answer for an address with no breaches. */
export const CLEAN_ANALYTICS = {
  BreachMetrics: null,
  BreachesSummary: { site: '' },
  ExposedBreaches: null,
  ExposedPastes: null,
  PasteMetrics: null,
  PastesSummary: { cnt: 0, domain: '', tmpstmp: '' },
} as const;

export function breachAnalytics(breaches: readonly HibpBreach[]): unknown {
  if (breaches.length === 0) return CLEAN_ANALYTICS;
  return {
    BreachMetrics: metrics(breaches),
    BreachesSummary: { site: breaches.map((b) => b.Name).join(';') },
    ExposedBreaches: { breaches_details: breaches.map(details) },
    ExposedPastes: null,
    PasteMetrics: null,
    PastesSummary: { cnt: 0, domain: '', tmpstmp: '' },
  };
}

function details(breach: HibpBreach): Record<string, string | number> {
  return {
    breach: breach.Name,
    details: stripHtml(breach.Description),
    domain: breach.Domain,
    industry: 'Miscellaneous',
    logo: breach.LogoPath,
    password_risk: passwordRisk(breach),
    references: '',
    searchable: 'Yes',
    verified: breach.IsVerified ? 'Yes' : 'No',
    xposed_data: breach.DataClasses.join(';'),
    xposed_date: breach.BreachDate.slice(0, 4),
    xposed_records: breach.PwnCount,
    added: xonTimestamp(breach.AddedDate),
  };
}

function metrics(breaches: readonly HibpBreach[]): Record<string, unknown> {
  const plaintext = breaches.filter((b) => passwordRisk(b) === 'plaintext').length;
  // Not XposedOrNot's formula, only its direction: more breaches and readable passwords mean more risk.
  const score = Math.min(100, breaches.length * 15 + plaintext * 15);
  const label = score >= 90 ? 'Critical' : score >= 60 ? 'High' : score >= 30 ? 'Medium' : 'Low';
  const classCounts = new Map<string, number>();
  for (const dc of breaches.flatMap((b) => b.DataClasses)) classCounts.set(dc, (classCounts.get(dc) ?? 0) + 1);
  return {
    get_details: [],
    industry: [[['misc', breaches.length]]],
    passwords_strength: [{ EasyToCrack: 0, PlainText: plaintext, StrongHash: 0, Unknown: breaches.length - plaintext }],
    risk: [{ risk_label: label, risk_score: score }],
    xposed_data: [
      {
        children: [
          {
            colname: 'cat_misc',
            name: 'Miscellaneous',
            children: [...classCounts].map(([name, value]) => ({ colname: `data_${name}`, group: 'misc', name: `data_${name}`, value })),
          },
        ],
      },
    ],
    yearwise_details: [yearwise(breaches)],
  };
}

/** One y<year> key per year from 2007 (XposedOrNot's first) to now, counting breaches by year. */
function yearwise(breaches: readonly HibpBreach[]): Record<string, number> {
  const years = breaches.map((b) => Number(b.BreachDate.slice(0, 4))).filter((y) => Number.isFinite(y));
  const first = Math.min(2007, ...years);
  const last = Math.max(new Date().getUTCFullYear(), ...years);
  const counts: Record<string, number> = {};
  for (let year = first; year <= last; year += 1) counts[`y${year}`] = years.filter((y) => y === year).length;
  return counts;
}
