import { useEffect, useState } from 'react';
import type { DashboardFigures } from '../../../shared/schemas/dashboard';
import type { AppErrorShape } from '../../../shared/errors';
import { call, errorShape } from '../../app/bridge';
import { NO_FILTERS } from '../../stores/clients-slice';
import type { ClientFilters } from '../../stores/clients-slice';
import { useStore } from '../../stores/store';

/** The dashboard's figures, read again when a sync ends, the outbox or the key age limit changes. */
export function useFigures(): { figures: DashboardFigures | null; error: AppErrorShape | null } {
  const syncStates = useStore((s) => s.syncStates);
  const outbox = useStore((s) => s.outboxItems);
  const connections = useStore((s) => s.connections);
  const keyMaxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays);
  const [figures, setFigures] = useState<DashboardFigures | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  useEffect(() => {
    let live = true;
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
  return { figures, error };
}

/** Opens the Clients list of one connection with these filters (the others cleared). */
export function openClients(connectionId: string, filters: Partial<ClientFilters> = {}): void {
  const store = useStore.getState();
  store.selectClientsConnection(connectionId);
  store.setClientFilters({ ...NO_FILTERS, ...filters });
  store.navigate({ screen: 'clients' });
}
