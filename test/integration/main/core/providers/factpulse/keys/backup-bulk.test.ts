import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import { createStandInKeychain } from '../../../../../../fixtures/keys/stand-in-keychain';
import type { Keychain } from '../../../../../../../main/core/vault';
import { addSandboxConnection, invokeOk, openTestCore, PDP_FIELDS, sandboxAccepts } from '../../../../../../fixtures/keys/sandbox-core';
import { scriptedDialogs } from '../../../../../../fixtures/dialogs/scripted-dialogs';

const PASSPHRASE = 'correct horse battery staple 42';
let sandbox: FactPulseSandbox;
let core: Core;
let conn: string;
let dir: string;
let keychain: Keychain;
const picker = scriptedDialogs();
const seen = new Set<string>(); // every key and secret the test saw, for the final scan
const uids = () => sandbox.state.order.slice(0, 30);

function filesUnder(d: string): string[] {
  return readdirSync(d).flatMap((n) => (statSync(join(d, n)).isDirectory() ? filesUnder(join(d, n)) : [join(d, n)]));
}
async function allKeys(k: Keychain): Promise<string[]> {
  const out: string[] = [];
  for (const a of await k.list('')) {
    const v = await k.get(a);
    if (v && a.includes('/key/')) out.push((JSON.parse(v) as { key: string }).key);
  }
  return out;
}

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: 40, seed: 3 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-keys-bb-'));
  keychain = createStandInKeychain();
  core = await openTestCore(join(dir, 'a'), keychain, { dialogs: picker.dialogs });
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
  for (const uid of uids()) await invokeOk(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: uid, fields: PDP_FIELDS });
}, 60_000);
afterAll(async () => {
  await core.close();
  await sandbox.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('bulk rotation', () => {
  it('previews, runs with bounded concurrency, reports progress and per-client results', async () => {
    const preview = await invokeOk<{ clients: unknown[]; skipped: Array<{ reason: string }> }>(core, 'factpulse.keys.bulkPreview', {
      connectionId: conn, clients: [...uids(), sandbox.state.order[35]],
    });
    expect(preview.clients).toHaveLength(30);
    expect(preview.skipped).toEqual([{ clientUid: sandbox.state.order[35], reason: 'no-key' }]);
    const events: Array<{ done: number; remaining: number; state: string }> = [];
    const off = core.events.on('factpulse.keys.jobProgress', (p) => events.push(p));
    const job = await invokeOk<{ jobId: string; total: number }>(core, 'factpulse.keys.bulkStart', { connectionId: conn, clients: 'all', concurrency: 8, confirm: true });
    await core.context.keys.bulk.settled(job.jobId);
    off();
    const detail = await invokeOk<{ state: string; done: number; items: Array<{ state: string; newFingerprint: string }> }>(core, 'factpulse.keys.job', { jobId: job.jobId });
    expect(detail).toMatchObject({ state: 'done', done: 30 });
    expect(detail.items.every((i) => i.state === 'done' && /^[0-9a-f]{16}$/.test(i.newFingerprint))).toBe(true);
    expect(events.at(-1)).toMatchObject({ state: 'done', done: 30, remaining: 0 });
    for (const uid of uids()) expect(sandboxAccepts(sandbox, uid, (await core.context.keys.store.get(conn, uid, 'current'))?.key)).toBe(true);
  });

  it('cancels, then a job interrupted by a restart resumes from SQLite', async () => {
    sandbox.faults.set({ latencyMs: 30, pathPattern: /rotate/ });
    const job = await invokeOk<{ jobId: string }>(core, 'factpulse.keys.bulkStart', { connectionId: conn, clients: 'all', concurrency: 2, confirm: true });
    await new Promise((r) => setTimeout(r, 120));
    const cancelled = await invokeOk<{ state: string }>(core, 'factpulse.keys.bulkCancel', { jobId: job.jobId });
    await core.context.keys.bulk.settled(job.jobId);
    const after = await invokeOk<{ state: string; done: number; items: Array<{ state: string }> }>(core, 'factpulse.keys.job', { jobId: job.jobId });
    expect(['running', 'cancelled']).toContain(cancelled.state);
    expect(after.state).toBe('cancelled');
    expect(after.done).toBeGreaterThan(0);
    expect(after.items.some((i) => i.state === 'cancelled')).toBe(true);

    // Restart mid-job: stop the runner as the app would on quit, reopen, resume.
    const job2 = await invokeOk<{ jobId: string }>(core, 'factpulse.keys.bulkStart', { connectionId: conn, clients: 'all', concurrency: 2, confirm: true });
    await new Promise((r) => setTimeout(r, 120));
    await core.close();
    core = await openTestCore(join(dir, 'a'), keychain, { dialogs: picker.dialogs });
    await core.context.keys.startupRecovery();
    const jobs = await invokeOk<Array<{ jobId: string; state: string; remaining: number }>>(core, 'factpulse.keys.jobs', { connectionId: conn });
    const paused = jobs.find((j) => j.jobId === job2.jobId);
    expect(paused?.state).toBe('paused');
    expect(paused?.remaining).toBeGreaterThan(0);
    sandbox.faults.clear();
    await invokeOk(core, 'factpulse.keys.bulkResume', { jobId: job2.jobId });
    await core.context.keys.bulk.settled(job2.jobId);
    const done = await invokeOk<{ state: string; done: number; total: number }>(core, 'factpulse.keys.job', { jobId: job2.jobId });
    expect(done).toMatchObject({ state: 'done', done: done.total });
    for (const uid of uids()) expect(sandboxAccepts(sandbox, uid, (await core.context.keys.store.get(conn, uid, 'current'))?.key)).toBe(true);
  });
});

describe('encrypted backup', () => {
  const file = () => join(dir, 'keys.backup.json');
  /** The user picks `path` in the save or open dialog of core `c` (main accepts no other backup path). */
  async function pick(c: Core, kind: 'save' | 'open', path: string) {
    picker.next[kind] = path;
    await invokeOk(c, kind === 'save' ? 'dialog.saveFile' : 'dialog.openFile', kind === 'save' ? { defaultName: 'keys.backup.json' } : {});
  }

  it('round-trips into a fresh data dir and keychain; fingerprints match', async () => {
    await pick(core, 'save', file());
    const exported = await invokeOk<{ clients: Array<{ clientUid: string; fingerprint: string }> }>(core, 'factpulse.keys.exportBackup', {
      connectionId: conn, clients: 'all', path: file(), passphrase: PASSPHRASE,
    });
    expect(exported.clients).toHaveLength(30);
    const text = readFileSync(file(), 'utf8');
    for (const k of await allKeys(keychain)) {
      seen.add(k);
      expect(text).not.toContain(k);
    }
    expect(JSON.parse(text)).toMatchObject({ format: 'clientdesk-key-backup', version: 1, kdf: { name: 'scrypt', N: 131072, r: 8, p: 1 } });
    expect(statSync(file()).mode & 0o777).toBe(0o600);

    const fresh = await openTestCore(join(dir, 'b'), createStandInKeychain(), { dialogs: picker.dialogs });
    try {
      const conn2 = await addSandboxConnection(fresh, sandbox.url, sandbox.credentials.apiKey);
      await pick(fresh, 'open', file());
      const seenInFile = await invokeOk<{ verified: boolean; clients: Array<{ fingerprint: string; local: string }> }>(fresh, 'factpulse.keys.inspectBackup', {
        path: file(), targetConnectionId: conn2,
      });
      expect(seenInFile.verified).toBe(false);
      expect(seenInFile.clients.map((c) => c.fingerprint)).toEqual(exported.clients.map((c) => c.fingerprint));
      expect(seenInFile.clients.every((c) => c.local === 'none')).toBe(true);
      const wrong = await fresh.router.invoke('factpulse.keys.importBackup', { path: file(), passphrase: 'not the passphrase!', targetConnectionId: conn2 });
      expect(wrong.ok === false && wrong.error.message).toMatch(/Wrong passphrase.*Nothing was imported/);
      expect(await fresh.context.keys.inventory(conn2)).toEqual([]);
      const imported = await invokeOk<{ imported: unknown[] }>(fresh, 'factpulse.keys.importBackup', { path: file(), passphrase: PASSPHRASE, targetConnectionId: conn2 });
      expect(imported.imported).toHaveLength(30);
      const inv = (await invokeOk<{ rows: Array<{ clientUid: string; fingerprint: string }> }>(fresh, 'factpulse.keys.inventory', { connectionId: conn2, limit: 100_000 })).rows;
      const byUid = new Map(inv.map((r) => [r.clientUid, r.fingerprint]));
      for (const c of exported.clients) expect(byUid.get(c.clientUid)).toBe(c.fingerprint);
      const r = await invokeOk<{ outcome: string }>(fresh, 'factpulse.keys.rotate', { connectionId: conn2, clientUid: uids()[0] });
      expect(r.outcome).toBe('committed');
      for (const k of await allKeys(fresh.context.keychain)) seen.add(k);
    } finally {
      await fresh.close();
    }
  });

  it('refuses tampered, truncated and unknown-version files, importing nothing', async () => {
    const original = readFileSync(file(), 'utf8');
    const json = JSON.parse(original) as { metadata: { clients: Array<{ fingerprint: string }> }; ciphertext: string; version: number };
    const variants: Array<[string, string, RegExp]> = [];
    const meta = structuredClone(json);
    (meta.metadata.clients[0] as { fingerprint: string }).fingerprint = '0123456789abcdef';
    variants.push(['metadata altered', JSON.stringify(meta), /altered or truncated/]);
    const ct = structuredClone(json);
    ct.ciphertext = (ct.ciphertext[0] === 'A' ? 'B' : 'A') + ct.ciphertext.slice(1);
    variants.push(['ciphertext altered', JSON.stringify(ct), /altered or truncated/]);
    variants.push(['truncated file', original.slice(0, Math.floor(original.length / 2)), /truncated/]);
    const v2 = structuredClone(json);
    v2.version = 2;
    variants.push(['unknown version', JSON.stringify(v2), /version 2/]);
    for (const [name, text, message] of variants) {
      const path = join(dir, `bad-${name.replace(/\W+/g, '-')}.json`);
      writeFileSync(path, text);
      await pick(core, 'open', path);
      const before = await core.context.keys.inventory(conn);
      const res = await core.router.invoke('factpulse.keys.importBackup', { path, passphrase: PASSPHRASE, confirm: true });
      console.info(`backup ${name}: ${res.ok ? 'ACCEPTED' : `refused — ${res.error.message}`}`);
      expect(res.ok === false && res.error.message).toMatch(message);
      expect(await core.context.keys.inventory(conn)).toEqual(before);
    }
  });

  it('never replaces a different current key without confirm; the replaced key goes to previous', async () => {
    const uid = uids()[1] as string;
    await invokeOk(core, 'factpulse.keys.rotate', { connectionId: conn, clientUid: uid });
    const now = await core.context.keys.store.get(conn, uid, 'current');
    await pick(core, 'open', file());
    const refused = await core.router.invoke('factpulse.keys.importBackup', { path: file(), passphrase: PASSPHRASE });
    expect(refused.ok === false && refused.error.code).toBe('CONFLICT');
    expect((await core.context.keys.store.get(conn, uid, 'current'))?.key).toBe(now?.key);
    const ok = await invokeOk<{ imported: Array<{ clientUid: string; replacedFingerprint: string | null }>; unchanged: string[] }>(core, 'factpulse.keys.importBackup', {
      path: file(), passphrase: PASSPHRASE, confirm: true,
    });
    expect(ok.imported.find((i) => i.clientUid === uid)?.replacedFingerprint).not.toBeNull();
    expect((await core.context.keys.store.get(conn, uid, 'previous'))?.key).toBe(now?.key);
  });

  it('verifies a webhook with the saved secret', async () => {
    const uid = uids()[2] as string;
    const gen = await invokeOk<{ webhookSecret: string }>(core, 'factpulse.webhook.generate', { connectionId: conn, remoteId: uid, saveToKeychain: true });
    seen.add(gen.webhookSecret);
    const body = '{"event":"facture.recue","id":7}';
    const good = await invokeOk<{ valid: boolean }>(core, 'factpulse.webhook.verify', { connectionId: conn, clientUid: uid, rawBody: body, signature: sandbox.signWebhook(gen.webhookSecret, body) });
    expect(good.valid).toBe(true);
    const altered = await invokeOk<{ reason: string }>(core, 'factpulse.webhook.verify', { connectionId: conn, clientUid: uid, rawBody: `${body}\n`, signature: sandbox.signWebhook(gen.webhookSecret, body) });
    expect(altered.reason).toBe('mismatch');
    const format = await invokeOk<{ reason: string }>(core, 'factpulse.webhook.verify', { connectionId: conn, clientUid: uid, rawBody: body, signature: 'sha1=abc' });
    expect(format.reason).toBe('format');
  });

  it('no file written by the core holds a key, the webhook secret, the PDP secret or the passphrase', async () => {
    for (const k of await allKeys(keychain)) seen.add(k);
    seen.add(PASSPHRASE);
    seen.add(PDP_FIELDS.clientSecret);
    const files = [...filesUnder(join(dir, 'a')), ...filesUnder(join(dir, 'b'))];
    expect(files.length).toBeGreaterThan(2);
    for (const f of files) {
      const content = readFileSync(f);
      for (const s of seen) expect(content.includes(s), `${f} holds a secret`).toBe(false);
    }
    console.info(`secret scan: ${files.length} files, ${seen.size} secrets, none found`);
  });
});
