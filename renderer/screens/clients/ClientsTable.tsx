import { useTranslation } from 'react-i18next';
import type { ColumnDescriptor } from '../../../shared/providers/descriptor';
import type { CachedClient } from '../../../shared/schemas/cache';
import { Highlighted } from '../../components/Highlighted';
import { ClientStatusBadge } from '../../components/StatusBadge';
import { useStore } from '../../stores/store';
import { FactValue } from './ClientFacts';
import { valueAt, windowSortOf } from './clients-view';
import type { WindowSort } from './clients-view';
import './clients-list.css';

export function PdpFlag({ configured }: { configured: boolean }) {
  const { t } = useTranslation();
  return <span className={configured ? 'badge active' : 'badge inactive'} data-pdp={configured ? 'yes' : 'no'}>{configured ? t('clients.pdpYes') : t('clients.pdpNo')}</span>;
}

function SortHeader({ sortKey, label, align }: { sortKey: WindowSort; label: string; align: string | undefined }) {
  const query = useStore((s) => s.clientsQuery);
  const sortBy = useStore((s) => s.sortClientsBy);
  const active = query.sort === sortKey || (query.sort === null && sortKey === 'name' && !query.filters.text.trim());
  const direction = active ? (query.sort ? query.direction : 'asc') : null;
  return (
    <th scope="col" className={align} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'}>
      <button type="button" className="sort-header" onClick={() => sortBy(sortKey)} data-sort={sortKey}>
        {label}
        <span aria-hidden="true" className="sort-arrow">{direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : '↕'}</span>
      </button>
    </th>
  );
}

function NameCell({ row, open }: { row: CachedClient; open(): void }) {
  const { t } = useTranslation();
  return (
    <td className="client-name-cell">
      <button type="button" className="link" onClick={(e) => { e.stopPropagation(); open(); }}>
        <Highlighted text={row.highlight?.name} fallback={row.name || t('clients.unnamed')} />
      </button>
      {row.pending && <span className="badge pending" data-pending-marker title={t('offline.pendingHint')}>{t('offline.pending')}</span>}
      {row.encryptionMode === 'double' && <span className="badge sandbox" data-double>{t('offline.double')}</span>}
      {row.highlight?.description && (
        <span className="client-snippet muted">
          <Highlighted text={row.highlight.description} fallback="" />
        </span>
      )}
    </td>
  );
}

function Cell({ row, column, connectionLabel }: { row: CachedClient; column: ColumnDescriptor; connectionLabel: string }) {
  const { i18n } = useTranslation();
  const align = column.align === 'end' ? 'num' : undefined;
  switch (column.key) {
    case 'identifier':
      return <td className={align ?? 'mono'}><Highlighted text={row.highlight?.identifier} fallback={row.identifier ?? '—'} /></td>;
    case 'status':
      return <td><ClientStatusBadge status={row.status} /></td>;
    case 'connection':
      return <td className="muted connection-cell" data-connection-cell>{connectionLabel}</td>;
    case 'pdp':
      return <td><PdpFlag configured={row.pdpConfigured} /></td>;
    case 'createdAt':
    case 'updatedAt': {
      const iso = row[column.key];
      return <td className="muted">{iso ? new Date(iso).toLocaleDateString(i18n.language) : '—'}</td>;
    }
    default:
      return <td className={align}><FactValue value={valueAt(row, column.key)} /></td>;
  }
}

/** The cached clients, one column per descriptor column (plus connection and capability columns). */
export function ClientsTable({ rows, columns }: { rows: CachedClient[]; columns: readonly ColumnDescriptor[] }) {
  const { t } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const connections = useStore((s) => s.connections);
  const labelOf = (id: string) => connections.find((c) => c.id === id)?.label ?? id;
  const open = (r: CachedClient) => navigate({ screen: 'client', connectionId: r.connectionId, remoteId: r.remoteId });
  if (rows.length === 0) return <p className="empty-state" data-testid="clients-none">{t('clients.none')}</p>;
  return (
    <table className="data clients-table">
      <thead>
        <tr>
          {columns.map((column) => {
            const sort = windowSortOf(column);
            const align = column.align === 'end' ? 'num' : undefined;
            return sort ? (
              <SortHeader key={column.key} sortKey={sort} label={t(column.labelKey)} align={align} />
            ) : (
              <th key={column.key} scope="col" className={align} data-column={column.key}>{t(column.labelKey)}</th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.connectionId}/${r.remoteId}`} className="clickable" onClick={() => open(r)} data-client={r.name} data-pending={r.pending ? 'yes' : 'no'}>
            {columns.map((column) =>
              column.key === 'name' ? (
                <NameCell key="name" row={r} open={() => open(r)} />
              ) : (
                <Cell key={column.key} row={r} column={column} connectionLabel={labelOf(r.connectionId)} />
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
