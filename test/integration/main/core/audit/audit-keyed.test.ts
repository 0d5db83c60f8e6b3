import { randomBytes } from 'node:crypto';
import type { ChainedRow } from '../../../../../main/core/audit/audit-chain';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, entryHash, GENESIS_HASH } from '../../../../../main/core/audit/audit-log';
import { AUDIT_KEY_ACCOUNT, openAuditKey } from '../../../../../main/core/audit/audit-key';
import type { AuditKey } from '../../../../../main/core/audit/audit-key';
import type { CacheDb } from '../../../../../main/core/cache/database';
import { openDatabase } from '../../../../../main/core/cache/database';
import { createMemoryKeychain, dataKeyId, openKeychain } from '../../../../../main/core/vault';
import type { Keychain } from '../../../../../main/core/vault';
import { tempDb } from '../../../../unit/main/core/cache/temp-db';

/** A stored audit row: the chained fields plus its two hashes. */
interface Row extends ChainedRow {
  prev_hash: string;
  hash: string;
}

let db: CacheDb;
let file: string;
let cleanup: () => void;

function newKey(createdNow: boolean, raw = randomBytes(32)): AuditKey {
  return { id: dataKeyId(raw), raw, createdNow };
}

function writeFour(key: AuditKey | null): void {
  const audit = createAuditLog(db, key);
  audit.append({ connectionId: 'A', clientId: 'c1', action: 'clients.update', outcome: 'ok', summary: 'Edit name="Boulangerie"' });
  audit.append({ connectionId: 'A', clientId: 'c2', action: 'clients.setActive', outcome: 'queued', summary: 'Deactivate' });
  audit.append({ connectionId: 'B', clientId: 'c3', action: 'pdp.update', outcome: 'failed', summary: 'PDP configuration' });
  audit.append({ connectionId: 'A', clientId: 'c1', action: 'key.rotate', outcome: 'ok', summary: 'key 0123abcd → 4567ef01' });
}

const rows = (): Row[] => db.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as Row[];

/** What someone with the file but not the key can do: edit an entry and rebuild the whole chain with SHA-256. */
function rewriteWithPlainSha(edit: (row: Row) => Row): void {
  let prev = GENESIS_HASH;
  for (const original of rows()) {
    const row = edit(original);
    const hash = entryHash(prev, row);
    db.sqlite.prepare('UPDATE audit_log SET summary = ?, prev_hash = ?, hash = ? WHERE id = ?').run(row.summary, prev, hash, row.id);
    prev = hash;
  }
}

beforeEach(() => {
  ({ db, file, cleanup } = tempDb());
});
afterEach(() => cleanup());

describe('keyed audit chain (HMAC-SHA256 under the audit key)', () => {
  it('a correct log verifies, every hash keyed under the key', () => {
    const key = newKey(true);
    writeFour(key);
    expect(createAuditLog(db, key).verify()).toEqual({ ok: true, count: 4, brokenAtId: null, keyed: true, reason: null, message: null });
    for (const row of rows()) expect(row.hash).toMatch(new RegExp(`^h1\\.${key.id}\\.[0-9a-f]{64}$`));
  });

  it('detects an edited entry whose hash was recomputed with plain SHA-256 (one entry, or the whole chain)', () => {
    const key = newKey(true);
    writeFour(key);
    const second = rows()[1] as Row;
    const forged = { ...second, summary: 'Activate' };
    db.sqlite.prepare('UPDATE audit_log SET summary = ?, hash = ? WHERE id = 2').run(forged.summary, entryHash(second.prev_hash, forged));
    const one = createAuditLog(db, { ...key, createdNow: false }).verify();
    console.info(`audit: summary of #2 edited, its hash recomputed with SHA-256 → ${JSON.stringify(one)}`);
    expect(one).toMatchObject({ ok: false, brokenAtId: 2, reason: 'unkeyed', keyed: true });

    rewriteWithPlainSha((row) => (row.id === 2 ? { ...row, summary: 'Activate' } : row));
    const whole = createAuditLog(db, { ...key, createdNow: false }).verify();
    expect(whole).toMatchObject({ ok: false, brokenAtId: 1, reason: 'unkeyed' });
    expect(whole.message).toMatch(/without the audit key/);
  });

  it('detects an edit left as is, and an entry re-keyed under another key', () => {
    const key = newKey(true);
    writeFour(key);
    db.sqlite.prepare(`UPDATE audit_log SET summary = 'Edit name="Innocent"' WHERE id = 3`).run();
    expect(createAuditLog(db, key).verify()).toMatchObject({ ok: false, brokenAtId: 3, reason: 'mismatch' });
    cleanup();
    ({ db, file, cleanup } = tempDb());
    writeFour(newKey(true));
    expect(createAuditLog(db, newKey(false)).verify()).toMatchObject({ ok: false, brokenAtId: 1, reason: 'unknown-key' });
  });

  it('upgrades a legacy log on the open that creates the key: verified, re-chained, marked, then verifies', () => {
    writeFour(null);
    const legacyHashes = rows().map((r) => r.hash);
    expect(legacyHashes.every((h) => /^[0-9a-f]{64}$/.test(h))).toBe(true);
    const key = newKey(true);
    const audit = createAuditLog(db, key);
    const result = audit.verify();
    console.info(`audit: legacy log of 4 entries opened with a new key → ${JSON.stringify(result)}`);
    expect(result).toEqual({ ok: true, count: 5, brokenAtId: null, keyed: true, reason: null, message: null });
    const after = rows();
    expect(after.slice(0, 4).map((r) => r.summary)).toEqual(['Edit name="Boulangerie"', 'Deactivate', 'PDP configuration', 'key 0123abcd → 4567ef01']);
    expect(after.every((r) => r.hash.startsWith(`h1.${key.id}.`))).toBe(true);
    expect(after[4]).toMatchObject({ action: 'audit.keyed', summary: '4 earlier entries verified and re-chained under the audit key' });
    // Reopened later with the same key: nothing to upgrade, still verifies, and keeps chaining.
    db.close();
    db = openDatabase(file);
    const again = createAuditLog(db, { ...key, createdNow: false });
    again.append({ action: 'clients.create', outcome: 'ok', summary: 'Create name="X"' });
    expect(again.verify()).toMatchObject({ ok: true, count: 6 });
  });

  it('does not bless a legacy log that is broken, nor one found next to an existing key', () => {
    writeFour(null);
    db.sqlite.prepare(`UPDATE audit_log SET summary = 'tampered' WHERE id = 2`).run();
    expect(createAuditLog(db, newKey(true)).verify()).toMatchObject({ ok: false, brokenAtId: 2, reason: 'mismatch' });
    cleanup();
    ({ db, file, cleanup } = tempDb());
    writeFour(null);
    // The key already existed: an unkeyed log could be a keyed one rewritten by someone without the key.
    expect(createAuditLog(db, newKey(false)).verify()).toMatchObject({ ok: false, brokenAtId: 1, reason: 'unkeyed' });
    expect(rows().every((r) => /^[0-9a-f]{64}$/.test(r.hash))).toBe(true);
  });

  it('without a key it says so: the plain chain still verifies, with keyed false and why', () => {
    writeFour(null);
    const result = createAuditLog(db, null).verify();
    expect(result).toMatchObject({ ok: true, count: 4, keyed: false, reason: null });
    expect(result.message).toMatch(/not available.*without a key/);
  });
});

describe('openAuditKey', () => {
  it('creates no key where it cannot be kept (memory-only keychain)', async () => {
    const keychain = createMemoryKeychain();
    expect(await openAuditKey(keychain)).toBeNull();
    expect(await keychain.get(AUDIT_KEY_ACCOUNT)).toBeNull();
  });

  const expectsOs = process.env.CLIENTDESK_KEYCHAIN_EXPECTED === 'os';
  let os: Keychain | null = null;
  afterAll(async () => {
    if (os) await os.delete(AUDIT_KEY_ACCOUNT);
  });
  if (!expectsOs) console.info('audit key: OS keychain test skipped — not running under scripts/with-keychain.sh (no Secret Service).');
  it.skipIf(!expectsOs)('creates the key in the OS keychain on first use, then finds the same one', async () => {
    const opened = await openKeychain({ service: `clientdesk-test-audit-${process.pid}` });
    expect(opened.status).toBe('os');
    os = opened.keychain;
    const first = await openAuditKey(os);
    const second = await openAuditKey(os);
    expect(first).toMatchObject({ createdNow: true });
    expect(second).toMatchObject({ createdNow: false, id: first?.id });
    expect(Buffer.from((await os.get(AUDIT_KEY_ACCOUNT)) ?? '', 'base64')).toHaveLength(32);
  });
});
