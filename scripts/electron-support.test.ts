import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module without types
import { checkElectronSupport, installedElectronMajor, judge, RECORDED } from './electron-support.mjs';

describe('supported Electron', () => {
  it('the newest three majors are supported; older or newer ones are not', () => {
    expect(judge(45, 45, 'x').supported).toBe(true);
    expect(judge(43, 45, 'x').supported).toBe(true);
    expect(judge(42, 45, 'x')).toMatchObject({ supported: false, range: '43–45' });
    expect(judge(39, 45, 'x').message).toContain('out of support');
  });

  it('says so when a newer Electron moves the installed major out of the three', async () => {
    const result = await checkElectronSupport({ installed: 45, latest: async () => 48 });
    expect(result).toMatchObject({ supported: false, range: '46–48', source: 'the npm registry' });
  });

  it('offline it falls back to the recorded figure, says so, and does not fail for that', async () => {
    const result = await checkElectronSupport({ installed: RECORDED.latestMajor, latest: async () => Promise.reject(new Error('getaddrinfo ENOTFOUND')) });
    expect(result.supported).toBe(true);
    expect(result.source).toContain('not reachable');
  });

  it('the installed Electron is supported (registry where reachable, else the recorded figure)', async () => {
    const result = await checkElectronSupport();
    expect(result.installed).toBe(installedElectronMajor());
    expect(result.supported, result.message).toBe(true);
  }, 10_000);
});
