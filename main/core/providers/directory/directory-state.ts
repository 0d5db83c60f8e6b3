import type { ProviderId } from '../../../../shared/domain';
import { descriptorFor } from '../../../../shared/providers';
import type { AuditLog } from '../../audit/audit-log';
import type { CacheDb } from '../../cache/database';
import type { Logger } from '../../log';
import { createCredentialStore } from './credential-store';
import type { CredentialStore } from './credential-store';
import { createRebuildHistory } from './rebuild-history';
import type { RebuildHistory } from './rebuild-history';
import type { DirectoryExchange, DirectoryRuntime } from './runtime';

export interface DirectoryState {
  credentials: CredentialStore;
  history: RebuildHistory;
  /** Handed to the connection service's providers (Transport.directory). */
  runtime: DirectoryRuntime;
  /** Credentials saved or a test passed: the time x-fapi-auth-date carries from now on (connections with mTLS only). */
  markAuthenticated(connection: { id: string; provider: ProviderId } | undefined): void;
  forget(connectionId: string): void;
}

function summary(e: DirectoryExchange): string {
  const answer = e.status === null ? `no answer (${e.errorCode ?? 'error'})` : `HTTP ${e.status}`;
  const echo = e.receivedInteractionId ? `; the answer carried interaction id ${e.receivedInteractionId} instead` : '';
  const what = e.operation === 'test' ? 'Connection test (rebuild of a name no client has)' : `Rebuild attempt ${e.attempt}`;
  return `${what}: ${answer}; x-fapi-interaction-id ${e.interactionId}${echo}`;
}

/** Every request's interaction id goes to the audit log (requestId), so a support ticket can quote it. */
export function createDirectoryState(deps: { db: CacheDb; audit: AuditLog; log: Logger }): DirectoryState {
  const credentials = createCredentialStore(deps.db);
  const history = createRebuildHistory(deps.db);
  const runtime: DirectoryRuntime = {
    credentials: (id) => credentials.get(id),
    log: deps.log,
    onExchange(e) {
      // A connection test the server never answered (offline, TLS refused) carried no id it could quote; the
      // reconnect probe repeats it every 30 s while offline, so it is not audited.
      if (e.operation === 'test' && e.status === null) return;
      const ok = e.status === 201 && !e.receivedInteractionId;
      deps.audit.append({
        connectionId: e.connectionId,
        action: e.operation === 'test' ? 'directory.test' : 'directory.rebuild',
        outcome: ok ? 'ok' : 'failed',
        requestId: e.interactionId,
        summary: summary(e),
      });
    },
  };
  return {
    credentials,
    history,
    runtime,
    markAuthenticated(connection) {
      if (connection && descriptorFor(connection.provider).capabilities.includes('mtls')) credentials.markAuthenticated(connection.id, new Date().toISOString());
    },
    forget(id) {
      credentials.forget(id);
      history.forget(id);
    },
  };
}
