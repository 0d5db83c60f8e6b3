import type { StateCreator } from 'zustand';
import type { ChannelOutput, EventPayload } from '../../shared/ipc';
import type { AppErrorShape } from '../../shared/errors';
import type { KeyFilter } from '../../shared/schemas/keys';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export type KeyInventoryPage = ChannelOutput<'factpulse.keys.inventory'>;
export type KeyRow = KeyInventoryPage['rows'][number];
export type KeyJournalRow = ChannelOutput<'factpulse.keys.journal'>[number];
export type KeyJob = ChannelOutput<'factpulse.keys.jobs'>[number];
export type JobProgress = EventPayload<'factpulse.keys.jobProgress'>;
export type PdpModesProgress = EventPayload<'factpulse.pdp.modesProgress'>;
export type KeyListInfo = Omit<KeyInventoryPage, 'rows'>;

/** As the Clients list: a page fits a screen or two, whatever the number of keys. */
export const KEYS_PAGE_SIZE = 25;

export interface KeyQuery {
  filter: KeyFilter;
  search: string;
  offset: number;
}

export interface KeysSlice {
  /** The rows of the current page of the inventory. */
  keyRows: KeyRow[];
  /** Total, summary and PDP-mode progress of the last inventory answer. */
  keyList: KeyListInfo | null;
  keyQuery: KeyQuery;
  /** Client labels of every row seen, so selections made on other pages keep their names. */
  keyNames: Record<string, string>;
  keyJournal: KeyJournalRow[];
  keyJobs: KeyJob[];
  keysLoaded: boolean;
  keysError: AppErrorShape | null;
  /** Latest factpulse.keys.jobProgress per job id. */
  jobProgress: Record<string, JobProgress>;
  /** Selected rows, as `${connectionId}\u0000${clientUid}`; kept across pages and filters. */
  keySelection: string[];
  /** How far the learning of PDP encryption modes is, per connection. */
  pdpModes: Record<string, PdpModesProgress>;
  loadKeys(): Promise<void>;
  /** Changes the filter, search or page (a new filter or search starts at the first page) and reloads. */
  setKeyQuery(patch: Partial<KeyQuery>): void;
  receiveJobProgress(progress: JobProgress): void;
  toggleKeySelection(id: string): void;
  setKeySelection(ids: string[]): void;
  loadPdpModes(): Promise<void>;
  receivePdpModes(progress: PdpModesProgress): void;
}

export const keyRowId = (row: { connectionId: string; clientUid: string }) => `${row.connectionId}\u0000${row.clientUid}`;
export function parseKeyRowId(id: string): { connectionId: string; clientUid: string } {
  const at = id.indexOf('\u0000');
  return { connectionId: id.slice(0, at), clientUid: id.slice(at + 1) };
}

let loadSeq = 0;
let lastClientsRefresh = 0;
const CLIENTS_REFRESH_MS = 1000;

export const createKeysSlice: StateCreator<StoreState, [], [], KeysSlice> = (set, get) => ({
  keyRows: [],
  keyList: null,
  keyQuery: { filter: 'all', search: '', offset: 0 },
  keyNames: {},
  keyJournal: [],
  keyJobs: [],
  keysLoaded: false,
  keysError: null,
  jobProgress: {},
  keySelection: [],
  pdpModes: {},
  async loadKeys() {
    const seq = ++loadSeq;
    const { filter, search, offset } = get().keyQuery;
    try {
      const [page, keyJournal, keyJobs] = await Promise.all([
        call('factpulse.keys.inventory', { filter, search: search.trim(), offset, limit: KEYS_PAGE_SIZE }),
        call('factpulse.keys.journal', { limit: 200 }),
        call('factpulse.keys.jobs', {}),
      ]);
      if (seq !== loadSeq) return; // a newer query answered (or will)
      const { rows, ...keyList } = page;
      // Past the end (keys went away): back to the last page that has rows.
      if (rows.length === 0 && offset > 0 && keyList.total > 0) {
        get().setKeyQuery({ offset: Math.floor((keyList.total - 1) / KEYS_PAGE_SIZE) * KEYS_PAGE_SIZE });
        return;
      }
      const names = Object.fromEntries(rows.map((r) => [keyRowId(r), r.clientName ?? r.clientUid]));
      const modes = Object.fromEntries(keyList.modes.map((m) => [m.connectionId, m]));
      set((s) => ({
        keyRows: rows,
        keyList,
        keyNames: { ...s.keyNames, ...names },
        keyJournal,
        keyJobs,
        keysLoaded: true,
        keysError: null,
        pdpModes: { ...s.pdpModes, ...modes },
      }));
    } catch (err) {
      if (seq === loadSeq) set({ keysLoaded: true, keysError: errorShape(err) });
    }
  },
  setKeyQuery(patch) {
    const current = get().keyQuery;
    const narrowed = (patch.filter !== undefined && patch.filter !== current.filter) || (patch.search !== undefined && patch.search !== current.search);
    set({ keyQuery: { ...current, ...patch, offset: patch.offset ?? (narrowed ? 0 : current.offset) } });
    void get().loadKeys();
  },
  receiveJobProgress(progress) {
    set((s) => ({ jobProgress: { ...s.jobProgress, [progress.jobId]: progress } }));
    if (progress.state !== 'running') void get().loadKeys();
  },
  toggleKeySelection(id) {
    set((s) => ({ keySelection: s.keySelection.includes(id) ? s.keySelection.filter((x) => x !== id) : [...s.keySelection, id] }));
  },
  setKeySelection(ids) {
    set({ keySelection: ids });
  },
  async loadPdpModes() {
    try {
      const all = await call('factpulse.pdp.modes');
      set({ pdpModes: Object.fromEntries(all.map((m) => [m.connectionId, m])) });
    } catch {
      // Only a progress note depends on it; the next event brings it.
    }
  },
  receivePdpModes(progress) {
    set((s) => ({ pdpModes: { ...s.pdpModes, [progress.connectionId]: progress } }));
    // Figures derived from the modes grow with them: the Clients counts and list follow (at most once a
    // second while the learner runs); the Keys inventory, which is costlier, when a run ends.
    const { route, clientsPage } = get();
    const now = Date.now();
    if (route.screen === 'clients' && clientsPage && (!progress.running || now - lastClientsRefresh >= CLIENTS_REFRESH_MS)) {
      lastClientsRefresh = now;
      void get().loadClients();
    }
    if (route.screen === 'keys' && !progress.running) void get().loadKeys();
  },
});
