import { useTranslation } from 'react-i18next';
import { call } from '../../app/bridge';
import { useStore } from '../../stores/store';
import { useRemote } from './use-remote';

interface Props {
  connectionId: string;
  /** The extra holding the facet (the descriptor's client.facet.extraKey). */
  facetKey: string;
  label: string;
}

/** A select of the values a provider's facet takes among the connection's cached clients (e.g. its partners). */
export function FacetFilter({ connectionId, facetKey, label }: Props) {
  const { t } = useTranslation();
  const chosen = useStore((s) => s.clientsQuery.filters.facet);
  const setFilters = useStore((s) => s.setClientFilters);
  // Asked again after each sync: a new partner may have appeared.
  const synced = useStore((s) => s.clientsPage?.lastSynced[connectionId] ?? '');
  const values = useRemote(`${connectionId}/${facetKey}/${synced}`, () => call('clients.facetValues', { connectionId, key: facetKey }));
  const current = chosen?.key === facetKey ? chosen.value : '';
  const known = values.value ?? [];
  const options = current && !known.includes(current) ? [current, ...known] : known;
  return (
    <div className="filter">
      <label htmlFor="clients-facet">{label}</label>
      <select
        id="clients-facet"
        value={current}
        data-facet={facetKey}
        onChange={(e) => setFilters({ facet: e.target.value ? { key: facetKey, value: e.target.value } : undefined })}
      >
        <option value="">{t('offline.any')}</option>
        {options.map((value) => (
          <option key={value} value={value}>{value}</option>
        ))}
      </select>
    </div>
  );
}
