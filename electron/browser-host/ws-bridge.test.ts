import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import WebSocket from 'ws';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../../shared/bridge-protocol';
import type { Result } from '../../shared/errors';
import type { AppStatus } from '../../shared/model';
import { EventBus } from '../core/events';
import { attachBridge } from './ws-bridge';

const TOKEN = 'k3Qv8m1Zp0aX7yLbR2nW5tC9hJ4sE6dF';

let server: Server;
let origin: string;
let port: number;
let bus: EventBus;
let handle: Mock<(name: unknown, payload: unknown) => Promise<Result<unknown>>>;
let detach: () => void;
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = createServer((_req, res) => res.writeHead(404).end());
  bus = new EventBus();
  handle = vi.fn(async () => ({ ok: true, value: 42 }) as Result<unknown>);
  detach = attachBridge(server, { token: TOKEN, origin: () => origin, router: { handle }, events: bus });
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

const bridgeUrl = (query = `?${BRIDGE_TOKEN_PARAM}=${TOKEN}`, path = BRIDGE_PATH) => `ws://127.0.0.1:${port}${path}${query}`;

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

async function connected(): Promise<{ ws: WebSocket; messages: BridgeServerMessage[]; next: () => Promise<BridgeServerMessage> }> {
  const ws = open();
  const messages: BridgeServerMessage[] = [];
  const waiters: ((m: BridgeServerMessage) => void)[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as BridgeServerMessage;
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
  return { ws, messages, next };
}

const STATUS: AppStatus = { phase: 'ready', recovery: { total: 0, done: 0 }, online: true, host: 'browser', version: '0.1.0' };

describe('who may connect', () => {
  it('accepts the right token from the UI origin', async () => {
    expect(await outcome(open())).toBe('open');
  });

  it.each([
    ['no token', '', BRIDGE_PATH],
    ['an empty token', `?${BRIDGE_TOKEN_PARAM}=`, BRIDGE_PATH],
    ['a wrong token of the same length', `?${BRIDGE_TOKEN_PARAM}=${'x'.repeat(TOKEN.length)}`, BRIDGE_PATH],
    ['a token prefix', `?${BRIDGE_TOKEN_PARAM}=${TOKEN.slice(0, 8)}`, BRIDGE_PATH],
    ['a longer token', `?${BRIDGE_TOKEN_PARAM}=${TOKEN}x`, BRIDGE_PATH],
    ['the token under another name', `?t=${TOKEN}`, BRIDGE_PATH],
    ['a wrong path', `?${BRIDGE_TOKEN_PARAM}=${TOKEN}`, '/other'],
    ['a path below the bridge', `?${BRIDGE_TOKEN_PARAM}=${TOKEN}`, `${BRIDGE_PATH}/x`],
  ])('refuses %s with 403', async (_what, query, path) => {
    expect(await outcome(open(bridgeUrl(query, path)))).toBe(403);
    expect(handle).not.toHaveBeenCalled();
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
    expect(await outcome(open(bridgeUrl(), { Origin: 'http://127.0.0.1:9' }))).toBe('open');
  });
});

describe('invoke', () => {
  it('hands the call to the router and answers with the same id', async () => {
    const { ws, next } = await connected();
    ws.send(JSON.stringify({ t: 'invoke', id: 7, name: 'outbox.list', request: {} }));
    expect(await next()).toEqual({ t: 'result', id: 7, result: { ok: true, value: 42 } });
    expect(handle).toHaveBeenCalledWith('outbox.list', {});
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
    ws.send(JSON.stringify({ t: 'invoke', id: 4, name: 'outbox.list', request: {} }));
    const answer = await next();
    expect(answer).toMatchObject({ t: 'result', id: 4, result: { ok: false, error: { code: 'INTERNAL' } } });
    expect(JSON.stringify(answer)).not.toContain('secret detail');
    ws.send(JSON.stringify({ t: 'invoke', id: 5, name: 'outbox.list', request: {} }));
    expect(await next()).toEqual({ t: 'result', id: 5, result: { ok: true, value: 42 } });
  });

  it('ignores non-JSON and wrongly shaped messages without closing', async () => {
    const { ws, messages, next } = await connected();
    const junk = [
      'not json',
      '{"t":"invoke"',
      'null',
      '42',
      '"invoke"',
      '[]',
      JSON.stringify({ t: 'invoke', id: '1', name: 'outbox.list', request: {} }),
      JSON.stringify({ t: 'invoke', name: 'outbox.list', request: {} }),
      JSON.stringify({ t: 'result', id: 1, result: { ok: true } }),
      JSON.stringify({ t: 'event', name: 'app:status', payload: {} }),
      JSON.stringify({ id: 1, name: 'outbox.list' }),
    ];
    for (const text of junk) ws.send(text);
    ws.send(Buffer.from([0xff, 0xfe, 0x00]));
    ws.send(JSON.stringify({ t: 'invoke', id: 99, name: 'outbox.list', request: {} }));
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
    good.ws.send(JSON.stringify({ t: 'invoke', id: 1, name: 'outbox.list', request: {} }));
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
