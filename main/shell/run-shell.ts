import type * as Electron from 'electron';
import { join } from 'node:path';
import { CHANNEL_NAMES, EVENT_CHANNEL, IPC_PREFIX } from '../../shared/ipc';
import type { Core, CoreOptions } from '../core/create-core';
import type { KeyValueStore, SettingsSource } from '../core/settings/key-value-store';
import { serveAppFile } from './app-protocol';
import { createElectronDialogs } from './file-dialogs';
import { reportStartupFailure } from './startup-failure';
import { createElectronConfirmer } from './native-confirmer';
import { closeCoreBeforeQuit } from './quit';
import { APP_ENTRY, APP_SCHEME, SECURE_WEB_PREFERENCES, isAppUrl } from './security';

type ElectronModule = Pick<typeof Electron, 'app' | 'BrowserWindow' | 'ipcMain' | 'protocol' | 'session' | 'dialog' | 'clipboard'>;

export interface ShellDeps {
  electron: ElectronModule;
  createCore(options: CoreOptions): Promise<Core>;
  /** electron-store as a source, so a damaged settings file is checked before electron-store reads it. */
  settingsStore: KeyValueStore | SettingsSource;
  /** Folder holding the built renderer (index.html) and preload. */
  rendererDir: string;
  preloadFile: string;
}

/** Adapts Electron to the core: nothing here decides anything the core could. */
export function runShell(deps: ShellDeps): Promise<void> {
  const { app, BrowserWindow, ipcMain, protocol, session, dialog, clipboard } = deps.electron;

  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve();
  }
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);

  let mainWindow: Electron.BrowserWindow | null = null;
  let core: Core | null = null;

  app.on('second-instance', function focusExistingWindow() {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', function lockDownContents(_event, contents) {
    contents.on('will-navigate', function denyNavigation(navEvent, url) {
      if (!isAppUrl(url)) navEvent.preventDefault();
    });
    contents.on('will-redirect', function denyRedirect(navEvent, url) {
      if (!isAppUrl(url)) navEvent.preventDefault();
    });
    contents.on('will-attach-webview', function denyWebview(attachEvent) {
      attachEvent.preventDefault();
    });
    // The app has no links: no new window, and nothing is handed to the system browser.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  app.on('window-all-closed', function quitWhenClosed() {
    app.quit();
  });
  app.on('will-quit', closeCoreBeforeQuit(app, () => core));

  const dataDir = join(app.getPath('userData'), 'data');
  return app.whenReady().then(async function onReady() {
    const appSession = session.defaultSession;
    appSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
    appSession.setPermissionCheckHandler(() => false);
    protocol.handle(APP_SCHEME, (request) => serveAppFile(deps.rendererDir, request.url));

    core = await deps.createCore({
      dataDir,
      settingsStore: deps.settingsStore,
      appVersion: app.getVersion(),
      runtime: 'electron',
      electronVersion: process.versions.electron ?? null,
      isTrustedSender: isAppUrl,
      onQuit: () => app.quit(),
      dialogs: createElectronDialogs(dialog, () => mainWindow, () => app.getPath('documents')),
      confirmer: createElectronConfirmer(dialog, () => mainWindow),
      clipboard,
    });
    const router = core.router;
    for (const channel of CHANNEL_NAMES) {
      ipcMain.handle(IPC_PREFIX + channel, function handleInvoke(event, input: unknown) {
        return router.invoke(channel, input, { senderUrl: event.senderFrame?.url });
      });
    }

    const bounds = core.settings.getWindowBounds();
    mainWindow = new BrowserWindow({
      width: bounds?.width ?? 1280,
      height: bounds?.height ?? 800,
      ...(bounds?.x !== undefined && bounds.y !== undefined ? { x: bounds.x, y: bounds.y } : {}),
      minWidth: 900,
      minHeight: 600,
      show: false,
      title: 'Clientdesk',
      webPreferences: { ...SECURE_WEB_PREFERENCES, preload: deps.preloadFile },
    });
    const win = mainWindow;
    if (bounds?.maximized) win.maximize();
    win.once('ready-to-show', () => win.show());
    win.on('close', function saveBounds() {
      core?.settings.setWindowBounds({ ...win.getNormalBounds(), maximized: win.isMaximized() });
    });
    core.events.onAny(function forwardEvent(event, payload) {
      if (!win.isDestroyed()) win.webContents.send(EVENT_CHANNEL, { event, payload });
    });
    await win.loadURL(APP_ENTRY);
  }).catch(function startupFailed(err: unknown) {
    reportStartupFailure({ app, dialog }, dataDir, err);
  });
}
