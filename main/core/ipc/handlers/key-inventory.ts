import type { ChannelOutput } from '../../../../shared/ipc';
import type { CoreContext } from '../../core-context';

type InventoryView = ChannelOutput<'keys.inventory'>;
const WINDOW = 500;
const MAX_DOUBLE_PER_CONNECTION = 20_000;

/** Remote ids the cache last saw in double mode on this connection (the server then requires the client key). */
function cachedDoubleMode(ctx: CoreContext, connectionId: string): Map<string, { name: string; status: string }> {
  const out = new Map<string, { name: string; status: string }>();
  for (let offset = 0; offset < MAX_DOUBLE_PER_CONNECTION; offset += WINDOW) {
    const page = ctx.cache.reads.window({
      connectionIds: [connectionId], doubleMode: true, sort: 'name', direction: 'asc', offset, limit: WINDOW, includeTotal: false,
    });
    for (const row of page.rows) if (!row.removed) out.set(row.remoteId, { name: row.name, status: row.status });
    if (page.rows.length < WINDOW) break;
  }
  return out;
}

async function keyConnections(ctx: CoreContext, connectionId?: string): Promise<string[]> {
  if (connectionId) return [connectionId];
  const ids = new Set(await ctx.keys.store.connections());
  for (const c of await ctx.connections.list()) if (c.capabilities.includes('encryptionKeys')) ids.add(c.id);
  return [...ids].sort();
}

/**
 * The Keys screen's inventory: every key slot in the keychain, plus every client the cache saw in double
 * mode without a local key ("missing locally"), with names and states from the offline cache.
 */
export async function keyInventoryView(ctx: CoreContext, connectionId?: string): Promise<InventoryView> {
  const out: InventoryView = [];
  for (const id of await keyConnections(ctx, connectionId)) {
    const double = cachedDoubleMode(ctx, id);
    const rows = await ctx.keys.inventory(id);
    const seen = new Set<string>();
    for (const row of rows) {
      seen.add(row.clientUid);
      const cached = ctx.cache.reads.record(id, row.clientUid);
      const serverDouble = double.has(row.clientUid);
      const status = row.status === 'missing-locally' ? (serverDouble ? 'missing-locally' : 'not-in-use') : row.status;
      out.push({
        ...row,
        status,
        clientName: cached?.name ?? null,
        clientStatus: cached?.status ?? null,
        serverRequiresKey: serverDouble ? true : cached ? false : null,
      });
    }
    for (const [uid, cached] of double) {
      if (seen.has(uid)) continue;
      out.push({
        connectionId: id,
        clientUid: uid,
        fingerprint: null,
        createdAt: null,
        ageDays: null,
        pendingFingerprint: null,
        previousFingerprint: null,
        hasPending: false,
        hasPrevious: false,
        status: 'missing-locally',
        lastRotationAt: null,
        clientName: cached.name,
        clientStatus: cached.status,
        serverRequiresKey: true,
      });
    }
  }
  return out;
}
