import { useTranslation } from 'react-i18next';
import { ModesPartialNote } from '../../components/ModesPartialNote';
import { useStore } from '../../stores/store';
import type { ClientsView } from './clients-view';

/** Totals of the cached clients in scope (before the search and filters). */
export function ClientsCounts({ view }: { view: ClientsView }) {
  const { t } = useTranslation();
  const counts = useStore((s) => s.clientCounts);
  if (!counts) return null;
  return (
    <>
      <p className="clients-counts" data-testid="clients-counts">
        <span><strong data-count="total">{counts.total}</strong> {t('offline.countCached')}</span>
        <span><strong data-count="active">{counts.byStatus.active ?? 0}</strong> {t('offline.countActive')}</span>
        <span><strong data-count="inactive">{counts.byStatus.inactive ?? 0}</strong> {t('offline.countInactive')}</span>
        {view.capabilities.has('pdpConfig') && <span><strong data-count="pdp">{counts.pdpConfigured}</strong> {t('offline.countPdp')}</span>}
        {view.capabilities.has('encryptionKeys') && <span><strong data-count="double">{counts.doubleMode}</strong> {t('offline.countDouble')}</span>}
      </p>
      {/* The double-mode count and the Double filter grow while PDP modes are being learned. */}
      {view.capabilities.has('encryptionKeys') && <ModesPartialNote connectionIds={counts.byConnection.map((c) => c.connectionId)} effect="clientsEffect" />}
    </>
  );
}
