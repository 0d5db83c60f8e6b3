import { resolve } from 'node:path';
import { AppError } from '../../../shared/errors';

/** save: a file the user chose to write (export); open: a file the user chose to read (inspect, import). */
export type GrantKind = 'save' | 'open';

/**
 * The paths main's own file dialogs returned since this core started. A path the renderer made up is never
 * on it, so the renderer cannot make main overwrite or read an arbitrary file.
 */
export interface PathGrants {
  grant(kind: GrantKind, path: string): void;
  /** The granted path, or the one refusal error (which says nothing about whether the file exists). */
  require(kind: GrantKind, path: string): string;
}

export const CHOOSE_WITH_DIALOG_MESSAGE =
  'Choose the backup file with the “Choose…” button: only a file picked in that dialog can be used, and a backup is a regular file of at most 8 MiB.';

/** The single answer for every refused backup path: not granted, not a regular file, too large, unreadable. */
export function chooseWithDialogError(): AppError {
  return new AppError('VALIDATION', CHOOSE_WITH_DIALOG_MESSAGE, { fields: [{ field: 'path', message: CHOOSE_WITH_DIALOG_MESSAGE }], chooseWithDialog: true });
}

export function createPathGrants(): PathGrants {
  const granted: Record<GrantKind, Set<string>> = { save: new Set(), open: new Set() };
  return {
    grant(kind, path) {
      granted[kind].add(resolve(path));
    },
    require(kind, path) {
      const full = resolve(path);
      if (!granted[kind].has(full)) throw chooseWithDialogError();
      return full;
    },
  };
}
