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
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { getMailApi } from './api/mail-api';
import { ApiContext } from './app/api-context';
import { App } from './app/App';
import { connectStores } from './app/connect';
import { i18n } from './i18n/i18n';
import { initLanguage } from './i18n/language';

initLanguage();
// Outside React so StrictMode's double effects cannot subscribe twice.
const api = getMailApi();
connectStores(api);

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
