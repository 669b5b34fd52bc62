/** Renderer entry: connect the stores to the core once, then render. */
import './styles/theme.css';
import './styles/layout.css';
import './styles/compose.css';
import './styles/outbox.css';
import './styles/transcript.css';
import './styles/sandbox.css';
import './styles/settings.css';
import './styles/statusbar.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { getMailApi } from './api/mail-api';
import { ApiContext } from './app/api-context';
import { App } from './app/App';
import { connectStores } from './app/connect';
import { t } from './i18n/t';

// Outside React so StrictMode's double effects cannot subscribe twice.
const api = getMailApi();
connectStores(api);

document.title = t('app.title');
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <ApiContext value={api}>
      <App />
    </ApiContext>
  </StrictMode>,
);
