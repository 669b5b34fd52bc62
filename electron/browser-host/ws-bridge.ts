/**
 * The browser host's IPC: a WebSocket that carries the contract between the
 * page and the core. Anything local could connect to a loopback port, so a
 * socket is accepted only from the UI's own origin and host, and only with a
 * one-time launch token (traded for a session) or that page's live session.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { BRIDGE_MAX_MESSAGE_BYTES, BRIDGE_PATH, BRIDGE_SESSION_PARAM, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../../shared/bridge-protocol';
import { err } from '../../shared/errors';
import type { EventBus } from '../core/events';
import type { Router } from '../core/ipc/router';
import { isOwnHost } from './host-header';
import type { BridgeSessions } from './sessions';

/** What the upgrade carried: a session claimed for this socket (and whether it was just traded for the launch token), or nothing. */
type Admission = { session: string; traded: boolean } | null;

export function admit(req: IncomingMessage, sessions: BridgeSessions, origin: string): Admission {
  let url: URL;
  try {
    url = new URL(req.url ?? '', 'http://x');
  } catch {
    return null;
  }
  if (url.pathname !== BRIDGE_PATH || req.headers.origin !== origin || !isOwnHost(req, origin)) return null;
  const session = url.searchParams.get(BRIDGE_SESSION_PARAM);
  if (session !== null) return sessions.claim(session) ? { session, traded: false } : null;
  const traded = sessions.trade(url.searchParams.get(BRIDGE_TOKEN_PARAM) ?? '');
  if (traded === null || !sessions.claim(traded)) return null;
  return { session: traded, traded: true };
}

/** A frame that names an id but is not a well-formed call: the caller is owed an answer. */
function malformedId(message: unknown): number | null {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
  const { t, id, name } = message as { t?: unknown; id?: unknown; name?: unknown };
  if (typeof id !== 'number' || !Number.isFinite(id)) return null;
  return t === 'invoke' && typeof name === 'string' ? null : id;
}

export function attachBridge(server: Server, options: { sessions: BridgeSessions; origin: () => string; router: Router; events: EventBus }): () => void {
  const wss = new WebSocketServer({ noServer: true, maxPayload: BRIDGE_MAX_MESSAGE_BYTES });
  const send = (socket: WebSocket, message: BridgeServerMessage) => {
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
  };

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const admission = admit(req, options.sessions, options.origin());
    if (!admission) {
      // The HTTP server no longer watches an upgrading socket: without this, a client that resets
      // the connection would throw an unhandled 'error' and take the whole host down.
      socket.on('error', () => socket.destroy());
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, admission));
  });

  wss.on('connection', (ws: WebSocket, admission: NonNullable<Admission>) => {
    if (admission.traded) send(ws, { t: 'session', session: admission.session });
    const unsubscribe = options.events.onAny((name, payload) => send(ws, { t: 'event', name, payload }));
    ws.on('close', () => {
      unsubscribe();
      options.sessions.release(admission.session);
    });
    // A protocol error (bad frame, oversized message) closes this socket; unhandled it would crash the host.
    ws.on('error', () => ws.terminate());
    ws.on('message', async (data) => {
      let message: { t?: unknown; id?: unknown; name?: unknown; request?: unknown };
      try {
        message = JSON.parse(String(data));
      } catch {
        return; // no id to answer to
      }
      const malformed = malformedId(message);
      if (malformed !== null) {
        send(ws, { t: 'result', id: malformed, result: err('INVALID_ARG', 'The message is not a call.') });
        return;
      }
      if (message?.t !== 'invoke' || typeof message.id !== 'number') return;
      const result = await options.router.handle(message.name, message.request).catch(() => err('INTERNAL', 'The mail core failed.'));
      send(ws, { t: 'result', id: message.id, result });
    });
  });

  return () => {
    for (const client of wss.clients) client.terminate();
    wss.close();
    options.sessions.clear();
  };
}
