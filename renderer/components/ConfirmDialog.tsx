import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { errorShape } from '../app/bridge';
import type { AppErrorShape } from '../../shared/errors';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  danger?: boolean;
  onConfirm(): Promise<void>;
  onClose(): void;
}

/** Asks before a consequential action (Cancel has focus first); stays open with the error when the action fails. */
export function ConfirmDialog({ title, body, confirmLabel, danger, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (err) {
      setError(errorShape(err));
      setBusy(false);
    }
  }
  return (
    <Dialog
      title={title}
      onClose={onClose}
      onSubmit={() => void confirm()}
      testId="confirm-dialog"
      actions={
        <>
          <button type="button" onClick={onClose} data-autofocus>
            {t('common.cancel')}
          </button>
          <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>
            {busy ? t('ui.working') : confirmLabel}
          </button>
        </>
      }
    >
      <p>{body}</p>
      <ErrorNotice error={error} />
    </Dialog>
  );
}
