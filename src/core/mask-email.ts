/*
 * On its own, not in email.ts: the popup masks addresses but never normalises one, and should not
 * load the validation and normalising code.
 */
import { emailToUnicode } from './idn-display';

/**
 * `alice@example.com` → `a…@example.com`, for alerts and notifications that others may see over
 * the user's shoulder. The ellipsis hides the length of the local part too. An internationalised
 * domain is shown in Unicode (`a…@bücher.de`), as a person wrote it.
 */
export function maskEmail(email: string): string {
  email = emailToUnicode(email);
  const at = email.lastIndexOf('@');
  const local = at >= 0 ? email.slice(0, at) : email;
  const domain = at >= 0 ? email.slice(at) : '';
  const first = Array.from(local)[0] ?? '';
  return `${first}…${domain}`;
}
