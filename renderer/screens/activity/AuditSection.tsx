import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import type { AuditEntry } from '../../../shared/schemas/cache';
import { call, errorShape } from '../../app/bridge';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';
import { useAuditWording } from './AuditSummary';
import { clientKey, useAuditClientNames } from './audit-client-names';
import { downloadText } from './download';

const PAGE_SIZE = 50;
type Verified = { ok: boolean; count: number; brokenAtId: number | null };

/** The hash-chained log of every write: paged newest first, filtered by connection, verifiable, exportable. */
export function AuditSection() {
  const { t, i18n } = useTranslation();
  const connections = useStore((s) => s.connections);
  const outboxItems = useStore((s) => s.outboxItems);
  const [connectionId, setConnectionId] = useState('');
  /** beforeId of each page seen so far; the last one is the current page. */
  const [pages, setPages] = useState<Array<number | undefined>>([undefined]);
  const [data, setData] = useState<{ rows: AuditEntry[]; total: number } | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [verified, setVerified] = useState<Verified | null>(null);
  const [busy, setBusy] = useState<'verify' | 'csv' | 'json' | null>(null);
  const beforeId = pages[pages.length - 1];
  const wording = useAuditWording();
  const labelOf = (id: string | null) => (id ? (connections.find((c) => c.id === id)?.label ?? id) : '—');

  const [reloads, setReloads] = useState(0);

  // The outbox changing means new audit entries: the page follows it.
  useEffect(() => {
    let live = true;
    call('audit.list', { limit: PAGE_SIZE, ...(connectionId ? { connectionId } : {}), ...(beforeId ? { beforeId } : {}) }).then(
      (value) => {
        if (!live) return;
        setData(value);
        setError(null);
      },
      (err: unknown) => live && setError(errorShape(err)),
    );
    return () => {
      live = false;
    };
  }, [connectionId, beforeId, outboxItems, reloads]);

  async function verify() {
    setBusy('verify');
    try {
      setVerified(await call('audit.verify'));
      setError(null);
      setReloads((n) => n + 1);
    } catch (err) {
      setError(errorShape(err));
    } finally {
      setBusy(null);
    }
  }

  async function exportAs(format: 'csv' | 'json') {
    setBusy(format);
    try {
      const result = await call('audit.export', { format, ...(connectionId ? { connectionId } : {}) });
      const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-');
      downloadText(`clientdesk-audit-${stamp}.${format}`, result.content ?? '', format === 'csv' ? 'text/csv' : 'application/json');
      useStore.getState().toast('success', t('activity.exported', { count: result.count, format: format.toUpperCase() }));
      setError(null);
    } catch (err) {
      setError(errorShape(err));
    } finally {
      setBusy(null);
    }
  }

  const rows = data?.rows ?? [];
  const clientNames = useAuditClientNames(rows);
  const last = rows[rows.length - 1];
  const hasOlder = rows.length === PAGE_SIZE && last !== undefined && last.id > 1;
  return (
    <section className="card" aria-labelledby="audit-title" data-testid="audit-section">
      <header className="card-head">
        <h2 id="audit-title">{t('activity.auditTitle')}</h2>
        <span className="actions">
          {connections.length > 1 && (
            <>
              <label htmlFor="audit-connection" className="sr-only">{t('clients.connection')}</label>
              <select id="audit-connection" value={connectionId} onChange={(e) => { setConnectionId(e.target.value); setPages([undefined]); }}>
                <option value="">{t('offline.allConnections')}</option>
                {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
            </>
          )}
          <button type="button" disabled={busy !== null} onClick={() => void verify()}>{busy === 'verify' ? t('ui.working') : t('activity.verify')}</button>
          <button type="button" disabled={busy !== null} onClick={() => void exportAs('csv')}>{t('activity.exportCsv')}</button>
          <button type="button" disabled={busy !== null} onClick={() => void exportAs('json')}>{t('activity.exportJson')}</button>
        </span>
      </header>
      {verified && (
        <p className={verified.ok ? 'verify-result ok' : 'verify-result error'} role="status" data-verify={verified.ok ? 'ok' : 'broken'}>
          {verified.ok ? t('activity.verifyOk', { count: verified.count }) : t('activity.verifyBroken', { id: verified.brokenAtId, count: verified.count })}
        </p>
      )}
      <ErrorNotice error={error} />
      {data && data.total === 0 ? (
        <p className="muted">{t('activity.auditEmpty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data audit-table">
            <thead>
              <tr>
                <th scope="col">{t('activity.col.time')}</th>
                <th scope="col">{t('activity.col.connection')}</th>
                <th scope="col">{t('activity.col.client')}</th>
                <th scope="col">{t('activity.col.action')}</th>
                <th scope="col">{t('activity.col.outcome')}</th>
                <th scope="col">{t('activity.col.requestId')}</th>
                <th scope="col">{t('activity.col.summary')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((e) => (
                <tr key={e.id} data-audit-action={e.action} data-audit-outcome={e.outcome}>
                  <td className="nowrap">{new Date(e.at).toLocaleString(i18n.language)}</td>
                  <td className="ellipsis">{labelOf(e.connectionId)}</td>
                  <AuditClientCell id={e.clientId} name={e.clientId ? clientNames.get(clientKey(e.connectionId, e.clientId)) : undefined} />
                  <td className="action">{wording.action(e.action)}</td>
                  <td><span className={`badge outcome-${e.outcome}`}>{t(`activity.outcomes.${e.outcome}`, { defaultValue: e.outcome })}</span></td>
                  <td className="mono ellipsis">{e.requestId ?? '—'}</td>
                  <td className="summary">{wording.summary(e.action, e.summary)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && data.total > 0 && (
        <nav className="pager" aria-label={t('activity.auditPages')}>
          <button type="button" disabled={pages.length <= 1} onClick={() => setPages((p) => p.slice(0, -1))}>{t('activity.newer')}</button>
          <span data-testid="audit-position">{t('activity.auditPosition', { page: pages.length, total: data.total })}</span>
          <button type="button" disabled={!hasOlder} onClick={() => last && setPages((p) => [...p, last.id])}>{t('activity.older')}</button>
        </nav>
      )}
    </section>
  );
}

/** The client by name where it is known (its id in the tooltip), else the start of its id. */
function AuditClientCell({ id, name }: { id: string | null; name: string | undefined }) {
  if (!id) return <td>—</td>;
  if (!name) return <td className="mono ellipsis" title={id} data-audit-client-id={id}>{id.slice(0, 8)}</td>;
  return <td className="ellipsis" title={id} data-audit-client-id={id} data-audit-client-named>{name}</td>;
}
