import { EventEmitter } from 'node:events';

/** A recording stand-in for the parts of `electron` the shell touches. It is not Electron: it proves the glue's calls. */
export function createFakeElectron(opts: { gotLock?: boolean; userData?: string } = {}) {
  const appEvents = new EventEmitter();
  const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const windows: FakeWindow[] = [];
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const record = {
    quit: 0,
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: { url: string }) => Promise<Response>>(),
    permissionRequestHandler: null as null | ((wc: unknown, permission: string, cb: (granted: boolean) => void) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    openedExternal: [] as string[],
    dialogs: [] as Array<{ kind: 'save' | 'open'; withWindow: boolean; options: Record<string, unknown> }>,
    errorBoxes: [] as Array<{ title: string; content: string }>,
    messageBoxes: [] as Array<{ withWindow: boolean; options: { buttons: string[]; cancelId: number; defaultId: number; message: string; detail: string } }>,
  };
  /** What the next native file dialog answers (a path, or null = cancelled), and which button of a message box is pressed. */
  const dialogAnswers = { save: null as string | null, open: null as string | null, messageBoxButton: 0 };
  const clipboardState = { text: '' };

  class FakeWindow extends EventEmitter {
    options: Record<string, unknown>;
    loadedUrl: string | null = null;
    webContents = { send: (channel: string, payload: unknown) => sent.push({ channel, payload }) };
    constructor(options: Record<string, unknown>) {
      super();
      this.options = options;
      windows.push(this);
    }
    async loadURL(url: string) {
      this.loadedUrl = url;
    }
    isDestroyed() {
      return false;
    }
    isMinimized() {
      return false;
    }
    isMaximized() {
      return false;
    }
    maximize() {}
    restore() {}
    focus() {}
    show() {}
    getNormalBounds() {
      return { x: 1, y: 2, width: 1100, height: 720 };
    }
  }

  const electron = {
    app: Object.assign(appEvents, {
      requestSingleInstanceLock: () => opts.gotLock ?? true,
      quit: () => void record.quit++,
      whenReady: () => Promise.resolve(),
      getPath: (_name: string) => opts.userData ?? '/nonexistent',
      getVersion: () => '9.9.9',
    }),
    clipboard: {
      readText: async () => clipboardState.text,
      writeText: async (text: string) => void (clipboardState.text = text),
    },
    BrowserWindow: FakeWindow,
    ipcMain: {
      handle: (channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => void handlers.set(channel, fn),
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, fn: (request: { url: string }) => Promise<Response>) => void record.protocolHandlers.set(scheme, fn),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: typeof record.permissionRequestHandler) => void (record.permissionRequestHandler = fn),
        setPermissionCheckHandler: (fn: typeof record.permissionCheckHandler) => void (record.permissionCheckHandler = fn),
      },
    },
    shell: { openExternal: async (url: string) => void record.openedExternal.push(url) },
    dialog: {
      showErrorBox: (title: string, content: string) => void record.errorBoxes.push({ title, content }),
      showSaveDialog: async (...args: unknown[]) => {
        const options = args[args.length - 1] as Record<string, unknown>;
        record.dialogs.push({ kind: 'save', withWindow: args.length > 1, options });
        return dialogAnswers.save === null ? { canceled: true, filePath: '' } : { canceled: false, filePath: dialogAnswers.save };
      },
      showOpenDialog: async (...args: unknown[]) => {
        const options = args[args.length - 1] as Record<string, unknown>;
        record.dialogs.push({ kind: 'open', withWindow: args.length > 1, options });
        return dialogAnswers.open === null ? { canceled: true, filePaths: [] } : { canceled: false, filePaths: [dialogAnswers.open] };
      },
      showMessageBox: async (...args: unknown[]) => {
        const options = args[args.length - 1] as (typeof record.messageBoxes)[number]['options'];
        record.messageBoxes.push({ withWindow: args.length > 1, options });
        return { response: dialogAnswers.messageBoxButton, checkboxChecked: false };
      },
    },
  };

  /** Simulates Electron creating a webContents, returning its recorded listeners. */
  function createWebContents() {
    const contents = new EventEmitter() as EventEmitter & { windowOpenHandler?: (d: { url: string }) => { action: string } };
    Object.assign(contents, {
      setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (contents.windowOpenHandler = fn),
    });
    appEvents.emit('web-contents-created', {}, contents);
    return contents;
  }

  /** Simulates the user quitting: emits will-quit as Electron would; says whether a listener held it back. */
  function emitWillQuit(): boolean {
    let prevented = false;
    appEvents.emit('will-quit', { preventDefault: () => void (prevented = true) });
    return prevented;
  }

  return { electron, handlers, windows, sent, record, dialogAnswers, clipboard: clipboardState, createWebContents, emitWillQuit };
}
