import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';

/** File pickers: Electron's native dialogs in the app; a folder under the data dir in plain Node. */
export interface FileDialogs {
  /** True when a real picker is shown to the user. */
  readonly native: boolean;
  chooseSavePath(defaultName: string): Promise<string | null>;
  chooseOpenPath(): Promise<string | null>;
}

/**
 * Plain Node (preview, browser harness) has no window to hang a picker on: saves go to
 * `<dataDir>/backups/<name>`, and opening asks the user to type a path (null).
 */
export function createDataDirDialogs(dataDir: string): FileDialogs {
  return {
    native: false,
    async chooseSavePath(defaultName) {
      const folder = join(dataDir, 'backups');
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      return join(folder, basename(defaultName));
    },
    async chooseOpenPath() {
      return null;
    },
  };
}
