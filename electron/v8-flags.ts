/**
 * V8 flags for the main process. They only take effect on its command line (appendSwitch reaches the
 * renderers, and v8.setFlagsFromString comes after the heap is sized), so `npm start` passes them
 * (scripts/start.mjs) and a packaged app, which has no launcher, starts itself once more with them.
 * A young generation of 4 MB semi-spaces keeps a large attachment's base64 from growing the main
 * process by more than the file (docs/benchmarks.md, memory).
 */
export const MAIN_JS_FLAGS = '--js-flags=--max-semi-space-size=4';
const RELAUNCHED = 'OUTBOX_MAIL_RELAUNCHED_WITH_FLAGS';

/**
 * How to start again, or null to go on: only a packaged app without the flags, and only once. An
 * AppImage is started by its own file: the folder the running binary sits in is unmounted when it exits.
 */
export function relaunchOptions(isPackaged: boolean, argv: readonly string[], env: NodeJS.ProcessEnv): { args: string[]; execPath?: string } | null {
  if (!isPackaged || argv.includes(MAIN_JS_FLAGS) || env[RELAUNCHED] === '1') return null;
  env[RELAUNCHED] = '1';
  return { args: [...argv.slice(1), MAIN_JS_FLAGS], ...(env.APPIMAGE ? { execPath: env.APPIMAGE } : {}) };
}
