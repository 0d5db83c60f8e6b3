import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RemoteSandbox {
  url: string;
  /** A throwaway key the sandbox was started with (never a real credential). */
  apiKey: string;
  /** Edits `count` clients server-side (spread through the list); resolves how many it edited. */
  change(count: number): Promise<number>;
  close(): Promise<void>;
}

const hostScript = join(dirname(fileURLToPath(import.meta.url)), 'sandbox-host.ts');

/** Starts support/sandbox-host.ts in a child process and waits for its URL. */
export function startRemoteSandbox(clients: number, seed: number, latencyMs: number): Promise<RemoteSandbox> {
  const apiKey = `fp_bench_${randomBytes(12).toString('base64url')}`;
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', hostScript, String(clients), String(seed), String(latencyMs), apiKey], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const close = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null) return done();
      child.once('exit', () => done());
      child.kill('SIGTERM');
    });
  // Each line the host prints answers the oldest request still waiting (the first one: the URL).
  const waiting: Array<(line: string) => void> = [];
  const nextLine = () => new Promise<string>((resolve) => waiting.push(resolve));
  let buffer = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) waiting.shift()?.(line);
  });
  const change = async (count: number) => {
    const answer = nextLine();
    child.stdin?.write(`change ${count}\n`);
    return (JSON.parse(await answer) as { changed: number }).changed;
  };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox process exited (${code}) before listening`)));
    void nextLine().then((line) => resolve({ url: (JSON.parse(line) as { url: string }).url, apiKey, change, close }));
  });
}
