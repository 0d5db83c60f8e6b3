import * as electron from 'electron';
import Store from 'electron-store';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from './core/create-core';
import { runShell } from './shell/run-shell';

const here = dirname(fileURLToPath(import.meta.url));

void runShell({
  electron,
  createCore,
  // Opened by the core once the file is checked: electron-store throws on a damaged settings.json.
  settingsStore: {
    file: join(electron.app.getPath('userData'), 'settings.json'),
    open: () => new Store<Record<string, unknown>>({ name: 'settings' }),
  },
  rendererDir: join(here, '..', 'renderer'),
  preloadFile: join(here, '..', 'preload', 'preload.cjs'),
});
