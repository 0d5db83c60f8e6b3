import { useTranslation } from 'react-i18next';
import type { ClientStatus } from '../../shared/domain';
import type { ConnectionStatus } from '../../shared/schemas/connections';

export function ClientStatusBadge({ status }: { status: ClientStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${status}`} data-status={status}>{t(`clients.status.${status}`)}</span>;
}

export function ConnectionStateBadge({ state }: { state: ConnectionStatus['state'] }) {
  const { t } = useTranslation();
  const cls = state === 'auth-error' ? 'danger' : state;
  return <span className={`badge ${cls}`} data-connection-state={state}>{t(`connections.state.${state}`)}</span>;
}
