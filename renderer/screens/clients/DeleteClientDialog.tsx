import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { Dialog } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { serverFieldErrors } from '../../forms/field-errors';

interface Props {
  connectionId: string;
  remoteId: string;
  name: string;
  /** queued: the server was unreachable and the deletion waits in the outbox. */
  onDeleted(queued: boolean): void;
  onClose(): void;
}

/** Deleting is final: the user types the client's name, which main checks against its own copy. */
export function DeleteClientDialog({ connectionId, remoteId, name, onDeleted, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [queued, setQueued] = useState(false);

  async function remove() {
    setBusy(true);
    setError(null);
    setFieldError(undefined);
    try {
      const result = await call('clients.delete', { connectionId, remoteId, confirmName: typed });
      if (result.queued) setQueued(true);
      onDeleted(result.queued);
    } catch (err) {
      setFieldError(serverFieldErrors(err, i18n.language).confirmName);
      setError(errorShape(err));
    } finally {
      setBusy(false);
    }
  }

  const ready = !busy && typed.trim() !== '';
  if (queued) {
    return (
      <Dialog title={t('clients.deleteTitle', { name })} onClose={onClose} onSubmit={onClose} testId="delete-dialog" actions={<button type="submit" className="primary" data-autofocus>{t('common.close')}</button>}>
        <p role="status" data-delete-queued>{t('clients.deleteQueued')}</p>
      </Dialog>
    );
  }
  return (
    <Dialog
      title={t('clients.deleteTitle', { name })}
      onClose={onClose}
      onSubmit={() => ready && void remove()}
      testId="delete-dialog"
      actions={
        <>
          <button type="button" onClick={onClose} data-autofocus>{t('common.cancel')}</button>
          <button type="submit" className="danger" disabled={!ready}>
            {busy ? t('ui.working') : t('clients.delete')}
          </button>
        </>
      }
    >
      <p>{t('clients.deleteBody')}</p>
      <div className="form-grid">
        <Field id="delete-confirm-name" label={t('clients.deleteTypeName', { name })} value={typed} onChange={setTyped} error={fieldError} />
      </div>
      <ErrorNotice error={error} />
    </Dialog>
  );
}
