import { create } from 'zustand';
import { createAppSlice } from './app-slice';
import type { AppSlice } from './app-slice';
import { createNavSlice } from './nav-slice';
import type { NavSlice } from './nav-slice';
import { createConnectionsSlice } from './connections-slice';
import type { ConnectionsSlice } from './connections-slice';

/** The one store, built from slices; each slice lives in its own file. */
export type StoreState = AppSlice & NavSlice & ConnectionsSlice;

export const useStore = create<StoreState>()((...args) => ({
  ...createAppSlice(...args),
  ...createNavSlice(...args),
  ...createConnectionsSlice(...args),
}));
