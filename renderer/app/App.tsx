/** The window: the sidebar, the view on show (a mailbox with its details, the sandbox inbox or Settings), notes and the status bar. */
import { ComposeDialog } from '../features/compose/ComposeDialog';
import { AlertArea } from '../features/alerts/AlertArea';
import { useWindowTitle } from '../features/alerts/use-window-title';
import { ConfirmDialog } from '../features/dialog/ConfirmDialog';
import { Sidebar } from '../features/layout/Sidebar';
import { useShortcuts } from '../features/layout/use-shortcuts';
import { registerMailCommand } from '../features/keyboard/command-registry';
import { ShortcutHelp } from '../features/keyboard/ShortcutHelp';
import { startNewMessage } from '../features/compose/open-compose';
import { useEffect } from 'react';
import { MailboxView } from '../features/mailbox/MailboxView';
import { ReaderView } from '../features/reader/ReaderView';
import { SandboxInbox } from '../features/sandbox/SandboxInbox';
import { SettingsView } from '../features/settings/SettingsView';
import { StatusBar } from '../features/status/StatusBar';
import { useT } from '../i18n/use-t';
import { useUiStore } from '../store/ui';

function CurrentView() {
  const view = useUiStore((s) => s.view);
  switch (view) {
    case 'sandbox':
      return <SandboxInbox />;
    case 'settings':
      return <SettingsView />;
    case 'mail':
      return <ReaderView />;
    default:
      return <MailboxView mailbox={view} />;
  }
}

export function App() {
  const { t } = useT();
  useShortcuts();
  useWindowTitle();
  useEffect(() => registerMailCommand('newMessage', () => void startNewMessage()), []);
  return (
    <div className="app">
      <Sidebar />
      <main className="workspace">
        {/* Inside the main landmark: no content may sit outside every landmark (axe "region"). */}
        <h1 className="visually-hidden">{t('app.title')}</h1>
        <CurrentView />
      </main>
      <AlertArea />
      <StatusBar />
      <ComposeDialog />
      <ConfirmDialog />
      <ShortcutHelp />
    </div>
  );
}
