/**
 * The browser host's side of the contract: a WebSocket to the core. The first
 * connect trades the one-time token from this page's URL fragment for a
 * session, kept in sessionStorage (this tab only) so a reload comes back with
 * it; the token is taken out of the address at once.
 */
import { BRIDGE_MAX_MESSAGE_BYTES, BRIDGE_PATH, BRIDGE_SESSION_PARAM, BRIDGE_TOKEN_PARAM, type BridgeClientMessage, type BridgeServerMessage } from '../../shared/bridge-protocol';
import type { CommandName, EventName, Transport } from '../../shared/contract';
import { err, type Result } from '../../shared/errors';
import { described } from '../../shared/i18n/reason';
import { sizeReason } from '../../shared/i18n/size-reason';

export function tokenFromLocation(location: Location): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get(BRIDGE_TOKEN_PARAM);
}

/** The fragment without the token, the rest (a mailto: link) kept as written. */
export function fragmentWithoutToken(hash: string): string {
  const rest = hash.replace(/^#/, '').replace(new RegExp(`(^|&)${BRIDGE_TOKEN_PARAM}=[^&]*(&|$)`), (_m, before: string, after: string) => (before && after ? '&' : ''));
  return rest ? `#${rest}` : '';
}

const SESSION_KEY = 'outbox.bridgeSession';

/** The credentials to try, in order: this tab's session first (a reload), then a token in the address (a first load). */
export function credentialsToTry(session: string | null, token: string | null): string[] {
  return [session ? `${BRIDGE_SESSION_PARAM}=${encodeURIComponent(session)}` : '', token ? `${BRIDGE_TOKEN_PARAM}=${encodeURIComponent(token)}` : ''].filter(Boolean);
}

export function createWsTransport(location: Location, storage: Storage = sessionStorage): Transport {
  const token = tokenFromLocation(location);
  if (token !== null) history.replaceState(history.state, '', `${location.pathname}${location.search}${fragmentWithoutToken(location.hash)}`);
  let candidates = credentialsToTry(storage.getItem(SESSION_KEY), token);
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${BRIDGE_PATH}?`;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let nextId = 1;
  let socket: WebSocket;
  let ready: Promise<void>;

  let dropped = false;
  const connect = (): void => {
    const credential = candidates[0] ?? '';
    let opened = false;
    socket = new WebSocket(base + credential);
    ready = new Promise((resolve) =>
      socket.addEventListener(
        'open',
        () => {
          opened = true;
          // Events sent while the line was down are lost: start again from the core's state.
          if (dropped) location.reload();
          resolve();
        },
        { once: true },
      ),
    );
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as BridgeServerMessage;
      if (message.t === 'session') {
        storage.setItem(SESSION_KEY, message.session);
        candidates = credentialsToTry(message.session, null);
      } else if (message.t === 'result') {
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
      // Refused before opening: that credential is spent or expired; the next one (if any) is tried.
      if (!opened && candidates.length > 1) candidates = candidates.filter((c) => c !== credential);
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
