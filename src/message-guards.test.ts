import { describe, expect, it } from 'vitest';
import { VALIDATORS, isMessageType, isRequestId } from './message-guards';
import type { MessageType } from './messages';

/** For every message type: payloads that must pass, and hostile or malformed ones that must not. */
const CASES: { [T in MessageType]: { good: unknown[]; bad: unknown[] } } = {
  'state/get': { good: [{}], bad: [null, undefined, 'x', [], 1] },
  'address/add': { good: [{ email: 'a@b.com' }, { email: '' }], bad: [{}, { email: 1 }, { email: 'x'.repeat(1001) }, null, [{ email: 'a@b.com' }]] },
  'address/remove': { good: [{ email: 'a@b.com' }], bad: [{ email: null }, 'a@b.com'] },
  'check/start': { good: [{}, { emails: [] }, { emails: ['a@b.com'] }], bad: [{ emails: 'a@b.com' }, { emails: [1] }, { emails: Array(10_001).fill('a') }] },
  'exposures/acknowledge': { good: [{ emails: ['a@b.com'] }], bad: [{ emails: [{}] }, { keys: [] }, {}] },
  'settings/save': { good: [{ patch: {} }, { patch: { provider: 'hibp' } }], bad: [{ patch: null }, { patch: [] }, {}] },
  'site/card': { good: [{ url: 'https://www.example.com/' }], bad: [{ url: 42 }, { url: 'x'.repeat(8193) }, {}] },
  'site/silence': {
    good: [{ domains: ['example.com'], silenced: true }],
    bad: [{ domains: ['<script>'], silenced: true }, { domains: ['example.com'], silenced: 'yes' }, { domains: 'example.com', silenced: true }],
  },
  'check/cancel': {
    good: [{ runId: 'r1' }],
    bad: [{}, { runId: 1 }, { runId: 'x'.repeat(101) }, null],
  },
  'history/set-step': {
    good: [
      { target: { kind: 'exposure', key: ['a@b.com', 'hibp', 'Adobe'] }, step: 'guidancePasswordsStep1', done: true },
      { target: { kind: 'notice', id: 'n1' }, step: 'guidanceContactStep2', done: false },
    ],
    bad: [
      { target: { kind: 'notice', id: 'n1' }, step: 'guidanceContactStep2' },
      { target: { kind: 'notice', id: 'n1' }, step: '<script>', done: true },
      { target: { kind: 'notice', id: 'n1' }, step: 'x'.repeat(65), done: true },
      { target: { kind: 'exposure', key: ['a@b.com', 'pastebin', 'Adobe'] }, step: 'guidanceContactStep2', done: true },
      { target: null, step: 'guidanceContactStep2', done: true },
    ],
  },
  'history/set-state': {
    good: [
      { target: { kind: 'exposure', key: ['a@b.com', 'hibp', 'Adobe'] }, state: 'resolved', note: 'changed it' },
      { target: { kind: 'notice', id: 'n1' }, state: 'new' },
    ],
    bad: [
      { target: { kind: 'exposure', key: ['a@b.com', 'pastebin', 'Adobe'] }, state: 'resolved' },
      { target: { kind: 'exposure', key: ['a@b.com', 'hibp'] }, state: 'resolved' },
      { target: { kind: 'notice', id: 'n1' }, state: 'deleted' },
      { target: { kind: 'notice', id: 'n1' }, state: 'new', note: 'x'.repeat(5001) },
      { target: { kind: 'other' }, state: 'new' },
    ],
  },
  'notice/save': { good: [{ input: {} }, { id: 'n1', input: { organisation: 'Shop' } }], bad: [{ input: null }, { id: 3, input: {} }, {}] },
  'notice/delete': { good: [{ id: 'n1' }], bad: [{ id: 1 }, {}] },
  'history/import': { good: [{ text: '{}' }], bad: [{ text: {} }, {}] },
  'history/delete-all': {
    good: [{ confirm: 'delete everything', keepSettings: false }, { confirm: 'delete everything', keepSettings: true }],
    bad: [{}, { confirm: true }, { confirm: 'yes' }, { confirm: 'delete everything' }, { confirm: 'delete everything', keepSettings: 'yes' }],
  },
  'hibp/test-key': { good: [{ apiKey: 'abc' }], bad: [{ apiKey: 5 }, { apiKey: 'x'.repeat(201) }] },
  'address/given-to': {
    good: [{ email: 'a@b.com', sites: [] }, { email: 'a@b.com', sites: ['shopa.example', 'anything typed'] }],
    bad: [{ email: 'a@b.com' }, { email: 'a@b.com', sites: 'shopa.example' }, { email: 'a@b.com', sites: [1] }, { email: 'a@b.com', sites: Array(101).fill('a.example') }, { sites: [] }],
  },
  'address/suggest': { good: [{ email: 'a@b.com' }, { email: 'a@b.com', tabUrl: 'https://shopa.example/' }], bad: [{ email: 'a@b.com', tabUrl: 5 }, { tabUrl: 'x' }, null] },
  'trail/set-state': { good: [{ id: 'x', state: 'acknowledged' }], bad: [{ id: 'x', state: 'seen' }, { id: 1, state: 'new' }, { state: 'new' }] },
  'request/change': {
    good: [
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'sent', sentOn: '2027-01-05', law: 'eu-gdpr' } },
      { target: { kind: 'exposure', key: ['a@example.com', 'hibp', 'Adobe'] }, change: { action: 'extended', months: 2 } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'answered', answeredOn: '2027-01-05', note: 'ok' } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'closed', note: '' } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'reopened' } },
    ],
    bad: [
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'sent', sentOn: '2027-01-05', law: 'ccpa' } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'sent', sentOn: '2027-01-05', law: 'eu-gdpr', email: 'x@example.com' } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'extended', months: '2' } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'answered', answeredOn: '2027-01-05', note: 'x'.repeat(5001) } },
      { target: { kind: 'notice', id: 'n1' }, change: { action: 'deleted' } },
      { target: { kind: 'other', id: 'n1' }, change: { action: 'reopened' } },
      { change: { action: 'reopened' } },
    ],
  },
};

describe('message guards', () => {
  for (const [type, { good, bad }] of Object.entries(CASES) as [MessageType, { good: unknown[]; bad: unknown[] }][]) {
    it(`${type}: accepts well-formed payloads and refuses the rest`, () => {
      for (const payload of good) expect(VALIDATORS[type](payload), JSON.stringify(payload)).toBe(true);
      for (const payload of bad) expect(VALIDATORS[type](payload), JSON.stringify(payload)?.slice(0, 80)).toBe(false);
    });
  }

  it('knows the protocol\'s types and nothing inherited', () => {
    for (const type of Object.keys(CASES)) expect(isMessageType(type), type).toBe(true);
    for (const type of ['toString', 'constructor', '__proto__', 'hasOwnProperty', 'valueOf', 'password-field/range', 'STATE/GET', '', 42, null]) {
      expect(isMessageType(type), String(type)).toBe(false);
    }
  });

  it('covers every message type of the protocol', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(VALIDATORS).sort());
  });
});

describe('request ids', () => {
  it('accept what crypto.randomUUID() makes and nothing else', () => {
    expect(isRequestId(crypto.randomUUID())).toBe(true);
    for (const bad of ['', 'run-1', 42, null, `${crypto.randomUUID()}x`, crypto.randomUUID().toUpperCase(), { id: 1 }]) expect(isRequestId(bad)).toBe(false);
  });
});
