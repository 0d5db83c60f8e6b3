import type { EventName, EventPayload } from '../../../shared/ipc';

type AnyListener = (event: EventName, payload: unknown) => void;

export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Every event, for the bridges (Electron webContents.send, the browser harness). */
  onAny(listener: AnyListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<AnyListener>();

  function onAny(listener: AnyListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return onAny((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  }

  function emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const listener of [...listeners]) {
      try {
        listener(event, payload);
      } catch {
        // A broken listener must not stop the others.
      }
    }
  }

  return { emit, on, onAny };
}
