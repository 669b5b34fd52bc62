/**
 * Wire format of the browser host's WebSocket bridge. The Electron host does
 * not use it: there the same contract rides on ipcMain/ipcRenderer.
 */
import type { CommandName, EventName } from './contract';
import type { Result } from './errors';

export const BRIDGE_PATH = '/bridge';
/** The one-time launch token travels in the page's URL fragment (never sent to a server) and as this query parameter on the socket. */
export const BRIDGE_TOKEN_PARAM = 'token';
/** A page that traded the token comes back (reconnect, reload) with its session under this query parameter. */
export const BRIDGE_SESSION_PARAM = 'session';

export type BridgeClientMessage = { t: 'invoke'; id: number; name: CommandName; request: unknown };
export type BridgeServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown }
  /** First message after a launch token was traded: the session this page keeps for its reconnects. */
  | { t: 'session'; session: string };
