// Finds the Electron binary: ELECTRON_OVERRIDE_DIST_PATH, or the one the electron package downloaded.
// Its download is not attempted at install time (see allowScripts in package.json), nor here:
// requiring the electron package itself would start a download when its binary is missing,
// so its path.txt is read instead.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export function electronBinary(require) {
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const exe = process.platform === 'win32' ? 'electron.exe' : process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron';
    const path = join(override, exe);
    return existsSync(path) ? { path } : { path: null, reason: `nothing at ${path}` };
  }
  let packageDir;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return { path: null, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const path = relative ? join(packageDir, 'dist', relative) : null;
  if (path && existsSync(path)) return { path };
  return { path: null, reason: 'it was not downloaded; `node node_modules/electron/install.js` fetches it where the network allows' };
}
