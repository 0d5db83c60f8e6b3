import type { ClientStatus } from '../../../shared/domain';
import type { ClientWindowQuery } from '../../../shared/schemas/cache';
import type { ClientRef, clientSelectionSchema } from '../../../shared/schemas/client-jobs';
import type { ClientReads } from '../cache/clients/client-reads';
import type { z } from 'zod';

export interface SelectedClient {
  connectionId: string;
  remoteId: string;
  name: string;
  status: ClientStatus;
  /** A change of this client waits in the outbox. */
  pending: boolean;
}

export interface ResolvedSelection {
  clients: SelectedClient[];
  /** Picked clients this computer's cache does not hold (or no longer lists): never changed. */
  notFound: number;
}

type ParsedSelection = z.output<typeof clientSelectionSchema>;

const WINDOW = 500;
const refKey = (r: ClientRef) => `${r.connectionId}\u0000${r.remoteId}`;

/**
 * The clients a selection holds, read from the cache only: picked rows are looked up one by one, a filter is
 * read window after window (in one synchronous run, so the cache cannot change in between).
 */
export function resolveSelection(reads: ClientReads, selection: ParsedSelection, knownConnections: ReadonlySet<string>): ResolvedSelection {
  const clients: SelectedClient[] = [];
  const seen = new Set<string>();
  const take = (c: SelectedClient) => {
    const key = refKey(c);
    if (seen.has(key)) return;
    seen.add(key);
    clients.push({ connectionId: c.connectionId, remoteId: c.remoteId, name: c.name, status: c.status, pending: c.pending });
  };
  if (selection.kind === 'picked') {
    let notFound = 0;
    for (const ref of selection.clients) {
      const row = knownConnections.has(ref.connectionId) ? reads.get(ref.connectionId, ref.remoteId) : null;
      if (!row || row.removed) notFound++;
      else take(row);
    }
    return { clients, notFound };
  }
  const except = new Set(selection.except.map(refKey));
  const connectionIds = (selection.filter.connectionIds ?? [...knownConnections]).filter((id) => knownConnections.has(id));
  if (connectionIds.length === 0) return { clients, notFound: 0 };
  const base: ClientWindowQuery = { ...selection.filter, connectionIds, sort: 'name', direction: 'asc', offset: 0, limit: WINDOW, includeTotal: false };
  for (let offset = 0; ; offset += WINDOW) {
    const { rows } = reads.window({ ...base, offset });
    for (const row of rows) if (!except.has(refKey(row))) take(row);
    if (rows.length < WINDOW) break;
  }
  return { clients, notFound: 0 };
}
