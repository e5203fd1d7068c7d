import { describe, expect, it } from 'vitest';
import { passwordSha1Hex } from './password-hash';

describe('passwordSha1Hex', () => {
  it('hashes the UTF-8 bytes with SHA-1, upper-case hex', async () => {
    expect(await passwordSha1Hex('password')).toBe('5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8');
    expect(await passwordSha1Hex('')).toBe('DA39A3EE5E6B4B0D3255BFEF95601890AFD80709');
    // Non-ASCII goes in as UTF-8: SHA-1("é") = SHA-1(C3 A9).
    const utf8 = await crypto.subtle.digest('SHA-1', new Uint8Array([0xc3, 0xa9]));
    expect(await passwordSha1Hex('é')).toBe(Buffer.from(utf8).toString('hex').toUpperCase());
  });

  it('zeroes the encoded bytes once hashed', async () => {
    let seen: Uint8Array | undefined;
    const subtle = {
      digest: async (_algorithm: string, data: Uint8Array) => {
        seen = data;
        return crypto.subtle.digest('SHA-1', data as Uint8Array<ArrayBuffer>);
      },
    } as unknown as SubtleCrypto;
    await passwordSha1Hex('hunter2', subtle);
    expect(seen).toBeDefined();
    expect([...seen!].every((b) => b === 0)).toBe(true);
  });
});
