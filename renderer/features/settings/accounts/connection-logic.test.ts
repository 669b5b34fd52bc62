import { describe, expect, it } from 'vitest';
import { capabilityFacts, certificateOf, failureHeadline, passedHeadline } from './connection-logic';

const sha = Array.from({ length: 32 }, () => 'AB').join(':');

describe('capabilityFacts', () => {
  it('lists what the server offers in words', () => {
    const facts = capabilityFacts({
      capabilities: { dsn: true, size: 10 * 1024 * 1024, smtputf8: false, pipelining: true, eightBitMime: true, starttls: false, auth: ['PLAIN', 'LOGIN'] },
      secure: true,
      certificate: { sha256: sha, subject: 'CN=smtp.example.test', issuer: 'CN=Test CA', validTo: 'Jan 1 2030' },
      greeting: '220 smtp.example.test ESMTP',
      loggedIn: true,
    });
    const byLabel = Object.fromEntries(facts.map((f) => [f.label, f.value]));
    expect(byLabel).toMatchObject({
      Connection: 'Encrypted',
      'Delivery receipts (DSN)': 'Offered',
      'Size limit': '10 MB',
      'International addresses (SMTPUTF8)': 'No',
      'Login methods': 'PLAIN, LOGIN',
      'SHA-256 fingerprint': sha,
      Greeting: '220 smtp.example.test ESMTP',
    });
  });
  it('says when no size limit is given or none is announced', () => {
    const base = { capabilities: { dsn: false, size: 0, smtputf8: false, pipelining: false, eightBitMime: false, starttls: false, auth: [] }, secure: false, certificate: null, greeting: '220', loggedIn: false };
    expect(capabilityFacts(base).find((f) => f.label === 'Size limit')?.value).toBe('No limit given');
    expect(capabilityFacts({ ...base, capabilities: { ...base.capabilities, size: null } }).find((f) => f.label === 'Size limit')?.value).toBe('Not announced');
    expect(capabilityFacts(base).find((f) => f.label === 'Login methods')?.value).toBe('None offered');
  });
});

describe('passedHeadline', () => {
  it('says "logged in" only when the test logged in', () => {
    expect(passedHeadline({ loggedIn: true }, 'just now')).toMatch(/logged in/);
    expect(passedHeadline({ loggedIn: false }, 'just now')).toMatch(/does not log in/);
  });
});

describe('failureHeadline for a server without login', () => {
  it('does not blame the user name or password', () => {
    const headline = failureHeadline({ code: 'AUTH_FAILED', message: 'x', reason: { key: 'reason.loginNotOffered' } });
    expect(headline).toBe('The server does not offer a login.');
  });
});

describe('certificateOf', () => {
  it('reads the certificate from a TLS_FAILED detail', () => {
    expect(certificateOf({ code: 'TLS_FAILED', message: 'x', detail: { sha256: sha, subject: 'CN=a', issuer: 'CN=b', validTo: 'soon' } })).toEqual({
      sha256: sha,
      subject: 'CN=a',
      issuer: 'CN=b',
      validTo: 'soon',
      previousSha256: null,
    });
  });
  it('names the fingerprint trusted before when the server now shows another (a change, not a first meeting)', () => {
    const before = sha.replace(/^[0-9A-F]{2}/, sha.startsWith('00') ? '11' : '00');
    expect(certificateOf({ code: 'TLS_FAILED', message: 'x', detail: { sha256: sha, previousSha256: before } })?.previousSha256).toBe(before);
    // The same fingerprint, or something that is not one, is no change.
    expect(certificateOf({ code: 'TLS_FAILED', message: 'x', detail: { sha256: sha, previousSha256: sha } })?.previousSha256).toBeNull();
    expect(certificateOf({ code: 'TLS_FAILED', message: 'x', detail: { sha256: sha, previousSha256: '<b>' } })?.previousSha256).toBeNull();
  });
  it('has none for other errors or a malformed fingerprint', () => {
    expect(certificateOf({ code: 'AUTH_FAILED', message: 'x' })).toBeNull();
    expect(certificateOf({ code: 'TLS_FAILED', message: 'x', detail: { sha256: 'nope' } })).toBeNull();
  });
});

describe('failureHeadline', () => {
  it('explains the codes the test can end with', () => {
    expect(failureHeadline({ code: 'NOT_CONNECTED', message: '' })).toBe('Could not connect to the server. Check the server name, the port and the security setting.');
    expect(failureHeadline({ code: 'NO_SECURE_STORAGE', message: '' })).toContain('cannot be stored safely');
    expect(failureHeadline({ code: 'INTERNAL', message: '' })).toBe('The test failed.');
  });
});
