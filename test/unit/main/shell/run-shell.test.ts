import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShell } from '../../../../main/shell/run-shell';
import { createCore } from '../../../../main/core/create-core';
import type { Core, CoreOptions } from '../../../../main/core/create-core';
import { createMemoryStore } from '../../../../main/core/settings/key-value-store';
import { createMemoryKeychain } from '../../../../main/core/vault';
import { CHANNEL_NAMES, EVENT_CHANNEL, IPC_PREFIX } from '../../../../shared/ipc';
import { CONTENT_SECURITY_POLICY } from '../../../../main/shell/security';
import { createFakeElectron } from './fake-electron';

async function startShell() {
  const fake = createFakeElectron();
  const rendererDir = mkdtempSync(join(tmpdir(), 'cd-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>x</title>');
  mkdirSync(join(rendererDir, 'assets'));
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  const dataDir = mkdtempSync(join(tmpdir(), 'cd-shell-data-'));
  let core: Core | null = null;
  let coreOptions: CoreOptions | null = null;
  await runShell({
    electron: fake.electron as never,
    createCore: async (options) => {
      coreOptions = options;
      core = await createCore({ ...options, dataDir, keychain: createMemoryKeychain(), resumeDemo: false });
      return core;
    },
    settingsStore: createMemoryStore(),
    rendererDir,
    preloadFile: '/app/dist/preload/preload.cjs',
  });
  return { fake, rendererDir, core: core as unknown as Core, coreOptions: coreOptions as unknown as CoreOptions };
}

describe('Electron shell (with a fake electron module)', () => {
  it('creates the window with secure webPreferences and loads the app protocol, not file://', async () => {
    const { fake, core } = await startShell();
    const win = fake.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      preload: '/app/dist/preload/preload.cjs',
    });
    expect(win.loadedUrl).toBe('app://clientdesk/index.html');
    await core.close();
  });

  it('registers exactly one handler per contract channel and routes through the core', async () => {
    const { fake, core } = await startShell();
    expect([...fake.handlers.keys()].sort()).toEqual(CHANNEL_NAMES.map((c) => IPC_PREFIX + c).sort());
    const handler = fake.handlers.get(`${IPC_PREFIX}settings.get`)!;
    const fromApp = (await handler({ senderFrame: { url: 'app://clientdesk/index.html' } })) as { ok: boolean };
    expect(fromApp.ok).toBe(true);
    await core.close();
  });

  it('refuses calls from any frame that is not the app page', async () => {
    const { fake, core } = await startShell();
    const handler = fake.handlers.get(`${IPC_PREFIX}settings.get`)!;
    for (const url of ['https://evil.example/', 'file:///tmp/x.html', 'app://other/index.html']) {
      expect(await handler({ senderFrame: { url } })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(await handler({ senderFrame: null })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    await core.close();
  });

  it('serves the renderer with the CSP and refuses path traversal', async () => {
    const { fake, core } = await startShell();
    const serve = fake.record.protocolHandlers.get('app')!;
    const page = await serve({ url: 'app://clientdesk/index.html' });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    for (const url of ['app://clientdesk/../../etc/passwd', 'app://clientdesk/%2e%2e/%2e%2e/etc/passwd', 'app://clientdesk/assets/..%2f..%2f..%2fetc%2fpasswd']) {
      expect((await serve({ url })).status).toBe(404);
    }
    expect(fake.record.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    await core.close();
  });

  it('denies navigation away, new windows, webviews and every permission', async () => {
    const { fake, core } = await startShell();
    const contents = fake.createWebContents();
    let prevented = 0;
    const event = { preventDefault: () => void prevented++ };
    contents.emit('will-navigate', event, 'https://evil.example/');
    contents.emit('will-navigate', event, 'file:///etc/passwd');
    contents.emit('will-attach-webview', event);
    contents.emit('will-navigate', event, 'app://clientdesk/index.html');
    expect(prevented).toBe(3);
    for (const url of ['https://factpulse.fr/docs', 'http://127.0.0.1:8080/', 'javascript:alert(1)', 'app://clientdesk/index.html']) {
      expect(contents.windowOpenHandler!({ url })).toEqual({ action: 'deny' });
    }
    console.info(`window.open: 4 URLs denied, system browser opened for: ${fake.record.openedExternal.length === 0 ? 'none' : fake.record.openedExternal.join(', ')}`);
    expect(fake.record.openedExternal).toEqual([]);
    let granted: boolean | null = null;
    fake.record.permissionRequestHandler!({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(fake.record.permissionCheckHandler!({}, 'notifications')).toBe(false);
    await core.close();
  });

  it('forwards core events to the window on one event channel', async () => {
    const { fake, core } = await startShell();
    core.events.emit('connections.changed', []);
    expect(fake.sent).toEqual([{ channel: EVENT_CHANNEL, payload: { event: 'connections.changed', payload: [] } }]);
    await core.close();
  });

  it('saves the window bounds on close', async () => {
    const { fake, core } = await startShell();
    fake.windows[0]!.emit('close');
    expect(core.settings.getWindowBounds()).toMatchObject({ width: 1100, height: 720 });
    await core.close();
  });

  it('quits a second instance at once', async () => {
    const fake = createFakeElectron({ gotLock: false });
    let coreCreated = false;
    await runShell({
      electron: fake.electron as never,
      createCore: async () => {
        coreCreated = true;
        throw new Error('must not start');
      },
      settingsStore: createMemoryStore(),
      rendererDir: '/nonexistent',
      preloadFile: '/nonexistent',
    });
    expect(fake.record.quit).toBe(1);
    expect(coreCreated).toBe(false);
  });
});

describe('Electron shell when the core cannot start', () => {
  it('shows a native error box naming the log file, logs the failure there and quits (no window left behind)', async () => {
    const userData = mkdtempSync(join(tmpdir(), 'cd-shell-fail-'));
    const fake = createFakeElectron({ userData });
    await runShell({
      electron: fake.electron as never,
      createCore: async () => {
        throw new Error('disk I/O error while opening the data folder');
      },
      settingsStore: createMemoryStore(),
      rendererDir: '/nonexistent',
      preloadFile: '/nonexistent',
    });
    const logFile = join(userData, 'data', 'logs', 'clientdesk.log');
    expect(fake.record.errorBoxes).toEqual([
      { title: 'Clientdesk could not start', content: expect.stringContaining(`disk I/O error while opening the data folder\n\nThe log has the details:\n${logFile}`) },
    ]);
    expect(readFileSync(logFile, 'utf8')).toMatch(/startup failed: Error: disk I\/O error/);
    expect(fake.record.quit).toBe(1);
    expect(fake.windows).toEqual([]);
  });

  it('a damaged state file is not a startup failure: the window opens on recovery mode', async () => {
    const fake = createFakeElectron();
    const dataDir = mkdtempSync(join(tmpdir(), 'cd-shell-recovery-'));
    writeFileSync(join(dataDir, 'state.sqlite'), Buffer.alloc(4096, 0x61));
    let core: Core | null = null;
    await runShell({
      electron: fake.electron as never,
      createCore: async (options) => (core = await createCore({ ...options, dataDir, keychain: createMemoryKeychain(), resumeDemo: false })),
      settingsStore: createMemoryStore(),
      rendererDir: '/nonexistent',
      preloadFile: '/nonexistent',
    });
    expect(fake.record.errorBoxes).toEqual([]);
    expect(fake.windows).toHaveLength(1);
    const info = (await fake.handlers.get(`${IPC_PREFIX}app.info`)!({ senderFrame: { url: 'app://clientdesk/index.html' } })) as { value: { mode: string } };
    expect(info.value.mode).toBe('recovery');
    await (core as unknown as Core).close();
  });
});
