import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../shared/schemas/settings';
import { useStore } from '../../stores/store';

const MAX_DAYS = 3650;

/** Settings → keys older than N days are flagged on the Keys screen (settings.keyMaxAgeDays). */
export function KeyAgeField() {
  const { t } = useTranslation();
  const current = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const updateSettings = useStore((s) => s.updateSettings);
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);

  function commit() {
    const value = text.trim();
    if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > MAX_DAYS) {
      setError(t('keys.maxAge.invalid'));
      return;
    }
    setError(null);
    if (Number(value) !== current) void updateSettings({ keyMaxAgeDays: Number(value) });
  }

  return (
    <>
      <label htmlFor="settings-key-max-age">{t('keys.maxAge.label')}</label>
      <div className="field">
        <input
          id="settings-key-max-age"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'settings-key-max-age-hint settings-key-max-age-error' : 'settings-key-max-age-hint'}
        />
        <p className="field-hint" id="settings-key-max-age-hint">{t('keys.maxAge.hint')}</p>
        {error && <p className="field-error" id="settings-key-max-age-error" role="alert" data-field-error="settings-key-max-age">{error}</p>}
      </div>
    </>
  );
}
