import { EVENT_CHANNEL, IPC_PREFIX, isChannel, isEventName } from '../../shared/ipc';
import type { ClientdeskApi, EventName } from '../../shared/ipc';

/** The slice of ipcRenderer the preload uses; never exposed itself. */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Exactly two functions, both limited to the contract's names. */
export function createPreloadApi(ipc: IpcRendererLike): ClientdeskApi {
  function invoke(channel: string, input?: unknown) {
    if (!isChannel(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `Unknown channel "${String(channel).slice(0, 64)}".` } });
    }
    return ipc.invoke(IPC_PREFIX + channel, input);
  }

  function on(event: EventName, listener: (payload: never) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event "${String(event).slice(0, 64)}".`);
    if (typeof listener !== 'function') throw new Error('on() needs a listener function.');
    const handler = (_event: unknown, message: unknown) => {
      const m = message as { event?: unknown; payload?: unknown } | null;
      if (m && m.event === event) listener(m.payload as never);
    };
    ipc.on(EVENT_CHANNEL, handler);
    return () => {
      ipc.removeListener(EVENT_CHANNEL, handler);
    };
  }

  return Object.freeze({ invoke, on }) as ClientdeskApi;
}
