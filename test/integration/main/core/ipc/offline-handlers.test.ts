import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { Core } from '../../../../../main/core/create-core';
import type { SandboxState } from '../../../../../main/core/sandbox/factpulse';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { invokeOk, openTestCore } from '../../../../fixtures/keys/sandbox-core';

/**
 * The backend the offline screens rely on, through the router: the demo sandbox suspended and brought
 * back with its clients on the same port, cache reads and a queued write while it is down, the PDP
 * panel's cache fallback, the audit export as text, and a conflict kept on the server's side.
 */
let core: Core;
let dir: string;
let connectionId: string;
let baseUrl: string;
let state: SandboxState;
let remoteId: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'clientdesk-offline-handlers-'));
  core = await openTestCore(dir, createMemoryKeychain());
  const demo = await invokeOk<{ id: string; baseUrl: string }>(core, 'demo.start', { systems: ['factpulse'] });
  connectionId = demo.id;
  baseUrl = demo.baseUrl;
  await invokeOk(core, 'sync.now', { connectionId });
  state = core.context.demo.sandboxFor(connectionId)!.state;
}, 60_000);
afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('offline handlers over a suspended demo sandbox', () => {
  it('counts the synced demo clients', async () => {
    const counts = await invokeOk<{ total: number; byConnection: Array<{ connectionId: string; lastSynced: string | null }> }>(core, 'clients.counts', {});
    expect(counts.total).toBe(60);
    expect(counts.byConnection[0]).toMatchObject({ connectionId });
    expect(counts.byConnection[0]!.lastSynced).not.toBeNull();
  });

  it('serves reads from the cache and queues an edit while the sandbox is suspended', async () => {
    await core.context.demo.suspendFor(connectionId);
    expect(core.context.demo.sandboxFor(connectionId)).toBeUndefined();
    const window = await invokeOk<{ rows: Array<{ remoteId: string; pdpConfigured: boolean }>; total: number }>(core, 'clients.window', { connectionIds: [connectionId], limit: 5 });
    expect(window.total).toBe(60);
    remoteId = window.rows[0]!.remoteId;

    const pdp = await invokeOk<{ isConfigured: boolean; fromCache?: boolean }>(core, 'factpulse.pdp.get', { connectionId, remoteId });
    expect(pdp).toMatchObject({ isConfigured: window.rows[0]!.pdpConfigured, fromCache: true });

    const update = await core.router.invoke('clients.update', { connectionId, remoteId, fields: { description: 'offline edit' } });
    expect(update).toMatchObject({ ok: false, error: { code: 'OFFLINE', details: { queued: true } } });
    const outbox = await invokeOk<Array<{ state: string; summary: string }>>(core, 'outbox.list', {});
    expect(outbox).toMatchObject([{ state: 'queued', summary: 'Edit description' }]);
    const row = await invokeOk<{ rows: Array<{ remoteId: string; pending: boolean }> }>(core, 'clients.window', { connectionIds: [connectionId], query: remoteId });
    expect(row.rows.find((r) => r.remoteId === remoteId)?.pending).toBe(true);
  });

  it('exports the audit log as text when no path is given', async () => {
    const csv = await invokeOk<{ path: string | null; count: number; bytes: number; content: string }>(core, 'audit.export', { format: 'csv' });
    expect(csv.path).toBeNull();
    expect(csv.content.split('\n')[0]).toBe('id,at,connectionId,clientId,action,outcome,requestId,summary,hash');
    expect(csv.content).toContain('queued offline as #1');
    expect(csv.bytes).toBe(Buffer.byteLength(csv.content));
    const json = await invokeOk<{ content: string; count: number }>(core, 'audit.export', { format: 'json', connectionId });
    expect(JSON.parse(json.content)).toMatchObject({ chain: { ok: true } });
    expect(JSON.parse(json.content).entries).toHaveLength(json.count);
  });

  it('restarts the sandbox on the same port with the clients it had, and keeps the server version on request', async () => {
    const client = state.clients.get(remoteId)!;
    client.description = 'server edit';
    client.updatedAt = new Date().toISOString();
    await core.context.demo.restartFor(connectionId);
    const sandbox = core.context.demo.sandboxFor(connectionId)!;
    expect(sandbox.url).toBe(baseUrl);
    expect(sandbox.state).toBe(state);

    expect(await invokeOk(core, 'outbox.replay', { connectionId })).toMatchObject({ applied: 0, conflicts: 1, failed: 0, remaining: 1 });
    const [conflict] = await invokeOk<Array<{ id: number; state: string; theirs: { description: string } }>>(core, 'outbox.list', {});
    expect(conflict).toMatchObject({ state: 'conflict', theirs: { description: 'server edit' } });
    expect(await invokeOk(core, 'outbox.resolve', { id: conflict!.id, choice: 'theirs' })).toMatchObject({ outcome: 'dropped' });
    expect(state.clients.get(remoteId)!.description).toBe('server edit');
    expect(await invokeOk(core, 'outbox.list', {})).toEqual([]);
    expect(await invokeOk(core, 'audit.verify')).toMatchObject({ ok: true });
  });
});

describe('reconnect without the user: an offline connection is probed and its outbox replays when it is back', () => {
  it('sends a queued edit once the suspended sandbox returns', async () => {
    const probeDir = mkdtempSync(join(tmpdir(), 'clientdesk-offline-probe-'));
    const probing = await createCore({ dataDir: probeDir, keychain: createMemoryKeychain(), resumeDemo: false, reconnectProbeMs: 50 });
    try {
      const { id } = await invokeOk<{ id: string }>(probing, 'demo.start');
      await invokeOk(probing, 'sync.now', { connectionId: id });
      const sandboxState = probing.context.demo.sandboxFor(id)!.state;
      const [first] = (await invokeOk<{ rows: Array<{ remoteId: string }> }>(probing, 'clients.window', { connectionIds: [id], limit: 1 })).rows;
      await probing.context.demo.suspendFor(id);
      const queued = await probing.router.invoke('clients.update', { connectionId: id, remoteId: first!.remoteId, fields: { description: 'sent on reconnect' } });
      expect(queued).toMatchObject({ ok: false, error: { code: 'OFFLINE', details: { queued: true } } });

      const drained = new Promise<void>((resolve) => {
        const off = probing.events.on('outbox.changed', (counts) => {
          if (counts.connectionId !== id || counts.queued !== 0) return;
          off();
          resolve();
        });
      });
      await probing.context.demo.restartFor(id);
      await drained;
      expect(sandboxState.clients.get(first!.remoteId)!.description).toBe('sent on reconnect');
      expect(await invokeOk(probing, 'outbox.list', {})).toEqual([]);
    } finally {
      await probing.close();
      rmSync(probeDir, { recursive: true, force: true });
    }
  });
});
