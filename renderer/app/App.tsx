import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Frame } from '../components/Frame';
import { KeychainBanner } from '../components/KeychainBanner';
import { EXTENSION_PROMPTS } from '../providers/screens';
import { Toasts } from '../components/Toasts';
import { useStore } from '../stores/store';
import { useAppearance } from './use-appearance';
import { useCoreEvents } from './use-core-events';
import { Screen } from './Screen';
import { KeyboardLayer, SkipLink } from './KeyboardLayer';
import { RecoveryScreen } from '../screens/recovery/RecoveryScreen';
import { StartupNotices } from '../screens/recovery/StartupNotices';

export function App() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const mode = useStore((s) => s.info?.mode);
  const [startError, setStartError] = useState<string | null>(null);
  useCoreEvents();
  useAppearance(settings);

  useEffect(() => {
    const { loadApp, loadConnections } = useStore.getState();
    loadApp()
      .then(() => (useStore.getState().info?.mode === 'recovery' ? undefined : loadConnections()))
      .catch((err: unknown) => setStartError(err instanceof Error ? err.message : String(err)));
  }, []);

  if (startError) return <p className="error" role="alert">{startError}</p>;
  if (!settings) return <p className="loading">{t('common.loading')}</p>;
  if (mode === 'recovery') return <RecoveryScreen />;
  return (
    <>
      <SkipLink />
      <Frame>
        <StartupNotices />
        <KeychainBanner />
        <Screen />
        {EXTENSION_PROMPTS.map((Prompt, i) => (
          <Prompt key={i} />
        ))}
        <KeyboardLayer />
        <Toasts />
      </Frame>
    </>
  );
}
