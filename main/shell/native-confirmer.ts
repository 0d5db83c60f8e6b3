import type * as Electron from 'electron';
import type { Confirmer } from '../core/dialogs/confirmer';

type DialogModule = Pick<typeof Electron.dialog, 'showMessageBox'>;

const CANCEL = 0;
const CONFIRM = 1;

/** A native, modal message box: the answer comes from the user, not from anything the renderer sends. Cancel is the default. */
export function createElectronConfirmer(dialog: DialogModule, window: () => Electron.BrowserWindow | null): Confirmer {
  return {
    async confirm(request) {
      const options: Electron.MessageBoxOptions = {
        type: 'warning',
        title: request.title,
        message: request.message,
        detail: request.detail,
        buttons: [request.cancelLabel, request.confirmLabel],
        defaultId: CANCEL,
        cancelId: CANCEL,
        noLink: true,
      };
      const win = window();
      const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
      return response === CONFIRM;
    },
  };
}
