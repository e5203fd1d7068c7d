import { Fragment, type ComponentChildren } from 'preact';
import { t, uiLanguage } from '../adapters/i18n';
import type { MessageKey } from '../core/i18n';

export { t, uiLanguage };

/**
 * A message whose substitutions are elements (a link, a bold address): `$1`… mark where each goes,
 * so a language can put them in its own order. Each element is passed through as-is.
 */
export function tx(key: MessageKey, ...parts: ComponentChildren[]): ComponentChildren {
  // Private-use characters as markers: they cannot occur in a message or in what is substituted.
  const text = t(key, ...parts.map((_, i) => `\ue000${i}\ue001`));
  const pieces = text.split(/\ue000(\d+)\ue001/u);
  return pieces.map((piece, i) => <Fragment key={i}>{i % 2 === 1 ? parts[Number(piece)] : piece}</Fragment>);
}

/** The page's language and title, before it renders: screen readers and the tab strip use them. */
export function localisePage(title: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(title);
}
