import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BulkStatusAction, ClientJobProgress, ClientSelection, ClientsBulkPreview } from '../../../shared/schemas/client-jobs';
import { call, onEvent } from '../../app/bridge';
import { useAction } from '../../app/use-action';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { BulkJobProgress, BulkJobResults } from './BulkJobResults';

/** A new change of a selection, or an existing job (resumed after a restart). */
export type BulkStatusTarget = { action: BulkStatusAction; selection: ClientSelection } | { action: BulkStatusAction; jobId: string };

const SAMPLE_NAMES = 8;

function PreviewFigures({ preview }: { preview: ClientsBulkPreview }) {
  const { t } = useTranslation();
  const { action } = preview;
  const skipped: Array<[string, number, string]> = [
    ['already', preview.alreadyInState, `bulk.already.${action}`],
    ['pending', preview.pendingInOutbox, 'bulk.pending'],
    ['unsupported', preview.unsupported, 'bulk.unsupported'],
    ['not-found', preview.notFound, 'bulk.notFound'],
  ];
  return (
    <div data-testid="bulk-preview" data-change={preview.change}>
      <p className="bulk-change"><strong>{preview.change > 0 ? t(`bulk.change.${action}`, { count: preview.change }) : t('bulk.nothing')}</strong></p>
      <ul className="plain-list">
        {skipped.filter(([, n]) => n > 0).map(([key, count, text]) => <li key={key} data-skipped={key}>{t(text, { count })}</li>)}
      </ul>
      {preview.sample.length > 0 && (
        <p className="bulk-sample" data-testid="bulk-sample">
          {t('bulk.sample', { names: preview.sample.slice(0, SAMPLE_NAMES).map((c) => c.name).join(', ') })}
          {preview.change > SAMPLE_NAMES && '…'}
        </p>
      )}
      <p className="muted">{t('bulk.offlineNote')}</p>
    </div>
  );
}

/** Preview → start → live progress → pause / resume / cancel → per-client results. */
export function BulkStatusDialog({ target, onClose }: { target: BulkStatusTarget; onClose(): void }) {
  const { t } = useTranslation();
  const { action } = target;
  const [preview, setPreview] = useState<ClientsBulkPreview | null>(null);
  const [jobId, setJobId] = useState<string | null>('jobId' in target ? target.jobId : null);
  const [progress, setProgress] = useState<ClientJobProgress | null>(null);
  const { busy, error, run } = useAction();

  useEffect(() => onEvent('clients.bulkProgress', (p) => setProgress((current) => (p.jobId === jobId ? p : current))), [jobId]);
  useEffect(() => {
    if ('selection' in target) void run(async () => setPreview(await call('clients.bulkPreview', { action, selection: target.selection })));
    else void run(async () => setProgress(await call('clients.bulkJob', { jobId: target.jobId })));
  }, [target, action, run]);

  // Events sent before this dialog knew the job's id are not lost: while it runs, ask now and then too.
  const running = progress?.state === 'running';
  useEffect(() => {
    if (!jobId || !running) return;
    const timer = setInterval(() => void call('clients.bulkJob', { jobId }).then(setProgress, () => undefined), 1000);
    return () => clearInterval(timer);
  }, [jobId, running]);

  const act = (channel: 'clients.bulkCancel' | 'clients.bulkResume') => run(async () => setProgress(await call(channel, { jobId: jobId! })));
  const start = () =>
    run(async () => {
      if (!('selection' in target)) return;
      const job = await call('clients.bulkStart', { action, selection: target.selection, confirm: true });
      setJobId(job.jobId);
      setProgress(job);
    });

  const state = progress?.state;
  const actions = jobId ? (
    <>
      {state === 'running' && <button type="button" disabled={busy} onClick={() => void act('clients.bulkCancel')}>{t('bulk.pause')}</button>}
      {state === 'paused' && <button type="button" className="danger" disabled={busy} onClick={() => void act('clients.bulkCancel')}>{t('bulk.cancelRest')}</button>}
      {state === 'paused' && <button type="button" disabled={busy} onClick={() => void act('clients.bulkResume')}>{t('bulk.resume')}</button>}
      <button type="submit" className="primary">{t('bulk.close')}</button>
    </>
  ) : (
    <>
      <button type="button" onClick={onClose}>{t('common.cancel')}</button>
      <button type="submit" className="primary" disabled={busy || !preview || preview.change === 0} data-bulk-start>
        {t(`bulk.start.${action}`, { count: preview?.change ?? 0 })}
      </button>
    </>
  );
  return (
    <Dialog title={t(`bulk.title.${action}`)} onClose={onClose} onSubmit={() => (jobId ? onClose() : void start())} testId="bulk-status-dialog" actions={actions} className="bulk-dialog">
      {!jobId && !preview && busy && <p className="loading">{t('bulk.checking')}</p>}
      {!jobId && preview && <PreviewFigures preview={preview} />}
      {progress && <BulkJobProgress progress={progress} />}
      {jobId && progress && state !== 'running' && <BulkJobResults jobId={jobId} version={`${progress.state}/${progress.total - progress.remaining}`} />}
      <ErrorNotice error={error} />
    </Dialog>
  );
}
