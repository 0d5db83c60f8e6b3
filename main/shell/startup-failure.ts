import type * as Electron from 'electron';
import { join } from 'node:path';
import { createFileLogger } from '../core/log';
import { redact } from '../core/http/redact';

/**
 * The core could not start at all (recovery mode covers damaged files; this is whatever is left): say so in a
 * native dialog that names the log, and quit, instead of leaving a process with no window.
 */
export function reportStartupFailure(electron: { app: Pick<Electron.App, 'quit'>; dialog: Pick<Electron.Dialog, 'showErrorBox'> }, dataDir: string, err: unknown): void {
  const text = redact(err instanceof Error ? `${err.name}: ${err.message}` : String(err));
  let logFile = join(dataDir, 'logs', 'clientdesk.log');
  try {
    const log = createFileLogger(dataDir);
    log(`startup failed: ${err instanceof Error && err.stack ? redact(err.stack) : text}`);
    logFile = log.file;
  } catch {
    // The data folder itself may be what failed: the dialog still says what happened.
  }
  electron.dialog.showErrorBox(
    'Clientdesk could not start',
    `${text}\n\nThe log has the details:\n${logFile}\n\nClientdesk n'a pas pu démarrer. Le journal donne les détails :\n${logFile}`,
  );
  electron.app.quit();
}
