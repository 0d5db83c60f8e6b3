import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../../main/shell/run-shell';
import { closeCoreBeforeQuit } from '../../../../main/shell/quit';
import { createCore } from '../../../../main/core/create-core';
import type { Core } from '../../../../main/core/create-core';
import { createMemoryStore } from '../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../main/core/vault';
import { generateKey } from '../../../../main/core/providers/factpulse/keys';
import { IPC_PREFIX } from '../../../../shared/ipc';
import { createFakeElectron } from './fake-electron';

const APP_FRAME = { senderFrame: { url: 'app://clientdesk/index.html' } };

describe('quitting the Electron shell (fake electron module)', () => {
  it('will-quit holds the quit until the core has closed, clears the copied key, then quits once', async () => {
    const fake = createFakeElectron();
    const rendererDir = mkdtempSync(join(tmpdir(), 'cd-renderer-'));
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html>');
    let core: Core | null = null;
    let closed = false;
    await runShell({
      electron: fake.electron as never,
      createCore: async (options) => {
        const real = await createCore({ ...options, dataDir: mkdtempSync(join(tmpdir(), 'cd-quit-')), keychain: createMemoryKeychain(), resumeDemo: false, log: () => {} });
        core = { ...real, close: () => real.close().then(() => void (closed = true)) };
        return core;
      },
      settingsStore: createMemoryStore(),
      rendererDir,
      preloadFile: '/app/dist/preload/preload.cjs',
    });
    const key = generateKey();
    await core!.context.keys.store.set('conn-1', 'client-1', 'current', { key, createdAt: new Date().toISOString() });
    fake.dialogAnswers.messageBoxButton = 1;
    await fake.handlers.get(`${IPC_PREFIX}factpulse.keys.copy`)!(APP_FRAME, { connectionId: 'conn-1', clientUid: 'client-1' });
    expect(fake.clipboard.text).toBe(key);

    expect(fake.emitWillQuit()).toBe(true);
    expect(fake.emitWillQuit()).toBe(true); // a second quit while closing is held too, and starts nothing new
    expect(fake.record.quit).toBe(0);
    await waitUntil(() => fake.record.quit === 1);
    console.info(`will-quit: core closed before quit: ${closed}; clipboard after quit: ${JSON.stringify(fake.clipboard.text)}; app.quit calls: ${fake.record.quit}`);
    expect(closed).toBe(true);
    expect(fake.clipboard.text).toBe('');
    expect(fake.emitWillQuit()).toBe(false); // the quit app.quit() starts goes through
  });

  it('quits anyway when the core does not close within the timeout', async () => {
    const logged: string[] = [];
    let cleared = 0;
    const stuck = {
      close: () => new Promise<void>(() => {}),
      context: { log: (line: string) => logged.push(line), secretClipboard: { clearIfUnchanged: async () => void cleared++ } },
    } as unknown as Core;
    let quits = 0;
    const onWillQuit = closeCoreBeforeQuit({ quit: () => void quits++ }, () => stuck, 50);
    let prevented = false;
    const started = Date.now();
    onWillQuit({ preventDefault: () => void (prevented = true) });
    await waitUntil(() => quits === 1);
    console.info(`will-quit with a core that never closes: quit after ${Date.now() - started} ms (timeout 50 ms); log: ${logged.join(' | ')}`);
    expect(prevented).toBe(true);
    expect(cleared).toBe(1);
    expect(logged).toEqual(['core did not close within 50 ms; quitting anyway']);
  });

  it('lets the quit through at once when no core was started', () => {
    let prevented = false;
    closeCoreBeforeQuit({ quit: () => {} }, () => null)({ preventDefault: () => void (prevented = true) });
    expect(prevented).toBe(false);
  });
});

async function waitUntil(done: () => boolean): Promise<void> {
  while (!done()) await new Promise((r) => setTimeout(r, 5));
}
