import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const TSX = join(process.cwd(), 'node_modules/.bin/tsx');
const FIXTURE = join(process.cwd(), 'test/fixtures/core/open-core.ts');
const dirs: string[] = [];

function freshDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-core-'));
  dirs.push(dir);
  return dir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

async function openCoreIn(env: NodeJS.ProcessEnv) {
  const dataDir = freshDir();
  const apiKey = `probe-key-${process.pid}-${Date.now()}`;
  const { stdout } = await run(TSX, [FIXTURE, dataDir, apiKey], { env, timeout: 60_000 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    info: { ok: boolean; value: { keychain: { backend: string; status: string; message: string | null } } };
    addedOk: boolean;
  };
  return { result, dataDir, apiKey };
}

afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('createCore keychain selection (real child processes)', () => {
  it('reports KEYCHAIN_UNAVAILABLE and keeps secrets in memory only when no Secret Service answers', async () => {
    const env: NodeJS.ProcessEnv = { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/clientdesk-bus' };
    delete env.DISPLAY;
    const { result, dataDir, apiKey } = await openCoreIn(env);
    expect(result.info.ok).toBe(true);
    expect(result.info.value.keychain).toMatchObject({ backend: 'memory', status: 'memory-fallback' });
    expect(result.info.value.keychain.message).toMatch(/keychain/i);
    expect(result.addedOk).toBe(true);
    // No weaker on-disk fallback: the secret is in no file the core wrote.
    const files = filesUnder(dataDir);
    expect(files.some((f) => f.endsWith('settings.json'))).toBe(true);
    for (const file of files) expect(readFileSync(file).includes(apiKey)).toBe(false);
  });

  const expectsOs = process.env.CLIENTDESK_KEYCHAIN_EXPECTED === 'os';
  if (!expectsOs) console.info('create-core: OS keychain test skipped — not running under scripts/with-keychain.sh (no Secret Service).');
  it.skipIf(!expectsOs)('uses the OS keychain when the Secret Service is running', async () => {
    const { result } = await openCoreIn(process.env);
    expect(result.info.value.keychain).toMatchObject({ backend: 'os', status: 'os', message: null });
  });
});
