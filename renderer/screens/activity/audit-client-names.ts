import { useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../../shared/schemas/cache';
import { call } from '../../app/bridge';

type Named = Pick<AuditEntry, 'connectionId' | 'clientId' | 'action' | 'summary'>;

/** One client of one connection, as a map key. */
export function clientKey(connectionId: string | null, clientId: string): string {
  return `${connectionId ?? ''}/${clientId}`;
}

/** A JSON string value as main wrote it in the summary (`name="Boulangerie \"Le Pain\""`), or null. */
function jsonString(text: string | undefined): string | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'string' && value.trim() ? value : null;
  } catch {
    return null;
  }
}

/** The client's name where the entry's own summary holds it: a deletion names it, a creation or rename sets it. */
export function nameInSummary(entry: Pick<AuditEntry, 'action' | 'summary'>): string | null {
  const [head = ''] = entry.summary.split(' — ');
  if (entry.action === 'clients.delete') return jsonString(/^Delete ("(?:[^"\\]|\\.)*")$/.exec(head)?.[1]);
  if (entry.action === 'clients.create' || entry.action === 'clients.update') return jsonString(/(?:^|, |^(?:Create|Edit) )name=("(?:[^"\\]|\\.)*")/.exec(head)?.[1]);
  return null;
}

/**
 * The names to show for the entries' clients: from the local cache where the client is still there, else from
 * the newest entry whose summary names it (a deleted client). A client found nowhere has no entry.
 */
export function auditClientNames(rows: readonly Named[], cached: ReadonlyMap<string, string | null>): Map<string, string> {
  const names = new Map<string, string>();
  for (const row of rows) {
    if (!row.clientId) continue;
    const key = clientKey(row.connectionId, row.clientId);
    if (names.has(key)) continue; // rows come newest first: the first name found is the latest
    const name = cached.get(key) ?? nameInSummary(row);
    if (name) names.set(key, name);
  }
  return names;
}

/** The cached name of one client, looked up by its id in the local cache's search (null when it is not cached). */
async function cachedName(connectionId: string, clientId: string): Promise<string | null> {
  try {
    const found = await call('clients.window', { connectionIds: [connectionId], query: clientId.slice(0, 200), limit: 20, includeTotal: false });
    return found.rows.find((r) => r.remoteId === clientId)?.name ?? null;
  } catch {
    return null;
  }
}

/** Names for the audit rows' clients (see auditClientNames); each client is looked up once per mount. */
export function useAuditClientNames(rows: readonly Named[]): Map<string, string> {
  const [cached, setCached] = useState<ReadonlyMap<string, string | null>>(new Map());
  const requested = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  useEffect(() => {
    const wanted = new Map<string, [string, string]>();
    for (const { connectionId, clientId } of rows) {
      if (!connectionId || !clientId || requested.current.has(clientKey(connectionId, clientId))) continue;
      requested.current.add(clientKey(connectionId, clientId));
      wanted.set(clientKey(connectionId, clientId), [connectionId, clientId]);
    }
    if (wanted.size === 0) return;
    void Promise.all([...wanted].map(async ([key, [connectionId, clientId]]) => [key, await cachedName(connectionId, clientId)] as const)).then((found) => {
      if (mounted.current) setCached((previous) => new Map([...previous, ...found]));
    });
  }, [rows]);
  return auditClientNames(rows, cached);
}
