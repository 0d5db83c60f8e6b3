import type { ChannelOutput } from '../../../../../shared/ipc';
import type { KeyFilter } from '../../../../../shared/schemas/keys';
import type { CoreContext } from '../../../core-context';
import type { PdpModeLearner } from '../pdp-modes';
import type { HandlerMap } from '../../../ipc/router';

type InventoryPage = ChannelOutput<'factpulse.keys.inventory'>;
type InventoryRow = InventoryPage['rows'][number];
type Summary = InventoryPage['summary'];
type Query = Parameters<HandlerMap['factpulse.keys.inventory']>[0];
type Bucket = Exclude<KeyFilter, 'all' | 'attention'>;

const WINDOW = 500;
const MAX_DOUBLE_PER_CONNECTION = 200_000;
const NEEDS_ATTENTION: ReadonlySet<Bucket> = new Set(['old', 'missing-locally', 'rotation-to-confirm']);
/** Natural order: "Agence 167" before "Agence 1047", "Épicerie" among the E's. */
const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

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
 * Every key slot in the keychain, plus every client the cache saw in double mode without a local key
 * ("missing locally"), with names and states from the offline cache.
 */
async function inventoryRows(ctx: CoreContext, connectionIds: string[]): Promise<InventoryRow[]> {
  const out: InventoryRow[] = [];
  for (const id of connectionIds) {
    const double = cachedDoubleMode(ctx, id);
    const seen = new Set<string>();
    for (const row of await ctx.keys.inventory(id)) {
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

function bucketOf(row: InventoryRow, maxAgeDays: number): Bucket {
  if (row.status === 'ok') return row.ageDays !== null && row.ageDays > maxAgeDays ? 'old' : 'ok';
  return row.status;
}

function summarize(buckets: Bucket[]): Summary {
  const count = (b: Bucket) => buckets.filter((x) => x === b).length;
  const summary = {
    keys: buckets.length,
    ok: count('ok'),
    old: count('old'),
    missingLocally: count('missing-locally'),
    rotationToConfirm: count('rotation-to-confirm'),
    notInUse: count('not-in-use'),
  };
  return { ...summary, attention: summary.old + summary.missingLocally + summary.rotationToConfirm };
}

/** Lower case without accents, so "epicerie" finds "Épicerie". */
const folded = (value: string) => value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

function matches(filter: KeyFilter, bucket: Bucket): boolean {
  if (filter === 'all') return true;
  if (filter === 'attention') return NEEDS_ATTENTION.has(bucket);
  return filter === bucket;
}

/** The Keys screen's inventory: a page of one filter and search, a summary of the whole scope, and how complete it is. */
export async function keyInventoryView(ctx: CoreContext, learner: Pick<PdpModeLearner, 'status'>, query: Query): Promise<InventoryPage> {
  const connectionIds = await keyConnections(ctx, query.connectionId);
  const maxAgeDays = ctx.settings.get().keyMaxAgeDays;
  let rows = await inventoryRows(ctx, connectionIds);
  if (query.clientUid) rows = rows.filter((row) => row.clientUid === query.clientUid);
  const buckets = rows.map((row) => bucketOf(row, maxAgeDays));
  const needle = folded(query.search.trim());
  const found = rows
    .filter((row, i) => matches(query.filter, buckets[i]!) && (!needle || folded(`${row.clientName ?? ''}\u0000${row.clientUid}`).includes(needle)))
    .sort((a, b) => byName.compare(a.clientName ?? a.clientUid, b.clientName ?? b.clientUid) || a.clientUid.localeCompare(b.clientUid) || a.connectionId.localeCompare(b.connectionId));
  const inScope = new Set(connectionIds);
  return {
    rows: found.slice(query.offset, query.offset + query.limit),
    total: found.length,
    offset: query.offset,
    summary: summarize(buckets),
    maxAgeDays,
    modes: learner.status().filter((m) => inScope.has(m.connectionId) && m.total > 0),
  };
}

/** factpulse.keys.inventory and the PDP-mode learner's progress. */
export function createKeyInventoryHandlers(ctx: CoreContext, learner: Pick<PdpModeLearner, 'status'>): Pick<HandlerMap, 'factpulse.keys.inventory' | 'factpulse.pdp.modes'> {
  return {
    'factpulse.keys.inventory': (query) => keyInventoryView(ctx, learner, query),
    'factpulse.pdp.modes': () => learner.status(),
  };
}
