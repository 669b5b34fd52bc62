/**
 * Mail data for the fake API: two receiving accounts with folders, a few
 * thousand generated messages and some hand-written ones (HTML with an inline
 * image, remote images and links; plain text with addresses; an attachment).
 * The handlers answer the mail.* commands as the core does: windows of a
 * sorted, filtered list, search over sender and subject, chunks of parts.
 * Used by unit tests and by `?bench=reader` to show the reading window
 * before the real core is there.
 */
import type { Folder, MailList, MailListRequest, MessageDetail, MessageSummary, SyncStatus } from '../../shared/mail-model';
import { MAIL_LIMITS, MessageSummarySchema } from '../../shared/mail-model';
import { err, ok } from '../../shared/errors';
import type { Handlers } from './fake-api';

const folder = (id: string, accountId: string, path: string, role: Folder['role'], total: number, unread: number): Folder => ({
  id, accountId, path, name: path.split('/').pop() ?? path, delimiter: '/', role, selectable: true, total, unread,
});

const PEOPLE = [
  { name: 'Ada Lovelace', address: 'ada@analytical.example' },
  { name: 'Grace Hopper', address: 'grace@navy.example' },
  { name: 'Alan Turing', address: 'alan@bletchley.example' },
  { name: 'Marie Curie', address: 'marie@radium.example' },
  { name: 'Sofia Kovalevskaya', address: 'sofia@stockholm.example' },
];
const SUBJECTS = ['Quarterly figures', 'Lunch on Thursday?', 'Draft of the paper', 'Re: meeting notes', 'Your invoice', 'Travel plans'];
const ME = { name: 'You', address: 'you@sandbox.test' };

/** A 2×2 PNG: the inline image of the newsletter. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVQI12P4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';
const REPORT_TEXT = 'Quarterly report\n\nRevenue grew 12 % on the quarter. The details are in the attached file.\n';

export const NEWSLETTER_HTML = `<html><head><style>h1 { color: #2456c7; font-size: 22px } .box { background: #eef3fb; padding: 12px; border-radius: 6px }</style></head>
<body><h1>Outbox Mail news</h1><p style="font-size:15px">Hello! Here is what changed this month.</p>
<p><img src="cid:logo@news" alt="Logo" width="48" height="48"></p>
<div class="box"><p>Read the <a href="https://outbox-mail.example/notes">release notes</a>, or <a href="mailto:team@outbox-mail.example">write to the team</a>.</p>
<p>Photos: <img src="https://images.outbox-mail.example/photo.jpg" alt="A photo" width="120" height="80"></p></div>
<p>Unsubscribe at <a href="https://evil.example/unsubscribe">https://outbox-mail.example/unsubscribe</a>.</p></body></html>`;

export interface FakeMail {
  folders: Folder[];
  messages: MessageDetail[];
  handlers: Handlers;
  sync: SyncStatus[];
  /** Puts a message at the top of its folder (as if it just arrived). */
  add(message: MessageDetail): void;
}

function summary(i: number, folderId: string, accountId: string, now: number): MessageDetail {
  const from = PEOPLE[i % PEOPLE.length] as (typeof PEOPLE)[number];
  const subject = `${SUBJECTS[i % SUBJECTS.length] as string} #${i + 1}`;
  return {
    id: `msg-${String(i).padStart(6, '0')}`,
    accountId,
    folderId,
    messageId: `m${i}@fake.test`,
    subject,
    from,
    to: [ME],
    cc: [],
    replyTo: [],
    inReplyTo: '',
    references: [],
    date: now - i * 3_600_000,
    size: 2000 + (i % 7) * 900,
    flags: { seen: i % 3 !== 0, flagged: i % 11 === 0, answered: false, draft: false },
    hasAttachments: false,
    preview: 'A few words from the start of the message, as the list shows them.',
    threadId: `t${i % 40}`,
    threadSize: 1,
    cached: true,
    text: `Hello,\n\nThis is message ${i + 1}. More at https://example.com/${i} or write to ${from.address}.\n\n${from.name}`,
    html: null,
    attachments: [],
    hasRemoteContent: false,
    remoteContentAllowed: false,
    problem: null,
  };
}

/** `keepOrder`: a plain folder list is sorted once and kept (the 100,000-message bench page, whose mail never changes). */
export function fakeMail(now = Date.now(), generated = 2000, keepOrder = false): FakeMail {
  const folders = [
    folder('sbx-inbox', 'local-sandbox', 'INBOX', 'inbox', generated + 2, 0),
    folder('sbx-reports', 'local-sandbox', 'Reports', 'reports', 0, 0),
    folder('work-inbox', 'work', 'INBOX', 'inbox', 0, 0),
    folder('work-sent', 'work', 'Sent', 'sent', 0, 0),
    folder('work-archive', 'work', 'Archive/2026', 'archive', 0, 0),
    folder('work-trash', 'work', 'Trash', 'trash', 0, 0),
  ];
  const messages: MessageDetail[] = [
    {
      ...summary(0, 'sbx-inbox', 'local-sandbox', now),
      id: 'msg-newsletter',
      subject: 'Outbox Mail news',
      from: { name: 'Outbox Mail team', address: 'news@outbox-mail.example' },
      date: now - 60_000,
      flags: { seen: false, flagged: true, answered: false, draft: false },
      text: null,
      html: NEWSLETTER_HTML,
      hasRemoteContent: true,
      attachments: [{ partId: '2', name: 'logo.png', type: 'image/png', size: 75, contentId: '<logo@news>', inline: true }],
    },
    {
      ...summary(1, 'sbx-inbox', 'local-sandbox', now),
      id: 'msg-report',
      subject: 'Quarterly report',
      from: PEOPLE[3] as (typeof PEOPLE)[number],
      date: now - 120_000,
      hasAttachments: true,
      text: REPORT_TEXT,
      attachments: [{ partId: '2', name: 'report.txt', type: 'text/plain', size: REPORT_TEXT.length, contentId: null, inline: false }],
    },
    ...Array.from({ length: generated }, (_, i) => summary(i + 2, 'sbx-inbox', 'local-sandbox', now)),
  ];
  const byId = new Map(messages.map((m) => [m.id, m]));
  const sync: SyncStatus[] = [
    { accountId: 'local-sandbox', state: 'idle', progress: null, lastSyncAt: now, error: null },
    { accountId: 'work', state: 'syncing', progress: { done: 1200, total: 4800 }, lastSyncAt: null, error: null },
  ];

  const kept = new Map<string, MessageSummary[]>();
  const list = (request: MailListRequest): MailList => {
    const query = request.query?.toLowerCase().trim() ?? '';
    const key = keepOrder && !query && !request.unreadOnly && !request.flaggedOnly && !request.threads ? `${request.folderId}|${request.sort}|${request.descending}` : null;
    const sorted = (key && kept.get(key)) || sortedRows(request, query);
    if (key) kept.set(key, sorted);
    // A list row carries the summary's fields only, as the core's does.
    const strip = (m: MessageSummary): MessageSummary => MessageSummarySchema.parse(m);
    return { total: sorted.length, offset: request.offset, rows: sorted.slice(request.offset, request.offset + request.limit).map(strip) };
  };
  const sortedRows = (request: MailListRequest, query: string): MessageSummary[] => {
    let rows: MessageSummary[] = messages.filter(
      (m) =>
        (query ? `${m.subject} ${m.from?.name ?? ''} ${m.from?.address ?? ''} ${m.text ?? ''}`.toLowerCase().includes(query) : m.folderId === request.folderId) &&
        (!request.unreadOnly || !m.flags.seen) &&
        (!request.flaggedOnly || m.flags.flagged),
    );
    const key = (m: MessageSummary): string | number =>
      request.sort === 'from' ? (m.from?.name ?? '') : request.sort === 'subject' ? m.subject : request.sort === 'size' ? m.size : m.date;
    rows = [...rows].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return request.descending === false ? order : -order;
    });
    if (request.threads) {
      const seen = new Map<string, MessageSummary>();
      for (const m of rows) {
        const first = seen.get(m.threadId);
        if (first) first.threadSize++;
        else seen.set(m.threadId, { ...m, threadSize: 1 });
      }
      rows = [...seen.values()];
    }
    return rows;
  };

  const attachmentBytes = (id: string, partId: string): { name: string; type: string; base64: string } | null => {
    if (id === 'msg-newsletter' && partId === '2') return { name: 'logo.png', type: 'image/png', base64: PNG_BASE64 };
    if (id === 'msg-report' && partId === '2') return { name: 'report.txt', type: 'text/plain', base64: btoa(REPORT_TEXT) };
    return null;
  };

  const handlers: Handlers = {
    'mail.folders': () => ok(folders),
    'mail.list': (request) => ok(list(request)),
    'mail.get': ({ id }) => {
      const message = byId.get(id);
      return message ? ok(message) : err('NOT_FOUND', `no message ${id}`);
    },
    'mail.attachment': ({ id, partId, offset }) => {
      const part = attachmentBytes(id, partId);
      if (!part) return err('NOT_FOUND', 'no such part');
      const bytes = atob(part.base64);
      const piece = bytes.slice(offset, offset + MAIL_LIMITS.attachmentChunkBytes);
      return ok({ name: part.name, type: part.type, total: bytes.length, offset, contentBase64: btoa(piece) });
    },
    'mail.allowRemoteContent': ({ id }) => {
      const message = byId.get(id);
      if (!message) return err('NOT_FOUND', `no message ${id}`);
      message.remoteContentAllowed = true;
      return ok(message);
    },
    'mail.syncStatus': () => ok(sync),
    'mail.sync': () => ok(sync),
    'mail.searchServer': () => ok({ state: 'done' as const, found: 0, fetched: 0 }),
    'app.openExternal': () => ok({ opened: false }),
  };
  const add = (message: MessageDetail) => {
    messages.unshift(message);
    byId.set(message.id, message);
  };
  return { folders, messages, handlers, sync, add };
}
