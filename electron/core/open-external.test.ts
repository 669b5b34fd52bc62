import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore, type TestCore } from '../../testing/harness/test-core';

let core: TestCore | null = null;
afterEach(async () => {
  await core?.close();
  core = null;
});

describe('app.openExternal', () => {
  it('hands http(s) and mailto links to the host and says it did', async () => {
    const opened: string[] = [];
    core = await startTestCore({ openExternal: async (url) => void opened.push(url) });
    expect(await core.call('app.openExternal', { url: 'https://example.com/a' })).toEqual({ opened: true });
    expect(await core.call('app.openExternal', { url: 'mailto:ann@example.com' })).toEqual({ opened: true });
    expect(opened).toEqual(['https://example.com/a', 'mailto:ann@example.com']);
  });

  it('refuses any other scheme before the host sees it', async () => {
    const opened: string[] = [];
    core = await startTestCore({ openExternal: async (url) => void opened.push(url) });
    for (const url of ['javascript:alert(1)', 'file:///etc/passwd', 'data:text/html,x', 'https://u:p@example.com/']) {
      const result = await core.router.handle('app.openExternal', { url });
      expect(result.ok, url).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('INVALID_ARG');
    }
    expect(opened).toEqual([]);
  });

  it('answers opened: false where the host cannot open links (the browser host)', async () => {
    core = await startTestCore();
    expect(await core.call('app.openExternal', { url: 'https://example.com/' })).toEqual({ opened: false });
  });
});
