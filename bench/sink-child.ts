/**
 * The sink in its own process, so its work never shares an event loop (or,
 * on two cores, a CPU) with the client being measured. Driven over the fork
 * IPC channel: it sends { port } once listening and answers 'stats' / 'reset'.
 */
import { startSink } from './sink';

export type SinkRequest = 'stats' | 'reset' | 'close';
export interface SinkReply {
  port?: number;
  stats?: ReturnType<Awaited<ReturnType<typeof startSink>>['stats']>;
  /** CPU time (user + system) this process used since the last reset, in ms. */
  cpuMs?: number;
}

async function main(): Promise<void> {
  const sink = await startSink(Number(process.env.SINK_PORT ?? 0));
  let cpu = process.cpuUsage();
  const reply = (message: SinkReply) => process.send?.(message);
  process.on('message', async (request: SinkRequest) => {
    if (request === 'stats') {
      const used = process.cpuUsage(cpu);
      reply({ stats: sink.stats(), cpuMs: (used.user + used.system) / 1000 });
    } else if (request === 'reset') {
      sink.reset();
      cpu = process.cpuUsage();
      reply({ stats: sink.stats(), cpuMs: 0 });
    } else if (request === 'close') {
      await sink.close();
      process.exit(0);
    }
  });
  process.on('disconnect', () => process.exit(0));
  reply({ port: sink.port });
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
