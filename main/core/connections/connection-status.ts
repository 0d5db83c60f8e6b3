import { isAppError } from '../../../shared/errors';
import type { ConnectionStatus } from '../../../shared/schemas/connections';
import type { EventBus } from '../ipc/event-bus';

const OFFLINE_CODES = new Set(['OFFLINE', 'TIMEOUT', 'NETWORK', 'TLS']);

/** Tracks each connection's reachability and pushes `connection.status` when it changes. */
export function createConnectionStatusTracker(events: EventBus) {
  const current = new Map<string, ConnectionStatus>();

  function report(connectionId: string, state: ConnectionStatus['state'], message: string | null): void {
    const previous = current.get(connectionId);
    const status: ConnectionStatus = { connectionId, state, message, at: new Date().toISOString() };
    current.set(connectionId, status);
    if (!previous || previous.state !== state || previous.message !== message) events.emit('connection.status', status);
  }

  function reportFailure(connectionId: string, err: unknown): void {
    if (!isAppError(err)) return;
    if (OFFLINE_CODES.has(err.code)) report(connectionId, 'offline', err.message);
    else if (err.code === 'AUTH_REQUIRED') report(connectionId, 'auth-error', err.message);
  }

  return { report, reportFailure, get: (id: string) => current.get(id), all: () => [...current.values()], forget: (id: string) => current.delete(id) };
}
