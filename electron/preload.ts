/**
 * The sandboxed preload: exposes exactly one method per contract command on
 * `window.mail`, plus `on` for contract events. No channel outside the
 * contract can be reached from the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { buildMailApi } from '../shared/contract';
import type { Result } from '../shared/errors';

const api = buildMailApi({
  invoke: (name, request) => ipcRenderer.invoke(name, request) as Promise<Result<unknown>>,
  subscribe: (event, listener) => {
    const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, handler);
    return () => ipcRenderer.removeListener(event, handler);
  },
});

contextBridge.exposeInMainWorld('mail', api);
