/** Settings: language (kept in this window), the default undo delay (kept in the core), the accounts. */
import { useT } from '../../i18n/use-t';
import { AccountsSection } from './AccountsSection';
import { LanguageField } from './LanguageField';
import { SendingSection } from './SendingSection';

export function SettingsView() {
  const { t } = useT();
  return (
    <section className="page settings" aria-labelledby="view-title" data-view-root>
      <header className="pane-head">
        <h2 id="view-title" className="pane-title" tabIndex={-1}>
          {t('settings.title')}
        </h2>
      </header>
      <div className="page-scroll">
        <div className="settings-sections">
          <section className="card" aria-labelledby="settings-general">
            <h3 id="settings-general" className="card-title">
              {t('settings.general')}
            </h3>
            <LanguageField />
          </section>
          <SendingSection />
          <AccountsSection />
        </div>
      </div>
    </section>
  );
}
