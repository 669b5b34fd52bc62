import { describe, expect, it } from 'vitest';
import { MAIN_JS_FLAGS, relaunchOptions } from './v8-flags';

describe('relaunchOptions', () => {
  it('has a packaged app start again once with the flags, keeping its arguments (a mailto: link among them)', () => {
    const env: NodeJS.ProcessEnv = {};
    expect(relaunchOptions(true, ['/opt/Outbox Mail/outbox-mail', 'mailto:ada@example.test'], env)).toEqual({ args: ['mailto:ada@example.test', MAIN_JS_FLAGS] });
    // The new process inherits the mark: it never relaunches again, even if the flag went missing.
    expect(relaunchOptions(true, ['/opt/Outbox Mail/outbox-mail'], env)).toBeNull();
  });

  it('starts an AppImage again by its own file, not the mount that goes away', () => {
    const env: NodeJS.ProcessEnv = { APPIMAGE: '/home/ada/Outbox_Mail.AppImage' };
    expect(relaunchOptions(true, ['/tmp/.mount_Outbox/outbox-mail'], env)).toEqual({ args: [MAIN_JS_FLAGS], execPath: '/home/ada/Outbox_Mail.AppImage' });
  });

  it('goes on when the flags are there, and never relaunches npm start or tests', () => {
    expect(relaunchOptions(true, ['/opt/x', MAIN_JS_FLAGS], {})).toBeNull();
    expect(relaunchOptions(false, ['/usr/bin/electron', '.'], {})).toBeNull();
  });
});
