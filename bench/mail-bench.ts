/**
 * `npm run bench`, reading mail (scripts/bench.mjs bundles and runs this after the outbox parts):
 *   1. sync of a 10,000-message Dovecot folder (headers) by the sync engine, against a plain
 *      imapflow fetch loop over the same folder in the same run (needs root: a private Dovecot)
 *   2. opening a cached message (MailService.get) p95
 *   3. a folder of 100,000 messages: first window p95, search p95, RSS of this process with them cached
 * Sizes: BENCH_MAIL_SYNC (10,000; 0 skips part 1), BENCH_MAIL_ROWS (100,000). Prints one `mail-bench:` line per figure.
 */
import { appendFileSync, existsSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ImapFlow } from 'imapflow';
import type { Account } from '../shared/model';
import { startDovecot } from '../testing/dovecot/dovecot-instance';
import { seedMaildir } from '../testing/dovecot/maildir-seed';
import { EventBus } from '../electron/core/events';
import { HEADER_QUERY } from '../electron/core/imap/fetched-message';
import { SyncEngine } from '../electron/core/imap/sync-engine';
import { BodyFiles } from '../electron/core/mail/body-files';
import { folderIdFor } from '../electron/core/mail/ids';
import { openMailCache } from '../electron/core/mail/mail-cache';
import { MailService } from '../electron/core/mail/mail-service';
import type { NewMessage } from '../electron/core/mail/message-rows';

const SYNC_MESSAGES = Number(process.env.BENCH_MAIL_SYNC ?? 10_000);
const ROWS = Number(process.env.BENCH_MAIL_ROWS ?? 100_000);
const silent = { info: () => undefined, error: () => undefined };

const p95 = (samples: number[]): number => {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] as number;
};
const ms = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;
const printed: string[] = [];
const print = (name: string, value: string) => {
  printed.push(`- ${name}: ${value}`);
  console.log(`mail-bench: ${name} ${value}`);
};

/** The figures as a section of docs/benchmarks.md (written just before by the outbox parts). */
function appendSection(): void {
  const file = join(__dirname, '..', '..', 'docs', 'benchmarks.md');
  if (!existsSync(file)) return;
  appendFileSync(file, `\n## 5. Reading mail (mail-bench, ${new Date().toISOString().slice(0, 10)}, load ${loadavg()[0]!.toFixed(2)} at start)\n\n${printed.join('\n')}\n`);
}

async function syncAgainstPlainLoop(): Promise<void> {
  if (SYNC_MESSAGES <= 0) return;
  if (process.getuid?.() !== 0) {
    print('sync', 'skipped: needs root to run a private Dovecot (run npm run bench as root)');
    return;
  }
  const dovecot = await startDovecot();
  try {
    const now = Date.now();
    seedMaildir(dovecot.maildir, '', Array.from({ length: SYNC_MESSAGES }, (_, i) => ({ subject: `Bench ${i}`, date: new Date(now - i * 60_000) })), { uid: dovecot.uid, gid: dovecot.gid });
    // Dovecot indexes the new files on first SELECT; let that happen outside both measurements.
    const warm = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await warm.connect();
    await warm.mailboxOpen('INBOX');
    await warm.logout();

    const plainStart = process.hrtime.bigint();
    const plain = new ImapFlow({ host: '127.0.0.1', port: dovecot.port, secure: false, doSTARTTLS: false, auth: { user: dovecot.user, pass: dovecot.password }, logger: false });
    await plain.connect();
    await plain.mailboxOpen('INBOX', { readOnly: true });
    let fetched = 0;
    for await (const message of plain.fetch('1:*', HEADER_QUERY, { uid: true })) if (message.uid) fetched++;
    await plain.logout();
    const plainMs = ms(plainStart);

    const dir = mkdtempSync(join(tmpdir(), 'mail-bench-'));
    const cache = openMailCache(join(dir, 'mail.sqlite'));
    const events = new EventBus();
    const account = {
      id: 'bench-account',
      incoming: { host: '127.0.0.1', port: dovecot.port, security: 'none', username: dovecot.user, hasSecret: true, trustedCertificate: null },
    } as unknown as Account;
    const engine = new SyncEngine({
      account,
      credentials: async () => ({ user: dovecot.user, pass: dovecot.password }),
      cache,
      storeBody: async () => undefined,
      events,
      log: silent,
      tuning: { prefetchPerFolder: 0 },
    });
    const coreStart = process.hrtime.bigint();
    const done = new Promise<void>((resolve) => events.onAny((name, payload) => name === 'mail:sync' && (payload as { state: string; lastSyncAt: number | null }).state === 'idle' && (payload as { lastSyncAt: number | null }).lastSyncAt !== null && resolve()));
    engine.start();
    await done;
    const coreMs = ms(coreStart);
    await engine.stop();
    const stored = cache.uidsOf(folderIdFor(account.id, 'INBOX')).length;
    cache.close();
    print('sync', `messages=${stored} plain_fetched=${fetched} core_ms=${coreMs.toFixed(0)} plain_ms=${plainMs.toFixed(0)} ratio=${(plainMs / coreMs).toFixed(2)}x (target >= 0.8x)`);
  } finally {
    await dovecot.stop();
  }
}

function synthetic(uid: number, now: number): NewMessage {
  const words = ['invoice', 'lighthouse', 'meeting', 'garden', 'report', 'holiday', 'budget', 'keys', 'river', 'train'];
  return {
    uid,
    messageId: `bench-${uid}@example.test`,
    subject: `${words[uid % 10]} ${words[(uid * 7) % 10]} number ${uid}`,
    from: { name: `Person ${uid % 997}`, address: `person${uid % 997}@example.test` },
    to: [{ address: 'me@example.test' }],
    cc: [],
    replyTo: [],
    inReplyTo: uid % 3 === 0 ? `bench-${uid - 1}@example.test` : '',
    references: uid % 3 === 0 ? [`bench-${uid - 1}@example.test`] : [],
    date: now - uid * 30_000,
    size: 2000 + (uid % 5000),
    flags: { seen: uid % 4 !== 0, flagged: uid % 50 === 0, answered: false, draft: false },
    hasAttachments: uid % 20 === 0,
  };
}

async function bigFolder(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'mail-bench-'));
  const cache = openMailCache(join(dir, 'mail.sqlite'));
  const bodies = new BodyFiles(join(dir, 'bodies'));
  const service = new MailService(cache, bodies, async () => Promise.reject(new Error('offline')), new EventBus());
  const folderId = folderIdFor('bench-account', 'INBOX');
  await cache.setFolders('bench-account', [{ id: folderId, accountId: 'bench-account', path: 'INBOX', name: 'Inbox', delimiter: '/', role: 'inbox', selectable: true }]);
  const now = Date.now();
  for (let start = 1; start <= ROWS; start += 2000) {
    await cache.addMessages(folderId, 1, Array.from({ length: Math.min(2000, ROWS - start + 1) }, (_, i) => synthetic(start + i, now)));
  }
  // Bodies for the newest 200, as the prefetch would leave them.
  const newest = service.list({ folderId, offset: 0, limit: 200 }).rows;
  for (const [i, row] of newest.entries()) {
    const raw = Buffer.from(`From: a@example.test\r\nSubject: ${row.subject}\r\nContent-Type: text/plain\r\n\r\n${'Some body text about the river and the garden. '.repeat(40)} ${i}\r\n`);
    await service.store(cache.row(row.id)!, raw);
  }
  global.gc?.();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;

  const windows: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = process.hrtime.bigint();
    service.list({ folderId, offset: (i * 997) % (ROWS - 100), limit: 100, sort: (['date', 'from', 'subject', 'size'] as const)[i % 4] });
    windows.push(ms(start));
  }
  const firstWindow: number[] = [];
  for (let i = 0; i < 20; i++) {
    const start = process.hrtime.bigint();
    service.list({ folderId, offset: 0, limit: 100 });
    firstWindow.push(ms(start));
  }
  const threads: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = process.hrtime.bigint();
    service.list({ folderId, offset: 0, limit: 100, threads: true });
    threads.push(ms(start));
  }
  const queries = ['lighthouse', 'invoice meet', 'person12', 'garden report', 'number 4242', 'riv', 'budget keys', 'holiday'];
  const searches: number[] = [];
  for (let i = 0; i < 80; i++) {
    const start = process.hrtime.bigint();
    service.list({ offset: 0, limit: 50, query: queries[i % queries.length] as string });
    searches.push(ms(start));
  }
  const opens: number[] = [];
  for (let i = 0; i < 200; i++) {
    const start = process.hrtime.bigint();
    await service.get(newest[i % newest.length]!.id);
    opens.push(ms(start));
  }
  cache.close();
  print('folder', `rows=${ROWS} first_window_p95_ms=${p95(firstWindow).toFixed(1)} (target < 200) window_p95_ms=${p95(windows).toFixed(1)} threads_p95_ms=${p95(threads).toFixed(1)}`);
  print('search', `rows=${ROWS} p95_ms=${p95(searches).toFixed(1)} (target < 100)`);
  print('open', `cached_p95_ms=${p95(opens).toFixed(1)} (target < 50)`);
  print('rss', `rss_mb=${rssMb.toFixed(0)} with ${ROWS} headers cached (bench process)`);
}

async function main(): Promise<void> {
  await bigFolder();
  await syncAgainstPlainLoop();
  appendSection();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error('mail-bench failed:', error);
    process.exit(1);
  },
);
