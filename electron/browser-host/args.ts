/** Command line of the browser host: --user-data DIR, --port N (0 = any free port), --no-open, and a mailto: link to compose. */
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface HostArgs {
  userDataDir: string;
  port: number;
  open: boolean;
  /** A mailto: URI to open Compose with (as the OS passes it to a mail client). */
  mailto: string | null;
}

/** Same folder Electron's app.getPath('userData') would use for this product name. */
export function defaultUserDataDir(platform = process.platform, env = process.env): string {
  const product = 'Outbox Mail';
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), product);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', product);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), product);
}

export function parseHostArgs(argv: string[]): HostArgs {
  const args: HostArgs = { userDataDir: defaultUserDataDir(), port: 0, open: true, mailto: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (/^mailto:/i.test(arg)) {
      args.mailto = arg;
      continue;
    }
    const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      // "--user-data --no-open" is a forgotten value, not a folder called "--no-open".
      if (v === undefined || v === '' || (inline === undefined && v.startsWith('--'))) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--user-data') args.userDataDir = value();
    else if (flag === '--port') {
      const text = value();
      // Digits only: Number() would also take " 80", "1e3" and "0x50".
      const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('--port must be an integer from 0 to 65535');
      args.port = port;
    } else if (flag === '--no-open') args.open = false;
    else throw new Error(`unknown option ${arg}`);
  }
  return args;
}
