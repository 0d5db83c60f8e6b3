import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, join, normalize } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { AuditEntry } from '../../../shared/schemas/cache';
import type { AuditLog } from './audit-log';

const COLUMNS: Array<keyof AuditEntry> = ['id', 'at', 'connectionId', 'clientId', 'action', 'outcome', 'requestId', 'summary', 'hash'];

function invalid(message: string): AppError {
  return new AppError('VALIDATION', message, { fields: [{ field: 'path', message }] });
}

/** The user's save path: absolute, the right extension, an existing folder, not a folder itself. */
export function validateExportPath(path: string, format: 'csv' | 'json'): string {
  if (path.includes('\0')) throw invalid('The file name is not valid.');
  if (!isAbsolute(path)) throw invalid('Choose where to save the file (a full path).');
  const file = normalize(path);
  if (extname(file).toLowerCase() !== `.${format}`) throw invalid(`The file name must end with .${format}.`);
  let folder;
  try {
    folder = statSync(dirname(file));
  } catch {
    throw invalid('The folder does not exist.');
  }
  if (!folder.isDirectory()) throw invalid('The folder does not exist.');
  try {
    if (statSync(file).isDirectory()) throw invalid('A folder has that name.');
  } catch (err) {
    if (err instanceof AppError) throw err;
  }
  return file;
}

/** Spreadsheet apps run cells starting with = + - @ as formulas: those get a leading quote. */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** At most this much text comes back over IPC; a bigger log needs a file path (or a connection filter). */
export const MAX_EXPORT_TEXT_BYTES = 32 * 1024 * 1024;

/** Serializes the log (oldest first) through `write`; returns how many entries it wrote. */
function renderAudit(log: AuditLog, format: 'csv' | 'json', connectionId: string | undefined, write: (text: string) => void): number {
  let count = 0;
  if (format === 'csv') {
    write(`${COLUMNS.join(',')}\n`);
    for (const entry of log.iterate(connectionId)) {
      write(`${COLUMNS.map((c) => csvCell(entry[c])).join(',')}\n`);
      count++;
    }
    return count;
  }
  const verified = log.verify();
  write(`{"exportedAt":${JSON.stringify(new Date().toISOString())},"chain":${JSON.stringify(verified)},"entries":[`);
  for (const entry of log.iterate(connectionId)) {
    write(`${count ? ',' : ''}\n${JSON.stringify(entry)}`);
    count++;
  }
  write('\n]}\n');
  return count;
}

/** The export as text, for the window to offer as a download. */
export function exportAuditText(log: AuditLog, format: 'csv' | 'json', connectionId?: string): { count: number; bytes: number; content: string } {
  const parts: string[] = [];
  let bytes = 0;
  const count = renderAudit(log, format, connectionId, (text) => {
    bytes += Buffer.byteLength(text);
    if (bytes > MAX_EXPORT_TEXT_BYTES) {
      throw new AppError('VALIDATION', 'The log is too large to download at once: export one connection at a time.', {
        fields: [{ field: 'connectionId', message: 'Choose one connection.' }],
      });
    }
    parts.push(text);
  });
  return { count, bytes, content: parts.join('') };
}

/** Writes the log to `path` (a temp file renamed into place, so a failed export leaves nothing half-written). */
export function exportAudit(log: AuditLog, path: string, format: 'csv' | 'json', connectionId?: string): { path: string; count: number; bytes: number } {
  const file = validateExportPath(path, format);
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(4).toString('hex')}.tmp`);
  const fd = openSync(temp, 'wx', 0o600);
  let count = 0;
  let bytes = 0;
  try {
    count = renderAudit(log, format, connectionId, (text) => {
      bytes += writeSync(fd, text);
    });
    closeSync(fd);
    renameSync(temp, file);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw err instanceof AppError ? err : new AppError('INTERNAL', 'The file could not be written.');
  }
  return { path: file, count, bytes };
}
