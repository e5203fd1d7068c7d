/**
 * The providers' breach catalogs, refreshed cheaply: an unchanged catalog costs one small request
 * (HIBP's /latestbreach, or a conditional request answered 304), never the whole download.
 */
import type { Breach } from '../core/breach';
import { readHibpCatalog, mapHibpBreach } from './hibp';
import { requestJson } from './http-client';
import type { ProviderContext } from './provider';
import { readXonCatalog } from './xposedornot';

/** What a refresh remembers between runs (kept in storage.local). */
export interface CatalogMark {
  /** HIBP: Name, AddedDate and ModifiedDate of the latest breach. */
  latest?: string;
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last full download; a full conditional request is made weekly regardless. */
  fullAt?: number;
}

export type CatalogRefresh =
  | { kind: 'unchanged'; mark: CatalogMark }
  | { kind: 'changed'; breaches: Breach[]; skipped: number; mark: CatalogMark };

/** /latestbreach names only the newest addition; edits to older entries surface within a week. */
const FULL_REFRESH_MS = 7 * 24 * 60 * 60 * 1000;

export async function refreshHibp(ctx: ProviderContext, mark: CatalogMark): Promise<CatalogRefresh> {
  const latestResponse = await requestJson(ctx, `${ctx.baseUrl}/latestbreach`);
  const latestBreach = mapHibpBreach(latestResponse.json);
  const latest = `${latestBreach.id}|${latestBreach.addedDate ?? ''}|${String((latestResponse.json as { ModifiedDate?: unknown }).ModifiedDate ?? '')}`;
  const fresh = mark.fullAt !== undefined && ctx.now() - mark.fullAt < FULL_REFRESH_MS;
  if (mark.latest === latest && fresh) return { kind: 'unchanged', mark };

  const response = await requestJson(ctx, `${ctx.baseUrl}/breaches`, {
    headers: mark.etag ? { 'if-none-match': mark.etag } : {},
    passStatuses: [304],
  });
  const next: CatalogMark = { ...mark, latest, fullAt: ctx.now(), ...optional('etag', response.headers.get('etag') ?? mark.etag) };
  if (response.status === 304) return { kind: 'unchanged', mark: next };
  const { breaches, skipped } = readHibpCatalog(response.json);
  return { kind: 'changed', breaches, skipped, mark: next };
}

export async function refreshXon(ctx: ProviderContext, mark: CatalogMark): Promise<CatalogRefresh> {
  const response = await requestJson(ctx, `${ctx.baseUrl}/v1/breaches`, {
    headers: mark.lastModified ? { 'if-modified-since': mark.lastModified } : {},
    passStatuses: [304],
  });
  const next: CatalogMark = { ...mark, fullAt: ctx.now(), ...optional('lastModified', response.headers.get('last-modified') ?? mark.lastModified) };
  if (response.status === 304) return { kind: 'unchanged', mark: next };
  const { breaches, skipped } = readXonCatalog(response.json);
  return { kind: 'changed', breaches, skipped, mark: next };
}

const optional = <K extends string>(key: K, value: string | undefined | null): Partial<Record<K, string>> =>
  value ? ({ [key]: value } as Record<K, string>) : {};
