import { describe, expect, it } from 'vitest';
import { classifyFailure } from './failure';

/** Builds an error shaped like the ones nodemailer's SMTPConnection gives. */
const smtpError = (code: string, response?: string, command?: string) =>
  Object.assign(new Error(`failed${response ? `: ${response}` : ''}`), {
    code,
    ...(response ? { response, responseCode: Number(response.slice(0, 3)) } : {}),
    ...(command ? { command } : {}),
  });

describe('classifyFailure', () => {
  it('an envelope nodemailer refuses itself (no server reply) is permanent, not retried for days', () => {
    const failure = classifyFailure(smtpError('EENVELOPE', undefined, 'API'));
    expect(failure).toMatchObject({ code: 'INVALID_ADDRESS_LIST', retryable: false, reason: { key: 'reason.envelopeRefused' } });
  });

  it('a 4xx reply is a retryable SERVER_REJECTED carrying the parsed reply', () => {
    const failure = classifyFailure(smtpError('EENVELOPE', '451 4.7.1 Greylisted, try again', 'MAIL FROM'));
    expect(failure).toEqual({
      code: 'SERVER_REJECTED',
      message: 'The server replied 451 4.7.1 Greylisted, try again at MAIL.',
      reason: { key: 'reason.serverRepliedAt', values: { reply: '451 4.7.1 Greylisted, try again', command: 'MAIL' } },
      retryable: true,
      reply: { code: 451, enhanced: '4.7.1', text: 'Greylisted, try again' },
    });
  });

  it.each([
    ['421 4.3.2 Shutting down', 'EENVELOPE', 'MAIL FROM'],
    ['450 Mailbox busy', 'EENVELOPE', 'RCPT TO'],
    ['452 4.3.1 Insufficient storage', 'EMESSAGE', 'DATA'],
  ])('%s is retryable', (response, code, command) => {
    expect(classifyFailure(smtpError(code, response, command))).toMatchObject({ code: 'SERVER_REJECTED', retryable: true });
  });

  it.each([
    ['550 5.1.1 No such user', 'EENVELOPE', 'RCPT TO'],
    ['552 5.3.4 Message too big', 'EMESSAGE', 'DATA'],
    ['554 5.7.1 Spam', 'EMESSAGE', 'DATA'],
  ])('%s is permanent', (response, code, command) => {
    const failure = classifyFailure(smtpError(code, response, command));
    expect(failure).toMatchObject({ code: 'SERVER_REJECTED', retryable: false });
    expect(failure.reply?.code).toBe(Number(response.slice(0, 3)));
  });

  it('a refused login is AUTH_FAILED: permanent for 535, transient for 454', () => {
    expect(classifyFailure(smtpError('EAUTH', '535 5.7.8 Authentication failed', 'AUTH PLAIN'))).toMatchObject({ code: 'AUTH_FAILED', retryable: false, reply: { code: 535, enhanced: '5.7.8' } });
    expect(classifyFailure(smtpError('EAUTH', '454 4.7.0 Try again later', 'AUTH PLAIN'))).toMatchObject({ code: 'AUTH_FAILED', retryable: true });
    expect(classifyFailure({ code: 'EAUTH', message: 'Missing credentials for "PLAIN"' }).message).toContain('Missing credentials');
  });

  it('certificate problems are TLS_FAILED and not retried', () => {
    expect(classifyFailure({ code: 'ESOCKET', originalCode: 'DEPTH_ZERO_SELF_SIGNED_CERT', message: 'self-signed certificate' })).toMatchObject({ code: 'TLS_FAILED', retryable: false });
    expect(classifyFailure({ code: 'ETLS', message: 'Error upgrading connection with STARTTLS' })).toMatchObject({ code: 'TLS_FAILED', retryable: false });
  });

  it('uses responseCode when the response text is missing', () => {
    expect(classifyFailure({ responseCode: 554 })).toMatchObject({ code: 'SERVER_REJECTED', retryable: false });
    expect(classifyFailure({ responseCode: 421 })).toMatchObject({ code: 'SERVER_REJECTED', retryable: true });
  });

  it('a timeout is TIMEOUT and retryable', () => {
    expect(classifyFailure(smtpError('ETIMEDOUT'))).toMatchObject({ code: 'TIMEOUT', retryable: true });
  });

  it.each(['ECONNREFUSED', 'ECONNECTION', 'ECONNRESET', 'ESOCKET', 'ENOTFOUND', 'EDNS', 'EHOSTUNREACH'])(
    '%s is NOT_CONNECTED and retryable',
    (code) => {
      const failure = classifyFailure(smtpError(code));
      expect(failure).toMatchObject({ code: 'NOT_CONNECTED', retryable: true });
      expect(failure).not.toHaveProperty('reply');
    },
  );

  it('a lost connection with a 4xx/5xx remainder is classified by that reply', () => {
    expect(classifyFailure(smtpError('ECONNECTION', '554 5.7.1 Go away', 'CONN'))).toMatchObject({ code: 'SERVER_REJECTED', retryable: false });
  });

  it('anything unknown is treated as transient rather than lost', () => {
    expect(classifyFailure(undefined)).toMatchObject({ code: 'NOT_CONNECTED', retryable: true });
    expect(classifyFailure(null)).toMatchObject({ code: 'NOT_CONNECTED', retryable: true });
    expect(classifyFailure(new Error('weird'))).toMatchObject({ code: 'NOT_CONNECTED', retryable: true, message: 'weird' });
  });

  it('a success code on an error object is not mistaken for a rejection', () => {
    expect(classifyFailure(smtpError('EPROTOCOL', '250 OK'))).not.toMatchObject({ code: 'SERVER_REJECTED' });
  });
});
