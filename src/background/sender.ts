/**
 * Who the background answers, decided from the sender alone, before the message is read. Only
 * this extension: its own pages (a frame under the extension's own origin), and its own content
 * script (the password-field check, in a web page's tab) for the one message it sends. Another
 * extension, a web page, or a sender without a URL gets no answer at all. Chrome delivers
 * runtime.onMessage only from this extension anyway (there is no onMessageExternal listener and no
 * externally_connectable); this holds even if that ever changed.
 */
export type SenderKind = 'extension-page' | 'content-script';

/** The fields of runtime.MessageSender this decision reads. */
export interface SenderFacts {
  id?: string;
  url?: string;
  tab?: unknown;
}

/** `ownOrigin` is runtime.getURL(''), e.g. "chrome-extension://<id>/". */
export function senderKind(sender: SenderFacts, ownId: string, ownOrigin: string): SenderKind | null {
  if (sender.id === undefined || sender.id !== ownId || sender.url === undefined) return null;
  if (sender.url.startsWith(ownOrigin)) return 'extension-page';
  return sender.tab !== undefined ? 'content-script' : null;
}
