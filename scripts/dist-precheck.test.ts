import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'));
const zip = `electron-v${version}-${process.platform}-${process.arch}.zip`;
const home = mkdtempSync(join(tmpdir(), 'precheck-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs the pre-check with empty caches under a private home and the given mirror. */
function precheck(mirror: string, cache = join(home, 'empty-cache')): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, XDG_CACHE_HOME: join(home, 'xdg'), LOCALAPPDATA: join(home, 'local'), ELECTRON_BUILDER_CACHE: cache, ELECTRON_MIRROR: mirror };
  delete env.electron_config_cache;
  delete env.ELECTRON_CUSTOM_DIR;
  delete env.npm_config_electron_mirror;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(ROOT, 'scripts', 'dist-precheck.mjs')], { env });
    let stderr = '';
    let stdout = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.on('data', (d) => (stdout += d));
    child.on('exit', (code) => resolve({ code, stderr, stdout }));
  });
}

async function serve(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

describe('npm run dist pre-check', () => {
  it('stops with one line naming Electron when its build cannot be fetched', async () => {
    const { server, url } = await serve(() => undefined);
    server.close(); // The port is now closed: the connection is refused.
    const result = await precheck(url);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^dist: cannot fetch Electron ${version.replace(/\./g, '\\.')} .*ECONNREFUSED`));
  });

  it('stops with one line when the mirror lacks this build', async () => {
    const { server, url } = await serve((_req, res) => res.writeHead(404).end());
    const result = await precheck(url);
    server.close();
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('HTTP 404');
  });

  it('goes on, silently, when the build for this OS and CPU is there to fetch', async () => {
    const asked: string[] = [];
    const { server, url } = await serve((req, res) => {
      asked.push(`${req.method} ${req.url}`);
      res.writeHead(200).end();
    });
    const result = await precheck(url);
    server.close();
    expect(result).toEqual({ code: 0, stderr: '', stdout: '' });
    expect(asked).toEqual([`HEAD /v${version}/${zip}`]);
  });

  it('goes on without the network when the zip is already in the cache', async () => {
    const cache = join(home, 'full-cache');
    mkdirSync(join(cache, `electron-v${version}`), { recursive: true });
    writeFileSync(join(cache, `electron-v${version}`, zip), '');
    const { server, url } = await serve(() => undefined);
    server.close();
    expect((await precheck(url, cache)).code).toBe(0);
  });
});
