// Is the installed Electron still supported? Electron supports its newest three stable majors.
// The newest major comes from the npm registry's dist-tags when reachable (3 s at most);
// offline, from the figure recorded below, and the answer says which one it used.
// `node scripts/electron-support.mjs` prints one line; it exits 1 only when the major is
// known to be out of support, never because the registry could not be reached.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The newest stable major when this was last checked by hand: update it with each Electron upgrade. */
export const RECORDED = { latestMajor: 45, checkedOn: '2026-12-04' };
export const SUPPORTED_COUNT = 3;

const majorOf = (version) => Number(/^(\d+)\./.exec(String(version))?.[1] ?? NaN);

export function installedElectronMajor(require = createRequire(import.meta.url)) {
  const pkg = join(dirname(require.resolve('electron/package.json')), 'package.json');
  return majorOf(JSON.parse(readFileSync(pkg, 'utf8')).version);
}

export async function fetchLatestMajor(fetchImpl = fetch, timeoutMs = 3000) {
  const res = await fetchImpl('https://registry.npmjs.org/-/package/electron/dist-tags', { signal: AbortSignal.timeout(timeoutMs) });
  if (!res.ok) throw new Error(`registry answered ${res.status}`);
  const major = majorOf((await res.json()).latest);
  if (!Number.isInteger(major)) throw new Error('no latest tag');
  return major;
}

export function judge(installed, latestMajor, source) {
  const oldest = latestMajor - SUPPORTED_COUNT + 1;
  const supported = installed >= oldest && installed <= latestMajor;
  const range = `${oldest}–${latestMajor}`;
  return {
    supported,
    installed,
    range,
    source,
    message: supported
      ? `Electron ${installed} is supported (supported majors ${range}, from ${source}).`
      : `Electron ${installed} is out of support: the supported majors are ${range} (from ${source}). Upgrade the electron devDependency.`,
  };
}

export async function checkElectronSupport({ installed = installedElectronMajor(), latest = () => fetchLatestMajor() } = {}) {
  try {
    return judge(installed, await latest(), 'the npm registry');
  } catch (error) {
    return judge(installed, RECORDED.latestMajor, `the figure recorded on ${RECORDED.checkedOn}; the registry was not reachable: ${error?.message ?? error}`);
  }
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].split(/[\\/]/).pop())) {
  const result = await checkElectronSupport();
  console.log(result.message);
  process.exitCode = result.supported ? 0 : 1;
}
