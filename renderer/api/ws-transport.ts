/**
 * The browser host's side of the contract: a WebSocket to the core, guarded by
 * the token the host put in this page's URL fragment.
 */
import { BRIDGE_MAX_MESSAGE_BYTES, BRIDGE_PATH, BRIDGE_TOKEN_PARAM, type BridgeClientMessage, type BridgeServerMessage } from '../../shared/bridge-protocol';
import type { CommandName, EventName, Transport } from '../../shared/contract';
import { err, type Result } from '../../shared/errors';
import { described } from '../../shared/i18n/reason';
import { sizeReason } from '../../shared/i18n/size-reason';

export function tokenFromLocation(location: Location): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(BRIDGE_TOKEN_PARAM);
}

export function createWsTransport(location: Location): Transport {
  const token = tokenFromLocation(location) ?? '';
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}?${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  let dropped = false;
  const connect = (): void => {
    socket = new WebSocket(url);
    ready = new Promise((resolve) =>
      socket.addEventListener(
        'open',
        () => {
          // Events sent while the line was down are lost: start again from the core's state.
          if (dropped) location.reload();
          resolve();
        },
        { once: true },
      ),
    );
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as BridgeServerMessage;
      if (message.t === 'result') {
        pending.get(message.id)?.(message.result);
        pending.delete(message.id);
      } else {
        listeners.get(message.name)?.forEach((listener) => listener(message.payload));
      }
    });
    socket.addEventListener('close', () => {
      for (const resolve of pending.values()) resolve(err('NOT_CONNECTED', 'The connection to the mail core was lost.'));
      pending.clear();
      dropped = true;
      // The core may be restarting; keep trying quietly.
      setTimeout(connect, 1000);
    });
  };
  connect();

  return {
    async invoke(name: CommandName, request: unknown) {
      await ready;
      const id = nextId++;
      const message: BridgeClientMessage = { t: 'invoke', id, name, request };
      const text = JSON.stringify(message);
      const bytes = text.length * 3 > BRIDGE_MAX_MESSAGE_BYTES ? new TextEncoder().encode(text).length : text.length;
      if (bytes > BRIDGE_MAX_MESSAGE_BYTES) {
        // Refused here with a reason: sent, it would close the socket and reload the page.
        const { message: english, reason } = described('INVALID_ARG', 'reason.requestTooLarge', { size: sizeReason(bytes), limit: sizeReason(BRIDGE_MAX_MESSAGE_BYTES) });
        return { ok: false, error: { code: 'INVALID_ARG', message: english, reason } };
      }
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, resolve);
        socket.send(text);
      });
    },
    subscribe(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}
