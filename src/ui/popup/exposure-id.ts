import type { Exposure } from '../../core/exposure';

/** A string identity for an exposure, for sets and list keys. */
export const exposureId = (e: Pick<Exposure, 'email' | 'provider' | 'breachId'>) => `${e.email}\u0000${e.provider}\u0000${e.breachId}`;
