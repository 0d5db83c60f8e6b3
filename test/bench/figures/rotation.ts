// rotation.bulk1000_s: a bulk rotation of 1,000 double-mode clients against the local sandbox,
// concurrency 8, journal on disk with synchronous=FULL writes (memory keychain; target ≤ 10 s).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKey } from '../../../main/core/providers/factpulse/keys';
import { startFactPulseSandbox } from '../../../main/core/sandbox/factpulse';
import { sealWithCallerKey } from '../../../main/core/sandbox/factpulse/tokens';
import { addSandboxConnection, openTestCore, PDP_FIELDS } from '../../fixtures/keys/sandbox-core';
import { createStandInKeychain } from '../../fixtures/keys/stand-in-keychain';

export async function measure(): Promise<Record<string, { value: number; unit: string }>> {
  const clients = 1000;
  const sandbox = await startFactPulseSandbox({ clients, seed: 1000 });
  const dir = mkdtempSync(join(tmpdir(), 'clientdesk-bench-rotation-'));
  const keychain = createStandInKeychain();
  const core = await openTestCore(dir, keychain);
  try {
    const conn = await addSandboxConnection(core, sandbox.url, sandbox.credentials.apiKey);
    const keys = core.context.keys;
    // Seed 1,000 clients already in double mode (server state + local current key).
    const now = new Date().toISOString();
    let pdpId = 1;
    for (const uid of sandbox.state.order) {
      const key = generateKey();
      const client = sandbox.state.clients.get(uid);
      if (!client) continue;
      client.pdp = {
        id: pdpId++, flowServiceUrl: PDP_FIELDS.flowServiceUrl, tokenUrl: PDP_FIELDS.tokenUrl, oauthClientId: PDP_FIELDS.oauthClientId,
        isActive: true, modeSandbox: true, encryptionMode: 'double', storedSecret: sealWithCallerKey(Buffer.from(key, 'base64'), PDP_FIELDS.clientSecret),
        createdAt: now, updatedAt: now,
      };
      await keys.store.set(conn, uid, 'current', { key, createdAt: now });
    }
    const started = performance.now();
    const job = await keys.bulk.start(conn, 'all', 8);
    await keys.bulk.settled(job.jobId);
    const seconds = (performance.now() - started) / 1000;
    const detail = keys.bulk.job(job.jobId);
    if (detail.done !== clients) throw new Error(`bulk rotation finished ${detail.done}/${clients} (failed ${detail.failed}, unknown ${detail.unknown})`);
    return { 'rotation.bulk1000_s': { value: Math.round(seconds * 100) / 100, unit: 's' } };
  } finally {
    await core.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('figures/rotation.ts')) {
  measure().then((r) => console.info(JSON.stringify(r)), (err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
