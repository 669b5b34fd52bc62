import { describe, expect, it } from 'vitest';
import { linkify } from './linkify-logic';

describe('linkify', () => {
  it('finds web and mail addresses and leaves the rest as text', () => {
    expect(linkify('See https://example.com/a?b=1 or write to ann@example.com.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { kind: 'text', text: ' or write to ' },
      { kind: 'link', text: 'ann@example.com', href: 'mailto:ann@example.com' },
      { kind: 'text', text: '.' },
    ]);
  });
  it('gives www. addresses a scheme', () => {
    expect(linkify('www.example.com')).toEqual([{ kind: 'link', text: 'www.example.com', href: 'https://www.example.com' }]);
  });
  it('leaves sentence punctuation and unmatched brackets outside the link', () => {
    expect(linkify('(see https://example.com/x).')[1]).toEqual({ kind: 'link', text: 'https://example.com/x', href: 'https://example.com/x' });
    expect(linkify('https://en.wikipedia.org/wiki/Foo_(bar)!')[0]).toEqual({ kind: 'link', text: 'https://en.wikipedia.org/wiki/Foo_(bar)', href: 'https://en.wikipedia.org/wiki/Foo_(bar)' });
  });
  it('never makes a link of markup or other schemes, and keeps every character', () => {
    const text = '<script>alert(1)</script> javascript:alert(1) <a href="x">';
    expect(linkify(text)).toEqual([{ kind: 'text', text }]);
    const mixed = 'a https://x.example/y, b ann@x.example; c www.z.example!';
    expect(linkify(mixed).map((s) => s.text).join('')).toBe(mixed);
  });
  it('handles empty text', () => {
    expect(linkify('')).toEqual([]);
  });
});
