/**
 * Wire format of the browser host's WebSocket bridge. The Electron host does
 * not use it: there the same contract rides on ipcMain/ipcRenderer.
 */
import type { CommandName, EventName } from './contract';
import type { Result } from './errors';

export const BRIDGE_PATH = '/bridge';
/** The token travels in the page's URL fragment (never sent to a server) and as this query parameter on the socket. */
export const BRIDGE_TOKEN_PARAM = 'token';

export type BridgeClientMessage = { t: 'invoke'; id: number; name: CommandName; request: unknown };
export type BridgeServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown };
