import { useTranslation } from 'react-i18next';
import { EmptyState } from '../components/EmptyState';

function Placeholder({ titleKey, purposeKey }: { titleKey: string; purposeKey: string }) {
  const { t } = useTranslation();
  return (
    <section className="screen">
      <header className="screen-header">
        <h1>{t(titleKey)}</h1>
      </header>
      <EmptyState purpose={t(purposeKey)} />
    </section>
  );
}

export const DashboardScreen = () => <Placeholder titleKey="nav.dashboard" purposeKey="empty.dashboard" />;
export const KeysScreen = () => <Placeholder titleKey="nav.keys" purposeKey="empty.keys" />;
export const ActivityScreen = () => <Placeholder titleKey="nav.activity" purposeKey="empty.activity" />;
export const ClientsScreen = () => <Placeholder titleKey="nav.clients" purposeKey="empty.clients" />;
export const ConnectionsScreen = () => <Placeholder titleKey="nav.connections" purposeKey="empty.connections" />;
