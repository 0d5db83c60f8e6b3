import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import type { OutboxItem } from '../../../shared/schemas/cache';
import { call, errorShape } from '../../app/bridge';
import { useAction } from '../../app/use-action';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorDetails, ErrorNotice } from '../../components/ErrorNotice';
import { errorSentence, storedError } from '../../components/error-wording';
import { useStore } from '../../stores/store';
import { useAuditWording } from './AuditSummary';
import { ConflictView } from './ConflictView';

function clientName(item: OutboxItem): string {
  const name = item.theirs?.name ?? item.base?.name;
  return typeof name === 'string' && name ? name : item.remoteId;
}

function OutboxRow({ item, onDiscard }: { item: OutboxItem; onDiscard(item: OutboxItem): void }) {
  const { t, i18n } = useTranslation();
  const navigate = useStore((s) => s.navigate);
  const { busy, error, run } = useAction();
  const wording = useAuditWording();

  const retry = () =>
    run(async () => {
      const result = await call('outbox.retry', { id: item.id });
      useStore.getState().toast(result.outcome === 'applied' ? 'success' : 'error', t(`activity.outcome.${result.outcome}`));
      await useStore.getState().loadOutbox();
    });

  return (
    <li className={`outbox-item ${item.state}`} data-outbox-item={item.id} data-outbox-state={item.state}>
      <div className="outbox-head">
        <span className={`badge ${item.state === 'queued' ? 'pending' : 'danger'}`}>{t(`offline.state.${item.state}`)}</span>
        <button type="button" className="link" onClick={() => navigate({ screen: 'client', connectionId: item.connectionId, remoteId: item.remoteId })}>
          {clientName(item)}
        </button>
        <span>{wording.summary(item.action, item.summary)}</span>
        <span className="muted">
          {new Date(item.createdAt).toLocaleString(i18n.language)}
          {item.attempts > 0 && ` · ${t('activity.attempts', { count: item.attempts })}`}
        </span>
        <span className="actions">
          {item.state !== 'conflict' && (
            <button type="button" disabled={busy} onClick={() => void retry()}>
              {busy ? t('ui.working') : t('common.retry')}
            </button>
          )}
          <button type="button" className="danger" disabled={busy} onClick={() => onDiscard(item)}>
            {t('activity.discard')}
          </button>
        </span>
      </div>
      {item.errorCode && item.state === 'failed' && (
        <div className="error" data-outbox-error={item.errorCode}>
          {errorSentence(storedError(item.errorCode, item.errorMessage ?? ''), i18n.language, t)}
          <ErrorDetails error={storedError(item.errorCode, item.errorMessage ?? '')} />
        </div>
      )}
      <ErrorNotice error={error} />
      {item.state === 'conflict' && <ConflictView item={item} />}
    </li>
  );
}

/** Changes waiting to reach the server: send now, retry, discard, or settle a conflict. */
export function OutboxSection() {
  const { t } = useTranslation();
  const wording = useAuditWording();
  const items = useStore((s) => s.outboxItems);
  const error = useStore((s) => s.outboxError);
  const connections = useStore((s) => s.connections);
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [sendError, setSendError] = useState<AppErrorShape | null>(null);
  const withItems = connections.filter((c) => items.some((i) => i.connectionId === c.id));

  async function sendNow(connectionId: string) {
    setSending(connectionId);
    setSendError(null);
    try {
      const result = await call('outbox.replay', { connectionId });
      const offline = result.applied + result.conflicts + result.failed === 0 && result.remaining > 0;
      useStore.getState().toast(offline ? 'error' : 'success', offline ? t('activity.stillOffline') : t('activity.replayed', result));
      await useStore.getState().loadOutbox();
    } catch (err) {
      setSendError(errorShape(err));
    } finally {
      setSending(null);
    }
  }

  return (
    <section className="card" aria-labelledby="outbox-title" data-testid="outbox-section">
      <header className="card-head">
        <h2 id="outbox-title">{t('activity.outboxTitle')}</h2>
        <span className="actions">
          {withItems.map((c) => (
            <button key={c.id} type="button" className="primary" disabled={sending !== null} onClick={() => void sendNow(c.id)} data-send-now={c.label}>
              {sending === c.id ? t('ui.working') : withItems.length > 1 ? t('activity.sendNowFor', { label: c.label }) : t('activity.sendNow')}
            </button>
          ))}
        </span>
      </header>
      <ErrorNotice error={error ?? sendError} />
      {items.length === 0 ? (
        <p className="muted" data-testid="outbox-empty">{t('activity.outboxEmpty')}</p>
      ) : (
        <ul className="outbox-list">
          {items.map((item) => (
            <OutboxRow key={item.id} item={item} onDiscard={setDiscarding} />
          ))}
        </ul>
      )}
      {discarding && (
        <ConfirmDialog
          title={t('activity.discardTitle')}
          body={t('activity.discardBody', { summary: wording.summary(discarding.action, discarding.summary), name: clientName(discarding) })}
          confirmLabel={t('activity.discard')}
          danger
          onConfirm={async () => {
            await call('outbox.discard', { id: discarding.id, confirm: true });
            await useStore.getState().loadOutbox();
          }}
          onClose={() => setDiscarding(null)}
        />
      )}
    </section>
  );
}
