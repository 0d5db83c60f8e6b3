import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runShell } from '../../../../main/shell/run-shell';
import { createCore } from '../../../../main/core/create-core';
import type { Core } from '../../../../main/core/create-core';
import { createMemoryStore } from '../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../main/core/vault';
import { fingerprint, generateKey } from '../../../../main/core/providers/factpulse/keys';
import { IPC_PREFIX } from '../../../../shared/ipc';
import { createFakeElectron } from './fake-electron';

const APP_FRAME = { senderFrame: { url: 'app://clientdesk/index.html' } };
const CANCEL = 0;
const CONFIRM = 1;
let core: Core | null = null;

async function startShell() {
  const fake = createFakeElectron();
  const rendererDir = mkdtempSync(join(tmpdir(), 'cd-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-shell-reveal-'));
  await runShell({
    electron: fake.electron as never,
    createCore: async (options) => (core = await createCore({ ...options, dataDir, keychain: createMemoryKeychain(), resumeDemo: false, log: () => {} })),
    settingsStore: createMemoryStore(),
    rendererDir,
    preloadFile: '/app/dist/preload/preload.cjs',
  });
  const started = core as unknown as Core;
  const key = generateKey();
  await started.context.keys.store.set('conn-1', 'client-1', 'current', { key, createdAt: new Date().toISOString() });
  const invoke = (channel: string, input?: unknown) => fake.handlers.get(IPC_PREFIX + channel)!(APP_FRAME, input) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;
  return { fake, core: started, key, invoke };
}

afterEach(async () => {
  await core?.close();
  core = null;
});

describe('factpulse.keys.reveal and factpulse.keys.copy are confirmed by a native message box in main (fake electron module)', () => {
  const ref = { connectionId: 'conn-1', clientUid: 'client-1', slot: 'current', confirm: true };

  it('refuses the reveal when the user presses Cancel, although the renderer sent confirm: true', async () => {
    const { fake, invoke, key } = await startShell();
    fake.dialogAnswers.messageBoxButton = CANCEL;
    const refused = await invoke('factpulse.keys.reveal', ref);
    console.info(`reveal, user pressed Cancel: ${refused.ok ? 'REVEALED' : `refused — ${refused.error!.code}: ${refused.error!.message}`}`);
    expect(refused).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(JSON.stringify(refused)).not.toContain(key);
    const box = fake.record.messageBoxes[0]!;
    expect(box.withWindow).toBe(true);
    expect(box.options).toMatchObject({ buttons: ['Cancel', 'Reveal'], cancelId: 0, defaultId: 0 });
    expect(box.options.message).toContain('client-1');
    expect(box.options.detail).toContain(fingerprint(key));
  });

  it('reveals when the user presses Reveal; a Copy right after needs no second box and never sends the key to the renderer', async () => {
    const { fake, invoke, key } = await startShell();
    fake.dialogAnswers.messageBoxButton = CONFIRM;
    expect(await invoke('factpulse.keys.reveal', ref)).toEqual({ ok: true, value: { key, fingerprint: fingerprint(key) } });
    const copied = await invoke('factpulse.keys.copy', { connectionId: 'conn-1', clientUid: 'client-1' });
    expect(copied).toEqual({ ok: true, value: { fingerprint: fingerprint(key), clearAfterMs: 30_000 } });
    expect(JSON.stringify(copied)).not.toContain(key);
    expect(fake.clipboard.text).toBe(key);
    expect(fake.record.messageBoxes).toHaveLength(1);
  });

  it('a copy the user did not confirm leaves the clipboard untouched', async () => {
    const { fake, invoke } = await startShell();
    fake.clipboard.text = 'what the user had copied';
    fake.dialogAnswers.messageBoxButton = CANCEL;
    expect(await invoke('factpulse.keys.copy', { connectionId: 'conn-1', clientUid: 'client-1' })).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(fake.clipboard.text).toBe('what the user had copied');
    expect(fake.record.messageBoxes[0]!.options.buttons).toEqual(['Cancel', 'Copy']);
  });

  it('asks in French when the app is in French', async () => {
    const { fake, invoke, core: started } = await startShell();
    started.settings.update({ language: 'fr' });
    fake.dialogAnswers.messageBoxButton = CANCEL;
    await invoke('factpulse.keys.reveal', ref);
    expect(fake.record.messageBoxes[0]!.options.buttons).toEqual(['Annuler', 'Afficher']);
  });
});
