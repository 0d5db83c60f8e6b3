import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';
import './keychain.css';

/** True while secrets live in the main process's memory only (no system keychain): they are lost at quit. */
export function useSecretsInMemoryOnly(): boolean {
  return useStore((s) => s.info?.keychain.backend === 'memory');
}

/** On every screen while secrets are memory-only: what that means and what to do. */
export function KeychainBanner() {
  const { t } = useTranslation();
  if (!useSecretsInMemoryOnly()) return null;
  return (
    <div className="keychain-banner" role="status" data-testid="keychain-banner">
      <strong>{t('keychain.bannerTitle')}</strong>
      <p>{t('keychain.bannerBody')}</p>
      <p>{t('keychain.bannerWhatToDo')}</p>
    </div>
  );
}
