// Installs npm packages when node_modules is missing or older than the lockfile, so that
// `npm start` and `npm test` each work by themselves on a fresh clone.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const marker = `${root}node_modules/.package-lock.json`;
const stale = !existsSync(marker) || statSync(`${root}package-lock.json`).mtimeMs > statSync(marker).mtimeMs;
if (stale || process.env.FORCE_NPM_CI) {
  console.log('Installing npm packages (npm ci)...');
  execSync('npm ci --no-audit --no-fund', { cwd: root, stdio: 'inherit' });
}
