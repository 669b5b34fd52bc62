/** The window: Compose (and Settings under it) on the left, the outbox and what happened to it on the right. */
import { ComposeForm } from '../features/compose/ComposeForm';
import { OutboxList } from '../features/outbox/OutboxList';
import { SandboxInbox } from '../features/sandbox/SandboxInbox';
import { SettingsPanel } from '../features/settings/SettingsPanel';
import { StatusBar } from '../features/status/StatusBar';
import { TranscriptPanel } from '../features/transcript/TranscriptPanel';
import { t } from '../i18n/t';

export function App() {
  return (
    <div className="app">
      <h1 className="visually-hidden">{t('app.title')}</h1>
      <main className="workspace">
        <div className="compose-column">
          <ComposeForm />
          <SettingsPanel />
        </div>
        <div className="activity">
          <OutboxList />
          <TranscriptPanel />
          <SandboxInbox />
        </div>
      </main>
      <StatusBar />
    </div>
  );
}
