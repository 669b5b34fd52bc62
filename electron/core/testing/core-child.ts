/**
 * A core on the real SQLite store in a child process, for tests that need to
 * limit or kill the process that owns the database. Commands come as argv:
 *   submit <dir> <count> <bodyBytes>   submits held messages, prints one JSON result per line
 *   list <dir>                         prints the stored items as one JSON line
 */
import { createCore } from '../create-core';

async function main(): Promise<void> {
  const [command, dir, countArg, sizeArg] = process.argv.slice(2);
  if (!dir) throw new Error('usage: core-child submit|list <dir> ...');
  const core = await createCore({ userDataDir: dir, host: 'browser', version: 'test' });
  await core.ready;
  if (command === 'submit') {
    const body = 'x'.repeat(Number(sizeArg));
    for (let i = 0; i < Number(countArg); i++) {
      const result = await core.router.handle('outbox.submit', { to: 'ada@example.test', subject: `m${i}`, text: body, delaySeconds: 60 });
      process.stdout.write(`${JSON.stringify(result.ok ? { ok: true, id: (result.value as { id: string }).id } : { ok: false, error: result.error })}\n`);
    }
  } else if (command === 'list') {
    const result = await core.router.handle('outbox.list', {});
    process.stdout.write(`${JSON.stringify(result.ok ? result.value : [])}\n`);
  }
  // No orderly close: with the disk full, closing may itself fail, and the test reads the store afresh anyway.
  process.exit(0);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
