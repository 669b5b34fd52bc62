import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PATH, BRIDGE_SESSION_PARAM, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../../shared/bridge-protocol';
import type { Result } from '../../shared/errors';
import type { AppStatus } from '../../shared/model';
import { EventBus } from '../core/events';
import { BridgeSessions } from './sessions';
import { attachBridge } from './ws-bridge';

const GRACE_MS = 300;

let server: Server;
let origin: string;
let port: number;
let bus: EventBus;
let handle: Mock<(name: unknown, payload: unknown) => Promise<Result<unknown>>>;
let detach: () => void;
let sessions: BridgeSessions;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = createServer((_req, res) => res.writeHead(404).end());
  bus = new EventBus();
  handle = vi.fn(async () => ({ ok: true, value: 42 }) as Result<unknown>);
  sessions = new BridgeSessions(GRACE_MS);
  detach = attachBridge(server, { sessions, origin: () => origin, router: { handle }, events: bus });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  detach();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** By default with a fresh launch token, as a newly opened page has. */
const bridgeUrl = (query = `?${BRIDGE_TOKEN_PARAM}=${sessions.issueToken()}`, path = BRIDGE_PATH) => `ws://127.0.0.1:${port}${path}${query}`;

function open(url = bridgeUrl(), headers: Record<string, string> = { Origin: origin }): WebSocket {
  const ws = new WebSocket(url, { headers });
  sockets.push(ws);
  return ws;
}

/** Resolves with the HTTP status the upgrade was refused with, or 'open' when it was accepted. */
function outcome(ws: WebSocket): Promise<number | 'open' | 'error'> {
  return new Promise((resolve) => {
    ws.once('open', () => resolve('open'));
    ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.once('error', () => resolve('error'));
  });
}

async function connected(url = bridgeUrl()): Promise<{ ws: WebSocket; messages: BridgeServerMessage[]; next: () => Promise<BridgeServerMessage>; session: () => string }> {
  const ws = open(url);
  const messages: BridgeServerMessage[] = [];
  const waiters: ((m: BridgeServerMessage) => void)[] = [];
  let session = '';
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as BridgeServerMessage;
    if (message.t === 'session') {
      session = message.session;
      return;
    }
    messages.push(message);
    waiters.shift()?.(message);
  });
  expect(await outcome(ws)).toBe('open');
  let read = 0;
  const next = () =>
    new Promise<BridgeServerMessage>((resolve) => {
      if (read < messages.length) resolve(messages[read++]!);
      else
        waiters.push((m) => {
          read++;
          resolve(m);
        });
    });
  return { ws, messages, next, session: () => session };
}

const STATUS: AppStatus = { phase: 'ready', recovery: { total: 0, done: 0 }, online: true, host: 'browser', version: '0.1.0' };

describe('who may connect', () => {
  it('accepts the right token from the UI origin', async () => {
    expect(await outcome(open())).toBe('open');
  });

  it.each([
    ['no token', () => '', BRIDGE_PATH],
    ['an empty token', () => `?${BRIDGE_TOKEN_PARAM}=`, BRIDGE_PATH],
    ['a wrong token of the same length', (token: string) => `?${BRIDGE_TOKEN_PARAM}=${'x'.repeat(token.length)}`, BRIDGE_PATH],
    ['a token prefix', (token: string) => `?${BRIDGE_TOKEN_PARAM}=${token.slice(0, 8)}`, BRIDGE_PATH],
    ['a longer token', (token: string) => `?${BRIDGE_TOKEN_PARAM}=${token}x`, BRIDGE_PATH],
    ['the token under another name', (token: string) => `?t=${token}`, BRIDGE_PATH],
    ['the token given as a session', (token: string) => `?${BRIDGE_SESSION_PARAM}=${token}`, BRIDGE_PATH],
    ['a wrong path', (token: string) => `?${BRIDGE_TOKEN_PARAM}=${token}`, '/other'],
    ['a path below the bridge', (token: string) => `?${BRIDGE_TOKEN_PARAM}=${token}`, `${BRIDGE_PATH}/x`],
  ])('refuses %s with 403', async (_what, query, path) => {
    const token = sessions.issueToken();
    expect(await outcome(open(bridgeUrl(query(token), path)))).toBe(403);
    expect(handle).not.toHaveBeenCalled();
    // A refused attempt does not spend the token.
    expect(await outcome(open(bridgeUrl(`?${BRIDGE_TOKEN_PARAM}=${token}`)))).toBe('open');
  });

  it.each([
    ['a rebinding name', 'evil.example:PORT'],
    ['localhost', 'localhost:PORT'],
    ['another port', '127.0.0.1:1'],
  ])('refuses a Host header of %s with 403', async (_what, host) => {
    expect(await outcome(open(bridgeUrl(), { Origin: origin, Host: host.replace('PORT', String(port)) }))).toBe(403);
  });

  it.each([
    ['no Origin header', {}],
    ['another site', { Origin: 'http://evil.example' }],
    ['another port on loopback', { Origin: 'http://127.0.0.1:1' }],
    ['localhost instead of 127.0.0.1', { Origin: 'http://localhost:PORT' }],
    ['the null origin', { Origin: 'null' }],
  ])('refuses %s with 403', async (_what, headers: Record<string, string>) => {
    const fixed = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.replace('PORT', String(port))]));
    expect(await outcome(open(bridgeUrl(), fixed))).toBe(403);
  });

  it('reads the origin when the socket connects, not when the bridge was attached', async () => {
    origin = 'http://127.0.0.1:9';
    expect(await outcome(open(bridgeUrl(), { Origin: 'http://127.0.0.1:9', Host: '127.0.0.1:9' }))).toBe('open');
  });
});

describe('the one-time token and the page session', () => {
  it('trades the launch token for a session, once', async () => {
    const token = sessions.issueToken();
    const first = await connected(bridgeUrl(`?${BRIDGE_TOKEN_PARAM}=${token}`));
    await vi.waitFor(() => expect(first.session()).not.toBe(''));
    expect(first.session()).not.toBe(token);
    // Spent: a second page presenting it is refused, even while the first is open or after it left.
    expect(await outcome(open(bridgeUrl(`?${BRIDGE_TOKEN_PARAM}=${token}`)))).toBe(403);
    first.ws.close();
    expect(await outcome(open(bridgeUrl(`?${BRIDGE_TOKEN_PARAM}=${token}`)))).toBe(403);
  });

  it('the session brings its page back after a reload, but is not shared while in use', async () => {
    const first = await connected();
    await vi.waitFor(() => expect(first.session()).not.toBe(''));
    const withSession = bridgeUrl(`?${BRIDGE_SESSION_PARAM}=${first.session()}`);
    expect(await outcome(open(withSession))).toBe(403);
    const closed = new Promise((r) => first.ws.once('close', r));
    first.ws.close();
    await closed;
    const again = await connected(withSession);
    again.ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'app.status', request: {} }));
    expect(await again.next()).toEqual({ t: 'result', id: 1, result: { ok: true, value: 42 } });
    // A reconnect gets no new session: it keeps the one it has.
    expect(again.session()).toBe('');
  });

  it('a session expires when its page has been gone longer than the grace', async () => {
    const first = await connected();
    await vi.waitFor(() => expect(first.session()).not.toBe(''));
    const closed = new Promise((r) => first.ws.once('close', r));
    first.ws.close();
    await closed;
    await new Promise((r) => setTimeout(r, GRACE_MS * 3));
    expect(await outcome(open(bridgeUrl(`?${BRIDGE_SESSION_PARAM}=${first.session()}`)))).toBe(403);
  });

  it('detach ends every session and spends every token', async () => {
    const token = sessions.issueToken();
    detach();
    expect(await outcome(open(bridgeUrl(`?${BRIDGE_TOKEN_PARAM}=${token}`)))).not.toBe('open');
  });
});

describe('invoke', () => {
  it('hands the call to the router and answers with the same id', async () => {
    const { ws, next } = await connected();
    ws.send(JSON.stringify({ t: 'invoke', id: 7, name: 'app.status', request: {} }));
    expect(await next()).toEqual({ t: 'result', id: 7, result: { ok: true, value: 42 } });
    expect(handle).toHaveBeenCalledWith('app.status', {});
  });

  it('matches each answer to its call when they finish out of order', async () => {
    handle.mockImplementation(async (name, payload) => {
      await new Promise((r) => setTimeout(r, name === 'slow' ? 60 : 0));
      return { ok: true, value: payload };
    });
    const { ws, next } = await connected();
    ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'slow', request: 'first' }));
    ws.send(JSON.stringify({ t: 'invoke', id: 2, name: 'fast', request: 'second' }));
    expect(await next()).toEqual({ t: 'result', id: 2, result: { ok: true, value: 'second' } });
    expect(await next()).toEqual({ t: 'result', id: 1, result: { ok: true, value: 'first' } });
  });

  it('passes the router refusal through unchanged', async () => {
    handle.mockResolvedValue({ ok: false, error: { code: 'INVALID_ARG', message: 'Unknown command.' } });
    const { ws, next } = await connected();
    ws.send(JSON.stringify({ t: 'invoke', id: 3, name: '__proto__', request: null }));
    expect(await next()).toEqual({ t: 'result', id: 3, result: { ok: false, error: { code: 'INVALID_ARG', message: 'Unknown command.' } } });
  });

  it('answers INTERNAL if the router itself throws, and keeps the socket', async () => {
    handle.mockRejectedValueOnce(new Error('router exploded: secret detail'));
    const { ws, next } = await connected();
    ws.send(JSON.stringify({ t: 'invoke', id: 4, name: 'app.status', request: {} }));
    const answer = await next();
    expect(answer).toMatchObject({ t: 'result', id: 4, result: { ok: false, error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(answer)).not.toContain('secret detail');
    ws.send(JSON.stringify({ t: 'invoke', id: 5, name: 'app.status', request: {} }));
    expect(await next()).toEqual({ t: 'result', id: 5, result: { ok: true, value: 42 } });
  });

  it('answers a malformed frame that carries an id with INVALID_ARG, without calling the core', async () => {
    const { ws, next } = await connected();
    const malformed = [
      { t: 'result', id: 11, result: { ok: true } },
      { id: 12, name: 'app.status' },
      { t: 'invoke', id: 13, name: 42, request: {} },
      { t: 'invoke', id: 14 },
      { t: 'other', id: 15, name: 'app.status' },
    ];
    for (const frame of malformed) {
      ws.send(JSON.stringify(frame));
      expect(await next()).toMatchObject({ t: 'result', id: frame.id, result: { ok: false, error: { code: 'INVALID_ARG' } } });
    }
    expect(handle).not.toHaveBeenCalled();
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('ignores non-JSON and messages without a numeric id, without closing', async () => {
    const { ws, messages, next } = await connected();
    const junk = [
      'not json',
      '{"t":"invoke"',
      'null',
      '42',
      '"invoke"',
      '[]',
      JSON.stringify({ t: 'invoke', id: '1', name: 'app.status', request: {} }),
      JSON.stringify({ t: 'invoke', name: 'app.status', request: {} }),
      JSON.stringify({ t: 'event', name: 'app:status', payload: {} }),
    ];
    for (const text of junk) ws.send(text);
    ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    ws.send(JSON.stringify({ t: 'invoke', id: 99, name: 'app.status', request: {} }));
    expect(await next()).toEqual({ t: 'result', id: 99, result: { ok: true, value: 42 } });
    expect(messages).toHaveLength(1);
    expect(handle).toHaveBeenCalledTimes(1);
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe('a misbehaving client', () => {
  it('sending a broken frame loses its own socket and nothing else', async () => {
    const bad = await connected();
    const good = await connected();
    const closed = new Promise<number>((r) => bad.ws.once('close', (code) => r(code)));
    // A text frame that is not UTF-8 is a protocol error on the server side.
    bad.ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect(await closed).toBe(1007);
    good.ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'app.status', request: {} }));
    expect(await good.next()).toEqual({ t: 'result', id: 1, result: { ok: true, value: 42 } });
  });
});

describe('refused upgrades', () => {
  it('survive clients that reset the connection right away', async () => {
    const { connect } = await import('node:net');
    const request = `GET /other HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`;
    await Promise.all(
      Array.from({ length: 30 }, () =>
        new Promise<void>((resolve) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(request);
            setImmediate(() => socket.resetAndDestroy());
          });
          socket.on('error', () => undefined);
          socket.on('close', () => resolve());
        }),
      ),
    );
    await new Promise((r) => setTimeout(r, 50));
    expect(await outcome(open())).toBe('open');
  });
});

describe('events', () => {
  it('pushes every bus event to every connected page', async () => {
    const a = await connected();
    const b = await connected();
    bus.emit('app:status', STATUS);
    expect(await a.next()).toEqual({ t: 'event', name: 'app:status', payload: STATUS });
    expect(await b.next()).toEqual({ t: 'event', name: 'app:status', payload: STATUS });
  });

  it('stops listening to the bus when a page goes away', async () => {
    const listeners = () => (bus as unknown as { listeners: Set<unknown> }).listeners.size;
    const { ws } = await connected();
    expect(listeners()).toBe(1);
    const closed = new Promise((r) => ws.once('close', r));
    ws.close();
    await closed;
    await vi.waitFor(() => expect(listeners()).toBe(0));
    // Emitting afterwards is harmless.
    bus.emit('app:status', STATUS);
  });

  it('detach closes the open sockets', async () => {
    const { ws } = await connected();
    const closed = new Promise((r) => ws.once('close', r));
    detach();
    await closed;
    expect(ws.readyState).toBe(WebSocket.CLOSED);
  });
});
