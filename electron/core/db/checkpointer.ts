/**
 * Copies the write-ahead log back into the database file (a checkpoint) on a
 * worker thread with its own connection, so the fsyncs a checkpoint needs never
 * stall the event loop that runs the SMTP sessions. PASSIVE: it never blocks a
 * writer. The main connection keeps a far-off automatic checkpoint as a
 * backstop in case this worker cannot run.
 *
 * SQLite starts the log over from its beginning only when a write begins with
 * every frame copied back. Under a steady stream of commits the worker never
 * sees that (commits land while it copies), so the log would grow until the
 * backstop, every fsync then extending the file (about twice the cost of one
 * that overwrites, measured here). So once the worker is done, the main
 * connection copies the few frames committed meanwhile (`catchUp`), and its
 * next write starts the log over.
 */
import { Worker } from 'node:worker_threads';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.file, { nativeBinding: workerData.addon });
db.pragma('synchronous = NORMAL');
db.pragma('busy_timeout = 2000');
parentPort.on('message', (request) => {
  if (request === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
    // Again for what was committed during the first: it is short, and so is what is left for the main connection.
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    parentPort.postMessage({ ok: true, pages: result.log, copied: result.checkpointed });
  } catch (error) {
    parentPort.postMessage({ ok: false, message: String((error && error.message) || error) });
  }
});
`;

/**
 * A path inside the app's asar archive, as its unpacked copy beside it. electron-builder.yml unpacks
 * better-sqlite3 whole (a native addon cannot load from an archive), and a worker thread is given
 * real paths so it needs no help reading inside the archive.
 */
export function unpackedPath(path: string): string {
  return path.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2');
}

/** Commits between checkpoints: a few hundred keeps the log to a few megabytes. */
const COMMITS_PER_CHECKPOINT = 200;

export class Checkpointer {
  private readonly worker: Worker;
  private running = false;
  private commitsSince = 0;
  /** catchUpMs: time the main connection spent copying what the worker left (the event loop waits for it). */
  readonly stats = { checkpoints: 0, failures: 0, catchUpMs: 0 };

  constructor(
    file: string,
    onError: (message: string) => void = () => undefined,
    /** Runs on the main connection after each checkpoint of the worker's. */
    catchUp: () => void = () => undefined,
  ) {
    const workerData = {
      file,
      module: unpackedPath(require.resolve('better-sqlite3')),
      // Given by path, so the worker does not look for it through `bindings` (packed in the archive).
      addon: unpackedPath(require.resolve('better-sqlite3/build/Release/better_sqlite3.node')),
    };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    this.worker.unref();
    this.worker.on('message', (reply: { ok: boolean; message?: string }) => {
      this.running = false;
      this.stats.checkpoints++;
      if (!reply.ok) {
        this.stats.failures++;
        onError(reply.message ?? 'checkpoint failed');
        return;
      }
      try {
        const started = performance.now();
        catchUp();
        this.stats.catchUpMs += performance.now() - started;
      } catch (error) {
        onError(error instanceof Error ? error.message : String(error));
      }
    });
    this.worker.on('error', (error) => onError(error.message));
  }

  /** Told after each commit; asks for a checkpoint now and then, one at a time. */
  committed(): void {
    this.commitsSince++;
    if (this.running || this.commitsSince < COMMITS_PER_CHECKPOINT) return;
    this.commitsSince = 0;
    this.running = true;
    this.worker.postMessage('checkpoint');
  }

  close(): void {
    this.worker.postMessage('close');
  }
}
