/**
 * A core on the real SQLite store in a child process, for tests that need to
 * limit or kill the process that owns the database. Commands come as argv:
 *   submit <dir> <count> <bodyBytes>   submits held messages, prints one JSON result per line
 *   list <dir>                         prints the stored items as one JSON line
 *   crash <dir> <port> <count> <tag> [<imapPort> <user> <password>]
 *                                      sends through 127.0.0.1:<port>; prints "submitted <id> <messageId>"
 *                                      per durable submit, then "drained" once nothing is left to send
 *                                      (and, with an IMAP server, every Sent copy is filed)
 */
import { createCore, type Core } from '../../electron/core/create-core';
import { loopbackAccount } from './fixtures';

async function main(): Promise<void> {
  const [command, dir, ...rest] = process.argv.slice(2);
  if (!dir) throw new Error('usage: core-child submit|list <dir> ...');
  const core = await createCore({
    userDataDir: dir,
    host: 'browser',
    version: 'test',
    // Short retries so a run of crashes drains in seconds, not hours.
    spooler: { retry: { firstDelayMs: 200, factor: 1.5, maxDelayMs: 2000, jitter: 0.2, giveUpAfterMs: 3_600_000 } },
    sentCopy: { retry: { firstDelayMs: 200, factor: 1.5, maxDelayMs: 2000, jitter: 0.2, giveUpAfterMs: Infinity }, timeouts: { connect: 5000, greeting: 5000, socket: 15_000 } },
  });
  await core.ready;
  if (command === 'submit') {
    const [count, size] = rest.map(Number);
    const body = 'x'.repeat(size ?? 0);
    for (let i = 0; i < (count ?? 0); i++) {
      const result = await core.router.handle('outbox.submit', { to: 'ada@example.test', subject: `m${i}`, text: body, delaySeconds: 60 });
      process.stdout.write(`${JSON.stringify(result.ok ? { ok: true, id: (result.value as { id: string }).id } : { ok: false, error: result.error })}\n`);
    }
  } else if (command === 'crash') {
    const [port, count, tag, imapPort, user, password] = rest;
    const imap = imapPort && user && password ? { port: Number(imapPort), user, password } : null;
    await crashRun(core, Number(port), tag ?? 'run', Number(count), imap);
  } else if (command === 'list') {
    process.stdout.write(`${JSON.stringify(core.store.listItems())}\n`);
  }
  // No orderly close: with the disk full, closing may itself fail, and the test reads the store afresh anyway.
  // Exit only once stdout is flushed: a pipe is written asynchronously and exit would cut it short.
  process.stdout.write('', () => process.exit(0));
}

async function crashRun(core: Core, port: number, tag: string, count: number, imap: { port: number; user: string; password: string } | null): Promise<void> {
  const account = loopbackAccount('crash-sink-account', port, { name: 'Crash sink', from: { address: 'crash@sandbox.test' } });
  const stored = await core.db.accounts.get(account.id);
  if (!stored) await core.db.accounts.put(account);
  if (imap && !stored?.incoming) {
    // Saved through the service, so the IMAP password is sealed as the app seals it.
    const saved = await core.router.handle('accounts.save', {
      id: account.id,
      name: account.name,
      fromAddress: account.from.address,
      host: '127.0.0.1',
      port,
      security: 'none',
      auth: { mechanism: 'none', username: '' },
      incoming: { host: '127.0.0.1', port: imap.port, security: 'none', username: imap.user, secret: imap.password, sentCopy: 'append' },
    });
    if (!saved.ok) throw new Error(`account not saved: ${saved.error.message}`);
  }
  // All at once, like a user clicking Send quickly: each line is printed the moment its submit is durable.
  await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const result = await core.router.handle('outbox.submit', { accountId: account.id, to: 'sink@example.test', subject: `${tag}-${i}`, text: `crash test message ${tag}-${i}\n`, delaySeconds: 0 });
      if (result.ok) {
        const item = result.value as { id: string; messageId: string };
        process.stdout.write(`submitted ${item.id} ${item.messageId}\n`);
      }
    }),
  );
  for (;;) {
    const left = core.store.countInStates(['queued', 'deferred', 'sending']) + core.store.sentCopiesWaiting().length;
    if (left === 0) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  process.stdout.write('drained\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
