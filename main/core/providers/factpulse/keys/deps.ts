import type { AppErrorShape } from '../../../../../shared/errors';
import { AppError } from '../../../../../shared/errors';
import type { CacheDb } from '../../../cache/database';
import { redactError } from '../../../http/redact';
import type { Provider } from '../../types';
import type { Keychain } from '../../../vault';

/** One key operation, for the audit log (fingerprints only, never a key). */
export interface KeyAuditEvent {
  action: string;
  connectionId: string;
  clientUid: string | null;
  outcome: 'ok' | 'failed' | 'unknown' | 'refused';
  fingerprint?: string | null;
  oldFingerprint?: string | null;
  newFingerprint?: string | null;
  detail?: string | null;
}

/** Test-only pause points of a rotation (the crash tests SIGKILL the process at each). */
export interface RotationHooks {
  /** pending slot and journal row are written; the server has not been called. */
  beforeCall?(info: { connectionId: string; clientUid: string }): Promise<void> | void;
  /** The server confirmed the rotation; the keychain still holds the old key in `current`. */
  afterCall?(info: { connectionId: string; clientUid: string }): Promise<void> | void;
  /** The keychain and the journal are committed. */
  afterCommit?(info: { connectionId: string; clientUid: string }): Promise<void> | void;
}

export interface KeyDeps {
  keychain: Keychain;
  db: CacheDb;
  /** Runs a provider call for a connection (ctx.online in the app). */
  call<T>(connectionId: string, fn: (provider: Provider) => Promise<T>): Promise<T>;
  log?: (line: string) => void;
  /** Where key events are audited (create-core wires it to the audit log). */
  audit?: (event: KeyAuditEvent) => void;
  /** Event sink for factpulse.keys.jobProgress (ctx.events.emit in the app). */
  emitProgress?: (payload: JobProgress) => void;
  hooks?: RotationHooks;
  now?: () => Date;
}

export interface JobProgress {
  jobId: string;
  connectionId: string;
  state: 'running' | 'paused' | 'cancelled' | 'done';
  total: number;
  done: number;
  failed: number;
  unknown: number;
  remaining: number;
  ratePerSecond: number;
}

/** A definite refusal: the server answered and did not apply anything. */
const DEFINITE = new Set(['KEY_MISMATCH', 'NOT_FOUND', 'VALIDATION', 'FORBIDDEN', 'AUTH_REQUIRED', 'RATE_LIMITED', 'CONFLICT', 'UNSUPPORTED', 'KEY_MISSING']);

/**
 * definite: the server refused (4xx) and changed nothing. unknown: no answer (timeout, network cut,
 * 5xx, unreadable answer…) — the rotation may or may not have been applied.
 */
export function classify(err: unknown): 'definite' | 'unknown' {
  if (err instanceof AppError && DEFINITE.has(err.code)) {
    // A provider-resolution NOT_FOUND (no such connection) never reached the server: still definite.
    return 'definite';
  }
  return 'unknown';
}

/** A redacted, key-free description of an error for the journal and IPC. */
export function errorShape(err: unknown): AppErrorShape {
  if (err instanceof AppError) return { code: err.code, message: redactError(err).replace(/^AppError: /, '') };
  return { code: 'INTERNAL', message: redactError(err) };
}

export function nowIso(deps: KeyDeps): string {
  return (deps.now?.() ?? new Date()).toISOString();
}

/** Serialises operations per (connection, client) in this process. */
export function createClientLocks() {
  const tails = new Map<string, Promise<unknown>>();
  return async function withLock<T>(connectionId: string, clientUid: string, fn: () => Promise<T>): Promise<T> {
    const id = `${connectionId}\u0000${clientUid}`;
    const prev = tails.get(id) ?? Promise.resolve();
    const run = prev.catch(() => undefined).then(fn);
    const tail = run.catch(() => undefined);
    tails.set(id, tail);
    try {
      return await run;
    } finally {
      if (tails.get(id) === tail) tails.delete(id);
    }
  };
}
export type ClientLock = ReturnType<typeof createClientLocks>;
