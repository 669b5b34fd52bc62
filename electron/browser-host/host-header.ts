/**
 * A page on another site can reach a loopback port through a name that
 * resolves to 127.0.0.1 (DNS rebinding); its requests then carry that name in
 * Host. Only the exact loopback address and port the host listens on pass.
 */
import type { IncomingMessage } from 'node:http';

export function isOwnHost(req: IncomingMessage, origin: string): boolean {
  return origin !== '' && req.headers.host === new URL(origin).host;
}
