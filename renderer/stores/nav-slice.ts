import type { StateCreator } from 'zustand';
import type { StoreState } from './store';

/** The screens of the sidebar, in its order (the command palette lists the same). */
export const SCREENS = ['dashboard', 'clients', 'keys', 'activity', 'connections', 'settings'] as const;
export type ScreenId = (typeof SCREENS)[number];

export type Route =
  | { screen: ScreenId }
  /** Shown in the sidebar only while some connection can rebuild a registry. */
  | { screen: 'directory' }
  | { screen: 'client'; connectionId: string; remoteId: string }
  | { screen: 'client-new'; connectionId: string };

/** Something a screen is asked to do once it opens (the command palette's actions); the screen takes it. */
export type NavIntent = 'connections.add';

export interface NavSlice {
  route: Route;
  /** A navigation held back because a form has unsaved edits, until the user stays or discards. */
  pendingRoute: Route | null;
  intent: NavIntent | null;
  /** Goes to `route`, unless a form on the current screen has unsaved edits: then it asks first (pendingRoute). */
  navigate(route: Route, intent?: NavIntent): void;
  /** The user chose to discard the edits: go where they were going. */
  discardAndLeave(): void;
  /** The user chose to stay (the safe default). */
  stay(): void;
  /** True once when the screen was opened with this intent. */
  takeIntent(intent: NavIntent): boolean;
}

/** One check per mounted form: true while it holds edits that would be lost. */
const unsavedChecks = new Set<() => boolean>();

/** Registers a form's "has unsaved edits" check; returns the function that removes it (on unmount). */
export function registerUnsavedCheck(check: () => boolean): () => void {
  unsavedChecks.add(check);
  return () => void unsavedChecks.delete(check);
}

export function hasUnsavedEdits(): boolean {
  for (const check of unsavedChecks) if (check()) return true;
  return false;
}

export function sameRoute(a: Route, b: Route): boolean {
  return routeKey(a) === routeKey(b);
}

export function routeKey(route: Route): string {
  if (route.screen === 'client') return `client/${route.connectionId}/${route.remoteId}`;
  if (route.screen === 'client-new') return `client-new/${route.connectionId}`;
  return route.screen;
}

export const createNavSlice: StateCreator<StoreState, [], [], NavSlice> = (set, get) => ({
  route: { screen: 'dashboard' },
  pendingRoute: null,
  intent: null,
  navigate(route, intent) {
    // An intent changes the screen's content even on the same route (e.g. the add form over an edited one).
    const moving = !sameRoute(route, get().route) || intent !== undefined;
    if (moving && hasUnsavedEdits()) set({ pendingRoute: route, intent: intent ?? null });
    else set({ route, pendingRoute: null, intent: intent ?? null });
  },
  discardAndLeave() {
    const { pendingRoute } = get();
    if (pendingRoute) set({ route: pendingRoute, pendingRoute: null });
  },
  stay() {
    set({ pendingRoute: null, intent: null });
  },
  takeIntent(intent) {
    if (get().intent !== intent || get().pendingRoute) return false;
    set({ intent: null });
    return true;
  },
});
