/**
 * Shapes shared by the fixture server's modules. Field names follow the real services exactly,
 * because the extension's parsers are what these fixtures exist to exercise.
 */

/** One entry of HIBP's GET /api/v3/breaches (and of a non-truncated breachedaccount answer). */
export interface HibpBreach {
  Name: string;
  Title: string;
  Domain: string;
  BreachDate: string;
  AddedDate: string;
  ModifiedDate: string;
  PwnCount: number;
  Description: string;
  LogoPath: string;
  DataClasses: string[];
  IsVerified: boolean;
  IsFabricated: boolean;
  IsSensitive: boolean;
  IsRetired: boolean;
  IsSpamList: boolean;
  IsMalware: boolean;
  IsSubscriptionFree: boolean;
  IsStealerLog: boolean;
}

/** One entry of XposedOrNot's GET /v1/breaches `exposedBreaches`. */
export interface XonBreach {
  breachID: string;
  breachedDate: string;
  addedDate: string;
  domain: string;
  industry: string;
  logo: string;
  passwordRisk: string;
  searchable: boolean;
  sensitive: boolean;
  verified: boolean;
  breachType: string;
  exposedData: string[];
  exposedRecords: number;
  exposureDescription: string;
  referenceURL: string;
}

export interface XonCatalogResponse {
  status: string;
  message: string | null;
  exposedBreaches: XonBreach[];
}

/** Which real service a path belongs to; decided by path prefix alone. */
export type ServiceId = 'hibp' | 'xposedornot' | 'pwnedpasswords';

export interface LoggedRequest {
  method: string;
  /** Pathname as received (still percent-encoded). */
  path: string;
  query: Record<string, string>;
  /** Path plus query string, as received. */
  url: string;
  /** Lower-case header names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  time: number;
  /** Status we answered; 0 while unanswered (e.g. a hanging fault). */
  status: number;
  /** For a bodyBytes fault: body bytes handed to the socket before the client hung up (or all of them). */
  bytesSent?: number;
}

export interface ApiKeyInfo {
  plan: string;
  rpm: number;
  /** Whether the plan includes k-anonymity search (`/breachedaccount/range`); only the larger plans do. */
  rangeSearch?: boolean;
}

/** What a route handler sees: the parsed request, nothing of Node's http objects. */
export interface RouteRequest {
  method: string;
  path: string;
  /** Path segments after the service prefix, percent-decoded. */
  segments: string[];
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** What a route handler returns; the server adds CORS headers and writes it. */
export interface RouteResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}
