/**
 * Submit latency: from the IPC call to its resolution, which is the durable
 * write. Timed one submit at a time with the spooler idle (items are held
 * 60 s), through the router as the Electron host calls it, and optionally
 * through the browser host's WebSocket bridge (client in this same process).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket } from 'ws';
import { BRIDGE_PATH, BRIDGE_TOKEN_PARAM, type BridgeServerMessage } from '../shared/bridge-protocol';
import { BridgeSessions } from '../electron/browser-host/sessions';
import { attachBridge } from '../electron/browser-host/ws-bridge';
import type { Core } from '../electron/core/create-core';
import { BENCH_TO, benchBody, percentile } from './common';

export interface LatencyStats {
  count: number;
  warmup: number;
  refused: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

const WARMUP = 20;
const draft = (i: number) => ({ to: BENCH_TO, subject: `held ${i}`, text: benchBody(2000, i), delaySeconds: 60 });

async function measure(count: number, submit: (i: number) => Promise<boolean>): Promise<LatencyStats> {
  let refused = 0;
  for (let i = 0; i < WARMUP; i++) if (!(await submit(-1 - i))) refused++;
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const ok = await submit(i);
    times.push(performance.now() - started);
    if (!ok) refused++;
  }
  const sorted = [...times].sort((a, b) => a - b);
  return {
    count,
    warmup: WARMUP,
    refused,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? NaN,
    mean: times.reduce((a, b) => a + b, 0) / (times.length || 1),
  };
}

export function timeSubmits(core: Core, count: number): Promise<LatencyStats> {
  return measure(count, async (i) => (await core.router.handle('outbox.submit', draft(i))).ok);
}

export async function timeSubmitsOverBridge(core: Core, count: number): Promise<LatencyStats> {
  const sessions = new BridgeSessions();
  const token = sessions.issueToken();
  let origin = '';
  const server = createServer((_req, res) => res.end());
  const detach = attachBridge(server, { sessions, origin: () => origin, router: core.router, events: core.events });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const ws = new WebSocket(`${origin.replace('http', 'ws')}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${token}`, { origin });
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  const waiting = new Map<number, (ok: boolean) => void>();
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as BridgeServerMessage;
    if (message.t === 'result') waiting.get(message.id)?.(message.result.ok);
  });
  let nextId = 1;
  const stats = await measure(count, (i) => {
    const id = nextId++;
    return new Promise<boolean>((resolve) => {
      waiting.set(id, (ok) => {
        waiting.delete(id);
        resolve(ok);
      });
      ws.send(JSON.stringify({ t: 'invoke', id, name: 'outbox.submit', request: draft(i) }));
    });
  });
  ws.close();
  detach();
  server.close();
  return stats;
}
