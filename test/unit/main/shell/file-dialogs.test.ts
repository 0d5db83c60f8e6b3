import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../../main/shell/run-shell';
import { createCore } from '../../../../main/core/create-core';
import type { Core } from '../../../../main/core/create-core';
import { createMemoryStore } from '../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../main/core/vault';
import { IPC_PREFIX } from '../../../../shared/ipc';
import { createFakeElectron } from './fake-electron';

const APP_FRAME = { senderFrame: { url: 'app://clientdesk/index.html' } };

async function startShell() {
  const fake = createFakeElectron();
  const rendererDir = mkdtempSync(join(tmpdir(), 'cd-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-shell-dialogs-'));
  let core: Core | null = null;
  await runShell({
    electron: fake.electron as never,
    createCore: async (options) => {
      core = await createCore({ ...options, dataDir, keychain: createMemoryKeychain(), resumeDemo: false });
      return core;
    },
    settingsStore: createMemoryStore(),
    rendererDir,
    preloadFile: '/app/dist/preload/preload.cjs',
  });
  const invoke = (channel: string, input?: unknown) => fake.handlers.get(IPC_PREFIX + channel)!(APP_FRAME, input);
  return { fake, core: core as unknown as Core, invoke };
}

describe('native file dialogs in the Electron shell (fake electron module)', () => {
  it('dialog.saveFile shows the save dialog on the main window with the suggested name and returns the chosen path', async () => {
    const { fake, core, invoke } = await startShell();
    fake.dialogAnswers.save = '/home/user/keys.cdkeys';
    expect(await invoke('dialog.saveFile', { defaultName: 'clientdesk-keys.cdkeys' })).toEqual({ ok: true, value: { path: '/home/user/keys.cdkeys', native: true } });
    const shown = fake.record.dialogs[0]!;
    expect(shown.kind).toBe('save');
    expect(shown.withWindow).toBe(true);
    expect(String(shown.options.defaultPath)).toMatch(/clientdesk-keys\.cdkeys$/);
    await core.close();
  });

  it('a cancelled dialog answers a null path; dialog.openFile returns the picked file', async () => {
    const { fake, core, invoke } = await startShell();
    expect(await invoke('dialog.saveFile', { defaultName: 'x.cdkeys' })).toEqual({ ok: true, value: { path: null, native: true } });
    expect(await invoke('dialog.openFile', {})).toEqual({ ok: true, value: { path: null, native: true } });
    fake.dialogAnswers.open = '/home/user/old.cdkeys';
    expect(await invoke('dialog.openFile', {})).toEqual({ ok: true, value: { path: '/home/user/old.cdkeys', native: true } });
    expect(fake.record.dialogs.map((d) => d.kind)).toEqual(['save', 'open', 'open']);
    await core.close();
  });

  it('refuses a suggested name with a folder in it', async () => {
    const { fake, core, invoke } = await startShell();
    expect(await invoke('dialog.saveFile', { defaultName: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(fake.record.dialogs).toHaveLength(0);
    await core.close();
  });
});
