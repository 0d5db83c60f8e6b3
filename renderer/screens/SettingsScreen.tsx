import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';
import type { Settings } from '../../shared/schemas/settings';
import { AboutPanel } from './AboutPanel';
import { EXTENSION_SETTINGS } from '../providers/screens';
import { SyncIntervalField } from './SyncIntervalField';
import { ErrorNotice } from '../components/ErrorNotice';

export function SettingsScreen() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const updateSettings = useStore((s) => s.updateSettings);
  const error = useStore((s) => s.settingsError);
  if (!settings) return <p>{t('common.loading')}</p>;
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t('settings.title')}</h1>
      </header>
      <div className="card form-grid">
        <label htmlFor="settings-language">{t('settings.language')}</label>
        <select
          id="settings-language"
          value={settings.language}
          onChange={(e) => void updateSettings({ language: e.target.value as Settings['language'] })}
        >
          <option value="en">English</option>
          <option value="fr">Français</option>
        </select>
        <span className="label">{t('settings.theme')}</span>
        <div className="segmented" role="radiogroup" aria-label={t('settings.theme')}>
          {(['light', 'dark', 'system'] as const).map((theme) => (
            <button
              key={theme}
              type="button"
              role="radio"
              aria-checked={settings.theme === theme}
              data-theme-choice={theme}
              className={settings.theme === theme ? 'active' : ''}
              onClick={() => void updateSettings({ theme })}
            >
              {t(`settings.theme${theme[0]!.toUpperCase()}${theme.slice(1)}`)}
            </button>
          ))}
        </div>
        <SyncIntervalField />
        {EXTENSION_SETTINGS.map((Field, i) => (
          <Field key={i} />
        ))}
        <ErrorNotice error={error} />
      </div>
      <AboutPanel />
    </section>
  );
}
