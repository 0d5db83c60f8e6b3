import type { StateCreator } from 'zustand';
import type { ClientStatus } from '../../shared/domain';
import type { AppErrorShape } from '../../shared/errors';
import type { CachedClient, ClientCounts, ClientSort, ClientWindowInput } from '../../shared/schemas/cache';
import { DEFAULT_SETTINGS } from '../../shared/schemas/settings';
import { call, errorShape } from '../app/bridge';
import { ALL_CONNECTIONS, applicableFilters, scopeConnections, sharedCapabilities } from './clients-scope';
import type { StoreState } from './store';

export { ALL_CONNECTIONS } from './clients-scope';

export const PAGE_SIZES = [10, 25, 50, 100, 250, 500] as const;

export type TriState = 'any' | 'yes' | 'no';
/** hasKey: a double-mode key is stored locally; older: that key is older than settings.keyMaxAgeDays. */
export type KeyAgeFilter = 'any' | 'hasKey' | 'older';

export interface ClientFilters {
  text: string;
  status: ClientStatus | 'any';
  pdp: TriState;
  double: TriState;
  keyAge: KeyAgeFilter;
  /** A provider's facet (e.g. the tokenization partner) equal to a value; applies to one connection only. */
  facet?: { key: string; value: string };
}

export interface ClientsQuery {
  page: number;
  pageSize: number;
  /** null = automatic: relevance while searching, name otherwise. */
  sort: Exclude<ClientSort, 'relevance'> | null;
  direction: 'asc' | 'desc';
  filters: ClientFilters;
}

export interface ClientsPageState {
  rows: CachedClient[];
  total: number | null;
  page: number;
  pageSize: number;
  lastSynced: Record<string, string | null>;
}

export interface ClientsSlice {
  /** The connection whose cached clients the Clients screen shows, or ALL_CONNECTIONS. */
  clientsConnectionId: string;
  clientsPage: ClientsPageState | null;
  clientsQuery: ClientsQuery;
  clientCounts: ClientCounts | null;
  clientsLoading: boolean;
  clientsError: AppErrorShape | null;
  selectClientsConnection(connectionId: string): void;
  setClientFilters(patch: Partial<ClientFilters>): void;
  sortClientsBy(sort: Exclude<ClientSort, 'relevance'>): void;
  loadClients(query?: Partial<Pick<ClientsQuery, 'page' | 'pageSize'>>): Promise<void>;
}

/** `facet: undefined` is spelled out so that applying NO_FILTERS clears a chosen facet too. */
export const NO_FILTERS: ClientFilters = { text: '', status: 'any', pdp: 'any', double: 'any', keyAge: 'any', facet: undefined };

const triState = (value: TriState): boolean | undefined => (value === 'any' ? undefined : value === 'yes');

/** The screen's query → the clients.window input (the cache answers; the network is never touched). */
export function windowInput(connectionIds: string[] | undefined, q: ClientsQuery, keyMaxAgeDays = DEFAULT_SETTINGS.keyMaxAgeDays): ClientWindowInput {
  const text = q.filters.text.trim();
  const pdp = triState(q.filters.pdp);
  const double = triState(q.filters.double);
  return {
    ...(connectionIds ? { connectionIds } : {}),
    ...(text ? { query: text } : {}),
    ...(q.filters.status !== 'any' ? { status: [q.filters.status] } : {}),
    ...(pdp !== undefined ? { pdpConfigured: pdp } : {}),
    ...(double !== undefined ? { doubleMode: double } : {}),
    ...(q.filters.keyAge === 'hasKey' ? { hasKey: true } : {}),
    ...(q.filters.keyAge === 'older' ? { keyOlderThanDays: keyMaxAgeDays } : {}),
    ...(q.filters.facet ? { facet: q.filters.facet } : {}),
    sort: q.sort ?? (text ? 'relevance' : 'name'),
    direction: q.sort ? q.direction : 'asc',
    offset: (q.page - 1) * q.pageSize,
    limit: q.pageSize,
  };
}

/** Numbers every loadClients request: an answer to anything but the latest one is stale and ignored. */
let requestSeq = 0;
/**
 * The scope clientCounts were counted for. Counting every client of a large cache takes far longer than a
 * window, and the counts do not depend on the search, filters, sort or page: a change of view keeps them.
 */
let countedScope: string | null = null;
/** A recount was asked and no answer with counts has been shown since (a newer request may have dropped it). */
let countsDue = true;
/**
 * One request at a time: what is asked while one is on its way waits for it, then only the latest view is
 * asked (a search typed fast asks for its last text, not for every letter; the cache answers one at a time).
 */
let inFlight = false;
let queued: (() => void) | null = null;
/**
 * The list says it is busy only once an answer takes this long: the cache usually answers sooner, and marking
 * the list busy first would render a 500-row page twice for one answer.
 */
const BUSY_AFTER_MS = 80;

export const createClientsSlice: StateCreator<StoreState, [], [], ClientsSlice> = (set, get) => {
  /** `recount`: the cache may have changed (a sync, a write), so the counts are asked again too. */
  async function load(patch: Partial<Pick<ClientsQuery, 'page' | 'pageSize'>> | undefined, recount: boolean): Promise<void> {
    const state = get();
    const known = state.connections.some((c) => c.id === state.clientsConnectionId);
    const scope = known ? state.clientsConnectionId : ALL_CONNECTIONS;
    const connectionIds = scope === ALL_CONNECTIONS ? undefined : [scope];
    const scoped = scopeConnections(state.connections, scope);
    const capabilities = sharedCapabilities(scoped);
    const asked = { ...state.clientsQuery, ...patch };
    const applicable = applicableFilters(asked.filters, capabilities);
    // A facet's values belong to one connection's clients.
    const query = { ...asked, filters: scoped.length === 1 ? applicable : { ...applicable, facet: undefined } };
    const countScope = connectionIds?.join(',') ?? ALL_CONNECTIONS;
    if (recount) countsDue = true;
    const needCounts = countsDue || countedScope !== countScope || state.clientCounts === null;
    const seq = ++requestSeq;
    set({ clientsConnectionId: scope, clientsQuery: query, clientsError: null });
    if (inFlight) {
      // countsDue stays set until an answer with counts is shown, so the queued request recounts if asked to.
      queued = () => void load(undefined, false);
      return;
    }
    inFlight = true;
    const busy = setTimeout(() => {
      if (seq === requestSeq) set({ clientsLoading: true });
    }, BUSY_AFTER_MS);
    try {
      const [window, counts] = await Promise.all([
        call('clients.window', windowInput(connectionIds, query, state.settings?.keyMaxAgeDays)),
        needCounts ? call('clients.counts', connectionIds ? { connectionIds } : {}) : null,
      ]);
      if (seq !== requestSeq) return;
      if (counts) {
        countedScope = countScope;
        countsDue = false;
      }
      set({
        clientsPage: { rows: window.rows, total: window.total, page: query.page, pageSize: query.pageSize, lastSynced: window.lastSynced },
        ...(counts ? { clientCounts: counts } : {}),
        clientsLoading: false,
      });
    } catch (err) {
      if (seq === requestSeq) set({ clientsError: errorShape(err), clientsLoading: false });
    } finally {
      clearTimeout(busy);
      inFlight = false;
      const next = queued;
      queued = null;
      next?.();
    }
  }

  return {
    clientsConnectionId: ALL_CONNECTIONS,
    clientsPage: null,
    clientsQuery: { page: 1, pageSize: 25, sort: null, direction: 'asc', filters: NO_FILTERS },
    clientCounts: null,
    clientsLoading: false,
    clientsError: null,
    selectClientsConnection(connectionId) {
      // A facet's values belong to one connection: another connection starts without it.
      const query = get().clientsQuery;
      set({ clientsConnectionId: connectionId, clientsQuery: { ...query, page: 1, filters: { ...query.filters, facet: undefined } } });
      void load(undefined, false);
    },
    setClientFilters(patch) {
      const query = get().clientsQuery;
      set({ clientsQuery: { ...query, page: 1, filters: { ...query.filters, ...patch } } });
      void load(undefined, false);
    },
    sortClientsBy(sort) {
      const query = get().clientsQuery;
      const current = query.sort ?? (query.filters.text.trim() ? 'relevance' : 'name');
      const direction = current === sort && (query.sort ? query.direction : 'asc') === 'asc' ? 'desc' : 'asc';
      set({ clientsQuery: { ...query, page: 1, sort, direction } });
      void load(undefined, false);
    },
    /** With a page or page size: another view of the same clients. Without: the cache may have changed, so everything is asked again. */
    loadClients(patch) {
      return load(patch, patch === undefined);
    },
  };
};
