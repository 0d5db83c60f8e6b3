import { AppError, isAppError } from '../../../../shared/errors';
import type { CertificateImportInput, ConnectionCertificate, CredentialRow, RebuildFilters, RebuildRecord } from '../../../../shared/schemas/directory';
import type { AuditLog } from '../../audit/audit-log';
import type { ConnectionService } from '../../connections/connection-service';
import type { PathGrants } from '../../dialogs/path-grants';
import type { EventBus } from '../../ipc/event-bus';
import type { Keychain } from '../../vault';
import type { Provider } from '../types';
import { describeCertificate } from '../../tls/certificates';
import { providerModule } from '../registry';
import { credentialState, describeStored, keepCertificate, readCertificateInput, refuseUnkeptCertificateKey } from './certificate-import';
import type { DirectoryState } from './directory-state';
import { isDirectoryProvider } from './runtime';

export interface DirectoryServiceDeps {
  state: DirectoryState;
  connections: ConnectionService;
  keychain: Keychain;
  events: EventBus;
  audit: AuditLog;
  pathGrants: PathGrants;
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
  now?: () => Date;
}

export interface DirectoryService {
  importCertificate(input: CertificateImportInput): Promise<ConnectionCertificate>;
  /** The sandbox's throwaway certificate for a demo connection (kept even by a memory-only keychain). */
  attachDemoCertificate(connectionId: string, material: { certPem: string; keyPem: string; caPem: string }): Promise<void>;
  certificate(connectionId: string): Promise<ConnectionCertificate>;
  credentials(): Promise<CredentialRow[]>;
  rebuild(input: { connectionId: string; filters: RebuildFilters; incremental?: boolean | undefined }): Promise<RebuildRecord>;
  cancel(connectionId: string): boolean;
  history(connectionId: string, limit?: number): { rows: RebuildRecord[]; lastSuccessAt: string | null };
}

export function createDirectoryService(deps: DirectoryServiceDeps): DirectoryService {
  const { state, connections, keychain, events } = deps;
  const now = deps.now ?? (() => new Date());
  const running = new Map<string, AbortController>();

  function requireCapability(connectionId: string, capability: 'mtls' | 'rebuildRegistry') {
    const connection = connections.get(connectionId);
    if (!providerModule(connection.provider).descriptor.capabilities.includes(capability)) {
      throw new AppError('UNSUPPORTED', capability === 'mtls' ? 'This connection does not use a client certificate.' : 'This connection has no registry to rebuild.');
    }
    return connection;
  }

  /** A new certificate means a new TLS agent: the connection's provider is rebuilt (and connections.changed sent). */
  async function renewProvider(connectionId: string): Promise<void> {
    await connections.update({ id: connectionId });
  }

  async function importCertificate(input: CertificateImportInput): Promise<ConnectionCertificate> {
    requireCapability(input.connectionId, 'mtls');
    refuseUnkeptCertificateKey(keychain);
    let read: Awaited<ReturnType<typeof readCertificateInput>>;
    try {
      read = await readCertificateInput(deps.pathGrants, input);
    } catch (err) {
      const reason = isAppError(err) ? String(err.details?.reason ?? err.code) : 'error';
      deps.audit.append({ connectionId: input.connectionId, action: 'directory.importCertificate', outcome: 'refused', summary: `Client certificate refused (${reason}).` });
      throw err;
    }
    const { certificate, kept, ca } = read;
    const at = now().toISOString();
    await keepCertificate({ keychain, store: state.credentials }, input.connectionId, { certPem: certificate.certPem, kept, caPem: ca?.pem ?? null }, at);
    deps.audit.append({
      connectionId: input.connectionId,
      action: 'directory.importCertificate',
      outcome: 'ok',
      summary: `Client certificate ${certificate.subject}, serial ${certificate.serial}, SHA-256 ${certificate.fingerprint}, valid until ${certificate.notAfter} (${certificate.daysUntilExpiry} days)${ca ? `; CA bundle of ${ca.subjects.length}` : ''}.`,
    });
    await renewProvider(input.connectionId);
    return certificate_(input.connectionId);
  }

  async function attachDemoCertificate(connectionId: string, material: { certPem: string; keyPem: string; caPem: string }): Promise<void> {
    await keepCertificate({ keychain, store: state.credentials }, connectionId, { certPem: material.certPem, kept: { keyPem: material.keyPem, passphrase: null }, caPem: material.caPem }, now().toISOString());
    await renewProvider(connectionId);
  }

  async function certificate_(connectionId: string): Promise<ConnectionCertificate> {
    requireCapability(connectionId, 'mtls');
    return describeStored(keychain, state.credentials.get(connectionId), now());
  }

  async function credentials(): Promise<CredentialRow[]> {
    const labels = new Map((await connections.list()).map((c) => [c.id, c]));
    return state.credentials.all().flatMap((stored) => {
      const connection = labels.get(stored.connectionId);
      if (!connection || !stored.certificatePem) return [];
      const info = describeCertificate(stored.certificatePem, now());
      return [{
        connectionId: connection.id,
        connectionLabel: connection.label,
        provider: connection.provider,
        kind: 'clientCertificate' as const,
        subject: info.subject,
        serial: info.serial,
        notAfter: info.notAfter,
        daysUntilExpiry: info.daysUntilExpiry,
        state: credentialState(info.daysUntilExpiry),
      }];
    });
  }

  function effectiveFilters(connectionId: string, filters: RebuildFilters, incremental: boolean): RebuildFilters {
    if (!incremental) return filters;
    const since = state.history.lastSuccessAt(connectionId);
    if (!since) {
      throw new AppError('VALIDATION', 'No rebuild of this connection has succeeded yet: run a full rebuild first.', {
        fields: [{ field: 'startDate', message: 'providers.directory.validation.noPreviousRebuild' }],
      });
    }
    if (filters.endDate && Date.parse(filters.endDate) < Date.parse(since)) {
      throw new AppError('VALIDATION', `endDate is before the last successful rebuild (${since}).`, {
        fields: [{ field: 'endDate', message: 'providers.directory.validation.endBeforeStart' }],
      });
    }
    return { ...filters, startDate: since };
  }

  async function rebuild(input: { connectionId: string; filters: RebuildFilters; incremental?: boolean | undefined }): Promise<RebuildRecord> {
    const { connectionId } = input;
    requireCapability(connectionId, 'rebuildRegistry');
    if (running.has(connectionId)) throw new AppError('CONFLICT', 'A rebuild of this connection is already running: wait for it or cancel it.');
    const filters = effectiveFilters(connectionId, input.filters, input.incremental === true);
    const controller = new AbortController();
    running.set(connectionId, controller);
    const startedAt = now().toISOString();
    const started = performance.now();
    let last = { attempt: 1, interactionId: null as string | null };
    const record = (outcome: RebuildRecord['outcome'], extra: Partial<RebuildRecord>) =>
      state.history.add({
        connectionId,
        startedAt,
        filters,
        incremental: input.incremental === true,
        outcome,
        interactionId: last.interactionId,
        durationMs: performance.now() - started,
        attempts: last.attempt,
        errorCode: null,
        errorMessage: null,
        errors: [],
        ...extra,
      });
    const done = () => events.emit('directory.rebuildProgress', { connectionId, state: 'done', attempt: last.attempt, maxAttempts: 0, status: null, waitMs: 0, retryAt: null, interactionId: last.interactionId });
    try {
      const result = await deps.online(connectionId, (provider) => {
        if (!isDirectoryProvider(provider)) throw new AppError('UNSUPPORTED', 'This connection has no registry to rebuild.');
        return provider.rebuild(filters, {
          signal: controller.signal,
          onProgress: (update) => {
            last = { attempt: update.attempt, interactionId: update.interactionId ?? last.interactionId };
            events.emit('directory.rebuildProgress', { connectionId, ...update });
          },
        });
      });
      last = { attempt: result.attempts, interactionId: result.interactionId };
      return record('ok', {});
    } catch (err) {
      const details = isAppError(err) ? err.details ?? {} : {};
      if (typeof details.interactionId === 'string') last.interactionId = details.interactionId;
      if (typeof details.attempts === 'number') last.attempt = details.attempts;
      const code = isAppError(err) ? err.code : 'INTERNAL';
      const saved = record(code === 'CANCELLED' ? 'cancelled' : 'failed', {
        errorCode: code,
        errorMessage: isAppError(err) ? err.message : 'The rebuild failed inside Clientdesk.',
        errors: Array.isArray(details.errors) ? (details.errors as string[]) : [],
      });
      if (isAppError(err)) throw new AppError(err.code, err.message, { ...details, historyId: saved.id });
      throw err;
    } finally {
      running.delete(connectionId);
      done();
    }
  }

  function cancel(connectionId: string): boolean {
    const controller = running.get(connectionId);
    controller?.abort();
    return Boolean(controller);
  }

  return {
    importCertificate,
    attachDemoCertificate,
    certificate: certificate_,
    credentials,
    rebuild,
    cancel,
    history: (id, limit = 50) => {
      requireCapability(id, 'rebuildRegistry');
      return { rows: state.history.list(id, limit), lastSuccessAt: state.history.lastSuccessAt(id) };
    },
  };
}
