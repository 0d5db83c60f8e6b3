import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RemoteSandbox {
  url: string;
  /** A throwaway key the sandbox was started with (never a real credential). */
  apiKey: string;
  close(): Promise<void>;
}

const hostScript = join(dirname(fileURLToPath(import.meta.url)), 'sandbox-host.ts');

/** Starts support/sandbox-host.ts in a child process and waits for its URL. */
export function startRemoteSandbox(clients: number, seed: number, latencyMs: number): Promise<RemoteSandbox> {
  const apiKey = `fp_bench_${randomBytes(12).toString('base64url')}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', hostScript, String(clients), String(seed), String(latencyMs), apiKey], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const close = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = buffer.split('\n')[0];
      if (buffer.includes('\n') && line) resolve({ url: (JSON.parse(line) as { url: string }).url, apiKey, close });
    });
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before listening`)));
  });
}
