import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';

export function AboutPanel() {
  const { t } = useTranslation();
  const info = useStore((s) => s.info);
  if (!info) return null;
  const runtime = info.electronVersion ? `Electron ${info.electronVersion} · Node ${info.nodeVersion}` : `Node ${info.nodeVersion} (browser harness)`;
  return (
    <section className="card about" aria-labelledby="about-title">
      <h2 id="about-title">{t('about.title')}</h2>
      <dl>
        <dt>{t('about.version')}</dt>
        <dd data-testid="about-version">{info.version}</dd>
        <dt>{t('about.runtime')}</dt>
        <dd>{runtime} · {info.platform}</dd>
        <dt>{t('about.dataDir')}</dt>
        <dd className="mono">{info.dataDir}</dd>
        <dt>{t('about.settingsFile')}</dt>
        <dd className="mono">{info.settingsFile}</dd>
        <dt>{t('about.databaseFile')}</dt>
        <dd className="mono">{info.databaseFile}</dd>
        <dt>{t('about.keychain')}</dt>
        <dd data-testid="about-keychain" className={info.keychain.status === 'memory-fallback' ? 'warn' : ''}>
          {info.keychain.backend === 'os' ? t('about.keychainOs') : t('about.keychainMemory')}
        </dd>
      </dl>
    </section>
  );
}
