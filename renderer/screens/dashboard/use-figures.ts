import { useEffect, useState } from 'react';
import type { DashboardFigures } from '../../../shared/schemas/dashboard';
import type { CredentialRow } from '../../../shared/schemas/directory';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { NO_FILTERS } from '../../stores/clients-slice';
import type { ClientFilters } from '../../stores/clients-slice';
import { useStore } from '../../stores/store';

/** The dashboard's figures, read again when a sync ends, the outbox or the key age limit changes. */
export function useFigures(): { figures: DashboardFigures | null; credentials: CredentialRow[]; error: AppErrorShape | null } {
  const syncStates = useStore((s) => s.syncStates);
  const outbox = useStore((s) => s.outboxItems);
  const connections = useStore((s) => s.connections);
  const keyMaxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays);
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [credentials, setCredentials] = useState<CredentialRow[]>([]);
  useEffect(() => {
    let live = true;
    // Certificates and their expiry (connections that have none answer nothing).
    call('credentials.list').then(
      (rows) => live && setCredentials(rows),
      () => undefined,
    );
    call('dashboard.figures', { days: 30 }).then(
      (value) => {
        if (!live) return;
        setFigures(value);
        setError(null);
      },
      (err: unknown) => live && setError(errorShape(err)),
    );
    return () => {
      live = false;
    };
  }, [syncStates, outbox, connections, keyMaxAgeDays]);
  return { figures, credentials, error };
}

/** Opens the Clients list of one connection with these filters (the others cleared). */
export function openClients(connectionId: string, filters: Partial<ClientFilters> = {}): void {
  const store = useStore.getState();
  store.selectClientsConnection(connectionId);
  store.setClientFilters({ ...NO_FILTERS, ...filters });
  store.navigate({ screen: 'clients' });
}
