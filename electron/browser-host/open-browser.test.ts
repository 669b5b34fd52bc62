import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { displayProblem, openInChromium } from './open-browser';

const URL_WITH_TOKEN = 'http://127.0.0.1:4321/#token=SECRET-launch-token&mailto=mailto%3Aa%40b.test';

describe('openInChromium', () => {
  it('gives Chromium only the path of a 0600 launch page: the token is in no argument', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'outbox-open-'));
    const record = join(folder, 'argv.json');
    // A stand-in for Chromium that writes down the arguments it was given.
    const fake = join(folder, 'fake-chromium');
    writeFileSync(fake, `#!${process.execPath}\nrequire('fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
    chmodSync(fake, 0o755);
    const opened = openInChromium(URL_WITH_TOKEN, folder, undefined, { CHROMIUM_PATH: fake, DISPLAY: ':0' });
    expect(opened.opened).toBe(true);
    await vi.waitFor(() => expect(existsSync(record)).toBe(true), { timeout: 10_000 });
    const argv = JSON.parse(readFileSync(record, 'utf8')) as string[];
    expect(argv.join(' ')).not.toContain('SECRET-launch-token');
    const app = argv.find((a) => a.startsWith('--app='))?.slice('--app='.length) ?? '';
    const page = fileURLToPath(app);
    expect(statSync(page).mode & 0o777).toBe(0o600);
    expect(readFileSync(page, 'utf8')).toContain('url=http://127.0.0.1:4321/#token=SECRET-launch-token&amp;mailto=');
    if (opened.opened) opened.removePage();
    expect(existsSync(page)).toBe(false);
  });
});

describe('displayProblem', () => {
  it('says why no window can open on a Linux machine without a display', () => {
    expect(displayProblem('linux', {})).toMatch(/DISPLAY/);
    expect(displayProblem('linux', { DISPLAY: '' })).toMatch(/DISPLAY/);
  });
  it('has nothing to say when X11 or Wayland is there, or on other systems', () => {
    expect(displayProblem('linux', { DISPLAY: ':0' })).toBeNull();
    expect(displayProblem('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBeNull();
    expect(displayProblem('darwin', {})).toBeNull();
    expect(displayProblem('win32', {})).toBeNull();
  });
});
