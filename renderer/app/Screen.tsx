import { useEffect, useRef } from 'react';
import { useStore } from '../stores/store';
import { routeKey } from '../stores/nav-slice';
import { focusHeadingWhenShown } from './focus-heading';
import { KeysScreen } from '../screens/keys/KeysScreen';
import { ActivityScreen } from '../screens/activity/ActivityScreen';
import { DashboardScreen } from '../screens/DashboardScreen';
import { ConnectionsScreen } from '../screens/connections/ConnectionsScreen';
import { ClientsScreen } from '../screens/clients/ClientsScreen';
import { ClientDetailScreen } from '../screens/clients/ClientDetailScreen';
import { ClientCreateScreen } from '../screens/clients/ClientCreateScreen';
import { SettingsScreen } from '../screens/SettingsScreen';
import { RebuildScreen } from '../screens/directory/RebuildScreen';

/** After a navigation (not at start), focus goes to the new screen's heading. */
function useFocusHeadingOnNavigation(key: string) {
  const shown = useRef<string | null>(null);
  useEffect(() => {
    const previous = shown.current;
    shown.current = key;
    if (previous !== null && previous !== key) return focusHeadingWhenShown();
  }, [key]);
}

/** Route → screen. */
export function Screen() {
  const route = useStore((s) => s.route);
  useFocusHeadingOnNavigation(routeKey(route));
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
