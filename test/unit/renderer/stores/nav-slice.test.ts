import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { createNavSlice, registerUnsavedCheck, routeKey } from '../../../../renderer/stores/nav-slice';
import type { NavSlice } from '../../../../renderer/stores/nav-slice';
import type { StoreState } from '../../../../renderer/stores/store';

const navStore = () => create<NavSlice>()((...args) => createNavSlice(...(args as unknown as Parameters<typeof createNavSlice>)) as StoreState);

describe('navigation with unsaved edits', () => {
  it('goes straight to a screen when no form holds edits', () => {
    const store = navStore();
    store.getState().navigate({ screen: 'keys' });
    expect(store.getState().route).toEqual({ screen: 'keys' });
    expect(store.getState().pendingRoute).toBeNull();
  });

  it('holds the navigation while a form is edited; staying keeps the screen, discarding goes on', () => {
    const store = navStore();
    let dirty = true;
    const unregister = registerUnsavedCheck(() => dirty);
    try {
      store.getState().navigate({ screen: 'client', connectionId: 'c1', remoteId: 'r1' });
      expect(store.getState().route).toEqual({ screen: 'dashboard' });
      expect(store.getState().pendingRoute).toEqual({ screen: 'client', connectionId: 'c1', remoteId: 'r1' });
      store.getState().stay();
      expect(store.getState().route).toEqual({ screen: 'dashboard' });
      expect(store.getState().pendingRoute).toBeNull();

      store.getState().navigate({ screen: 'settings' });
      store.getState().discardAndLeave();
      expect(store.getState().route).toEqual({ screen: 'settings' });
      expect(store.getState().pendingRoute).toBeNull();

      dirty = false; // e.g. while the form saves: the navigation that follows a save is not held
      store.getState().navigate({ screen: 'clients' });
      expect(store.getState().route).toEqual({ screen: 'clients' });
    } finally {
      unregister();
    }
  });

  it('does not ask when the route does not change, and forgets the check once the form is gone', () => {
    const store = navStore();
    const unregister = registerUnsavedCheck(() => true);
    store.getState().navigate({ screen: 'dashboard' });
    expect(store.getState().pendingRoute).toBeNull();
    unregister();
    store.getState().navigate({ screen: 'activity' });
    expect(store.getState().route).toEqual({ screen: 'activity' });
  });

  it('hands an intent to the screen once, and not while the navigation is held', () => {
    const store = navStore();
    store.getState().navigate({ screen: 'connections' }, 'connections.add');
    expect(store.getState().takeIntent('connections.add')).toBe(true);
    expect(store.getState().takeIntent('connections.add')).toBe(false);
    const unregister = registerUnsavedCheck(() => true);
    store.getState().navigate({ screen: 'keys' }, 'connections.add');
    expect(store.getState().takeIntent('connections.add')).toBe(false);
    store.getState().stay();
    expect(store.getState().intent).toBeNull();
    unregister();
  });

  it('an intent on the screen already shown asks first while a form holds edits (the add form would replace it)', () => {
    const store = navStore();
    store.getState().navigate({ screen: 'connections' });
    const unregister = registerUnsavedCheck(() => true);
    try {
      store.getState().navigate({ screen: 'connections' }, 'connections.add');
      expect(store.getState().pendingRoute).toEqual({ screen: 'connections' });
      expect(store.getState().takeIntent('connections.add')).toBe(false);
      store.getState().discardAndLeave();
      expect(store.getState().route).toEqual({ screen: 'connections' });
      expect(store.getState().takeIntent('connections.add')).toBe(true);
    } finally {
      unregister();
    }
  });

  it('names routes so that two clients differ', () => {
    expect(routeKey({ screen: 'client', connectionId: 'a', remoteId: '1' })).not.toBe(routeKey({ screen: 'client', connectionId: 'a', remoteId: '2' }));
    expect(routeKey({ screen: 'keys' })).toBe('keys');
  });
});
