import { useTranslation } from 'react-i18next';
import type { ClientRecord } from '../../../shared/domain';
import { ClientStatusBadge } from '../../components/StatusBadge';
import { useStore } from '../../stores/store';

export function PdpFlag({ record }: { record: ClientRecord }) {
  const { t } = useTranslation();
  const configured = record.extra.hasConfigPdp === true;
  return <span className={configured ? 'badge active' : 'badge inactive'} data-pdp={configured ? 'yes' : 'no'}>{configured ? t('clients.pdpYes') : t('clients.pdpNo')}</span>;
}

export function ClientsTable({ rows }: { rows: ClientRecord[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const open = (r: ClientRecord) => navigate({ screen: 'client', connectionId: r.connectionId, remoteId: r.remoteId });
  if (rows.length === 0) return <p className="empty-state">{t('clients.none')}</p>;
  return (
    <table className="data clients-table">
      <thead>
        <tr>
          <th scope="col">{t('clients.fields.name')}</th>
          <th scope="col">{t('clients.fields.siret')}</th>
          <th scope="col">{t('clients.fields.status')}</th>
          <th scope="col">{t('clients.fields.pdp')}</th>
          <th scope="col">{t('clients.fields.updatedAt')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.remoteId} className="clickable" onClick={() => open(r)} data-client={r.name}>
            <td>
              <button type="button" className="link" onClick={(e) => { e.stopPropagation(); open(r); }}>
                {r.name || t('clients.unnamed')}
              </button>
            </td>
            <td className="mono">{r.identifier ?? '—'}</td>
            <td><ClientStatusBadge status={r.status} /></td>
            <td><PdpFlag record={r} /></td>
            <td className="muted">{r.updatedAt ? new Date(r.updatedAt).toLocaleDateString(i18n.language) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
