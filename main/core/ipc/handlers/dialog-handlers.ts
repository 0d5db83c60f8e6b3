import type { FileDialogs } from '../../dialogs/file-dialogs';
import type { HandlerMap } from '../router';

type DialogChannels = 'dialog.saveFile' | 'dialog.openFile';

/** Lets the renderer ask main for a file path (it cannot browse the disk itself). */
export function createDialogHandlers(dialogs: FileDialogs): Pick<HandlerMap, DialogChannels> {
  return {
    'dialog.saveFile': async ({ defaultName }: Parameters<HandlerMap['dialog.saveFile']>[0]) => ({
      path: await dialogs.chooseSavePath(defaultName),
      native: dialogs.native,
    }),
    'dialog.openFile': async () => ({ path: await dialogs.chooseOpenPath(), native: dialogs.native }),
  };
}
