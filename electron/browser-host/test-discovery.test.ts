import { describe, expect, it } from 'vitest';
import { testDiscoveryFrom, testSandboxSecretFrom } from './test-discovery';

describe('the test-only autoconfig redirect', () => {
  it('is off unless set', () => {
    expect(testDiscoveryFrom(undefined)).toBeUndefined();
    expect(testDiscoveryFrom('')).toBeUndefined();
  });

  it('maps every lookup to the local server, by host and path', () => {
    const options = testDiscoveryFrom('http://127.0.0.1:4321');
    const url = new URL('https://autoconfig.example.test/mail/config-v1.1.xml?emailaddress=a%40example.test');
    expect(options?.locate?.(url).href).toBe('http://127.0.0.1:4321/autoconfig.example.test/mail/config-v1.1.xml?emailaddress=a%40example.test');
  });

  it('refuses anything that would send a lookup off this computer', () => {
    expect(() => testDiscoveryFrom('http://example.com:80')).toThrow(/this computer/);
    expect(() => testDiscoveryFrom('http://127.0.0.1.evil.example')).toThrow(/this computer/);
    expect(() => testDiscoveryFrom('file:///etc/passwd')).toThrow(/this computer/);
    expect(() => testDiscoveryFrom('not a url')).toThrow(/not a URL/);
  });
});

describe('the test-only sandbox password', () => {
  it('is off unless set, and refuses a value too short to be a secret', () => {
    expect(testSandboxSecretFrom(undefined)).toBeUndefined();
    expect(testSandboxSecretFrom('')).toBeUndefined();
    expect(() => testSandboxSecretFrom('short')).toThrow(/at least 24/);
    expect(testSandboxSecretFrom('a'.repeat(32))).toBe('a'.repeat(32));
  });
});
