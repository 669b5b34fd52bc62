/** Settings: language (kept in this window), the default undo delay (kept in the core), the accounts. */
import { useT } from '../../i18n/use-t';
import { Page } from '../layout/Page';
import { AccountsSection } from './AccountsSection';
import { BodyCacheField } from './BodyCacheField';
import { LanguageField } from './LanguageField';
import { SettingCheckbox } from './SettingCheckbox';
import { SendingSection } from './SendingSection';
import { ReportsSection } from '../read-receipts/ReportsSection';

export function SettingsView() {
  const { t } = useT();
  return (
    <Page className="settings" title={t('settings.title')}>
      <div className="settings-sections">
        <section className="card" aria-labelledby="settings-general">
          <h3 id="settings-general" className="card-title">
            {t('settings.general')}
          </h3>
          <LanguageField />
          <SettingCheckbox setting="newMailNotices" label="settings.newMailNotices" hint="settings.newMailNoticesHint" />
          <SettingCheckbox setting="signatureAboveQuote" label="settings.signatureAboveQuote" hint="settings.signatureAboveQuoteHint" />
          <BodyCacheField />
        </section>
        <SendingSection />
        <AccountsSection />
        <ReportsSection />
      </div>
    </Page>
  );
}
