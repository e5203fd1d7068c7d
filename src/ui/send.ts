import browser from 'webextension-polyfill';
import { t } from '../adapters/i18n';
import { STATE_CHANGED, type MessageType, type Reply, type ReplyOf, type RequestOf } from '../messages';

/** A refusal written for the user, with the field it concerns. */
export class RequestRefused extends Error {
  constructor(message: string, readonly field?: string) {
    super(message);
  }
}

/** Sends one typed request to the background and unwraps its reply. */
export async function send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ReplyOf<T>> {
  const reply = (await browser.runtime.sendMessage({ type, payload })) as Reply<ReplyOf<T>> | undefined;
  if (!reply) throw new RequestRefused(t('extensionNoAnswer'));
  if (!reply.ok) throw new RequestRefused(reply.error, reply.field);
  return reply.value;
}

/** Calls `listener` whenever the background says stored state changed. Returns the unsubscribe. */
export function onStateChanged(listener: () => void): () => void {
  const handler = (message: unknown) => {
    if (typeof message === 'object' && message !== null && (message as { type?: unknown }).type === STATE_CHANGED) listener();
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}
