import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../../shared/ipc';
import { call } from '../../../app/bridge';
import { useAction } from '../../../app/use-action';
import { Dialog } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useStore } from '../../../stores/store';
import { JobProgressView, JobResults } from './JobProgressView';

type Preview = ChannelOutput<'factpulse.keys.bulkPreview'>;

interface Props {
  /** Selected rows grouped by connection. */
  selected: Record<string, string[]>;
  connections: Array<{ id: string; label: string }>;
  names: Record<string, string>;
  onClose(): void;
}

/** Scope → preview → job with live progress, cancel, and per-client results. */
export function BulkRotateDialog({ selected, connections, names, onClose }: Props) {
  const { t } = useTranslation();
  const selectedConnections = Object.keys(selected);
  const selectedCount = Object.values(selected).reduce((n, uids) => n + uids.length, 0);
  const [scope, setScope] = useState<'selected' | 'all'>(selectedCount > 0 && selectedConnections.length === 1 ? 'selected' : 'all');
  const [connectionId, setConnectionId] = useState(selectedConnections[0] ?? connections[0]?.id ?? '');
  const [concurrency, setConcurrency] = useState(4);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const { busy, error, run } = useAction();
  const progress = useStore((s) => (jobId ? s.jobProgress[jobId] : undefined));

  const target = scope === 'selected' ? selectedConnections[0]! : connectionId;
  const clients = scope === 'selected' ? selected[target]! : ('all' as const);

  const loadPreview = () => run(async () => setPreview(await call('factpulse.keys.bulkPreview', { connectionId: target, clients })));
  const start = () =>
    run(async () => {
      const job = await call('factpulse.keys.bulkStart', { connectionId: target, clients, concurrency, confirm: true });
      useStore.getState().receiveJobProgress(job);
      setJobId(job.jobId);
    });
  const cancel = () => run(async () => void useStore.getState().receiveJobProgress(await call('factpulse.keys.bulkCancel', { jobId: jobId! })));

  const running = progress?.state === 'running';
  const actions = jobId ? (
    <>
      {running && <button type="button" className="danger" disabled={busy} onClick={() => void cancel()}>{t('keys.jobs.cancel')}</button>}
      <button type="submit" className="primary">{t('keys.close')}</button>
    </>
  ) : (
    <>
      <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      {preview ? (
        <button type="submit" className="primary" disabled={busy || preview.clients.length === 0}>{t('keys.bulk.start')}</button>
      ) : (
        <button type="submit" className="primary" disabled={busy || !target}>{t('keys.bulk.preview')}</button>
      )}
    </>
  );

  const submit = () => (jobId ? onClose() : void (preview ? start() : loadPreview()));
  return (
    <Dialog title={t('keys.bulk.title')} onClose={onClose} onSubmit={submit} testId="keys-bulk-dialog" actions={actions}>
      {!jobId && (
        <div className="form-grid">
          <span className="label">{t('keys.bulk.scope')}</span>
          <div className="choice-list" role="radiogroup" aria-label={t('keys.bulk.scope')}>
            <label className="check">
              <input type="radio" name="bulk-scope" checked={scope === 'selected'} disabled={selectedCount === 0 || selectedConnections.length !== 1} onChange={() => { setScope('selected'); setPreview(null); }} />{' '}
              {t('keys.bulk.scopeSelected', { count: selectedCount })}
            </label>
            <label className="check">
              <input type="radio" name="bulk-scope" checked={scope === 'all'} onChange={() => { setScope('all'); setPreview(null); }} /> {t('keys.bulk.scopeAll')}
            </label>
          </div>
          {scope === 'all' && (
            <>
              <label htmlFor="bulk-connection">{t('keys.bulk.connection')}</label>
              <select id="bulk-connection" value={connectionId} onChange={(e) => { setConnectionId(e.target.value); setPreview(null); }}>
                {connections.map((c) => <option key={c.id} value={c.id}>{c.label}</option>)}
              </select>
            </>
          )}
          <label htmlFor="bulk-concurrency">{t('keys.bulk.concurrency')}</label>
          <select id="bulk-concurrency" value={concurrency} onChange={(e) => setConcurrency(Number(e.target.value))}>
            {[1, 2, 4, 8].map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </div>
      )}
      {preview && !jobId && (
        <div data-testid="bulk-preview">
          <h3>{t('keys.bulk.previewTitle', { count: preview.clients.length })}</h3>
          <ul className="plain-list">
            {preview.clients.map((c) => (
              <li key={c.clientUid} data-preview-client={c.clientUid}>
                <span>{names[`${preview.connectionId}\u0000${c.clientUid}`] ?? c.clientUid}</span>
                <span className="fingerprint">{c.fingerprint}</span>
              </li>
            ))}
          </ul>
          {preview.skipped.length > 0 && (
            <>
              <h3>{t('keys.bulk.skipped')}</h3>
              <ul className="plain-list">
                {preview.skipped.map((c) => (
                  <li key={c.clientUid}>
                    <span>{names[`${preview.connectionId}\u0000${c.clientUid}`] ?? c.clientUid}</span>
                    <span className="warn">{t(`keys.bulk.skipReason.${c.reason}`)}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
      {progress && <JobProgressView progress={progress} />}
      {jobId && progress && !running && <JobResults jobId={jobId} version={`${progress.state}/${progress.done}/${progress.failed}`} names={names} />}
      <ErrorNotice error={error} />
    </Dialog>
  );
}
