import { describe, expect, it } from 'vitest';
import { senderKind } from './sender';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;
const kind = (sender: Parameters<typeof senderKind>[0]) => senderKind(sender, ID, ORIGIN);

describe('senderKind', () => {
  it('answers our own pages, in a popup or in a tab', () => {
    expect(kind({ id: ID, url: `${ORIGIN}src/ui/popup/index.html` })).toBe('extension-page');
    expect(kind({ id: ID, url: `${ORIGIN}src/ui/history/index.html?email=a%40b.com`, tab: { id: 3 } })).toBe('extension-page');
  });

  it('knows our content script by its tab and a web page URL', () => {
    expect(kind({ id: ID, url: 'https://shop.example/login', tab: { id: 7 } })).toBe('content-script');
  });

  it('ignores another extension, even one that names our pages', () => {
    const other = 'ponmlkjihgfedcbaponmlkjihgfedcba';
    expect(kind({ id: other, url: `chrome-extension://${other}/worker.js` })).toBeNull();
    expect(kind({ id: other, url: `${ORIGIN}src/ui/popup/index.html` })).toBeNull();
    expect(kind({ id: other, url: 'https://shop.example/', tab: { id: 1 } })).toBeNull();
  });

  it('ignores web pages and senders that say too little', () => {
    expect(kind({ url: 'https://attacker.example/', tab: { id: 1 } })).toBeNull();
    expect(kind({ id: ID })).toBeNull();
    expect(kind({ id: ID, url: 'https://shop.example/' })).toBeNull(); // a web URL without a tab is no content script
    expect(kind({})).toBeNull();
  });

  it('does not take a URL that merely begins like our origin for one of our pages', () => {
    expect(kind({ id: ID, url: `chrome-extension://${ID}.evil.example/popup.html` })).toBeNull();
  });
});
