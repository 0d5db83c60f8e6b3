import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Frame } from '../components/Frame';
import { Toasts } from '../components/Toasts';
import { useStore } from '../stores/store';
import { useAppearance } from './use-appearance';
import { useCoreEvents } from './use-core-events';
import { Screen } from './Screen';

export function App() {
  const { t } = useTranslation();
  const settings = useStore((s) => s.settings);
  const [startError, setStartError] = useState<string | null>(null);
  useCoreEvents();
  useAppearance(settings);

  useEffect(() => {
    const { loadApp, loadConnections } = useStore.getState();
    Promise.all([loadApp(), loadConnections()]).catch((err: unknown) => setStartError(err instanceof Error ? err.message : String(err)));
  }, []);

  if (startError) return <p className="error" role="alert">{startError}</p>;
  if (!settings) return <p className="loading">{t('common.loading')}</p>;
  return (
    <Frame>
      <Screen />
      <Toasts />
    </Frame>
  );
}
