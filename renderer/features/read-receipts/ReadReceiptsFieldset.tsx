/** The account form's answer to senders who ask for a read receipt: ask, always or never. */
import { RECEIPT_ANSWERS, type Account } from '../../../shared/model';
import { useT } from '../../i18n/use-t';

export function ReadReceiptsFieldset({ value, onChange }: { value: Account['readReceipts']; onChange(answer: Account['readReceipts']): void }) {
  const { t } = useT();
  return (
    <fieldset className="account-group">
      <legend>{t('account.readReceipts')}</legend>
      <p className="field-hint">{t('account.readReceiptsHint')}</p>
      {RECEIPT_ANSWERS.map((answer) => (
        <label key={answer} className="check">
          <input type="radio" name="account-read-receipts" value={answer} checked={value === answer} onChange={() => onChange(answer)} />
          {t(`account.readReceipts.${answer}`)}
        </label>
      ))}
    </fieldset>
  );
}
