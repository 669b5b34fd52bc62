/**
 * Discovery against a real HTTP server on loopback. `locate` points every
 * lookup URL at it as /<host><path>, so one server plays every domain; the
 * https-only rule itself is checked on the URLs asked for.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppError, AppFailure } from '../../../../shared/errors';
import { fetchBounded } from './bounded-fetch';
import { discoverSettings, lookupUrls } from './discover';

type Route = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server | undefined;
const asked: string[] = [];

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r) ?? r(undefined));
  server = undefined;
  asked.length = 0;
});

async function serve(routes: Record<string, Route>): Promise<(url: URL) => URL> {
  server = createServer((req, res) => {
    const path = (req.url ?? '').split('?')[0] ?? '';
    asked.push(req.url ?? '');
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end('not here');
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return (url) => new URL(`http://127.0.0.1:${port}/${url.host}${url.pathname}${url.search}`);
}

const xml = (imapHost: string) => `<clientConfig version="1.1"><emailProvider id="x"><displayName>Example</displayName>
<incomingServer type="imap"><hostname>${imapHost}</hostname><port>993</port><socketType>SSL</socketType><username>%EMAILADDRESS%</username></incomingServer>
<outgoingServer type="smtp"><hostname>smtp.example.org</hostname><port>465</port><socketType>SSL</socketType><username>%EMAILLOCALPART%</username></outgoingServer>
</emailProvider></clientConfig>`;

const send = (body: string, headers: Record<string, string> = {}): Route => (_req, res) => res.writeHead(200, { 'content-type': 'text/xml', ...headers }).end(body);
const AUTOCONFIG = '/autoconfig.example.org/mail/config-v1.1.xml';
const WELL_KNOWN = '/example.org/.well-known/autoconfig/mail/config-v1.1.xml';

describe('discoverSettings', () => {
  it('asks autoconfig.<domain> over https, with the address, and then the well-known URL', () => {
    const urls = lookupUrls('ann@example.org').map((l) => `${l.source} ${l.url.href}`);
    expect(urls).toEqual([
      'autoconfig https://autoconfig.example.org/mail/config-v1.1.xml?emailaddress=ann%40example.org',
      'well-known https://example.org/.well-known/autoconfig/mail/config-v1.1.xml',
    ]);
  });

  it('fills both halves from autoconfig.<domain>, preferred over the well-known URL', async () => {
    const locate = await serve({ [AUTOCONFIG]: send(xml('imap.example.org')), [WELL_KNOWN]: send(xml('other.example.org')) });
    const found = await discoverSettings('Ann@Example.org', { locate });
    expect(found).toEqual({
      source: 'autoconfig',
      incoming: { host: 'imap.example.org', port: 993, security: 'tls', username: 'Ann@example.org' },
      outgoing: { host: 'smtp.example.org', port: 465, security: 'tls', username: 'Ann' },
      displayName: 'Example',
    });
    expect(asked).toContain(`${AUTOCONFIG}?emailaddress=Ann%40example.org`);
  });

  it('falls back to the well-known URL when autoconfig.<domain> has nothing or something unreadable', async () => {
    const locate = await serve({ [AUTOCONFIG]: send('<html>parked domain</html>'), [WELL_KNOWN]: send(xml('imap.example.org')) });
    const found = await discoverSettings('ann@example.org', { locate });
    expect(found.source).toBe('well-known');
    expect(found.incoming?.host).toBe('imap.example.org');
  });

  it('says "none" when neither URL answers, so the form is filled in by hand', async () => {
    const locate = await serve({});
    expect(await discoverSettings('ann@example.org', { locate })).toEqual({ source: 'none', incoming: null, outgoing: null, displayName: null });
  });

  it('refuses redirects instead of following them', async () => {
    const locate = await serve({
      [AUTOCONFIG]: (_req, res) => res.writeHead(302, { location: WELL_KNOWN.replace('example.org', 'evil.example') }).end(),
      [WELL_KNOWN.replace('example.org', 'evil.example')]: send(xml('imap.evil.example')),
    });
    expect((await discoverSettings('ann@example.org', { locate })).source).toBe('none');
    expect(asked.some((u) => u.startsWith('/evil.example'))).toBe(false);
  });

  it('gives up on a server that does not answer in time', async () => {
    const locate = await serve({ [AUTOCONFIG]: () => undefined, [WELL_KNOWN]: (_req, res) => setTimeout(() => res.writeHead(200).end(xml('late.example.org')), 3_000) });
    const found = await discoverSettings('ann@example.org', { locate, limits: { timeoutMs: 400, maxBytes: 64 * 1024 } });
    // Had it waited, it would have found the late answer: 'none' is the proof that it gave up, however slow the machine.
    expect(found.source).toBe('none');
  });

  it('cuts off an answer bigger than the cap, declared or streamed', async () => {
    const big = xml('imap.example.org') + ' '.repeat(100_000);
    const locate = await serve({
      [AUTOCONFIG]: send(big),
      [WELL_KNOWN]: (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/xml' });
        res.write(xml('imap.example.org'));
        res.end(' '.repeat(100_000));
      },
    });
    expect((await discoverSettings('ann@example.org', { locate, limits: { timeoutMs: 5_000, maxBytes: 16 * 1024 } })).source).toBe('none');
    const streamed = await fetchBounded(locate(new URL(`https:/${WELL_KNOWN}`)), { timeoutMs: 5_000, maxBytes: 16 * 1024 });
    expect(streamed).toEqual({ ok: false, why: 'too-large' });
  });

  it('refuses an input that is not an address, and sets up an IP-literal domain by hand', async () => {
    const error = await discoverSettings('not an address').catch((e: AppFailure) => e.appError);
    expect((error as AppError).code).toBe('INVALID_ARG');
    const locate = await serve({});
    expect((await discoverSettings('ann@[127.0.0.1]', { locate })).source).toBe('none');
    expect(asked).toEqual([]);
  });
});
