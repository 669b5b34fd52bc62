// `npm start`: the Electron app when an Electron binary is available, otherwise the browser host.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const found = electronBinary(createRequire(import.meta.url));
// V8's young generation otherwise grows to 32 MB under the base64 churn of a large attachment's
// upload and send (the bench's memory part, docs/benchmarks.md). Only a flag given at process start
// takes effect: v8.setFlagsFromString run first thing (node -r) left it at 32 MB when measured, and
// app.commandLine.appendSwitch('js-flags') reaches renderers, not the main process. Electron reads
// --js-flags on its own command line for the main process too (its documentation).
// The same flags as electron/v8-flags.ts gives a packaged app.
const MAIN_V8_FLAGS = ['--max-semi-space-size=4'];

const child = found.path
  ? spawn(found.path, [`--js-flags=${MAIN_V8_FLAGS.join(' ')}`, root, ...args], { stdio: 'inherit' })
  : (console.log(`No Electron binary (${found.reason}); starting the browser host instead.`),
    spawn(process.execPath, [...MAIN_V8_FLAGS, `${root}out/main/browser-host.cjs`, ...args], { stdio: 'inherit' }));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
