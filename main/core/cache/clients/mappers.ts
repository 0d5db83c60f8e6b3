import { hash } from 'node:crypto';
import type { ClientRecord, ClientStatus } from '../../../../shared/domain';
import type { CachedClient } from '../../../../shared/schemas/cache';
import { nameKey } from './name-key';
import { sortKeyOfNameKey } from './sort-key';

/** A `clients` row as SQLite returns it. */
export interface ClientRow {
  id: number;
  connection_id: string;
  remote_id: string;
  name: string;
  /** `nameKey(name)`: what name sorts and prefix searches use. */
  name_key: string;
  /** `sortKey(name)`: what the name order uses (numbers by value). */
  sort_key: string;
  identifier: string | null;
  description: string | null;
  status: string;
  created_at: string | null;
  updated_at: string | null;
  version: number | null;
  extra_json: string;
  content_hash: string;
  synced_at: string;
  removed_at: string | null;
  pending?: number;
  /** FactPulse's facts, joined from its table (providers/factpulse/client-facts.ts); null without a row. */
  pdp_configured?: number | null;
  encryption_mode?: string | null;
}

const STATUSES = new Set<string>(['active', 'inactive', 'suspended', 'unknown']);

/**
 * JSON with object keys sorted, so equal content always hashes equal. Hand-rolled rather than a
 * JSON.stringify replacer: it runs for every row of every sync page (a replacer was ~5x slower). A flat
 * object whose keys are already in order (what the providers' mappers build) is plain JSON.stringify.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  let flat = true;
  let ordered = true;
  for (let i = 0; i < keys.length; i++) {
    const v = object[keys[i] as string];
    if (v !== null && typeof v === 'object') flat = false;
    if (i > 0 && (keys[i - 1] as string) > (keys[i] as string)) ordered = false;
  }
  if (flat && ordered) return JSON.stringify(object);
  keys.sort();
  if (flat) return JSON.stringify(object, keys);
  const parts: string[] = [];
  for (const key of keys) {
    const v = object[key];
    if (v !== undefined && typeof v !== 'function') parts.push(`${JSON.stringify(key)}:${canonicalJson(v)}`);
  }
  return `{${parts.join(',')}}`;
}

/**
 * What the server said about a client, hashed: a re-sync compares this and skips identical rows.
 * `extraJson` is `canonicalJson(record.extra)` when the caller has it already.
 */
export function contentHash(record: ClientRecord, extraJson = canonicalJson(record.extra)): string {
  const fields = [record.name, record.identifier, record.description, record.status, record.createdAt, record.updatedAt, record.version ?? null];
  return hash('sha1', `${JSON.stringify(fields)}${extraJson}`, 'base64url');
}

/** Values the upsert binds per row, in this order (connection, sync time and walk are bound per statement). */
export const ROW_COLUMNS = [
  'remote_id', 'name', 'name_key', 'sort_key', 'identifier', 'description', 'status', 'created_at', 'updated_at',
  'version', 'extra_json', 'content_hash',
] as const;

/**
 * Appends one row's upsert values (ROW_COLUMNS order) to `out`, the flat list a multi-row statement binds;
 * `extraJson` (canonical, so the same text the hash was taken of) is stored as is.
 */
export function appendRowValues(out: unknown[], record: ClientRecord, hash: string, extraJson: string): void {
  const key = nameKey(record.name);
  out.push(
    record.remoteId,
    record.name,
    key,
    sortKeyOfNameKey(key),
    record.identifier,
    record.description,
    record.status,
    record.createdAt,
    record.updatedAt,
    record.version ?? null,
    extraJson,
    hash,
  );
}

function parseExtra(json: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function rowToRecord(row: ClientRow): ClientRecord {
  const record: ClientRecord = {
    connectionId: row.connection_id,
    remoteId: row.remote_id,
    name: row.name,
    identifier: row.identifier,
    description: row.description,
    status: (STATUSES.has(row.status) ? row.status : 'unknown') as ClientStatus,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    extra: parseExtra(row.extra_json),
  };
  if (row.version !== null) record.version = row.version;
  return record;
}

export function rowToCached(row: ClientRow): CachedClient {
  return {
    ...rowToRecord(row),
    syncedAt: row.synced_at,
    removed: row.removed_at !== null,
    encryptionMode: row.encryption_mode ?? null,
    pdpConfigured: row.pdp_configured === 1,
    pending: (row.pending ?? 0) > 0,
  };
}
