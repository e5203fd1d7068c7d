import { ext } from '../adapters/ext';
import { t } from '../adapters/i18n';
import { STATE_CHANGED, type Envelope, type MessageType, type Reply, type ReplyOf, type RequestOf } from '../messages';

/** A refusal written for the user, with the field it concerns. */
export class RequestRefused extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

/**
 * What the browser says when the background went away while a request was on its way or being
 * answered (Chromium, then Firefox): the service worker was stopped, and the next message starts
 * a new one. Worth one more try; any other failure is not. Chromium's "The message port closed
 * before a response was received." is its native way of saying nobody answered (the pages call
 * the browser's API directly, src/adapters/ext.ts, where the polyfill resolved `undefined`), so it
 * is treated like no answer.
 */
const CHANNEL_CLOSED = /message (?:channel|port) closed|receiving end does not exist|could not establish connection|message manager disconnected|page closed/i;

export const isChannelClosed = (error: unknown): boolean => error instanceof Error && CHANNEL_CLOSED.test(error.message);

/**
 * Sends one typed request to the background and unwraps its reply. When the background was
 * restarted under it (no answer, or the channel closed), the same request — same request id, so
 * the background can tell — is sent once more. The browser's own error text never reaches a
 * person: it goes to the console, and the page gets a message in the user's language.
 */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  const envelope: Envelope<T> = { type, payload, requestId: crypto.randomUUID() };
  let reply = await attempt<T>(envelope);
  if (reply === 'retry') reply = await attempt<T>(envelope);
  if (reply === 'retry') throw new RequestRefused(t('extensionNoAnswer'));
  if (!reply.ok) throw new RequestRefused(reply.error, reply.field);
  return reply.value;
}

async function attempt<T extends MessageType>(envelope: Envelope<T>): Promise<Reply<ReplyOf<T>> | 'retry'> {
  try {
    const reply = (await ext.runtime.sendMessage(envelope)) as Reply<ReplyOf<T>> | undefined;
    if (reply !== undefined) return reply;
    console.warn(`Was I Exposed?: no answer to ${envelope.type}`);
    return 'retry';
  } catch (error) {
    console.warn(`Was I Exposed?: no answer to ${envelope.type}`, error);
    if (isChannelClosed(error)) return 'retry';
    throw new RequestRefused(t('extensionNoAnswer'));
  }
}

/** Calls `listener` whenever the background says stored state changed. Returns the unsubscribe. */
export function onStateChanged(listener: () => void): () => void {
  const handler = (message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STATE_CHANGED) listener();
  };
  ext.runtime.onMessage.addListener(handler);
  return () => ext.runtime.onMessage.removeListener(handler);
}
