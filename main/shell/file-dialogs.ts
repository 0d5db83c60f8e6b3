import type * as Electron from 'electron';
import { join } from 'node:path';
import type { FileDialogs } from '../core/dialogs/file-dialogs';

type DialogModule = Pick<typeof Electron.dialog, 'showSaveDialog' | 'showOpenDialog'>;

const BACKUP_FILTERS = [
  { name: 'Clientdesk key backup', extensions: ['cdkeys', 'json'] },
  { name: 'All files', extensions: ['*'] },
];

/** Electron's native save/open dialogs, attached to the main window when there is one. */
export function createElectronDialogs(dialog: DialogModule, window: () => Electron.BrowserWindow | null, defaultFolder: () => string): FileDialogs {
  return {
    native: true,
    async chooseSavePath(defaultName) {
      const options = { defaultPath: join(defaultFolder(), defaultName), filters: BACKUP_FILTERS, properties: ['createDirectory' as const, 'showOverwriteConfirmation' as const] };
      const win = window();
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath() {
      const options = { defaultPath: defaultFolder(), filters: BACKUP_FILTERS, properties: ['openFile' as const] };
      const win = window();
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
