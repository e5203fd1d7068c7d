/**
 * Plus-addresses ("subaddressing", RFC 5233): `me+shopa@mail.example` reaches the mailbox of
 * `me@mail.example`, and people give each shop its own tag to tell who leaked it. Only `+` is
 * read as the separator: a few providers use `-` (Yahoo's disposable addresses, qmail), but there
 * `-` is as often part of a name (`anna-maria@…`), so it is never guessed. Quoted local parts
 * (`"me+x"@…`) are left alone. Breach lookups stay per exact address: breach data keeps the tags.
 */

export interface PlusAddress {
  /** The mailbox the tag delivers to: `me@mail.example`. */
  base: string;
  /** Everything after the first `+`: `shopa`, or `shop+a` for `me+shop+a@…`. */
  tag: string;
}

/** The base address and tag of a normalised address, or null when it has no plus-tag. */
export function parsePlusAddress(email: string): PlusAddress | null {
  const at = email.lastIndexOf('@');
  if (at <= 0) return null;
  const local = email.slice(0, at);
  if (local.startsWith('"')) return null;
  const plus = local.indexOf('+');
  // `+tag@…` (nothing before) and `me+@…` (nothing after) name no mailbox and no tag.
  if (plus <= 0 || plus === local.length - 1) return null;
  return { base: `${local.slice(0, plus)}${email.slice(at)}`, tag: local.slice(plus + 1) };
}

/** The mailbox an address belongs to: its base address, or itself. */
export const mailboxOf = (email: string): string => parsePlusAddress(email)?.base ?? email;

/**
 * The words of a tag a site name may match: the whole tag and each of its `+`, `.` or `_`
 * separated parts, lower-cased (`Shop.A` → `shop.a`, `shop`, `a`).
 */
export function tagWords(tag: string): string[] {
  const whole = tag.toLowerCase();
  return [...new Set([whole, ...whole.split(/[+._]/)])].filter((w) => w.length >= 2);
}

/**
 * Sites a tag may stand for, among the registrable domains the extension knows (catalog,
 * history): those whose name, without its public suffix, is a word of the tag (`+shopa` →
 * `shopa.example`). Only suggested to the person, never assumed.
 */
export function sitesForTag(tag: string, known: Iterable<string>): string[] {
  const words = new Set(tagWords(tag));
  const out = new Set<string>();
  for (const site of known) {
    const name = site.split('.', 1)[0] ?? '';
    if (words.has(name) || words.has(site)) out.add(site);
  }
  return [...out].sort();
}

/**
 * Addresses grouped by mailbox, in the order given: a mailbox's addresses follow its first one.
 * A group has one address unless plus-addresses of one mailbox (or the mailbox itself) are watched.
 */
export function groupByMailbox<T extends { email: string }>(addresses: readonly T[]): Array<{ mailbox: string; members: T[] }> {
  const groups = new Map<string, T[]>();
  for (const a of addresses) {
    const box = mailboxOf(a.email);
    groups.set(box, [...(groups.get(box) ?? []), a]);
  }
  return [...groups].map(([mailbox, members]) => ({ mailbox, members }));
}
