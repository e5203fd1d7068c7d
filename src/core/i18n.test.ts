import { describe, expect, it } from 'vitest';
import { describeFailure } from './failure-text';
import { guidanceFor } from './guidance';
import { catalogTranslator, substitute } from './i18n';
import { tEn, tIt } from './i18n-test-helper';
import { runNotice } from './run-notice';

describe('substitute', () => {
  it('fills $1…$9 as chrome.i18n.getMessage does', () => {
    expect(substitute('$2, then $1; $1 again', ['a', 7])).toBe('7, then a; a again');
    expect(substitute('missing: [$3]', ['a'])).toBe('missing: []');
    expect(substitute('$$1 is one dollar', [])).toBe('$1 is one dollar');
  });
});

describe('catalogTranslator', () => {
  it('answers the key itself for a key the catalog lacks', () => {
    const t = catalogTranslator({ hello: { message: 'Hello, $1.' } });
    expect(t('extName')).toBe('extName');
    expect(catalogTranslator({ extName: { message: 'Hi $1' } })('extName', 'x')).toBe('Hi x');
  });
});

describe('core text in Italian', () => {
  it('is worded from the Italian catalog, with the same substitutions', () => {
    expect(describeFailure('xposedornot', { kind: 'unavailable', status: 503, message: '' }, null, String, tIt)).toBe(
      'XposedOrNot al momento non è disponibile (503). Riprova il controllo più tardi.',
    );
    expect(runNotice('context-menu', [{ email: 'alice@example.com', outcome: 'breached', breachIds: ['A', 'B'], newBreachIds: [] }], (id) => id, tIt)).toEqual({
      title: 'Trovato in 2 violazioni',
      message: 'a…@example.com: A, B',
    });
    const [passwords] = guidanceFor(['Passwords'], tIt);
    expect(passwords?.title).toBe('Password e dati di accesso');
    expect(passwords?.steps).toHaveLength(guidanceFor(['Passwords'], tEn)[0]!.steps.length);
  });
});
