import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { Core } from '../../../../../main/core/create-core';
import { createMemoryKeychain } from '../../../../../main/core/vault';

const dirs: string[] = [];
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-boot-'));
  dirs.push(dir);
  return dir;
}

const keychain = createMemoryKeychain();
async function start(dir: string, extra: { resumeDemo?: boolean; onQuit?: () => void } = {}): Promise<Core> {
  const core = await createCore({ dataDir: dir, keychain, resumeDemo: extra.resumeDemo ?? false, ...(extra.onQuit ? { onQuit: extra.onQuit } : {}), log: () => {} });
  cores.push(core);
  return core;
}
async function call<T = Record<string, unknown>>(core: Core, channel: string, input?: unknown): Promise<T> {
  const answer = await core.router.invoke(channel, input);
  if (!answer.ok) throw new Error(`${channel}: ${answer.error.code} ${answer.error.message}`);
  return answer.value as T;
}
async function until(check: () => Promise<boolean>, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}
const named = (dir: string, prefix: string) => readdirSync(dir).filter((n) => n.startsWith(prefix));

describe('a damaged file never strands the user (createCore)', () => {
  it('a garbage cache: the app starts, says the cache was rebuilt, and syncs the clients back', async () => {
    const dir = dataDir();
    let core = await start(dir, { resumeDemo: true });
    const demo = await call<{ id: string }>(core, 'demo.start');
    type SyncState = Array<{ connectionId: string; lastCompletedAt: string | null; inProgress: boolean }>;
    const allSynced = async () => {
      const states = await call<SyncState>(core, 'sync.state');
      return states.length > 0 && states.every((s) => s.lastCompletedAt !== null && !s.inProgress);
    };
    await until(allSynced);
    const before = (await call<{ total: number }>(core, 'clients.counts', {})).total;
    await core.close();
    cores.splice(0);
    writeFileSync(join(dir, 'cache.sqlite'), Buffer.from('garbage '.repeat(4096)));

    core = await start(dir, { resumeDemo: true });
    const info = await call<{ mode: string; notices: Array<{ kind: string; movedTo: string }> }>(core, 'app.info');
    expect(info.mode).toBe('normal');
    expect(info.notices).toEqual([expect.objectContaining({ kind: 'cache-rebuilt', file: 'cache', path: join(dir, 'cache.sqlite') })]);
    expect(readFileSync(info.notices[0]!.movedTo, 'utf8')).toMatch(/^garbage/);
    await until(async () => (await allSynced()) && (await call<{ total: number }>(core, 'clients.counts', {})).total === before);
    expect((await call<SyncState>(core, 'sync.state')).find((s) => s.connectionId === demo.id)?.lastCompletedAt).not.toBeNull();
    console.log(`garbage cache: moved to ${info.notices[0]!.movedTo.slice(dir.length + 1)}, ${before} clients synced back`);
  });

  it('a garbage state file: recovery mode, nothing else runs, the file is untouched until the user moves it aside', async () => {
    const dir = dataDir();
    await (await start(dir)).close();
    cores.splice(0);
    const garbage = Buffer.from('not an outbox '.repeat(500));
    writeFileSync(join(dir, 'state.sqlite'), garbage);

    const core = await start(dir);
    expect(await call(core, 'app.info')).toMatchObject({ mode: 'recovery', stateFile: join(dir, 'state.sqlite') });
    const status = await call<{ problem: Record<string, unknown> }>(core, 'recovery.status');
    expect(status.problem).toMatchObject({ file: 'state', path: join(dir, 'state.sqlite'), failure: 'damaged', canMoveAside: true });
    expect(await core.router.invoke('outbox.list', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED', message: expect.stringMatching(/recovery mode/) } });
    expect(readFileSync(join(dir, 'state.sqlite')).equals(garbage)).toBe(true);
    expect(named(dir, 'state.damaged-')).toEqual([]);

    const resolved = await call<{ mode: string; movedTo: string }>(core, 'recovery.resolve', { action: 'moveAside' });
    expect(resolved).toEqual({ mode: 'normal', movedTo: expect.stringMatching(/state\.damaged-.*\.sqlite$/) });
    expect(readFileSync(resolved.movedTo).equals(garbage)).toBe(true);
    expect(await call(core, 'app.info')).toMatchObject({ mode: 'normal', notices: [{ kind: 'moved-aside', file: 'state', movedTo: resolved.movedTo }] });
    expect(await call(core, 'outbox.list', {})).toEqual([]);
    expect(await call(core, 'recovery.status')).toEqual({ problem: null });
    console.log(`garbage state: recovery mode, then moved to ${resolved.movedTo.slice(dir.length + 1)} by the user's choice`);
  });

  it('Quit on the recovery screen asks the shell to quit and changes nothing', async () => {
    const dir = dataDir();
    writeFileSync(join(dir, 'state.sqlite'), Buffer.alloc(4096, 0x7a));
    let quit = 0;
    const core = await start(dir, { onQuit: () => void quit++ });
    expect(await call(core, 'recovery.resolve', { action: 'quit' })).toEqual({ mode: 'recovery', movedTo: null });
    expect(quit).toBe(1);
    expect(named(dir, 'state.damaged-')).toEqual([]);
  });

  it('a truncated settings.json: restored from the last-good copy with a notice, connections and preferences kept', async () => {
    const dir = dataDir();
    let core = await start(dir);
    await call(core, 'settings.update', { language: 'fr', syncIntervalMinutes: 30 });
    await core.close();
    cores.splice(0);
    const file = join(dir, 'settings.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 20));

    core = await start(dir);
    expect(await call(core, 'app.info')).toMatchObject({ mode: 'normal', notices: [{ kind: 'settings-restored', file: 'settings', path: file }] });
    expect(await call(core, 'settings.get')).toMatchObject({ language: 'fr', syncIntervalMinutes: 30 });
  });

  it('a truncated settings.json without a last-good copy opens recovery; moving it aside starts with defaults', async () => {
    const dir = dataDir();
    const file = join(dir, 'settings.json');
    writeFileSync(file, '{"connections": [{"id": "c1", "lab');
    const core = await start(dir);
    expect(await call(core, 'recovery.status')).toMatchObject({ problem: { file: 'settings', path: file, failure: 'damaged' } });
    const { movedTo } = await call<{ movedTo: string }>(core, 'recovery.resolve', { action: 'moveAside' });
    expect(readFileSync(movedTo, 'utf8')).toBe('{"connections": [{"id": "c1", "lab');
    expect(existsSync(file)).toBe(false);
    expect(await call(core, 'settings.get')).toMatchObject({ language: 'en' });
    expect(await call(core, 'connections.list')).toEqual([]);
  });
});
