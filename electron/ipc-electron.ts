/**
 * Binds the core's router and events to Electron IPC. One ipcMain handler per
 * contract command; a message from any frame other than our own window's top
 * frame is refused before the router sees it.
 */
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { COMMAND_NAMES } from '../shared/contract';
import { err } from '../shared/errors';
import type { Core } from './core/create-core';

export function bindElectronIpc(ipcMain: IpcMain, core: Core, window: BrowserWindow, rendererUrl: string): () => void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.sender === window.webContents && event.senderFrame !== null && event.senderFrame === window.webContents.mainFrame && event.senderFrame.url.split('#')[0] === rendererUrl;

  for (const name of COMMAND_NAMES) {
    ipcMain.handle(name, (event, payload: unknown) =>
      trusted(event) ? core.router.handle(name, payload) : err('INVALID_ARG', 'Request from an untrusted frame refused.'),
    );
  }
  const unsubscribe = core.events.onAny((name, payload) => {
    if (!window.isDestroyed()) window.webContents.send(name, payload);
  });
  return () => {
    unsubscribe();
    for (const name of COMMAND_NAMES) ipcMain.removeHandler(name);
  };
}
