import { describe, expect, it } from 'vitest';
import { tEn } from './i18n-test-helper';
import { runNotice, type RunResultSummary } from './run-notice';

const title = (id: string) => `${id} (title)`;
const r = (email: string, breachIds: string[], newBreachIds: string[], outcome: RunResultSummary['outcome'] = breachIds.length ? 'breached' : 'clean') => ({
  email, outcome, breachIds, newBreachIds,
});

describe('runNotice', () => {
  it('groups every new exposure of a scheduled run into one notice, masking addresses', () => {
    const notice = runNotice('scheduled', [r('alice@example.com', ['A', 'B'], ['B']), r('bob@example.org', ['C'], ['C']), r('carol@example.net', ['D'], [])], title, tEn);
    expect(notice).toEqual({
      title: '2 new breach exposures',
      message: 'a…@example.com: B (title)\nb…@example.org: C (title)',
    });
  });

  it('says nothing for a scheduled run with nothing new', () => {
    expect(runNotice('scheduled', [r('alice@example.com', ['A'], [])], title, tEn)).toBeNull();
  });

  it('says nothing for a run started from the popup, which shows the result itself', () => {
    expect(runNotice('manual', [r('alice@example.com', ['A'], ['A'])], title, tEn)).toBeNull();
  });

  it('answers a context-menu check whatever it found', () => {
    expect(runNotice('context-menu', [r('alice@example.com', [], [])], title, tEn)?.title).toBe('No breaches found');
    expect(runNotice('context-menu', [r('alice@example.com', ['A'], [])], title, tEn)).toEqual({
      title: 'Found in 1 breach',
      message: 'a…@example.com: A (title)',
    });
    expect(runNotice('context-menu', [r('alice@example.com', [], [], 'failed')], title, tEn)?.title).toBe('Could not check the address');
  });

  it('names one new exposure in the singular', () => {
    expect(runNotice('scheduled', [r('alice@example.com', ['A'], ['A'])], title, tEn)?.title).toBe('Your address is in a new breach');
  });
});
