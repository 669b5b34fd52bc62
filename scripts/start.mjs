// `npm start`: the Electron app when an Electron binary is available, otherwise the browser host.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const found = electronBinary(createRequire(import.meta.url));

const child = found.path
  ? spawn(found.path, [root, ...args], { stdio: 'inherit' })
  : (console.log(`No Electron binary (${found.reason}); starting the browser host instead.`),
    spawn(process.execPath, [`${root}out/main/browser-host.cjs`, ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
