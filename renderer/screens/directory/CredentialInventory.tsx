import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CredentialRow } from '../../../shared/schemas/directory';
import { call, onEvent } from '../../app/bridge';
import { DaysLeft } from './CertificateSection';
import { formatDate } from './format';
import './directory.css';

/** Client certificates of every connection, soonest to expire first; a warning when one is within 30 days. */
export function CredentialInventory() {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<CredentialRow[]>([]);
  const load = useCallback(() => {
    call('credentials.list').then((r) => setRows([...r].sort((a, b) => a.daysUntilExpiry - b.daysUntilExpiry)), () => setRows([]));
  }, []);
  useEffect(() => {
    load();
    return onEvent('connections.changed', load);
  }, [load]);
  if (rows.length === 0) return null;
  const warned = rows.filter((r) => r.state !== 'ok').length;
  return (
    <section className="directory credential-inventory" aria-labelledby="credential-inventory-title" data-testid="credential-inventory">
      <h2 id="credential-inventory-title">{t('providers.directory.inventory.title')}</h2>
      <p className="muted">{t('providers.directory.inventory.intro')}</p>
      {warned > 0 && <p className="banner" role="status">{t('providers.directory.inventory.warning', { count: warned })}</p>}
      <table className="data">
        <thead>
          <tr>
            <th>{t('providers.directory.inventory.connection')}</th>
            <th>{t('providers.directory.inventory.subject')}</th>
            <th>{t('providers.directory.inventory.serial')}</th>
            <th>{t('providers.directory.inventory.expires')}</th>
            <th>{t('providers.directory.inventory.daysLeft')}</th>
            <th>{t('providers.directory.inventory.state')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={`${r.connectionId}/${r.serial}`} data-credential={r.connectionLabel}>
              <td>{r.connectionLabel}</td>
              <td className="mono">{r.subject}</td>
              <td className="mono">{r.serial}</td>
              <td>{formatDate(r.notAfter, i18n.language, false)}</td>
              <td><DaysLeft days={r.daysUntilExpiry} /></td>
              <td><span className={`badge ${r.state === 'ok' ? 'active' : 'danger'}`}>{t(`providers.directory.inventory.${r.state}`)}</span></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
