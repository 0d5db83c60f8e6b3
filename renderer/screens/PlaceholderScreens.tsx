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

export const ActivityScreen = () => <Placeholder titleKey="nav.activity" purposeKey="empty.activity" />;
