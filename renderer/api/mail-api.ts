/**
 * The renderer's only door to the main process: `window.mail` from the
 * Electron preload, or the same API built over the browser host's bridge.
 */
import { buildMailApi, type MailApi } from '../../shared/contract';
import { createWsTransport } from './ws-transport';

declare global {
  interface Window {
    mail?: MailApi;
  }
}

let api: MailApi | undefined;

export function getMailApi(): MailApi {
  api ??= window.mail ?? buildMailApi(createWsTransport(window.location));
  return api;
}
