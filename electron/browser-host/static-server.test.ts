import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy, createStaticHandler } from './static-server';

let base: string;
let root: string;
let server: Server;
let port: number;
let origin: string;

const INDEX = '<!doctype html><title>Outbox Mail</title><script type="module" src="/app.js"></script>';
const SECRET = 'SECRET-OUTSIDE-ROOT';

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'static-test-'));
  root = join(base, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'app.js'), 'console.log("app")');
  writeFileSync(join(root, 'assets', 'style.css'), 'body{}');
  writeFileSync(join(base, 'package.json'), SECRET);
  // A sibling whose name starts with the root's name must not count as inside it.
  mkdirSync(join(base, 'renderer-private'));
  writeFileSync(join(base, 'renderer-private', 'key.txt'), SECRET);
  server = createServer(createStaticHandler(root, () => origin));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(base, { recursive: true, force: true });
});

interface Response {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** Sends the path exactly as written: no client-side normalisation of dots or escapes. */
function get(path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static server', () => {
  it('serves index.html at / with a strict CSP and safe headers', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.body).toBe(INDEX);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${port}`);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('serves files with their type and length', async () => {
    const js = await get('/app.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe('console.log("app")');
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['content-length']).toBe(String('console.log("app")'.length));
    const css = await get('/assets/style.css?v=1#x');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD with headers only', async () => {
    const res = await get('/index.html', 'HEAD');
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(res.headers['content-length']).toBe(String(INDEX.length));
  });

  it.each(['POST', 'PUT', 'DELETE', 'OPTIONS'])('refuses %s with 405', async (method) => {
    const res = await get('/index.html', method);
    expect(res.status).toBe(405);
    expect(res.body).toBe('');
  });

  it.each(['/missing.js', '/assets', '/assets/', '/index.html/x'])('answers 404 for %s', async (path) => {
    const res = await get(path);
    expect(res.status).toBe(404);
    expect(res.headers['content-security-policy']).toBeUndefined();
  });

  it.each([
    '/../package.json',
    '/../../package.json',
    '/assets/../../package.json',
    '/%2e%2e/package.json',
    '/%2E%2E/%2e%2e/package.json',
    '/..%2fpackage.json',
    '/%2e%2e%2fpackage.json',
    '/assets/..%2f..%2fpackage.json',
    '/..%2frenderer-private%2fkey.txt',
    '/%2e%2e%2frenderer-private/key.txt',
    '/..\\package.json',
    '//../package.json',
  ])('never serves a file outside the root for %s', async (path) => {
    const res = await get(path);
    expect(res.status).not.toBe(200);
    expect([400, 403, 404]).toContain(res.status);
    expect(res.body).not.toContain(SECRET);
  });

  it('refuses an encoded escape out of the root with 403', async () => {
    expect((await get('/..%2fpackage.json')).status).toBe(403);
    expect((await get('/..%2frenderer-private%2fkey.txt')).status).toBe(403);
  });

  it('refuses a NUL byte', async () => {
    const res = await get('/index.html%00.js');
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('Outbox Mail');
  });

  it('answers 400 for a malformed escape', async () => {
    expect((await get('/%E0%A4%A')).status).toBe(400);
  });
});

describe('the Host header', () => {
  it.each([
    ['a rebinding name', 'evil.example:PORT'],
    ['localhost', 'localhost:PORT'],
    ['another port', '127.0.0.1:1'],
    ['no port', '127.0.0.1'],
  ])('refuses %s with 403', async (_what, host) => {
    const res = await get('/', 'GET', { host: host.replace('PORT', String(port)) });
    expect(res.status).toBe(403);
    expect(res.body).not.toContain('Outbox Mail');
  });
});

describe('contentSecurityPolicy', () => {
  it('allows the bridge socket of its own origin only', () => {
    const csp = contentSecurityPolicy('http://127.0.0.1:4321');
    expect(csp).toContain("connect-src 'self' ws://127.0.0.1:4321");
    expect(csp.split('; ').find((d) => d.startsWith('connect-src'))).toBe("connect-src 'self' ws://127.0.0.1:4321");
  });
});
