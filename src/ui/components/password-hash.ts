import { toHex } from '../../core/pwned-passwords';

/**
 * SHA-1 of a password's UTF-8 bytes, upper-case hex, computed in this page with Web Crypto.
 * The encoded bytes are zeroed once hashed; the string itself cannot be wiped in JavaScript, so
 * callers keep it in a local variable of their handler and nowhere else.
 */
export async function passwordSha1Hex(password: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const bytes = new TextEncoder().encode(password);
  try {
    return toHex(await subtle.digest('SHA-1', bytes));
  } finally {
    bytes.fill(0);
  }
}
