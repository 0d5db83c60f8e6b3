import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../shared/errors';
import { call } from '../../app/bridge';
import { useAction } from '../../app/use-action';
import { ErrorDetails, ErrorNotice } from '../../components/ErrorNotice';
import { useStore } from '../../stores/store';

/** The server answered that this client no longer exists (it was deleted there), not a passing failure. */
export function isGone(error: AppErrorShape | null | undefined): error is AppErrorShape {
  return error?.code === 'NOT_FOUND' && error.details?.gone === true;
}

interface Props {
  connectionId: string;
  remoteId: string;
  error: AppErrorShape;
}

/** Says the client is gone from the server and offers to drop it from this computer's cache. */
export function GoneNotice({ connectionId, remoteId, error }: Props) {
  const { t } = useTranslation();
  const { busy, error: failed, run } = useAction();

  const forget = () =>
    run(async () => {
      await call('clients.forgetCached', { connectionId, remoteId });
      const store = useStore.getState();
      store.toast('success', t('clients.goneForgotten'));
      void store.loadClients();
      store.navigate({ screen: 'clients' });
    });

  return (
    <div className="conflict-notice" role="alert" data-testid="client-gone">
      <strong>{t('clients.goneTitle')}</strong>
      <p>{t('clients.goneBody')}</p>
      <ErrorDetails error={error} />
      <div className="actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void forget()}>
          {busy ? t('ui.working') : t('clients.goneForget')}
        </button>
      </div>
      <ErrorNotice error={failed} />
    </div>
  );
}
