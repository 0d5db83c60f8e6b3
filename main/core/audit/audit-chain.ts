import { createHash, createHmac } from 'node:crypto';
import type { AuditKey } from './audit-key';

/**
 * The two ways an audit entry's hash is made. Each covers the previous entry's hash and the entry's fields:
 * - legacy (64 hex): SHA-256 — anyone who can edit the file can recompute it;
 * - keyed (`h1.<keyId>.<64 hex>`): HMAC-SHA256 under the audit key kept in the keychain.
 */
export interface ChainedRow {
  id: number;
  at: string;
  connection_id: string | null;
  client_id: string | null;
  action: string;
  outcome: string;
  request_id: string | null;
  summary: string;
}

export const GENESIS_HASH = '0'.repeat(64);
const KEYED_PREFIX = 'h1.';

/** The exact bytes hashed for an entry: a JSON array, so field order and escaping are fixed. */
function chainInput(prevHash: string, row: ChainedRow): string {
  const canonical = JSON.stringify([row.id, row.at, row.connection_id, row.client_id, row.action, row.outcome, row.request_id, row.summary]);
  return `${prevHash}\n${canonical}`;
}

/** Legacy, unkeyed: SHA-256. */
export function entryHash(prevHash: string, row: ChainedRow): string {
  return createHash('sha256').update(chainInput(prevHash, row)).digest('hex');
}

export function keyedEntryHash(key: AuditKey, prevHash: string, row: ChainedRow): string {
  return `${KEYED_PREFIX}${key.id}.${createHmac('sha256', key.raw).update(chainInput(prevHash, row)).digest('hex')}`;
}

export const isKeyedHash = (hash: string): boolean => hash.startsWith(KEYED_PREFIX);
const keyIdOf = (hash: string): string => hash.slice(KEYED_PREFIX.length).split('.')[0] ?? '';

/** The hash a new entry gets: keyed when the key is at hand, otherwise legacy. */
export function hashFor(key: AuditKey | null, prevHash: string, row: ChainedRow): string {
  return key ? keyedEntryHash(key, prevHash, row) : entryHash(prevHash, row);
}

export type ChainBreak = 'mismatch' | 'unkeyed' | 'unknown-key';

/**
 * Why this entry's own hash does not hold, or null. With the key, an unkeyed entry is a break: after the
 * upgrade at first open nothing legitimate is written unkeyed while the key is there. Without the key,
 * keyed entries cannot be checked.
 */
export function hashProblem(key: AuditKey | null, row: ChainedRow & { prev_hash: string; hash: string }): ChainBreak | null {
  if (!isKeyedHash(row.hash)) {
    if (entryHash(row.prev_hash, row) !== row.hash) return 'mismatch';
    return key ? 'unkeyed' : null;
  }
  if (!key || keyIdOf(row.hash) !== key.id) return 'unknown-key';
  return keyedEntryHash(key, row.prev_hash, row) === row.hash ? null : 'mismatch';
}

export const BREAK_MESSAGES: Record<ChainBreak, (id: number) => string> = {
  mismatch: (id) => `Entry #${id} was changed, removed or inserted after it was written: its link in the chain does not match.`,
  unkeyed: (id) =>
    `Entry #${id} is chained without the audit key although the log is keyed: it was written while the keychain was unavailable, or rewritten by someone without the key.`,
  'unknown-key': (id) =>
    `Entry #${id} was chained under an audit key this keychain does not hold (a lost or unavailable key, or a forged entry): it cannot be verified.`,
};

export const UNKEYED_NOTICE =
  'The audit key is not available (no system keychain, or it refused): the log is chained without a key this session, so an edit whose hashes were recomputed would not be detected.';
