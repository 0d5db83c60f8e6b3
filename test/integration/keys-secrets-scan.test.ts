// After a session of key operations through the router (double mode, rotation, bulk rotation, encrypted backup
// export and import, webhook secret saved and verified), no key, secret or passphrase may appear — as base64,
// hex or raw bytes — in any file the app wrote, in the backup file, in what crossed the bridge, or in any line
// the core printed.
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../main/core/create-core';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import type { Keychain } from '../../main/core/vault';
import { PDP_FIELDS } from '../fixtures/keys/sandbox-core';
import { scriptedConfirmer, scriptedDialogs } from '../fixtures/dialogs/scripted-dialogs';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

/** Every form a secret could take on disk. */
function formsOf(secret: string): Buffer[] {
  const forms = [Buffer.from(secret, 'utf8'), Buffer.from(secret, 'utf16le')];
  const raw = Buffer.from(secret, 'base64');
  if (raw.length === 32 && raw.toString('base64') === secret) forms.push(raw, Buffer.from(raw.toString('hex')), Buffer.from(raw.toString('base64url')));
  return forms;
}

async function everySecretIn(keychain: Keychain): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (const account of await keychain.list()) {
    const value = await keychain.get(account);
    // Name the slot kind only (`key/current`, `data-key`…), never the value.
    if (value) found.set(`keychain ${account.split('/').slice(1).filter((p) => !/^[0-9a-f-]{36}$/.test(p)).join('/')} (${found.size})`, value);
  }
  return found;
}

let dataDir: string;
let backupDir: string;
const secrets = new Map<string, string>();
const outcomes: Array<[string, Envelope]> = [];
const printed: string[] = [];
let verdicts: Array<{ valid: boolean }> = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clientdesk-keyscan-'));
  backupDir = mkdtempSync(join(tmpdir(), 'clientdesk-keyscan-backup-'));
  const keychain = createStandInKeychain();
  const originalWrite = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  process.stdout.write = capture as typeof process.stdout.write;
  process.stderr.write = capture as typeof process.stderr.write;
  const path = join(backupDir, 'keys.clientdesk-backup.json');
  // The user picks the backup file in main's dialogs and says yes to main's copy confirmation.
  const core = await createCore({ dataDir, keychain, resumeDemo: false, dialogs: scriptedDialogs({ save: path, open: path }).dialogs, confirmer: scriptedConfirmer(true).confirmer });
  const call = async (channel: string, input?: unknown): Promise<Envelope> => {
    const result = (await core.router.invoke(channel, input)) as Envelope;
    outcomes.push([channel, result]);
    return result;
  };
  const value = async <T,>(channel: string, input?: unknown): Promise<T> => {
    const e = await call(channel, input);
    if (!e.ok) throw new Error(`${channel} failed: ${e.error.code}`);
    return e.value as T;
  };
  try {
    const demo = await value<{ id: string }>('demo.start');
    const page = await value<{ rows: Array<{ remoteId: string }> }>('clients.page', { connectionId: demo.id, page: 1, pageSize: 10 });
    const uids = page.rows.slice(0, 4).map((r) => r.remoteId);
    const { clientSecret: pdpSecret, ...fields } = { ...PDP_FIELDS, clientSecret: `pdp-secret-${randomUUID()}` };
    secrets.set('PDP client secret', pdpSecret);
    for (const uid of uids) await value('factpulse.keys.enableDouble', { connectionId: demo.id, clientUid: uid, fields: { ...fields, clientSecret: pdpSecret } });
    await value('factpulse.keys.rotate', { connectionId: demo.id, clientUid: uids[0] });
    const job = await value<{ jobId: string }>('factpulse.keys.bulkStart', { connectionId: demo.id, clients: uids.slice(1), concurrency: 2, confirm: true });
    for (let i = 0; i < 100; i++) {
      const detail = await value<{ state: string }>('factpulse.keys.job', { jobId: job.jobId });
      if (detail.state === 'done') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const passphrase = `correct horse battery ${randomUUID()}`;
    secrets.set('backup passphrase', passphrase);
    await value('dialog.saveFile', { defaultName: 'keys.clientdesk-backup.json' });
    await value('factpulse.keys.exportBackup', { connectionId: demo.id, clients: 'all', path, passphrase });
    await value('dialog.openFile', {});
    await value('factpulse.keys.inspectBackup', { path });
    await value('factpulse.keys.copy', { connectionId: demo.id, clientUid: uids[0] });
    await call('factpulse.keys.importBackup', { path, passphrase: `${passphrase}-wrong` });
    await value('factpulse.keys.importBackup', { path, passphrase });

    const hook = await value<{ webhookSecret: string }>('factpulse.webhook.generate', { connectionId: demo.id, remoteId: uids[0], saveToKeychain: true });
    const body = JSON.stringify({ event: 'invoice.received', id: randomUUID() });
    const signature = `sha256=${createHmac('sha256', hook.webhookSecret).update(body).digest('hex')}`;
    verdicts = [
      await value('factpulse.webhook.verify', { connectionId: demo.id, clientUid: uids[0], rawBody: body, signature }),
      await value('factpulse.webhook.verify', { connectionId: demo.id, clientUid: uids[0], rawBody: `${body} `, signature }),
    ];
    for (const [what, secret] of await everySecretIn(keychain)) secrets.set(what, secret);
  } finally {
    await core.close();
    process.stdout.write = originalWrite.out;
    process.stderr.write = originalWrite.err;
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(backupDir, { recursive: true, force: true });
});

describe('secrets scan after key operations', () => {
  it('the session really happened: keys were made, rotated, backed up, and a webhook verified', () => {
    const keys = [...secrets.keys()].filter((k) => k.includes('key/'));
    // 4 current keys + at least 4 previous ones after rotations, plus the API key, webhook secret and data key.
    expect(keys.length).toBeGreaterThanOrEqual(8);
    expect(outcomes.find(([c]) => c === 'factpulse.keys.importBackup')?.[1]).toMatchObject({ ok: false });
    expect(verdicts.map((v) => v.valid)).toEqual([true, false]);
  });

  it('no file the app wrote, nor the backup file, holds a key, secret or passphrase in any form', () => {
    const leaks: string[] = [];
    const files = [...filesUnder(dataDir), ...filesUnder(backupDir)];
    expect(files.some((f) => f.endsWith('.clientdesk-backup.json'))).toBe(true);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const [what, secret] of secrets) {
        if (formsOf(secret).some((form) => bytes.includes(form))) leaks.push(`${what} in ${relative(tmpdir(), file)}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('nothing the core printed, and no answer except reveal and webhook.generate, carries a secret', () => {
    const text = printed.join('');
    const answers = JSON.stringify(outcomes.filter(([c]) => c !== 'factpulse.keys.reveal' && c !== 'factpulse.webhook.generate'));
    const leaks = [...secrets].filter(([, s]) => text.includes(s) || answers.includes(s)).map(([what]) => what);
    expect(leaks).toEqual([]);
  });
});
