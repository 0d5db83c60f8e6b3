import type { StateCreator } from 'zustand';
import type { Connection, ConnectionStatus } from '../../shared/schemas/connections';
import type { AppErrorShape } from '../../shared/errors';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export interface ConnectionsSlice {
  connections: Connection[];
  connectionsLoaded: boolean;
  connectionsError: AppErrorShape | null;
  statuses: Record<string, ConnectionStatus>;
  loadConnections(): Promise<void>;
  receiveConnections(list: Connection[]): void;
  receiveStatus(status: ConnectionStatus): void;
}

export const createConnectionsSlice: StateCreator<StoreState, [], [], ConnectionsSlice> = (set) => ({
  connections: [],
  connectionsLoaded: false,
  connectionsError: null,
  statuses: {},
  async loadConnections() {
    try {
      const [connections, known] = await Promise.all([call('connections.list'), call('connections.statuses')]);
      // Events that arrived meanwhile are newer than the snapshot.
      set((s) => ({
        connections,
        connectionsLoaded: true,
        connectionsError: null,
        statuses: { ...Object.fromEntries(known.map((status) => [status.connectionId, status])), ...s.statuses },
      }));
    } catch (err) {
      set({ connectionsError: errorShape(err), connectionsLoaded: true });
    }
  },
  receiveConnections(list) {
    set({ connections: list, connectionsLoaded: true });
  },
  receiveStatus(status) {
    set((state) => ({ statuses: { ...state.statuses, [status.connectionId]: status } }));
  },
});
