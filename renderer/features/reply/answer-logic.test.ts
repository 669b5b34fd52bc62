import { describe, expect, it } from 'vitest';
import type { MessageDetail } from '../../../shared/mail-model';
import { makeAccount } from '../../store/test-fixtures';
import { answerMessage, answeringAccount, newMessageFor, type AnswerContext } from './answer-logic';

const message: MessageDetail = {
  id: 'message-0001',
  accountId: 'work-account',
  folderId: 'folder-0001',
  messageId: 'orig@example.org',
  subject: 'AW: Plans',
  from: { name: 'Ann', address: 'ann@example.org' },
  to: [{ address: 'me@home.test' }, { address: 'bob@example.org' }],
  cc: [{ address: 'cat@example.org' }],
  replyTo: [],
  inReplyTo: 'root@example.org',
  references: ['root@example.org'],
  date: Date.UTC(2026, 11, 1, 9, 30),
  size: 100,
  flags: { seen: true, flagged: false, answered: false, draft: false },
  hasAttachments: false,
  preview: '',
  threadId: 'root@example.org',
  threadSize: 1,
  cached: true,
  text: 'See you <there>.\n> earlier',
  html: '<p>See you <img src="https://t.example/x.gif"></p>',
  attachments: [],
  hasRemoteContent: true,
  remoteContentAllowed: false,
  problem: null,
};

const work = makeAccount({ id: 'work-account', from: { address: 'me@work.test' } });
const home = makeAccount({ id: 'home-account', from: { address: 'me@home.test' }, signature: { html: '<p><strong>Me</strong></p>', text: 'Me' } });
const context = (over: Partial<AnswerContext> = {}): AnswerContext => ({
  accounts: [work, home],
  signatureAboveQuote: true,
  attachments: [],
  wording: {
    attribution: (date, name) => `On ${new Date(date).toISOString()}, ${name} wrote:`,
    forwardedHeader: '--- Forwarded ---',
    labels: { from: 'From', date: 'Date', subject: 'Subject', to: 'To', cc: 'Cc' },
    formatDate: (ms) => new Date(ms).toISOString(),
  },
  ...over,
});

describe('answering a message', () => {
  it('is sent from the account the mail was addressed to, else the one it came in', () => {
    expect(answeringAccount(message, [work, home])?.id).toBe('home-account');
    expect(answeringAccount({ ...message, to: [{ address: 'x@y.z' }] }, [work, home])?.id).toBe('work-account');
  });

  it('Reply: sender, Re: subject, threading, attribution and quote, the signature above the quote', () => {
    const reply = answerMessage(message, 'reply', context());
    expect(reply.chips).toEqual({ to: ['Ann <ann@example.org>'], cc: [], bcc: [] });
    expect(reply.subject).toBe('Re: Plans');
    expect(reply.accountId).toBe('home-account');
    expect(reply.threading).toEqual({ inReplyTo: 'orig@example.org', references: ['root@example.org', 'orig@example.org'] });
    expect(reply.text).toBe('\n\n-- \nMe\n\nOn 2026-12-01T09:30:00.000Z, Ann wrote:\n> See you <there>.\n>> earlier');
    expect(reply.html.indexOf('<strong>Me</strong>')).toBeLessThan(reply.html.indexOf('<blockquote>'));
    expect(reply.html).toContain('<blockquote><p>See you &lt;there&gt;.</p><p>&gt; earlier</p></blockquote>');
    expect(reply.html).not.toContain('<img');
  });

  it('the signature goes below the quote when the setting says so', () => {
    const reply = answerMessage(message, 'reply', context({ signatureAboveQuote: false }));
    expect(reply.text.endsWith('-- \nMe')).toBe(true);
    expect(reply.html.indexOf('<strong>Me</strong>')).toBeGreaterThan(reply.html.indexOf('</blockquote>'));
  });

  it('Reply all: everyone but me, Cc kept as Cc', () => {
    const all = answerMessage(message, 'replyAll', context());
    expect(all.chips).toEqual({ to: ['Ann <ann@example.org>', 'bob@example.org'], cc: ['cat@example.org'], bcc: [] });
  });

  it('Forward: no recipients, Fwd: subject, the header block and the text, the files given, no threading', () => {
    const files = [{ key: 'a1', name: 'plan.pdf', type: 'application/pdf', size: 3, sha256: 'a'.repeat(64) }];
    const forward = answerMessage(message, 'forward', context({ attachments: files }));
    expect(forward.chips).toEqual({ to: [], cc: [], bcc: [] });
    expect(forward.subject).toBe('Fwd: Plans');
    expect(forward.attachments).toEqual(files);
    expect(forward.threading).toBeNull();
    expect(forward.text).toContain('--- Forwarded ---\nFrom: Ann <ann@example.org>\nDate: 2026-12-01T09:30:00.000Z\nSubject: AW: Plans\nTo: me@home.test, bob@example.org\nCc: cat@example.org\n\nSee you <there>.');
    const asFile = answerMessage(message, 'forwardAsAttachment', context({ attachments: files }));
    expect(asFile.text).not.toContain('Forwarded');
    expect(asFile.attachments).toEqual(files);
  });
});

describe('a new message', () => {
  const blank = { chips: { to: [], cc: [], bcc: [] }, subject: '', text: '', html: '', attachments: [], accountId: null, dsn: null, readReceipt: false };
  it('starts with the account signature under an empty line, or blank without one', () => {
    const signed = newMessageFor(home, blank);
    expect(signed.text).toBe('\n\n-- \nMe');
    expect(signed.html).toBe('<p></p><p></p><p>-- </p><p><strong>Me</strong></p>');
    expect(newMessageFor(work, blank)).toBe(blank);
    expect(newMessageFor(undefined, blank)).toBe(blank);
  });
});
