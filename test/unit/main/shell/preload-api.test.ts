import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createPreloadApi } from '../../../../main/shell/preload-api';
import { EVENT_CHANNEL, IPC_PREFIX } from '../../../../shared/ipc';

function fakeIpcRenderer() {
  const emitter = new EventEmitter();
  const invoked: Array<[string, unknown]> = [];
  return {
    emitter,
    invoked,
    ipc: {
      invoke: async (channel: string, input: unknown) => {
        invoked.push([channel, input]);
        return { ok: true, value: null };
      },
      on: (channel: string, l: (...a: unknown[]) => void) => emitter.on(channel, l),
      removeListener: (channel: string, l: (...a: unknown[]) => void) => emitter.removeListener(channel, l),
    },
  };
}

describe('preload API', () => {
  it('exposes exactly invoke and on, frozen', () => {
    const api = createPreloadApi(fakeIpcRenderer().ipc);
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes only contract channels, under the app prefix', async () => {
    const { ipc, invoked } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    await api.invoke('settings.get');
    const refused = await (api.invoke as (c: string) => Promise<unknown>)('shell.openExternal');
    expect(invoked).toEqual([[`${IPC_PREFIX}settings.get`, undefined]]);
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('on() listens to one contract event and returns an unsubscribe', () => {
    const { ipc, emitter } = fakeIpcRenderer();
    const api = createPreloadApi(ipc);
    const seen: unknown[] = [];
    const off = api.on('connections.changed', (p) => seen.push(p));
    emitter.emit(EVENT_CHANNEL, {}, { event: 'connections.changed', payload: [1] });
    emitter.emit(EVENT_CHANNEL, {}, { event: 'settings.changed', payload: 'other' });
    off();
    emitter.emit(EVENT_CHANNEL, {}, { event: 'connections.changed', payload: [2] });
    expect(seen).toEqual([[1]]);
    expect(emitter.listenerCount(EVENT_CHANNEL)).toBe(0);
    expect(() => (api.on as (e: string, l: () => void) => void)('ipc.anything', () => {})).toThrow(/Unknown event/);
  });
});
