import { describe, expect, it } from 'vitest';
import { benchMode } from './bench-flag';

describe('benchMode', () => {
  it('is on for the browser host’s page with ?bench=outbox10k', () => {
    expect(benchMode({ search: '?bench=outbox10k', protocol: 'http:' }, false)).toBe('outbox10k');
  });
  it('is off in Electron (the preload API is there) and from file: URLs', () => {
    expect(benchMode({ search: '?bench=outbox10k', protocol: 'http:' }, true)).toBeNull();
    expect(benchMode({ search: '?bench=outbox10k', protocol: 'file:' }, false)).toBeNull();
  });
  it('shows the reading window on fake mail with ?bench=reader', () => {
    expect(benchMode({ search: '?bench=reader', protocol: 'http:' }, false)).toBe('reader');
    expect(benchMode({ search: '?bench=reader', protocol: 'http:' }, true)).toBeNull();
  });
  it('is off without the flag or with another value', () => {
    expect(benchMode({ search: '', protocol: 'http:' }, false)).toBeNull();
    expect(benchMode({ search: '?bench=other', protocol: 'http:' }, false)).toBeNull();
  });
});
