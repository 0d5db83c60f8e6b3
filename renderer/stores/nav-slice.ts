import type { StateCreator } from 'zustand';
import type { StoreState } from './store';

export type ScreenId = 'dashboard' | 'clients' | 'keys' | 'activity' | 'connections' | 'settings';

export type Route =
  | { screen: ScreenId }
  | { screen: 'client'; connectionId: string; remoteId: string }
  | { screen: 'client-new'; connectionId: string };

export interface NavSlice {
  route: Route;
  navigate(route: Route): void;
}

export const createNavSlice: StateCreator<StoreState, [], [], NavSlice> = (set) => ({
  route: { screen: 'dashboard' },
  navigate(route) {
    set({ route });
  },
});
