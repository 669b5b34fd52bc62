import { afterEach, describe, expect, it } from 'vitest';
import { BODY_CACHE_MIN_MB, bodyCacheLimitBytes, type Settings } from '../../../shared/model';
import { startTestCore, type TestCore } from '../../../testing/harness/test-core';

let core: TestCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('the cache size setting', () => {
  it('defaults to 2 GB, takes a size or "keep everything", and refuses a size below the minimum with a code', async () => {
    core = await startTestCore({ sqlite: true });
    expect(bodyCacheLimitBytes(await core.call<Settings>('settings.get', {}))).toBe(2048 * 1024 * 1024);
    expect((await core.call<Settings>('settings.update', { bodyCacheMb: 500 })).bodyCacheMb).toBe(500);
    const all = await core.call<Settings>('settings.update', { bodyCacheMb: null });
    expect(bodyCacheLimitBytes(all)).toBeNull();
    const refused = await core.call('settings.update', { bodyCacheMb: BODY_CACHE_MIN_MB - 1 }).catch((error: { appError?: { code: string } }) => error.appError?.code);
    expect(refused).toBe('INVALID_ARG');
    expect((await core.call<Settings>('settings.get', {})).bodyCacheMb).toBeNull();
  });
});
