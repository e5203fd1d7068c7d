/**
 * Breach descriptions come from the provider and are untrusted HTML. This is the only way one
 * reaches the DOM: DOMPurify with a small allow-list of text-formatting tags, `href` as the only
 * attribute, and absolute http(s) links only. No images, styles, forms or media survive, so a
 * description can neither run script nor make the page request anything from another host.
 *
 * DOMPurify's output is then checked once more against the same allow-list in an inert template;
 * should anything else ever get through (a DOM that DOMPurify does not fully support, a future
 * bug), the description falls back to its plain text.
 */
import DOMPurify from 'dompurify';

const ALLOWED_TAGS = ['a', 'b', 'strong', 'em', 'i', 'br', 'p', 'ul', 'ol', 'li'];
const ALLOWED_ATTR = ['href'];
const TAG_SET: ReadonlySet<string> = new Set(ALLOWED_TAGS);
/** Tested by DOMPurify after it strips whitespace and control characters from the value. */
const HTTP_URL = /^https?:\/\//i;
const REL = 'noopener noreferrer';

type Purifier = ReturnType<typeof DOMPurify>;
let purifier: Purifier | null = null;

/** Whether `href` is an absolute http or https address, as the browser would parse it. */
export function isWebLink(href: string): boolean {
  if (!HTTP_URL.test(href.trim())) return false;
  try {
    const url = new URL(href);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** Our own instance, so the link hook never changes how anyone else's DOMPurify behaves. */
function instance(): Purifier {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  p.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isWebLink(href)) {
      node.removeAttribute('href');
      return;
    }
    // Opens outside the extension, without giving the site a handle on this page or the referrer.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', REL);
  });
  purifier = p;
  return p;
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when every element and attribute in `html` is one the allow-list permits. */
function onlyAllowed(content: DocumentFragment): boolean {
  for (const el of content.querySelectorAll('*')) {
    const tag = el.localName;
    if (!TAG_SET.has(tag)) return false;
    for (const { name, value } of el.attributes) {
      if (tag !== 'a') return false;
      if (name === 'href' && isWebLink(value)) continue;
      if ((name === 'target' && value === '_blank') || (name === 'rel' && value === REL)) continue;
      return false;
    }
  }
  return true;
}

/** The description as HTML that is safe to insert with dangerouslySetInnerHTML. */
export function sanitiseDescription(html: string): string {
  if (html === '') return '';
  const p = instance();
  const clean = p.isSupported
    ? p.sanitize(html, {
        ALLOWED_TAGS,
        ALLOWED_ATTR,
        ALLOWED_URI_REGEXP: HTTP_URL,
        ALLOW_DATA_ATTR: false,
        ALLOW_ARIA_ATTR: false,
        ALLOW_UNKNOWN_PROTOCOLS: false,
        ALLOW_SELF_CLOSE_IN_ATTR: false,
        RETURN_DOM: false,
        RETURN_DOM_FRAGMENT: false,
        RETURN_TRUSTED_TYPE: false,
      })
    : null;
  // A <template>'s content is inert: parsing it loads nothing and runs nothing.
  const check = document.createElement('template');
  if (clean !== null) {
    check.innerHTML = clean;
    if (onlyAllowed(check.content)) return clean;
  }
  // Never reached with a working DOMPurify; the text alone is still worth showing.
  const text = document.createElement('template');
  text.innerHTML = clean ?? escapeText(html);
  return escapeText(text.content.textContent ?? '');
}
