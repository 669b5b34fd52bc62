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

/**
 * The largest message either side takes, in bytes. Files travel in pieces of a megabyte
 * (attachments.append), so only a very long message body comes near it; the page refuses to send
 * anything bigger, since the socket would close on it and lose the page's state.
 */
export const BRIDGE_MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

export type BridgeClientMessage = { t: 'invoke'; id: number; name: CommandName; request: unknown };
export type BridgeServerMessage =
  | { t: 'result'; id: number; result: Result<unknown> }
  | { t: 'event'; name: EventName; payload: unknown }
  /** First message after a launch token was traded: the session this page keeps for its reconnects. */
  | { t: 'session'; session: string };
