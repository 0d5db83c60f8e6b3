import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../../../../../../main/core/create-core';
import { startFactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../../../../../../main/core/sandbox/factpulse';
import type { ChannelOutput } from '../../../../../../../shared/ipc';
import type { PdpModesProgress } from '../../../../../../../shared/schemas/keys';
import { createStandInKeychain } from '../../../../../../fixtures/keys/stand-in-keychain';
import { addSandboxConnection, invokeOk, openTestCore, PDP_FIELDS } from '../../../../../../fixtures/keys/sandbox-core';

type Page = ChannelOutput<'factpulse.keys.inventory'>;
const CLIENTS = 2000;
const DAY = 86_400_000;

let sandbox: FactPulseSandbox;
let core: Core;
let conn: string;
let dir: string;
const progress: PdpModesProgress[] = [];
let partialSeen: Page | null = null;

const inventory = (input: Record<string, unknown> = {}) => invokeOk<Page>(core, 'factpulse.keys.inventory', { connectionId: conn, ...input });
const seededDouble = () => [...sandbox.state.clients.values()].filter((c) => c.pdp?.encryptionMode === 'double');
const key = (daysOld: number) => ({ key: randomBytes(32).toString('base64'), createdAt: new Date(Date.now() - daysOld * DAY).toISOString() });

beforeAll(async () => {
  sandbox = await startFactPulseSandbox({ clients: CLIENTS, seed: 11 });
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-key-inventory-'));
  core = await openTestCore(dir, createStandInKeychain());
  core.events.on('factpulse.pdp.modesProgress', (p) => progress.push(p));
  conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
  // Slow PDP reads, so the inventory can be seen while the modes are still being learned.
  sandbox.faults.set({ latencyMs: 40, pathPattern: /pdp-config/ });
  await invokeOk(core, 'sync.now', { connectionId: conn });
  partialSeen = await inventory();
  sandbox.faults.clear();
  await vi.waitFor(
    async () => {
      const [modes] = await invokeOk<PdpModesProgress[]>(core, 'factpulse.pdp.modes');
      expect(modes).toMatchObject({ running: false });
      expect(modes!.known).toBe(modes!.total);
    },
    { timeout: 60_000, interval: 100 },
  );
}, 120_000);
afterAll(async () => {
  await core?.close();
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('factpulse.keys.inventory over the offline cache', () => {
  it('says how far the learning of PDP modes is while it runs, then lists every double-mode client without a key as missing locally', async () => {
    const configured = [...sandbox.state.clients.values()].filter((c) => c.pdp).length;
    const double = seededDouble();
    expect(double.length).toBeGreaterThan(100);

    const partial = partialSeen!;
    expect(partial.modes).toHaveLength(1);
    expect(partial.modes[0]).toMatchObject({ connectionId: conn, total: configured, running: true });
    expect(partial.modes[0]!.known).toBeLessThan(configured);
    expect(partial.summary.missingLocally).toBeLessThan(double.length);

    expect(progress[0]).toMatchObject({ connectionId: conn, known: 0, total: configured, running: true });
    expect(progress.at(-1)).toEqual({ connectionId: conn, known: configured, total: configured, running: false });

    const done = await inventory();
    expect(done.modes).toEqual([{ connectionId: conn, known: configured, total: configured, running: false }]);
    expect(done.summary).toMatchObject({ keys: double.length, missingLocally: double.length, attention: double.length, ok: 0 });
    const missing = await inventory({ filter: 'missing-locally', limit: 100_000 });
    expect(missing.total).toBe(double.length);
    const byUid = new Map(missing.rows.map((r) => [r.clientUid, r]));
    for (const client of double) {
      expect(byUid.get(client.uid)).toMatchObject({ status: 'missing-locally', fingerprint: null, clientName: client.name, serverRequiresKey: true });
    }
  });

  it('filters by status, searches names and ids, pages in natural name order, and sums up the whole scope', async () => {
    const double = seededDouble();
    const [fresh, old, pending] = double;
    const plain = [...sandbox.state.clients.values()].find((c) => !c.pdp)!;
    const store = core.context.keys.store;
    await store.set(conn, fresh!.uid, 'current', key(3));
    await store.set(conn, old!.uid, 'current', key(200));
    await store.set(conn, pending!.uid, 'current', key(10));
    await store.set(conn, pending!.uid, 'pending', key(0));
    // A client out of double mode keeps only its previous key here: "not in use".
    await store.set(conn, plain.uid, 'previous', key(1));

    const all = await inventory({ limit: 100_000 });
    expect(all.maxAgeDays).toBe(90);
    expect(all.summary).toEqual({
      keys: double.length + 1,
      ok: 1,
      old: 1,
      rotationToConfirm: 1,
      notInUse: 1,
      missingLocally: double.length - 3,
      attention: double.length - 1,
    });
    const names = all.rows.map((r) => r.clientName ?? r.clientUid);
    const natural = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
    expect(names).toEqual([...names].sort(natural.compare));

    const uids = async (filter: string) => (await inventory({ filter, limit: 100_000 })).rows.map((r) => r.clientUid);
    expect(await uids('ok')).toEqual([fresh!.uid]);
    expect(await uids('old')).toEqual([old!.uid]);
    expect(await uids('rotation-to-confirm')).toEqual([pending!.uid]);
    expect(await uids('not-in-use')).toEqual([plain.uid]);
    const attention = await inventory({ filter: 'attention', limit: 100_000 });
    expect(attention.total).toBe(all.summary.attention);
    expect(attention.rows.map((r) => r.clientUid)).not.toContain(fresh!.uid);

    // Search: any part of the name, case and accents ignored, or of the client id.
    const word = old!.name.split(/\s+/).find((w) => w.length > 3) ?? old!.name;
    const folded = word.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
    const byName = await inventory({ search: folded, limit: 100_000 });
    expect(byName.rows.map((r) => r.clientUid)).toContain(old!.uid);
    expect(byName.rows.every((r) => (r.clientName ?? '').normalize('NFD').replace(/\p{M}/gu, '').toUpperCase().includes(folded))).toBe(true);
    expect((await inventory({ search: pending!.uid.slice(4, 16) })).rows.map((r) => r.clientUid)).toEqual([pending!.uid]);
    expect((await inventory({ search: 'no client is called this' })).total).toBe(0);

    const first = await inventory({ offset: 0, limit: 25 });
    const second = await inventory({ offset: 25, limit: 25 });
    expect(first).toMatchObject({ total: all.total, offset: 0, summary: all.summary });
    expect([...first.rows, ...second.rows]).toEqual(all.rows.slice(0, 50));
    expect((await inventory({ clientUid: old!.uid })).rows).toMatchObject([{ clientUid: old!.uid, status: 'ok', ageDays: 200 }]);
  });

  it('refuses a page size out of range or an unknown filter, naming the field', async () => {
    const tooBig = await core.router.invoke('factpulse.keys.inventory', { limit: 0 });
    expect(tooBig.ok === false && tooBig.error.code).toBe('VALIDATION');
    expect(JSON.stringify(tooBig)).toMatch(/limit/);
    const badFilter = await core.router.invoke('factpulse.keys.inventory', { filter: 'red' });
    expect(badFilter.ok === false && badFilter.error.code).toBe('VALIDATION');
    expect(JSON.stringify(badFilter)).toMatch(/filter/);
  });

  it('after double mode is switched on the row is ok; after switching back to fernet the kept key is "not in use"', async () => {
    const target = [...sandbox.state.clients.values()].find((c) => !c.pdp)!;
    const enabled = await invokeOk<{ fingerprint: string }>(core, 'factpulse.keys.enableDouble', { connectionId: conn, clientUid: target.uid, fields: PDP_FIELDS });
    let [row] = (await invokeOk<Page>(core, 'factpulse.keys.inventory', { clientUid: target.uid })).rows;
    expect(row).toMatchObject({ status: 'ok', fingerprint: enabled.fingerprint, clientName: target.name, serverRequiresKey: true });

    await invokeOk(core, 'factpulse.keys.disableDouble', { connectionId: conn, clientUid: target.uid, fields: PDP_FIELDS, confirm: true });
    [row] = (await inventory({ clientUid: target.uid })).rows;
    expect(row).toMatchObject({ status: 'not-in-use', fingerprint: null, serverRequiresKey: false });
  });
});
