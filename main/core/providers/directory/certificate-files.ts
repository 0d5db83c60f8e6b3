import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { AppError } from '../../../../shared/errors';
import type { PathGrants } from '../../dialogs/path-grants';

/** Certificates, keys, PKCS#12 bundles and CA bundles are small; anything larger is not one. */
const MAX_FILE_BYTES = 1024 * 1024;
const READ_TIMEOUT_MS = 5_000;

function chooseWithDialog(field: string): AppError {
  return new AppError('VALIDATION', 'Choose this file with the “Choose…” button: only a file picked in that dialog can be read, and it must be a regular file of at most 1 MiB.', {
    fields: [{ field, message: 'providers.directory.certificate.chooseWithDialog' }],
    reason: 'choose-with-dialog',
  });
}

/**
 * Reads a file main's own open dialog returned (never a path the renderer made up): opened without blocking,
 * then checked on the opened handle (a regular file, at most 1 MiB), read within a time limit.
 */
export async function readGrantedFile(grants: PathGrants, path: string, field: string): Promise<Buffer> {
  let granted: string;
  try {
    granted = grants.require('open', path);
  } catch {
    throw chooseWithDialog(field);
  }
  const handle = await open(granted, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0)).catch(() => {
    throw chooseWithDialog(field);
  });
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > MAX_FILE_BYTES) throw chooseWithDialog(field);
    const bytes = await handle.readFile({ signal: AbortSignal.timeout(READ_TIMEOUT_MS) }).catch(() => {
      throw chooseWithDialog(field);
    });
    if (bytes.length > MAX_FILE_BYTES) throw chooseWithDialog(field);
    return bytes;
  } finally {
    await handle.close();
  }
}
