import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain';
import type { CachedClient } from '../../../shared/schemas/cache';
import { Highlighted } from '../../components/Highlighted';
import { ClientStatusBadge } from '../../components/StatusBadge';
import type { ClientsQuery } from '../../stores/clients-slice';
import { useStore } from '../../stores/store';
import './clients-list.css';

export function PdpFlag({ record }: { record: ClientRecord | CachedClient }) {
  const { t } = useTranslation();
  const configured = 'pdpConfigured' in record ? record.pdpConfigured : record.extra.hasConfigPdp === true;
  return <span className={configured ? 'badge active' : 'badge inactive'} data-pdp={configured ? 'yes' : 'no'}>{configured ? t('clients.pdpYes') : t('clients.pdpNo')}</span>;
}

type SortKey = NonNullable<ClientsQuery['sort']>;

function SortHeader({ sortKey, label }: { sortKey: SortKey; label: string }) {
  const query = useStore((s) => s.clientsQuery);
  const sortBy = useStore((s) => s.sortClientsBy);
  const active = query.sort === sortKey || (query.sort === null && sortKey === 'name' && !query.filters.text.trim());
  const direction = active ? (query.sort ? query.direction : 'asc') : null;
  return (
    <th scope="col" aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-header" onClick={() => sortBy(sortKey)} data-sort={sortKey}>
        {label}
        <span aria-hidden="true" className="sort-arrow">{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

export function ClientsTable({ rows, showConnection }: { rows: CachedClient[]; showConnection: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const connections = useStore((s) => s.connections);
  const labelOf = (id: string) => connections.find((c) => c.id === id)?.label ?? id;
  const open = (r: CachedClient) => navigate({ screen: 'client', connectionId: r.connectionId, remoteId: r.remoteId });
  if (rows.length === 0) return <p className="empty-state" data-testid="clients-none">{t('clients.none')}</p>;
  return (
    <table className="data clients-table">
      <thead>
        <tr>
          <SortHeader sortKey="name" label={t('clients.fields.name')} />
          <th scope="col">{t('clients.fields.siret')}</th>
          {showConnection && <th scope="col">{t('clients.connection')}</th>}
          <SortHeader sortKey="status" label={t('clients.fields.status')} />
          <th scope="col">{t('clients.fields.pdp')}</th>
          <SortHeader sortKey="updatedAt" label={t('clients.fields.updatedAt')} />
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.connectionId}/${r.remoteId}`} className="clickable" onClick={() => open(r)} data-client={r.name} data-pending={r.pending ? 'yes' : 'no'}>
            <td className="client-name-cell">
              <button type="button" className="link" onClick={(e) => { e.stopPropagation(); open(r); }}>
                <Highlighted text={r.highlight?.name} fallback={r.name || t('clients.unnamed')} />
              </button>
              {r.pending && <span className="badge pending" data-pending-marker title={t('offline.pendingHint')}>{t('offline.pending')}</span>}
              {r.encryptionMode === 'double' && <span className="badge sandbox" data-double>{t('offline.double')}</span>}
              {r.highlight?.description && (
                <span className="client-snippet muted">
                  <Highlighted text={r.highlight.description} fallback="" />
                </span>
              )}
            </td>
            <td className="mono"><Highlighted text={r.highlight?.identifier} fallback={r.identifier ?? '—'} /></td>
            {showConnection && <td className="muted connection-cell">{labelOf(r.connectionId)}</td>}
            <td><ClientStatusBadge status={r.status} /></td>
            <td><PdpFlag record={r} /></td>
            <td className="muted">{r.updatedAt ? new Date(r.updatedAt).toLocaleDateString(i18n.language) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
