import { homedir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultUserDataDir, parseHostArgs } from './args';

describe('parseHostArgs', () => {
  it('defaults to any free port, opening the browser, in the standard user-data folder', () => {
    expect(parseHostArgs([])).toEqual({ userDataDir: defaultUserDataDir(), port: 0, open: true, mailto: null });
  });

  it('reads --user-data with a separate or inline value', () => {
    expect(parseHostArgs(['--user-data', '/tmp/mail data']).userDataDir).toBe('/tmp/mail data');
    expect(parseHostArgs(['--user-data=/tmp/x=y']).userDataDir).toBe('/tmp/x=y');
  });

  it('reads --port 0, --port N and --port=N', () => {
    expect(parseHostArgs(['--port', '0']).port).toBe(0);
    expect(parseHostArgs(['--port', '8080']).port).toBe(8080);
    expect(parseHostArgs(['--port=123']).port).toBe(123);
    expect(parseHostArgs(['--port', '65535']).port).toBe(65535);
  });

  it('reads --no-open', () => {
    expect(parseHostArgs(['--no-open']).open).toBe(false);
  });

  it('combines options in any order; the last one wins', () => {
    expect(parseHostArgs(['--no-open', '--port=1', '--user-data', '/a', '--port', '2'])).toEqual({ userDataDir: '/a', port: 2, open: false, mailto: null });
  });

  it.each([
    [['--port', 'abc']],
    [['--port', '-1']],
    [['--port', '65536']],
    [['--port', '1.5']],
    [['--port', '1e3']],
    [['--port', '0x50']],
    [['--port', ' 80']],
    [['--port', 'Infinity']],
    [['--port']],
    [['--port=']],
    [['--port', '']],
  ])('refuses an invalid port: %j', (argv) => {
    expect(() => parseHostArgs(argv)).toThrow(/--port/);
  });

  it.each([[['--user-data']], [['--user-data=']], [['--user-data', '']]])('refuses a missing user-data folder: %j', (argv) => {
    expect(() => parseHostArgs(argv)).toThrow(/--user-data needs a value/);
  });

  it('does not take the next option for a missing value', () => {
    expect(() => parseHostArgs(['--user-data', '--no-open'])).toThrow(/--user-data needs a value/);
    expect(() => parseHostArgs(['--port', '--no-open'])).toThrow(/--port/);
  });

  it.each([[['--bogus']], [['-p', '80']], [['--open']], [['--user-data', '/x', 'extra']], [['--USER-DATA', '/x']]])(
    'refuses an unknown option: %j',
    (argv) => {
      expect(() => parseHostArgs(argv)).toThrow(/unknown option/);
    },
  );
});

describe('defaultUserDataDir', () => {
  it('follows Electron app.getPath("userData") on each platform', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' })).toBe(join('/xdg', 'Outbox Mail'));
    expect(defaultUserDataDir('linux', {})).toBe(join(homedir(), '.config', 'Outbox Mail'));
    expect(defaultUserDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Outbox Mail'));
    expect(defaultUserDataDir('win32', { APPDATA: '/appdata' })).toBe(join('/appdata', 'Outbox Mail'));
    expect(defaultUserDataDir('win32', {})).toBe(join(homedir(), 'AppData', 'Roaming', 'Outbox Mail'));
  });

  it('takes a mailto: link as it comes from the OS, query and all', () => {
    const link = 'mailto:ada@example.test?subject=Caf%C3%A9&body=a=b';
    expect(parseHostArgs(['--no-open', link]).mailto).toBe(link);
    expect(parseHostArgs([]).mailto).toBeNull();
  });
});
