/** Renderer entry: choose the language, connect the stores to the core once, then render. */
import './styles/theme.css';
import './styles/layout.css';
import './styles/sidebar.css';
import './styles/list.css';
import './styles/detail.css';
import './styles/dialog.css';
import './styles/compose.css';
import './styles/transcript.css';
import './styles/sandbox.css';
import './styles/settings.css';
import './styles/alerts.css';
import './styles/statusbar.css';
import './styles/reader.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import type { MailApi } from '../shared/contract';
import { getMailApi } from './api/mail-api';
import { ApiContext } from './app/api-context';
import { App } from './app/App';
import { benchMode } from './app/bench-flag';
import { connectStores } from './app/connect';
import { composeFromRequest, fragmentWithoutMailto, mailtoFromFragment } from './features/compose/open-compose';
import { i18n } from './i18n/i18n';
import { initLanguage } from './i18n/language';

function render(api: MailApi): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root');
  createRoot(container).render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <ApiContext value={api}>
          <App />
        </ApiContext>
      </I18nextProvider>
    </StrictMode>,
  );
}

/** A mailto: link the browser host put in the URL fragment opens Compose; it is taken out of the URL so a reload does not open it again. */
function openLinkFromFragment(): void {
  const request = mailtoFromFragment(window.location.hash);
  if (!request) return;
  const { pathname, search, hash } = window.location;
  history.replaceState(history.state, '', `${pathname}${search}${fragmentWithoutMailto(hash)}`);
  void composeFromRequest(request);
}

async function startReaderDemo(): Promise<void> {
  const { readerDemoApi, showDemoInbox } = await import('./app/reader-demo-api');
  const api = readerDemoApi();
  connectStores(api);
  render(api);
  showDemoInbox();
}

async function startReaderBench(): Promise<void> {
  const [{ readerDemoApi, showDemoInbox }, { watchFirstRender }] = await Promise.all([import('./app/reader-demo-api'), import('./app/bench-api')]);
  const rows = 100_000;
  // The messages are made and sorted before the clock starts: they stand for the core's store.
  const api = readerDemoApi(rows);
  await api.mail.list({ folderId: 'sbx-inbox', offset: 0, limit: 1, sort: 'date', descending: true, unreadOnly: false, flaggedOnly: false, threads: false });
  const startedAt = performance.now();
  connectStores(api);
  render(api);
  showDemoInbox();
  watchFirstRender(startedAt, rows + 2);
}

async function startBench(): Promise<void> {
  const { benchApi, watchFirstRender } = await import('./app/bench-api');
  // The 10,000 items are made before the clock starts: they stand for the core's answer.
  const api = benchApi();
  const startedAt = performance.now();
  connectStores(api);
  render(api);
  watchFirstRender(startedAt);
}

initLanguage();
// Only test builds have the `?bench=` pages; in the shipped window the flag is not even read.
const bench = __BENCH_PAGES__ ? benchMode(window.location, window.mail !== undefined) : null;
if (bench === 'reader') {
  void startReaderDemo();
} else if (bench === 'reader100k') {
  void startReaderBench();
} else if (bench) {
  void startBench();
} else {
  // Outside React so StrictMode's double effects cannot subscribe twice.
  const api = getMailApi();
  connectStores(api);
  render(api);
  openLinkFromFragment();
}
