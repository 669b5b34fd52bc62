/**
 * Electron fuses, flipped in the packaged binary at package time (electron-builder's
 * afterPack hook: `afterPack: scripts/fuses.mjs`). Each turns off a way to make
 * the signed app run code that is not ours, or turns on a protection.
 */
import { join } from 'node:path';
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';

/** Every fuse Electron 45 has, each set on purpose (strictlyRequireAllFuses refuses a binary with one we did not decide). */
export const FUSES = {
  // ELECTRON_RUN_AS_NODE would turn the app into a plain Node that runs any script.
  RunAsNode: false,
  // Chromium's cookie store encrypted with the OS key, like the rest of the profile's secrets.
  EnableCookieEncryption: true,
  // NODE_OPTIONS (--require ...) would inject code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect would hand a debugger the main process, with every secret it holds.
  EnableNodeCliInspectArguments: false,
  // The app.asar is checked against the hash in the signed binary before it runs.
  EnableEmbeddedAsarIntegrityValidation: true,
  // Only app.asar, never a loose app folder someone dropped beside it.
  OnlyLoadAppFromAsar: true,
  // Electron's default; we ship no custom snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // The UI comes from the app: protocol, so file: needs no extra powers.
  GrantFileProtocolExtraPrivileges: false,
  // Electron's default: WebAssembly memory guarded by trap handlers.
  WasmTrapHandlers: true,
};

export function fuseConfig(platform) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: true, resetAdHocDarwinSignature: platform === 'darwin' };
  for (const [name, on] of Object.entries(FUSES)) config[FuseV1Options[name]] = on;
  return config;
}

/** Where electron-builder put the Electron executable (the .app bundle on macOS). */
export function packagedElectron(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  const product = packager.appInfo.productFilename;
  if (electronPlatformName === 'darwin' || electronPlatformName === 'mas') return join(appOutDir, `${product}.app`);
  if (electronPlatformName === 'win32') return join(appOutDir, `${product}.exe`);
  return join(appOutDir, packager.executableName ?? product);
}

export async function afterPack(context, flip = flipFuses) {
  await flip(packagedElectron(context), fuseConfig(context.electronPlatformName));
}

export default afterPack;
