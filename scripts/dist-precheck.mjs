// `npm run dist` step 1: can electron-builder get the Electron build it packs? It downloads the
// zip for this OS and CPU (or takes it from its cache). Where it cannot, say so in one line and
// stop, before a long build ends in a network stack trace.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir, platform as osPlatform } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fail = (line) => {
  console.error(`dist: ${line}`);
  process.exit(1);
};

const electronPkg = join(root, 'node_modules', 'electron', 'package.json');
if (!existsSync(electronPkg)) fail('the electron package is not installed (npm ci installs it).');
const { version } = JSON.parse(readFileSync(electronPkg, 'utf8'));
const target = `${process.platform}-${process.arch}`;
const zip = `electron-v${version}-${target}.zip`;

/** Where electron-builder and @electron/get keep downloads, as they compute them. */
function cacheDirs() {
  const home = homedir();
  const local = process.env.LOCALAPPDATA;
  const xdg = process.env.XDG_CACHE_HOME || join(home, '.cache');
  const dirs = [process.env.ELECTRON_BUILDER_CACHE, process.env.electron_config_cache];
  if (osPlatform() === 'darwin') dirs.push(join(home, 'Library', 'Caches', 'electron-builder'), join(home, 'Library', 'Caches', 'electron'));
  else if (osPlatform() === 'win32') dirs.push(local && join(local, 'electron-builder', 'Cache'), local && join(local, 'electron', 'Cache'));
  else dirs.push(join(xdg, 'electron-builder'), join(xdg, 'electron'));
  return dirs.filter(Boolean);
}

function holds(dir, name, depth = 4) {
  if (depth < 0 || !existsSync(dir)) return false;
  for (const entry of readdirSync(dir)) {
    if (entry === name) return true;
    const path = join(dir, entry);
    if (statSync(path).isDirectory() && holds(path, name, depth - 1)) return true;
  }
  return false;
}

if (cacheDirs().some((dir) => holds(dir, zip))) process.exit(0);

const mirror = process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/';
const url = `${mirror.endsWith('/') ? mirror : `${mirror}/`}${process.env.ELECTRON_CUSTOM_DIR || `v${version}`}/${zip}`;
try {
  // A redirect is an answer: GitHub sends the file from elsewhere.
  const response = await fetch(url, { method: 'HEAD', redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  if (response.status >= 400) fail(`Electron ${version} for ${target} is not at ${url} (HTTP ${response.status}); set ELECTRON_MIRROR to a mirror that has it.`);
} catch (error) {
  const cause = error?.cause?.code ?? error?.name ?? 'network error';
  fail(`cannot fetch Electron ${version} for ${target} from ${new URL(url).host} (${cause}); build where it is reachable, set ELECTRON_MIRROR, or put ${zip} in ${cacheDirs()[0]}.`);
}
