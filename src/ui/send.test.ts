import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * send() across a worker restart: the browser's answer is faked per call (i18n returns the key,
 * so a localised message shows up as its key here).
 */
const fake = vi.hoisted(() => ({ answers: [] as Array<() => Promise<unknown>>, sent: [] as unknown[] }));
vi.mock('../adapters/ext', () => ({
  ext: {
    i18n: { getMessage: (key: string) => key },
    runtime: {
      sendMessage: (message: unknown) => {
        fake.sent.push(structuredClone(message));
        const next = fake.answers.shift();
        return next ? next() : Promise.resolve(undefined);
      },
    },
  },
}));

const { RequestRefused, send } = await import('./send');

const CHROMIUM_CLOSED = 'A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received';
const NO_RECEIVER = 'Could not establish connection. Receiving end does not exist.';
// Chromium's native answer when no listener answered (the polyfill turned it into `undefined`).
const NATIVE_NO_ANSWER = 'The message port closed before a response was received.';
const fail = (message: string) => () => Promise.reject(new Error(message));
const answer = (value: unknown) => () => Promise.resolve({ ok: true, value });

beforeEach(() => {
  fake.answers = [];
  fake.sent = [];
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

describe('send', () => {
  it.each([CHROMIUM_CLOSED, NO_RECEIVER, NATIVE_NO_ANSWER])('retries once, with the same request id, when the channel closes: %s', async (error) => {
    fake.answers = [fail(error), answer({ runId: 'r' })];
    expect(await send('check/start', {})).toEqual({ runId: 'r' });
    expect(fake.sent).toHaveLength(2);
    const [first, second] = fake.sent as Array<{ requestId: string }>;
    expect(first!.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(second).toEqual(first);
  });

  it('retries once when nothing answered, then says so in the user\'s language', async () => {
    fake.answers = [() => Promise.resolve(undefined), fail(CHROMIUM_CLOSED)];
    const error = await send('check/start', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRefused);
    expect((error as Error).message).toBe('extensionNoAnswer');
    expect(fake.sent).toHaveLength(2);
  });

  it('takes Chromium\'s native "port closed" as no answer: one more try, then the user\'s-language message', async () => {
    fake.answers = [fail(NATIVE_NO_ANSWER), fail(NATIVE_NO_ANSWER)];
    const error = await send('state/get', {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestRefused);
    expect((error as Error).message).toBe('extensionNoAnswer');
    expect(fake.sent).toHaveLength(2);
  });

  it('never retries another failure, and never passes the browser\'s text on', async () => {
    fake.answers = [fail('Extension context invalidated.')];
    const error = await send('state/get', {}).catch((e: unknown) => e);
    expect((error as Error).message).toBe('extensionNoAnswer');
    expect(fake.sent).toHaveLength(1);
  });

  it('gives a refusal written by the background as it is, with its field', async () => {
    fake.answers = [() => Promise.resolve({ ok: false, error: 'Re-check every 1 to 720 hours.', field: 'recheckIntervalHours' })];
    const error = (await send('settings/save', { patch: {} }).catch((e: unknown) => e)) as InstanceType<typeof RequestRefused>;
    expect([error.message, error.field]).toEqual(['Re-check every 1 to 720 hours.', 'recheckIntervalHours']);
  });

  it('each request gets its own id', async () => {
    fake.answers = [answer(null), answer(null)];
    await send('address/remove', { email: 'a@b.c' });
    await send('address/remove', { email: 'a@b.c' });
    const [a, b] = fake.sent as Array<{ requestId: string }>;
    expect(a!.requestId).not.toBe(b!.requestId);
  });
});
