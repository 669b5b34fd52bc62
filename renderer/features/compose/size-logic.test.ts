import { describe, expect, it } from 'vitest';
import { base64Size, estimatedMessageSize, sizeWarning } from './size-logic';

describe('estimatedMessageSize', () => {
  it('counts attachments as base64 with line breaks', () => {
    expect(base64Size(3)).toBe(6);
    expect(base64Size(57)).toBe(78);
    const size = estimatedMessageSize({ text: 'hi', html: '' }, [3 * 1024 * 1024]);
    expect(size).toBeGreaterThan(4 * 1024 * 1024);
    expect(size).toBeLessThan(4.3 * 1024 * 1024);
  });
});

describe('sizeWarning', () => {
  const mb = 1024 * 1024;
  it('warns above the server’s announced limit', () => {
    expect(sizeWarning(11 * mb, 10 * mb)).toBe('This message is about 11 MB; the account’s server accepts at most 10 MB.');
    expect(sizeWarning(9 * mb, 10 * mb)).toBeNull();
  });
  it('warns above 25 MB when the limit is unknown or not given', () => {
    expect(sizeWarning(26 * mb, null)).toBe('This message is about 26 MB; many servers refuse messages over 25 MB.');
    expect(sizeWarning(26 * mb, 0)).toContain('many servers');
    expect(sizeWarning(24 * mb, undefined)).toBeNull();
  });
});
