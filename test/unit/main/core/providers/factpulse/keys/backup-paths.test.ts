import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../../../main/core/create-core';
import type { Core } from '../../../../../../../main/core/create-core';
import { chooseWithDialogError } from '../../../../../../../main/core/dialogs/path-grants';
import { generateKey } from '../../../../../../../main/core/providers/factpulse/keys';
import { createMemoryStore } from '../../../../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../../../../main/core/vault';
import { scriptedDialogs } from '../../../../../../fixtures/dialogs/scripted-dialogs';

const PASSPHRASE = 'correct horse battery staple';
const REFUSED = { ok: false, error: chooseWithDialogError().toShape() };
let core: Core;
let dir: string;
const picker = scriptedDialogs();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cd-backup-paths-'));
  core = await createCore({ dataDir: join(dir, 'data'), keychain: persistentKeychain(), settingsStore: createMemoryStore(), dialogs: picker.dialogs, resumeDemo: false, log: () => {} });
  await core.context.keys.store.set('conn-1', 'client-1', 'current', { key: generateKey(), createdAt: new Date().toISOString() });
});
afterAll(async () => {
  await core.close();
});

/** A memory keychain standing in for the OS one, so key imports are not refused as memory-only. */
function persistentKeychain() {
  return { ...createMemoryKeychain(), backend: 'os' as const };
}

/** The user picks `path` in main's open dialog. */
async function pickToOpen(path: string) {
  picker.next.open = path;
  expect(await core.router.invoke('dialog.openFile', {})).toEqual({ ok: true, value: { path, native: true } });
}
async function pickToSave(path: string) {
  picker.next.save = path;
  expect(await core.router.invoke('dialog.saveFile', { defaultName: 'keys.cdkeys' })).toMatchObject({ ok: true, value: { path } });
}
const exportTo = (path: string) => core.router.invoke('factpulse.keys.exportBackup', { connectionId: 'conn-1', clients: ['client-1'], path, passphrase: PASSPHRASE });

describe('backup paths: main writes and reads only files its own dialog returned', () => {
  it('refuses to export to a path the renderer typed, and leaves an existing file there untouched', async () => {
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    const typed = join(dir, 'never-chosen.cdkeys');
    for (const path of [victim, typed]) expect(await exportTo(path)).toEqual(REFUSED);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(existsSync(typed)).toBe(false);
  });

  it('exports to the path chosen in the save dialog; reading it back needs the open dialog', async () => {
    const file = join(dir, 'chosen.cdkeys');
    await pickToSave(file);
    expect(await exportTo(file)).toMatchObject({ ok: true, value: { path: file } });
    expect(await core.router.invoke('factpulse.keys.inspectBackup', { path: file })).toEqual(REFUSED);
    await pickToOpen(file);
    expect(await core.router.invoke('factpulse.keys.inspectBackup', { path: file })).toMatchObject({ ok: true, value: { connectionId: 'conn-1' } });
    expect(await core.router.invoke('factpulse.keys.importBackup', { path: file, passphrase: PASSPHRASE })).toMatchObject({ ok: true, value: { unchanged: ['client-1'] } });
    // A file chosen to be read is not a place to write.
    expect(await exportTo(join(dir, 'other.cdkeys'))).toEqual(REFUSED);
  });

  it('refuses, quickly and with the same answer, everything that is not a small regular file the user chose', async () => {
    const fifo = join(dir, 'backup.fifo');
    execFileSync('mkfifo', [fifo]);
    const folder = join(dir, 'a-folder.cdkeys');
    mkdirSync(folder);
    const large = join(dir, 'large.cdkeys');
    writeFileSync(large, '');
    truncateSync(large, 9 * 1024 * 1024);
    const existing = join(dir, 'exists-but-never-chosen.cdkeys');
    writeFileSync(existing, '{}');
    const cases: Array<[string, string, boolean]> = [
      ['/dev/zero (chosen)', '/dev/zero', true],
      ['a FIFO with no writer (chosen)', fifo, true],
      ['a directory (chosen)', folder, true],
      ['a 9 MiB file (chosen)', large, true],
      ['a missing file (chosen)', join(dir, 'gone.cdkeys'), true],
      ['an existing file never chosen', existing, false],
      ['a missing file never chosen', join(dir, 'nothing-here.cdkeys'), false],
      ['/etc/passwd never chosen', '/etc/passwd', false],
    ];
    for (const [name, path, chosen] of cases) {
      if (chosen) await pickToOpen(path);
      for (const channel of ['factpulse.keys.inspectBackup', 'factpulse.keys.importBackup'] as const) {
        const started = performance.now();
        const answer = await core.router.invoke(channel, { path, passphrase: PASSPHRASE });
        const ms = performance.now() - started;
        console.info(`${channel} ${name}: ${answer.ok ? 'READ' : `refused in ${ms.toFixed(1)} ms — ${answer.error.code}: ${answer.error.message}`}`);
        expect(answer).toEqual(REFUSED);
      }
    }
  });
});
