/**
 * The browser host: the core in plain Node, the renderer served on 127.0.0.1,
 * and the contract over a guarded WebSocket. Used by the end-to-end tests and
 * wherever no Electron binary is installed.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { BRIDGE_TOKEN_PARAM } from '../../shared/bridge-protocol';
import { createCore } from '../core/create-core';
import { parseHostArgs } from './args';
import { acquireInstanceLock } from './instance-lock';
import { openInChromium } from './open-browser';
import { BridgeSessions } from './sessions';
import { createStaticHandler } from './static-server';
import { TEST_AUTOCONFIG_ENV, TEST_SANDBOX_SECRET_ENV, testDiscoveryFrom, testSandboxSecretFrom } from './test-discovery';
import { attachBridge } from './ws-bridge';

declare const __APP_VERSION__: string;

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const releaseLock = acquireInstanceLock(args.userDataDir);
  const log = {
    info: (message: string) => process.stderr.write(`${message}\n`),
    error: (message: string, error?: unknown) => process.stderr.write(`${message}: ${error instanceof Error ? error.stack : String(error ?? '')}\n`),
  };
  const discovery = testDiscoveryFrom(process.env[TEST_AUTOCONFIG_ENV]);
  if (discovery) log.info(`discovery: ${TEST_AUTOCONFIG_ENV} is set; server lookups go to ${process.env[TEST_AUTOCONFIG_ENV]} (tests only)`);
  const sandboxSecret = testSandboxSecretFrom(process.env[TEST_SANDBOX_SECRET_ENV]);
  if (sandboxSecret) log.info(`sandbox: ${TEST_SANDBOX_SECRET_ENV} is set; the sandbox's password is the one given (tests only)`);
  const core = await createCore({
    userDataDir: args.userDataDir,
    host: 'browser',
    version: __APP_VERSION__,
    log,
    ...(discovery ? { discovery } : {}),
    ...(sandboxSecret ? { sandboxSecret } : {}),
  });
  let removeLaunchPage = (): void => undefined;
  const sessions = new BridgeSessions(undefined, () => removeLaunchPage());
  const token = sessions.issueToken();
  let origin = '';
  const server = createServer(createStaticHandler(join(__dirname, '..', 'renderer'), () => origin));
  const detachBridge = attachBridge(server, { sessions, origin: () => origin, router: core.router, events: core.events });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, '127.0.0.1', () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The page reads the mailto: link from its fragment, like the token: neither is ever sent to a server.
  const url = `${origin}/#${BRIDGE_TOKEN_PARAM}=${token}${args.mailto ? `&mailto=${encodeURIComponent(args.mailto)}` : ''}`;
  // The token goes to stdout only when the person (or test) asked to open the page themselves.
  const say = (reason: string) => process.stderr.write(`${reason}\n`);
  const opened = args.open ? openInChromium(url, args.userDataDir, say) : null;
  if (opened?.opened) {
    removeLaunchPage = opened.removePage;
    process.stdout.write(`UI: ${origin}/ (opened in Chromium)\n`);
  } else {
    process.stdout.write(`UI: ${url}\n`);
    // One line on the terminal when no window comes up: the host keeps serving the address above.
    if (opened) say(opened.reason);
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: shutting down`);
    detachBridge();
    removeLaunchPage();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await core.close();
    releaseLock();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  process.stderr.write(`Outbox Mail could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
