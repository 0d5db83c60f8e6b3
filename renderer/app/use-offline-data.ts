import { useEffect } from 'react';
import { useStore } from '../stores/store';

/** Loads the sync state and the outbox when a screen that shows them opens; events keep them current. */
export function useOfflineData(): void {
  useEffect(() => {
    const { loadSyncStates, loadOutbox } = useStore.getState();
    void loadSyncStates();
    void loadOutbox();
  }, []);
}
