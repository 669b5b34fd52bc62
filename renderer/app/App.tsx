/** The window: Compose on the left, the outbox and what happened to it on the right. */
import { ComposeForm } from '../features/compose/ComposeForm';
import { OutboxList } from '../features/outbox/OutboxList';
import { SandboxInbox } from '../features/sandbox/SandboxInbox';
import { StatusBar } from '../features/status/StatusBar';
import { TranscriptPanel } from '../features/transcript/TranscriptPanel';
import { t } from '../i18n/t';

export function App() {
  return (
    <div className="app">
      <h1 className="visually-hidden">{t('app.title')}</h1>
      <main className="workspace">
        <ComposeForm />
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
