// `npm run sandbox -- <provider>` as a user runs it: a real process that prints its URL and credentials, answers, and stops on SIGTERM.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';

const started: ChildProcess[] = [];
afterEach(() => {
  for (const child of started.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Runs scripts/sandbox.ts; resolves with its output once it says it is ready (or has exited). */
function run(args: string[]): Promise<{ child: ChildProcess; out: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/sandbox.ts', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  started.push(child);
  let out = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (out.includes('Press Ctrl-C to stop.')) resolve({ child, out, code: null });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => resolve({ child, out, code }));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

const urlIn = (out: string) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';

describe('npm run sandbox', () => {
  it('sites --port 0 --clients 5 --token T prints the URL and the bearer token, and serves the list behind it', async () => {
    const { child, out } = await run(['sites', '--port', '0', '--clients', '5', '--token', 'cli-token']);
    expect(out).toContain('Authorization: Bearer cli-token');
    const url = urlIn(out);
    expect((await fetch(`${url}/clients/all`)).status).toBe(401);
    const list = (await (await fetch(`${url}/clients/all`, { headers: { authorization: 'Bearer cli-token' } })).json()) as unknown[];
    expect(list).toHaveLength(5);
    expect(await stop(child)).toBe(0);
  });

  it('tokenization prints the Basic credentials and the partner tree, and lists a partner', async () => {
    const { child, out } = await run(['tokenization', '--port', '0', '--clients', '12', '--username', 'u1', '--password', 'p1', '--partner', 'Acme']);
    expect(out).toMatch(/username: +u1/);
    expect(out).toMatch(/792 +Acme +\(12 clients\)/);
    const res = await fetch(`${urlIn(out)}/api/v1/clients?partner=Acme&take=100`, { headers: { authorization: `Basic ${Buffer.from('u1:p1').toString('base64')}` } });
    expect(((await res.json()) as { total: number }).total).toBe(12);
    expect(await stop(child)).toBe(0);
  });

  it('refuses an option of another provider with exit code 2 and the usage', async () => {
    const { out, code } = await run(['tokenization', '--port', '0', '--token', 'x']);
    expect(code).toBe(2);
    expect(out).toContain('--token is not an option of the tokenization sandbox.');
    expect(out).toContain('Options of sites:');
  });
});
