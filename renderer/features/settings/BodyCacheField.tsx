/** How much message text is kept on disk for reading offline (the cache size setting); applies at once. */
import { useState } from 'react';
import { BODY_CACHE_DEFAULT_MB, type Settings } from '../../../shared/model';
import { useApi } from '../../app/api-context';
import { applySettings } from '../../app/connect';
import { settle } from '../../app/settle';
import { errorText } from '../../i18n/error-text';
import { useT } from '../../i18n/use-t';
import { useSettingsStore } from '../../store/settings';

/** The sizes offered, in MB; "keep everything" is the value 'all'. */
const SIZES_MB = [500, 1024, 2048, 5120, 10240, 20480] as const;
const KEEP_ALL = 'all';

export function BodyCacheField() {
  const { t } = useT();
  const api = useApi();
  const chosen = useSettingsStore((s) => s.settings?.bodyCacheMb);
  const value = chosen === null ? KEEP_ALL : String(chosen ?? BODY_CACHE_DEFAULT_MB);
  const [error, setError] = useState<string | null>(null);
  const sizes: number[] = SIZES_MB.includes(Number(value) as (typeof SIZES_MB)[number]) || value === KEEP_ALL ? [...SIZES_MB] : [...SIZES_MB, Number(value)].sort((a, b) => a - b);
  return (
    <div className="field">
      <label htmlFor="settings-body-cache">{t('settings.bodyCache')}</label>
      <select
        id="settings-body-cache"
        value={value}
        aria-describedby="settings-body-cache-hint"
        onChange={async (e) => {
          const change: Partial<Settings> = { bodyCacheMb: e.target.value === KEEP_ALL ? null : Number(e.target.value) };
          const result = await settle(() => api.settings.update(change));
          if (result.ok) {
            setError(null);
            applySettings(result.value);
          } else setError(t('settings.saveFailed', { message: errorText(result.error) }));
        }}
      >
        {sizes.map((mb) => (
          <option key={mb} value={String(mb)}>
            {mb >= 1024 ? t('settings.bodyCacheGb', { size: String(mb / 1024) }) : t('settings.bodyCacheMb', { size: String(mb) })}
          </option>
        ))}
        <option value={KEEP_ALL}>{t('settings.bodyCacheAll')}</option>
      </select>
      <p id="settings-body-cache-hint" className="field-hint">
        {t('settings.bodyCacheHint')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
