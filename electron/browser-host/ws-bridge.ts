/**
 * The browser host's IPC: a WebSocket that carries the contract between the
 * page and the core. Anything local could connect to a loopback port, so a
 * socket is accepted only with the random token and from the UI's own origin.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_MAX_MESSAGE_BYTES, BRIDGE_PATH, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../../shared/bridge-protocol';
import { err } from '../../shared/errors';
import type { EventBus } from '../core/events';
import type { Router } from '../core/ipc/router';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function isAllowedUpgrade(req: IncomingMessage, token: string, origin: string): boolean {
  let url: URL;
  try {
    url = new URL(req.url ?? '', 'http://x');
  } catch {
    return false;
  }
  return url.pathname === BRIDGE_PATH && req.headers.origin === origin && sameSecret(url.searchParams.get(BRIDGE_TOKEN_PARAM) ?? '', token);
}

export function attachBridge(server: Server, options: { token: string; origin: () => string; router: Router; events: EventBus }): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES });
  const send = (socket: WebSocket, message: BridgeServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    if (!isAllowedUpgrade(req, options.token, options.origin())) {
      // The HTTP server no longer watches an upgrading socket: without this, a client that resets
      // the connection would throw an unhandled 'error' and take the whole host down.
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const unsubscribe = options.events.onAny((name, payload) => send(ws, { t: 'event', name, payload }));
    ws.on('close', unsubscribe);
    // A protocol error (bad frame, oversized message) closes this socket; unhandled it would crash the host.
    ws.on('error', () => ws.terminate());
    ws.on('message', async (data) => {
      let message: { t?: unknown; id?: unknown; name?: unknown; request?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return; // not ours; nothing to answer to
      }
      if (message?.t !== 'invoke' || typeof message.id !== 'number') return;
      const result = await options.router.handle(message.name, message.request).catch(() => err('INTERNAL', 'The mail core failed.'));
      send(ws, { t: 'result', id: message.id, result });
    });
  });

  return () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
}
