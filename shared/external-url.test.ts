import { describe, expect, it } from 'vitest';
import { ExternalUrlSchema, externalScheme } from './external-url';

describe('externalScheme', () => {
  it('lets http, https and mailto links leave the app', () => {
    expect(externalScheme('https://example.com/a?b=c#d')).toBe('https:');
    expect(externalScheme('HTTP://example.com')).toBe('http:');
    expect(externalScheme('mailto:ann@example.com?subject=Hi')).toBe('mailto:');
  });

  it('refuses every other scheme, however it is spelled', () => {
    for (const url of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<b>x</b>', 'file:///etc/passwd', 'vbscript:x', 'ms-settings:', 'chrome://settings', 'blob:https://a/b', 'ftp://example.com']) {
      expect(externalScheme(url), url).toBeNull();
    }
  });

  it('refuses URLs with control characters, spaces, credentials, no host, or no scheme', () => {
    expect(externalScheme('java\tscript:alert(1)')).toBeNull();
    expect(externalScheme('https://exa mple.com')).toBeNull();
    expect(externalScheme('https://user:pw@example.com/')).toBeNull();
    expect(externalScheme('https://bank.example@evil.test/')).toBeNull();
    expect(externalScheme('http://')).toBeNull();
    expect(externalScheme('//example.com')).toBeNull();
    expect(externalScheme('example.com')).toBeNull();
    expect(externalScheme(`https://example.com/${'a'.repeat(9000)}`)).toBeNull();
  });

  it('is what the contract schema checks', () => {
    expect(ExternalUrlSchema.safeParse('https://example.com').success).toBe(true);
    expect(ExternalUrlSchema.safeParse('javascript:alert(1)').success).toBe(false);
    expect(ExternalUrlSchema.safeParse(42).success).toBe(false);
  });
});
