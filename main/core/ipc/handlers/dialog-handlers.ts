import type { FileDialogs } from '../../dialogs/file-dialogs';
import type { GrantKind, PathGrants } from '../../dialogs/path-grants';
import type { HandlerMap } from '../router';

type DialogChannels = 'dialog.saveFile' | 'dialog.openFile';

/** Lets the renderer ask main for a file path (it cannot browse the disk itself); each path chosen is granted for that use. */
export function createDialogHandlers(dialogs: FileDialogs, grants: PathGrants): Pick<HandlerMap, DialogChannels> {
  function granted(kind: GrantKind, path: string | null): { path: string | null; native: boolean } {
    if (path !== null) grants.grant(kind, path);
    return { path, native: dialogs.native };
  }
  return {
    'dialog.saveFile': async ({ defaultName }: Parameters<HandlerMap['dialog.saveFile']>[0]) => granted('save', await dialogs.chooseSavePath(defaultName)),
    'dialog.openFile': async () => granted('open', await dialogs.chooseOpenPath()),
  };
}
