import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { redact } from './http/redact';

export type Logger = (line: string) => void;

/** One log file per data dir; every line goes through redact() before it is written. */
export function createFileLogger(dataDir: string, opts: { echo?: boolean } = {}): Logger & { file: string } {
  const dir = join(dataDir, 'logs');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'clientdesk.log');
  const log = (line: string) => {
    const safe = `${new Date().toISOString()} ${redact(line)}\n`;
    try {
      appendFileSync(file, safe, { mode: 0o600 });
    } catch {
      // Logging must never take the app down.
    }
    if (opts.echo) process.stderr.write(safe);
  };
  return Object.assign(log, { file });
}
