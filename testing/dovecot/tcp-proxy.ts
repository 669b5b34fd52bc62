/**
 * A TCP relay on 127.0.0.1 in front of a server, so a test can cut the line
 * (every open connection reset at once) or refuse new ones, as a lost network does.
 */
import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Resets every open connection. */
  cut(): void;
  /**
   * The next time the server sends bytes matching `pattern`, they are held back and every open
   * connection is reset: the server has done the work, the client never hears it was done.
   */
  cutBeforeServerSends(pattern: RegExp, onCut?: () => void): void;
  /** The next time a client sends bytes matching `pattern`, they are passed on, then `onSent` is called. */
  afterClientSends(pattern: RegExp, onSent: () => void): void;
  /** Forgets what cutBeforeServerSends and afterClientSends were waiting for. */
  disarm(): void;
  /** While refusing, new connections are reset as soon as they arrive. */
  refuse(refusing: boolean): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let accepted = 0;
  let refusing = false;
  let cutOn: { pattern: RegExp; onCut?: () => void } | null = null;
  let sentOn: { pattern: RegExp; onSent: () => void } | null = null;
  const cutAll = () => {
    for (const s of open) s.resetAndDestroy();
  };
  const server = createServer((client) => {
    accepted++;
    if (refusing) return client.resetAndDestroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s));
      s.on('error', () => undefined);
    }
    client.on('data', (chunk: Buffer) => {
      if (!upstream.destroyed) upstream.write(chunk);
      if (sentOn && sentOn.pattern.test(chunk.toString('latin1'))) {
        const { onSent } = sentOn;
        sentOn = null;
        onSent();
      }
    });
    upstream.on('data', (chunk: Buffer) => {
      if (cutOn && cutOn.pattern.test(chunk.toString('latin1'))) {
        const { onCut } = cutOn;
        cutOn = null;
        onCut?.();
        cutAll();
        return;
      }
      if (!client.destroyed) client.write(chunk);
    });
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    connections: () => accepted,
    cut: cutAll,
    cutBeforeServerSends: (pattern, onCut) => {
      cutOn = { pattern, ...(onCut ? { onCut } : {}) };
    },
    afterClientSends: (pattern, onSent) => {
      sentOn = { pattern, onSent };
    },
    disarm: () => {
      cutOn = null;
      sentOn = null;
    },
    refuse: (value) => {
      refusing = value;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of open) s.destroy();
        server.close(() => resolve());
      }),
  };
}
