import { describe, expect, it } from 'vitest';
import { createTranscriptLogger, maskClientLine, type TranscriptLine } from './transcript-logger';

function setup() {
  const lines: TranscriptLine[] = [];
  let clock = 1000;
  const logger = createTranscriptLogger(
    (line) => lines.push(line),
    () => clock++,
  );
  // nodemailer's getLogger calls the logger with a context object first.
  const client = (text: string) => logger.debug({ tnx: 'client' }, text);
  const server = (text: string) => logger.debug({ tnx: 'server' }, text);
  return { lines, logger, client, server, all: () => lines.map((l) => l.text).join('\n') };
}

const SECRETS = ['AGZvbwBiYXI=', 'Zm9v', 'YmFy', 'c2VjcmV0LXBhc3N3b3Jk', 'dXNlckBleGFtcGxlLmNvbQ==', 'Zm9vIDNhYmMxMjM0'];

describe('transcript logger', () => {
  it('turns client and server lines into entries with command, code and enhanced code', () => {
    const t = setup();
    t.server('220 mail.example.com ESMTP');
    t.client('EHLO outbox-mail.localhost');
    t.server('250-mail.example.com\n250-PIPELINING\n250 DSN');
    t.client('MAIL FROM:<a@example.com> RET=HDRS ENVID=om-1');
    t.server('250 2.1.0 Ok');
    t.client('rcpt TO:<b@example.com>');
    t.server('550 5.1.1 No such user');
    expect(t.lines).toEqual([
      { at: 1000, direction: 'server', code: 220, text: '220 mail.example.com ESMTP' },
      { at: 1001, direction: 'client', command: 'EHLO', text: 'EHLO outbox-mail.localhost' },
      { at: 1002, direction: 'server', code: 250, text: '250-mail.example.com\n250-PIPELINING\n250 DSN' },
      { at: 1003, direction: 'client', command: 'MAIL', text: 'MAIL FROM:<a@example.com> RET=HDRS ENVID=om-1' },
      { at: 1004, direction: 'server', code: 250, enhanced: '2.1.0', text: '250 2.1.0 Ok' },
      { at: 1005, direction: 'client', command: 'RCPT', text: 'rcpt TO:<b@example.com>' },
      { at: 1006, direction: 'server', code: 550, enhanced: '5.1.1', text: '550 5.1.1 No such user' },
    ]);
  });

  it('drops debug noise and trace, keeps connection notes as info and warnings as errors', () => {
    const t = setup();
    t.logger.debug({ tnx: 'smtp' }, 'Closing connection to the server using "%s"', 'end');
    t.logger.debug({ tnx: 'message' }, 'raw message bytes');
    t.logger.trace();
    t.logger.info({ tnx: 'network' }, 'Connection established to %s:%s', '127.0.0.1', 2525);
    t.logger.warn({ tnx: 'smtp' }, '%s', 'Connection closed unexpectedly');
    t.logger.error({ tnx: 'smtp' }, '%s', 'Invalid greeting');
    expect(t.lines.map(({ direction, text }) => ({ direction, text }))).toEqual([
      { direction: 'info', text: 'Connection established to 127.0.0.1:2525' },
      { direction: 'error', text: 'Connection closed unexpectedly' },
      { direction: 'error', text: 'Invalid greeting' },
    ]);
  });

  it('does not treat % in a command as a format directive', () => {
    const t = setup();
    t.client('RCPT TO:<a%sb%d@example.com>');
    expect(t.lines[0]?.text).toBe('RCPT TO:<a%sb%d@example.com>');
  });

  it('masks AUTH PLAIN with an initial response', () => {
    const t = setup();
    t.client('AUTH PLAIN AGZvbwBiYXI=');
    t.server('235 2.7.0 Authentication successful');
    t.client('MAIL FROM:<foo@example.com>');
    expect(t.all()).not.toContain('AGZvbwBiYXI=');
    expect(t.lines[0]).toMatchObject({ direction: 'client', command: 'AUTH', text: 'AUTH PLAIN ****' });
    // The exchange is over: ordinary commands are shown again.
    expect(t.lines[2]).toMatchObject({ command: 'MAIL', text: 'MAIL FROM:<foo@example.com>' });
  });

  it('masks AUTH PLAIN sent after an empty 334 challenge', () => {
    const t = setup();
    t.client('AUTH PLAIN');
    t.server('334 ');
    t.client('AGZvbwBiYXI=');
    t.server('235 2.7.0 Accepted');
    expect(t.all()).not.toContain('AGZvbwBiYXI=');
    expect(t.lines[2]).toMatchObject({ direction: 'client', command: 'AUTH', text: '****' });
  });

  it('masks the AUTH LOGIN user and password lines until a reply other than 334', () => {
    const t = setup();
    t.client('AUTH LOGIN');
    t.server('334 VXNlcm5hbWU6');
    t.client('dXNlckBleGFtcGxlLmNvbQ==');
    t.server('334 UGFzc3dvcmQ6');
    t.client('c2VjcmV0LXBhc3N3b3Jk');
    t.server('235 2.7.0 Authentication successful');
    t.client('MAIL FROM:<user@example.com>');
    const text = t.all();
    expect(text).not.toContain('dXNlckBleGFtcGxlLmNvbQ==');
    expect(text).not.toContain('c2VjcmV0LXBhc3N3b3Jk');
    expect(t.lines.filter((l) => l.direction === 'client').map((l) => l.text)).toEqual([
      'AUTH LOGIN ****',
      '****',
      '****',
      'MAIL FROM:<user@example.com>',
    ]);
    // Server prompts are not secrets and stay visible.
    expect(text).toContain('334 VXNlcm5hbWU6');
  });

  it('masks AUTH LOGIN with the user as initial response, and a failed login ends the exchange', () => {
    const t = setup();
    t.client('AUTH LOGIN Zm9v');
    t.server('334 UGFzc3dvcmQ6');
    t.client('YmFy');
    t.server('535 5.7.8 Authentication credentials invalid');
    t.client('QUIT');
    expect(t.all()).not.toMatch(/Zm9v|YmFy/);
    expect(t.lines.at(-1)).toMatchObject({ command: 'QUIT', text: 'QUIT' });
  });

  it('masks CRAM-MD5 and XOAUTH2 and lower-case auth too', () => {
    const t = setup();
    t.client('AUTH CRAM-MD5');
    t.server('334 PDE4OTYuNjk3MTcwOTUyQHBvc3RvZmZpY2UucmVzdG9uLm1jaS5uZXQ+');
    t.client('Zm9vIDNhYmMxMjM0');
    t.server('235 ok');
    t.client('auth xoauth2 dXNlcj1mb28BYXV0aD1CZWFyZXIgdG9rZW4BAQ==');
    t.server('235 ok');
    const text = t.all();
    for (const secret of [...SECRETS, 'dXNlcj1mb28BYXV0aD1CZWFyZXIgdG9rZW4BAQ==']) expect(text).not.toContain(secret);
    expect(t.lines[4]?.text).toBe('AUTH XOAUTH2 ****');
  });

  it('masks secrets passed as format arguments, not only as the message', () => {
    const t = setup();
    t.logger.debug({ tnx: 'client' }, '%s', 'AUTH PLAIN AGZvbwBiYXI=');
    expect(t.all()).not.toContain('AGZvbwBiYXI=');
  });
});

describe('maskClientLine', () => {
  it('keeps the mechanism and hides everything after it', () => {
    expect(maskClientLine('AUTH PLAIN AGZvbwBiYXI=')).toBe('AUTH PLAIN ****');
    expect(maskClientLine('auth login')).toBe('AUTH LOGIN ****');
    expect(maskClientLine('EHLO host')).toBe('EHLO host');
  });
});
