/**
 * A `mailto:` URI (RFC 6068) that opens the user's mail program with the letter as a draft.
 * Nothing is sent by the extension; the recipient is whatever the user typed (no contact
 * database is invented), checked as an address by the caller before this is built.
 *
 * RFC 6068 in short: the recipient is an addr-spec whose characters outside "unreserved" and
 * the few allowed delimiters are percent-encoded as UTF-8 (section 2), the '@' stays literal;
 * header values are percent-encoded UTF-8 too, a space is %20 (never '+', which means '+'), and
 * a line break in the body is written as %0D%0A (section 5).
 */

/** CR LF for every line break, whatever the text used: RFC 6068 section 5. */
function crlf(text: string): string {
  return text.replace(/\r\n|\r|\n/g, '\r\n');
}

/**
 * encodeURIComponent leaves only A–Z a–z 0–9 - _ . ! ~ * ' ( ) unencoded, all of which RFC 6068
 * allows in both the address and a header value; everything else, '%', '&', '=', '?', '#', '+'
 * and non-ASCII letters included, comes out as UTF-8 percent-encoding.
 */
const encode = encodeURIComponent;

/** The recipient's local part and domain encoded apart, so the '@' between them stays literal. */
function encodeAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) throw new RangeError('A mailto recipient needs a local part and a domain');
  return `${encode(address.slice(0, at))}@${encode(address.slice(at + 1))}`;
}

export function mailtoHref(recipient: string, subject: string, body: string): string {
  const to = encodeAddress(recipient.trim());
  return `mailto:${to}?subject=${encode(crlf(subject))}&body=${encode(crlf(body))}`;
}
