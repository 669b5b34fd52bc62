// Finds the Electron binary: ELECTRON_OVERRIDE_DIST_PATH, or the one the electron package downloaded.
// Its download is not attempted at install time (see allowScripts in package.json).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export function electronBinary(require) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const path = join(override, exe);
    return existsSync(path) ? { path } : { path: null, reason: `nothing at ${path}` };
  }
  try {
    const path = require('electron');
    return typeof path === 'string' && existsSync(path) ? { path } : { path: null, reason: 'the electron package has no binary' };
  } catch {
    return { path: null, reason: 'it was not downloaded; `node node_modules/electron/install.js` fetches it where the network allows' };
  }
}
