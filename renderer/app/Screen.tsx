import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../stores/store';
import { routeKey } from '../stores/nav-slice';
import { whenHeadingShown } from './focus-heading';
import { DashboardScreen } from '../screens/DashboardScreen';
import { EXTENSION_SCREENS } from '../providers/screens';

// The dashboard is the first screen and ships in the entry chunk; every other screen is its own chunk,
// fetched when first shown (and warmed up once the first screen has painted, see preloadScreens).
const loaders = {
  clients: () => import('../screens/clients/ClientsScreen').then((m) => ({ default: m.ClientsScreen })),
  client: () => import('../screens/clients/ClientDetailScreen').then((m) => ({ default: m.ClientDetailScreen })),
  clientNew: () => import('../screens/clients/ClientCreateScreen').then((m) => ({ default: m.ClientCreateScreen })),
  ...EXTENSION_SCREENS,
  activity: () => import('../screens/activity/ActivityScreen').then((m) => ({ default: m.ActivityScreen })),
  connections: () => import('../screens/connections/ConnectionsScreen').then((m) => ({ default: m.ConnectionsScreen })),
  settings: () => import('../screens/SettingsScreen').then((m) => ({ default: m.SettingsScreen })),
  directory: () => import('../screens/directory/RebuildScreen').then((m) => ({ default: m.RebuildScreen })),
};

const ClientsScreen = lazy(loaders.clients);
const ClientDetailScreen = lazy(loaders.client);
const ClientCreateScreen = lazy(loaders.clientNew);
const KeysScreen = lazy(loaders.keys);
const ActivityScreen = lazy(loaders.activity);
const ConnectionsScreen = lazy(loaders.connections);
const SettingsScreen = lazy(loaders.settings);
const RebuildScreen = lazy(loaders.directory);

/** Fetches the other screens' chunks while the app is idle, so a later navigation does not wait for one. */
function usePreloadScreens() {
  useEffect(() => {
    const preload = () => {
      for (const load of Object.values(loaders)) void load().catch(() => {});
    };
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(preload, { timeout: 2000 });
      return () => cancelIdleCallback(id);
    }
    const timer = setTimeout(preload, 500);
    return () => clearTimeout(timer);
  }, []);
}

/** The screen's heading is the skip link's target; after a navigation (not at start) it also takes focus. */
function useFocusHeadingOnNavigation(key: string) {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = key;
    return whenHeadingShown(previous !== null && previous !== key);
  }, [key]);
}

/** Route → screen. */
function RoutedScreen() {
  const route = useStore((s) => s.route);
  switch (route.screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'clients':
      return <ClientsScreen />;
    case 'client':
      return <ClientDetailScreen key={`${route.connectionId}/${route.remoteId}`} connectionId={route.connectionId} remoteId={route.remoteId} />;
    case 'client-new':
      return <ClientCreateScreen connectionId={route.connectionId} />;
    case 'keys':
      return <KeysScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'connections':
      return <ConnectionsScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'directory':
      return <RebuildScreen />;
  }
}

export function Screen() {
  const { t } = useTranslation();
  const route = useStore((s) => s.route);
  useFocusHeadingOnNavigation(routeKey(route));
  usePreloadScreens();
  return (
    <Suspense fallback={<p className="loading">{t('common.loading')}</p>}>
      <RoutedScreen />
    </Suspense>
  );
}
