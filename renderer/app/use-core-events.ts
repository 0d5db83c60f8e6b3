import { useEffect } from 'react';
import { onEvent } from './bridge';
import { useStore } from '../stores/store';

/** Subscribes the store to main's pushes; every subscription is undone on unmount. */
export function useCoreEvents(): void {
  useEffect(() => {
    const { receiveSettings, receiveConnections, receiveStatus, receiveSyncProgress, receiveOutboxChanged, receivePdpModes } = useStore.getState();
    const unsubscribers = [
      onEvent('settings.changed', receiveSettings),
      onEvent('connections.changed', receiveConnections),
      onEvent('connection.status', receiveStatus),
      onEvent('sync.progress', receiveSyncProgress),
      onEvent('outbox.changed', receiveOutboxChanged),
      onEvent('factpulse.pdp.modesProgress', receivePdpModes),
    ];
    return () => unsubscribers.forEach((off) => off());
  }, []);
}
