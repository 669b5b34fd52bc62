import { describe, expect, it } from 'vitest';
import { MAIN_JS_FLAGS, relaunchArgs } from './v8-flags';

describe('relaunchArgs', () => {
  it('has a packaged app start again once with the flags, keeping its arguments (a mailto: link among them)', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(relaunchArgs(true, ['/opt/Outbox Mail/outbox-mail', 'mailto:ada@example.test'], env)).toEqual(['mailto:ada@example.test', MAIN_JS_FLAGS]);
    // The new process inherits the mark: it never relaunches again, even if the flag went missing.
    expect(relaunchArgs(true, ['/opt/Outbox Mail/outbox-mail'], env)).toBeNull();
  });

  it('goes on when the flags are there, and never relaunches npm start or tests', () => {
    expect(relaunchArgs(true, ['/opt/x', MAIN_JS_FLAGS], {})).toBeNull();
    expect(relaunchArgs(false, ['/usr/bin/electron', '.'], {})).toBeNull();
  });
});
