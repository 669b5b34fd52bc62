import { describe, expect, it } from 'vitest';
import { classifyLink, hostNamedIn } from './link-logic';

describe('classifyLink', () => {
  it('shows where a web link goes', () => {
    expect(classifyLink('https://example.com/a?b', 'Read more')).toEqual({ kind: 'web', url: 'https://example.com/a?b', host: 'example.com', lookalike: false, idn: false });
  });
  it('flags text that names a different host than the link', () => {
    const link = classifyLink('https://evil.example/login', 'https://bank.example/login');
    expect(link.kind === 'web' && link.lookalike).toBe(true);
    const same = classifyLink('https://www.bank.example/login', 'bank.example');
    expect(same.kind === 'web' && same.lookalike).toBe(false);
  });
  it('spells international hosts in ASCII and says so', () => {
    const link = classifyLink('https://pаypal.example/', 'paypal.example');
    expect(link.kind).toBe('web');
    if (link.kind === 'web') {
      expect(link.host.startsWith('xn--')).toBe(true);
      expect(link.idn).toBe(true);
      expect(link.lookalike).toBe(true);
    }
  });
  it('hands mailto links to Compose with their address', () => {
    expect(classifyLink('mailto:ann%40example.com?subject=x')).toEqual({ kind: 'mailto', url: 'mailto:ann%40example.com?subject=x', address: 'ann@example.com' });
  });
  it('blocks every other scheme and credentials in the host', () => {
    expect(classifyLink('javascript:alert(1)')).toEqual({ kind: 'blocked', url: 'javascript:alert(1)', scheme: 'javascript' });
    expect(classifyLink('file:///etc/passwd').kind).toBe('blocked');
    expect(classifyLink('data:text/html,x').kind).toBe('blocked');
    expect(classifyLink('https://bank.example@evil.example/').kind).toBe('blocked');
    expect(classifyLink('#top').kind).toBe('blocked');
  });
});

describe('hostNamedIn', () => {
  it('reads a host from text that looks like an address, and nothing from prose', () => {
    expect(hostNamedIn('www.Bank.example')).toBe('www.bank.example');
    expect(hostNamedIn(' https://bank.example/x ')).toBe('bank.example');
    expect(hostNamedIn('Click here')).toBeNull();
    expect(hostNamedIn('see bank.example now')).toBeNull();
  });
});
