import { create } from 'zustand';
import { createAppSlice } from './app-slice';
import type { AppSlice } from './app-slice';
import { createNavSlice } from './nav-slice';
import type { NavSlice } from './nav-slice';
import { createConnectionsSlice } from './connections-slice';
import type { ConnectionsSlice } from './connections-slice';
import { createConnectionTestsSlice } from './connection-tests-slice';
import type { ConnectionTestsSlice } from './connection-tests-slice';
import { createClientsSlice } from './clients-slice';
import type { ClientsSlice } from './clients-slice';
import { createOfflineSlice } from './offline-slice';
import type { OfflineSlice } from './offline-slice';
import { createToastSlice } from './toast-slice';
import type { ToastSlice } from './toast-slice';
import { createKeysSlice } from './keys-slice';
import type { KeysSlice } from './keys-slice';

/** The one store, built from slices; each slice lives in its own file. */
export type StoreState = AppSlice & NavSlice & ConnectionsSlice & ConnectionTestsSlice & ClientsSlice & OfflineSlice & ToastSlice & KeysSlice;

export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createNavSlice(...args),
  ...createConnectionsSlice(...args),
  ...createConnectionTestsSlice(...args),
  ...createClientsSlice(...args),
  ...createOfflineSlice(...args),
  ...createToastSlice(...args),
  ...createKeysSlice(...args),
}));
