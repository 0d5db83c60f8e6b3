import type { KeyAuditEvent } from '../providers/factpulse/keys/deps';
import type { AuditLog } from './audit-log';

/** Adapts the key service's audit hook to the audit log: fingerprints only, never a key. */
export function keyAuditSink(audit: AuditLog): (event: KeyAuditEvent) => void {
  return (event) => {
    const parts = [
      event.fingerprint ? `key ${event.fingerprint}` : null,
      event.oldFingerprint || event.newFingerprint ? `${event.oldFingerprint ?? '—'} → ${event.newFingerprint ?? '—'}` : null,
      event.detail ?? null,
    ].filter((p): p is string => Boolean(p));
    audit.append({
      connectionId: event.connectionId,
      clientId: event.clientUid,
      action: event.action,
      outcome: event.outcome,
      summary: parts.join('; ') || event.action,
    });
  };
}
