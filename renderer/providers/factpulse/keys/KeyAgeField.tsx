import { useTranslation } from 'react-i18next';
import { DEFAULT_SETTINGS } from '../../../../shared/schemas/settings';
import { IntegerSettingField } from '../../../components/IntegerSettingField';
import { useStore } from '../../../stores/store';

const MAX_DAYS = 3650;

/** Settings → keys older than N days are flagged on the Keys screen (settings.keyMaxAgeDays). */
export function KeyAgeField() {
  const { t } = useTranslation();
  const current = useStore((s) => s.settings?.keyMaxAgeDays ?? DEFAULT_SETTINGS.keyMaxAgeDays);
  const updateSettings = useStore((s) => s.updateSettings);
  return (
    <IntegerSettingField
      id="settings-key-max-age"
      label={t('keys.maxAge.label')}
      hint={t('keys.maxAge.hint')}
      value={current}
      min={1}
      max={MAX_DAYS}
      invalidMessage={t('keys.maxAge.invalid')}
      onCommit={(days) => void updateSettings({ keyMaxAgeDays: days })}
    />
  );
}
