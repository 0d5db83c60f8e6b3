import { useStore } from '../stores/store';
import { ActivityScreen, ClientsScreen, ConnectionsScreen, DashboardScreen, KeysScreen } from '../screens/PlaceholderScreens';
import { SettingsScreen } from '../screens/SettingsScreen';

/** Route → screen. */
export function Screen() {
  const route = useStore((s) => s.route);
  switch (route.screen) {
    case 'dashboard':
      return <DashboardScreen />;
    case 'clients':
    case 'client':
    case 'client-new':
      return <ClientsScreen />;
    case 'keys':
      return <KeysScreen />;
    case 'activity':
      return <ActivityScreen />;
    case 'connections':
      return <ConnectionsScreen />;
    case 'settings':
      return <SettingsScreen />;
  }
}
