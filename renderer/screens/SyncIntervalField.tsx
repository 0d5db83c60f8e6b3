import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';

const MAX_MINUTES = 24 * 60;

/** Settings → periodic sync interval in minutes; 0 turns it off (the default, for metered connections). */
export function SyncIntervalField() {
  const { t } = useTranslation();
  const current = useStore((s) => s.settings?.syncIntervalMinutes ?? 0);
  const updateSettings = useStore((s) => s.updateSettings);
  const [text, setText] = useState(String(current));
  const [error, setError] = useState<string | null>(null);

  function commit() {
    const value = text.trim();
    if (!/^\d+$/.test(value) || Number(value) > MAX_MINUTES) {
      setError(t('offline.intervalInvalid', { max: MAX_MINUTES }));
      return;
    }
    setError(null);
    if (Number(value) !== current) void updateSettings({ syncIntervalMinutes: Number(value) });
  }

  return (
    <>
      <label htmlFor="settings-sync-interval">{t('offline.intervalLabel')}</label>
      <div className="field">
        <input
          id="settings-sync-interval"
          inputMode="numeric"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={commit}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'settings-sync-interval-hint settings-sync-interval-error' : 'settings-sync-interval-hint'}
        />
        <p className="field-hint" id="settings-sync-interval-hint">
          {Number(current) === 0 ? t('offline.intervalOff') : t('offline.intervalOn', { count: current })}
        </p>
        {error && <p className="field-error" id="settings-sync-interval-error" role="alert" data-field-error="settings-sync-interval">{error}</p>}
      </div>
    </>
  );
}
