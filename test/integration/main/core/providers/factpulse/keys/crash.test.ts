// Kill-at-every-step: a real child process rotates a key and is SIGKILLed at each protocol step;
// the sandbox lives here, in the test process, so the server's state survives the child's death.
// Then a fresh core runs its startup recovery and we prove `current` is the key the sandbox accepts.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import { openKeychain } from '../../../../../../../main/core/vault';
import type { Keychain } from '../../../../../../../main/core/vault';
import { fingerprint } from '../../../../../../../main/core/providers/factpulse/keys';
import { keychainFromSpec } from '../../../../../../fixtures/keys/keychain-spec';
import { addSandboxConnection, invokeOk, openTestCore, PDP_FIELDS, sandboxAccepts } from '../../../../../../fixtures/keys/sandbox-core';

const CHILD = join(process.cwd(), 'test/fixtures/keys/rotate-child.ts');
let sandbox: FactPulseSandbox;
let dir: string;
let spec: string;
let keychain: Keychain;
let conn: string;

async function chooseKeychain(): Promise<string> {
  const service = `clientdesk-test-${process.pid}`;
  const opened = await openKeychain({ service });
  if (opened.status === 'os') {
    console.info(`crash tests: the child and this process share the OS keychain (service ${service})`);
    return `os:${service}`;
  }
  if (process.env.CLIENTDESK_KEYCHAIN_EXPECTED === 'os') throw new Error(`OS keychain expected but unavailable: ${opened.reason ?? ''}`);
  console.info(`crash tests: no OS keychain (${opened.reason ?? 'unknown'}); the child and this process share a test-only file keychain instead`);
  return `file:${join(dir, 'test-keychain.json')}`;
}

function runChild(clientUid: string, pauseAt: string, waitFor: RegExp): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // Node itself with the tsx loader: the tsx CLI forks a second node, and a SIGKILL on the CLI would leave
    // the real rotation running, orphaned.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, dir, spec, conn, sandbox.url, clientUid, pauseAt], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buf = '';
    let killed = false;
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const parts = buf.split('\n');
      buf = parts.pop() ?? '';
      for (const line of parts) {
        lines.push(line);
        if (!killed && waitFor.test(line)) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    });
    child.on('exit', (code, signal) => (killed && signal === 'SIGKILL' ? resolve(lines) : reject(new Error(`child ended without being killed (${code ?? signal}): ${stderr.slice(0, 400)}`))));
  });
}

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 6, seed: 11 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-crash-'));
  spec = await chooseKeychain();
  keychain = await keychainFromSpec(spec);
  const core = await openTestCore(dir, keychain);
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
  for (const uid of sandbox.state.order.slice(0, 4)) {
    await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid, fields: PDP_FIELDS });
  }
  await core.close();
}, 60_000);

afterAll(async () => {
  await sandbox.close();
  for (const account of await keychain.list('')) await keychain.delete(account);
  rmSync(dir, { recursive: true, force: true });
});

const CASES = [
  { name: 'before the call (pending + journal written)', pauseAt: 'before-call', waitFor: /^STEP before-call$/, expected: 'aborted', serverHolds: 'old' },
  { name: 'after the server applied it, before the keychain commit', pauseAt: 'after-call', waitFor: /^STEP after-call$/, expected: 'committed', serverHolds: 'new' },
  { name: 'after the commit', pauseAt: 'after-commit', waitFor: /^STEP after-commit$/, expected: 'nothing', serverHolds: 'new' },
  { name: 'after a lost response (server applied, connection dropped)', pauseAt: 'exit-after-outcome', waitFor: /^STEP outcome unknown/, expected: 'committed', serverHolds: 'new', drop: true },
] as const;

describe('rotation survives SIGKILL at every step (real child process)', () => {
  CASES.forEach((c, i) => {
    it(`killed ${c.name}: recovery leaves in current the key the sandbox accepts`, async () => {
      const uid = sandbox.state.order[i] as string;
      const oldKey = JSON.parse((await keychain.get(`${conn}/key/${uid}/current`)) ?? '{}').key as string;
      if ('drop' in c) sandbox.faults.set({ dropAfterApply: true, pathPattern: /rotate/, times: 1 });
      const lines = await runChild(uid, c.pauseAt, c.waitFor);
      sandbox.faults.clear();
      console.info(`[crash] step "${c.name}": child printed ${lines.join(' | ')}; SIGKILLed`);
      const pendingAfterKill = await keychain.get(`${conn}/key/${uid}/pending`);
      const serverHoldsOld = sandboxAccepts(sandbox, uid, oldKey);
      console.info(`[crash]   after kill: pending slot ${pendingAfterKill ? 'present' : 'empty'}; sandbox holds the ${serverHoldsOld ? 'old' : 'new'} key`);
      expect(serverHoldsOld).toBe(c.serverHolds === 'old');

      const core = await openTestCore(dir, keychain); // fresh core: runs recovery at start
      const outcomes = await core.context.keys.startupRecovery();
      const mine = outcomes.find((o) => o.clientUid === uid);
      const cur = await core.context.keys.store.get(conn, uid, 'current');
      const accepted = sandboxAccepts(sandbox, uid, cur?.key);
      console.info(
        `[crash]   recovered: ${mine?.outcome ?? 'nothing to recover'}; current ${cur ? fingerprint(cur.key) : 'none'} accepted by the sandbox: ${accepted}`,
      );
      expect(mine?.outcome ?? 'nothing').toBe(c.expected);
      expect(accepted).toBe(true);
      expect(await core.context.keys.store.get(conn, uid, 'pending')).toBeNull();
      expect(core.context.keys.journal.open({ connectionId: conn, clientUid: uid })).toEqual([]);
      // And the recovered key really works for the next rotation.
      const next = await invokeOk<{ outcome: string }>(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid });
      expect(next.outcome).toBe('committed');
      expect(sandboxAccepts(sandbox, uid, (await core.context.keys.store.get(conn, uid, 'current'))?.key)).toBe(true);
      await core.close();
    }, 60_000);
  });
});
