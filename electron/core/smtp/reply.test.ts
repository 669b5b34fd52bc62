import { describe, expect, it } from 'vitest';
import { formatReply, parseEhlo, parseReply } from './reply';

describe('parseReply', () => {
  it('reads a single-line reply', () => {
    expect(parseReply('250 OK')).toEqual({ code: 250, text: 'OK' });
    expect(parseReply('354 End data with <CR><LF>.<CR><LF>\r\n')).toEqual({ code: 354, text: 'End data with <CR><LF>.<CR><LF>' });
  });

  it('reads a bare code', () => {
    expect(parseReply('250')).toEqual({ code: 250, text: '' });
  });

  it('reads the enhanced status code apart from the text', () => {
    expect(parseReply('550 5.1.1 <nobody@example.com>: Recipient address rejected')).toEqual({
      code: 550,
      enhanced: '5.1.1',
      text: '<nobody@example.com>: Recipient address rejected',
    });
    expect(parseReply('451 4.7.1 Try again later')).toEqual({ code: 451, enhanced: '4.7.1', text: 'Try again later' });
    expect(parseReply('250 2.0.0 Ok: queued as 4Bc2')).toEqual({ code: 250, enhanced: '2.0.0', text: 'Ok: queued as 4Bc2' });
    expect(parseReply('552 5.3.4 Message size exceeds fixed limit')?.enhanced).toBe('5.3.4');
    expect(parseReply('550 5.7.509 Access denied')?.enhanced).toBe('5.7.509');
  });

  it('does not take a number in the text for an enhanced code', () => {
    expect(parseReply('220 mail.example.com ESMTP Postfix 3.7.11')).toEqual({ code: 220, text: 'mail.example.com ESMTP Postfix 3.7.11' });
    expect(parseReply('250 1.2.3 is not a status class')).toEqual({ code: 250, text: '1.2.3 is not a status class' });
  });

  it('keeps every line of a multi-line reply, without the code prefixes', () => {
    expect(parseReply('250-mail.example.com\r\n250-PIPELINING\r\n250 DSN')).toEqual({ code: 250, text: 'mail.example.com\nPIPELINING\nDSN' });
    expect(parseReply('220-first\n220 second\n')).toEqual({ code: 220, text: 'first\nsecond' });
  });

  it('takes the enhanced code off every line of a multi-line reply', () => {
    expect(parseReply('550-5.7.1 Message rejected\r\n550-5.7.1 see https://example.com/why\r\n550 5.7.1 for details')).toEqual({
      code: 550,
      enhanced: '5.7.1',
      text: 'Message rejected\nsee https://example.com/why\nfor details',
    });
  });

  it('returns null for something that is not a reply', () => {
    expect(parseReply('')).toBeNull();
    expect(parseReply('\r\n')).toBeNull();
    expect(parseReply('hello')).toBeNull();
    expect(parseReply('25 short')).toBeNull();
  });
});

describe('formatReply', () => {
  it('writes code, enhanced code and text back on one line', () => {
    expect(formatReply({ code: 550, enhanced: '5.1.1', text: 'No such user' })).toBe('550 5.1.1 No such user');
    expect(formatReply({ code: 250, text: 'OK' })).toBe('250 OK');
  });

  it('round-trips with parseReply', () => {
    for (const raw of ['550 5.1.1 No such user', '421 Service not available', '250 2.0.0 Ok: queued']) {
      expect(formatReply(parseReply(raw)!)).toBe(raw);
    }
  });
});

describe('parseEhlo', () => {
  const postfix = [
    '250-mail.example.com',
    '250-PIPELINING',
    '250-SIZE 10240000',
    '250-VRFY',
    '250-ETRN',
    '250-STARTTLS',
    '250-AUTH PLAIN LOGIN cram-md5',
    '250-ENHANCEDSTATUSCODES',
    '250-8BITMIME',
    '250-DSN',
    '250-SMTPUTF8',
    '250 CHUNKING',
  ].join('\r\n');

  it('reads every capability the transport cares about', () => {
    expect(parseEhlo(postfix)).toEqual({
      dsn: true,
      size: 10240000,
      smtputf8: true,
      pipelining: true,
      eightBitMime: true,
      starttls: true,
      auth: ['PLAIN', 'LOGIN', 'CRAM-MD5'],
    });
  });

  it('reports nothing for a server that advertises nothing', () => {
    expect(parseEhlo('250 mail.example.com')).toEqual({
      dsn: false,
      size: null,
      smtputf8: false,
      pipelining: false,
      eightBitMime: false,
      starttls: false,
      auth: [],
    });
    expect(parseEhlo('')).toMatchObject({ dsn: false, size: null, auth: [] });
  });

  it('tells SIZE without a limit (0) from no SIZE (null)', () => {
    expect(parseEhlo('250-host\r\n250 SIZE').size).toBe(0);
    expect(parseEhlo('250-host\r\n250 SIZE 0').size).toBe(0);
    expect(parseEhlo('250-host\r\n250 SIZE 35882577').size).toBe(35882577);
    expect(parseEhlo('250-host\r\n250 8BITMIME').size).toBeNull();
  });

  it('ignores the greeting line, even when it looks like a keyword', () => {
    expect(parseEhlo('250-DSN.example.com Hello\r\n250 PIPELINING')).toMatchObject({ dsn: false, pipelining: true });
  });

  it('matches whole keywords only, case-insensitively', () => {
    const caps = parseEhlo('250-host\r\n250-X-DSN-EXT\r\n250-dsn\r\n250-SIZEX 5\r\n250 smtputf8');
    expect(caps.dsn).toBe(true);
    expect(caps.size).toBeNull();
    expect(caps.smtputf8).toBe(true);
    expect(parseEhlo('250-host\r\n250 X-DSN-EXT').dsn).toBe(false);
  });

  it('accepts LF-only line ends and reads the last line of the reply too', () => {
    expect(parseEhlo('250-host\n250-PIPELINING\n250 STARTTLS\n')).toMatchObject({ pipelining: true, starttls: true });
  });
});
