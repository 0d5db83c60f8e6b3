import type { StateCreator } from 'zustand';
import type { ChannelOutput, EventPayload } from '../../shared/ipc';
import type { AppErrorShape } from '../../shared/errors';
import { call, errorShape } from '../app/bridge';
import type { StoreState } from './store';

export type KeyRow = ChannelOutput<'keys.inventory'>[number];
export type KeyJournalRow = ChannelOutput<'keys.journal'>[number];
export type KeyJob = ChannelOutput<'keys.jobs'>[number];
export type JobProgress = EventPayload<'job.progress'>;

export interface KeysSlice {
  keyRows: KeyRow[];
  keyJournal: KeyJournalRow[];
  keyJobs: KeyJob[];
  keysLoaded: boolean;
  keysError: AppErrorShape | null;
  /** Latest job.progress per job id. */
  jobProgress: Record<string, JobProgress>;
  /** Selected rows, as `${connectionId}\u0000${clientUid}`. */
  keySelection: string[];
  loadKeys(): Promise<void>;
  receiveJobProgress(progress: JobProgress): void;
  toggleKeySelection(id: string): void;
  setKeySelection(ids: string[]): void;
}

export const keyRowId = (row: { connectionId: string; clientUid: string }) => `${row.connectionId}\u0000${row.clientUid}`;

export const createKeysSlice: StateCreator<StoreState, [], [], KeysSlice> = (set, get) => ({
  keyRows: [],
  keyJournal: [],
  keyJobs: [],
  keysLoaded: false,
  keysError: null,
  jobProgress: {},
  keySelection: [],
  async loadKeys() {
    try {
      const [keyRows, keyJournal, keyJobs] = await Promise.all([call('keys.inventory', {}), call('keys.journal', { limit: 200 }), call('keys.jobs', {})]);
      const present = new Set(keyRows.map(keyRowId));
      set({ keyRows, keyJournal, keyJobs, keysLoaded: true, keysError: null, keySelection: get().keySelection.filter((id) => present.has(id)) });
    } catch (err) {
      set({ keysLoaded: true, keysError: errorShape(err) });
    }
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
});
