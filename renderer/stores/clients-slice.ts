import type { StateCreator } from 'zustand';
import type { ClientRecord } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export const PAGE_SIZES = [10, 25, 50, 100] as const;

export interface ClientsPageState {
  rows: ClientRecord[];
  total: number | null;
  page: number;
  pageSize: number;
}

export interface ClientsSlice {
  /** The connection whose clients the Clients screen shows (null → the first one). */
  clientsConnectionId: string | null;
  clientsPage: ClientsPageState | null;
  clientsQuery: { page: number; pageSize: number };
  clientsLoading: boolean;
  clientsError: AppErrorShape | null;
  selectClientsConnection(connectionId: string): void;
  loadClients(query?: Partial<{ page: number; pageSize: number }>): Promise<void>;
}

let requestSeq = 0;

export const createClientsSlice: StateCreator<StoreState, [], [], ClientsSlice> = (set, get) => ({
  clientsConnectionId: null,
  clientsPage: null,
  clientsQuery: { page: 1, pageSize: 25 },
  clientsLoading: false,
  clientsError: null,
  selectClientsConnection(connectionId) {
    set({ clientsConnectionId: connectionId, clientsPage: null, clientsQuery: { ...get().clientsQuery, page: 1 } });
    void get().loadClients();
  },
  async loadClients(query) {
    const state = get();
    const known = state.connections.some((c) => c.id === state.clientsConnectionId);
    const connectionId = known ? state.clientsConnectionId : state.connections[0]?.id;
    if (!connectionId) return;
    const next = { ...state.clientsQuery, ...query };
    const seq = ++requestSeq;
    set({ clientsConnectionId: connectionId, clientsQuery: next, clientsLoading: true, clientsError: null });
    try {
      const page = await call('clients.page', { connectionId, ...next });
      if (seq === requestSeq) set({ clientsPage: page, clientsLoading: false });
    } catch (err) {
      if (seq === requestSeq) set({ clientsError: errorShape(err), clientsLoading: false });
    }
  },
});
