import { useTranslation } from 'react-i18next';
import { IntegerSettingField } from '../components/IntegerSettingField';
import { useStore } from '../stores/store';

const MAX_MINUTES = 24 * 60;

/** Settings → periodic sync interval in minutes; 0 turns it off (the default, for metered connections). */
export function SyncIntervalField() {
  const { t } = useTranslation();
  const current = useStore((s) => s.settings?.syncIntervalMinutes ?? 0);
  const updateSettings = useStore((s) => s.updateSettings);
  return (
    <IntegerSettingField
      id="settings-sync-interval"
      label={t('offline.intervalLabel')}
      hint={current === 0 ? t('offline.intervalOff') : t('offline.intervalOn', { count: current })}
      value={current}
      min={0}
      max={MAX_MINUTES}
      invalidMessage={t('offline.intervalInvalid', { max: MAX_MINUTES })}
      onCommit={(minutes) => void updateSettings({ syncIntervalMinutes: minutes })}
    />
  );
}
