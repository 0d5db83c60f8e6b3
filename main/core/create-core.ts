import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AppInfo } from '../../shared/schemas/settings';
import { ERROR_MESSAGES } from '../../shared/errors';
import { createRouter } from './ipc/router';
import type { HandlerMap, Router, RouterOptions } from './ipc/router';
import { createEventBus } from './ipc/event-bus';
import type { EventBus } from './ipc/event-bus';
import { createAppHandlers } from './ipc/handlers/app-handlers';
import { createConnectionHandlers } from './ipc/handlers/connection-handlers';
import { createClientHandlers } from './ipc/handlers/client-handlers';
import { createKeyHandlers } from './ipc/handlers/key-handlers';
import { createDialogHandlers } from './ipc/handlers/dialog-handlers';
import { createDataDirDialogs } from './dialogs/file-dialogs';
import type { FileDialogs } from './dialogs/file-dialogs';
import { createKeyService } from './keys';
import { createConfStore } from './settings/key-value-store';
import type { KeyValueStore } from './settings/key-value-store';
import { createSettingsService } from './settings/settings-service';
import type { SettingsService } from './settings/settings-service';
import { createConnectionRecords } from './connections/connection-records';
import { createConnectionService } from './connections/connection-service';
import { createConnectionStatusTracker } from './connections/connection-status';
import { createDemoWorkspace } from './demo/demo-workspace';
import { openKeychain } from './vault';
import type { Keychain } from './vault';
import { openDatabase } from './cache/database';
import { createClientCache } from './cache/client-cache';
import { createAuditLog } from './audit/audit-log';
import { openAuditKey } from './audit/audit-key';
import { keyAuditSink } from './audit/key-audit';
import { createOutbox } from './outbox/outbox-service';
import { createWriteThrough } from './outbox/write-through';
import { createSyncService } from './sync/sync-service';
import { createSyncScheduler } from './sync/sync-scheduler';
import { createPdpModeRefresher } from './sync/pdp-modes';
import { createSealer } from './vault/sealing';
import { createCacheHandlers } from './ipc/handlers/cache-handlers';
import { createFileLogger } from './log';
import type { Logger } from './log';
import type { CoreContext } from './core-context';
import type { Provider } from './providers/types';

export interface CoreOptions {
  dataDir: string;
  /** Injected keychain (tests); otherwise the OS keychain, or memory with KEYCHAIN_UNAVAILABLE. */
  keychain?: Keychain;
  keychainService?: string;
  /** electron-store in Electron; `conf` in plain Node when absent. */
  settingsStore?: KeyValueStore;
  fetch?: typeof fetch;
  appVersion?: string;
  runtime?: AppInfo['runtime'];
  electronVersion?: string | null;
  isTrustedSender?: RouterOptions['isTrustedSender'];
  log?: Logger;
  /** Start the demo sandbox of existing demo connections (default true). */
  resumeDemo?: boolean;
  /** How often an offline connection is probed so the outbox replays on its own when it is back (default 30 s). */
  reconnectProbeMs?: number;
  /** Native file pickers (Electron); plain Node saves under `<dataDir>/backups` and asks for typed paths. */
  dialogs?: FileDialogs;
}

export interface Core {
  router: Router;
  events: EventBus;
  settings: SettingsService;
  context: CoreContext;
  close(): Promise<void>;
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { dataDir } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? createFileLogger(dataDir);
  const events = createEventBus();
  const store = options.settingsStore ?? createConfStore(dataDir);
  const settings = createSettingsService(store);

  const opened = options.keychain
    ? { keychain: options.keychain, status: options.keychain.backend === 'os' ? ('os' as const) : ('memory' as const), reason: undefined }
    : await openKeychain(options.keychainService ? { service: options.keychainService } : {});
  if (opened.status === 'memory-fallback') log(`keychain unavailable, secrets kept in memory only: ${opened.reason ?? ''}`);

  const databaseFile = join(dataDir, 'clientdesk.sqlite');
  const db = openDatabase(databaseFile, { backgroundCheckpoints: true, log });
  // issue 4: cache reads, audit log (before anything that writes)
  const cache = createClientCache(db);
  const audit = createAuditLog(db, await openAuditKey(opened.keychain, log));
  const records = createConnectionRecords(store);
  const status = createConnectionStatusTracker(events);
  const connections = createConnectionService({
    records,
    keychain: opened.keychain,
    events,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    forgetCachedData: (id) => {
      void sync.cancel(id);
      cache.forget(id);
    },
  });
  const demo = createDemoWorkspace({ connections, records, keychain: opened.keychain, log });

  function info(): AppInfo {
    return {
      name: 'Clientdesk',
      version: options.appVersion ?? '0.0.0',
      runtime: options.runtime ?? 'node',
      nodeVersion: process.versions.node,
      electronVersion: options.electronVersion ?? null,
      platform: process.platform,
      dataDir,
      settingsFile: store.path,
      databaseFile,
      keychain: {
        backend: opened.keychain.backend,
        status: opened.status,
        message: opened.status === 'memory-fallback' ? ERROR_MESSAGES.KEYCHAIN_UNAVAILABLE.en : null,
      },
    };
  }

  async function online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T> {
    const provider = connections.provider(connectionId);
    try {
      const result = await call(provider);
      status.report(connectionId, 'online', null);
      return result;
    } catch (err) {
      status.reportFailure(connectionId, err);
      throw err;
    }
  }

  // issue 5: client keys (AUDIT HOOK: pass `audit` here once the audit log exists on the context).
  const keys = createKeyService({
    keychain: opened.keychain,
    db,
    call: online,
    log,
    emitProgress: (payload) => events.emit('job.progress', payload),
    audit: keyAuditSink(audit),
  });

  // issue 4: sync, outbox, write-through
  const sync = createSyncService({ db, events, log, online });
  // After each complete sync, learn a batch of unknown PDP encryption modes (the list does not carry them).
  const pdpModes = createPdpModeRefresher({ db, log, online });
  events.on('sync.progress', (progress) => {
    if (progress.state === 'done') void pdpModes.refresh(progress.connectionId);
  });
  const outbox = createOutbox({
    db,
    sealer: createSealer(opened.keychain),
    audit,
    events,
    online,
    cachedRecord: (connectionId, remoteId) => {
      const found = cache.reads.record(connectionId, remoteId);
      if (!found) return null;
      const { contentHash: _hash, ...record } = found;
      return record;
    },
    refreshCache: (record) => cache.put(record),
  });
  const writes = createWriteThrough({ audit, outbox, log });
  const scheduler = createSyncScheduler({
    sync,
    events,
    settings,
    log,
    connectionIds: async () => records.all().map((c) => c.id),
    onReconnect: (id) => outbox.replay(id),
    probe: (id) => online(id, (p) => p.listClients(1, 1)),
    ...(options.reconnectProbeMs ? { probeIntervalMs: options.reconnectProbeMs } : {}),
  });

  const context: CoreContext = {
    keys,
    dataDir,
    db,
    keychain: opened.keychain,
    settings,
    connections,
    demo,
    events,
    log,
    info,
    online,
    reportStatus: status.report,
    reportFailure: status.reportFailure,
    connectionStatuses: status.all,
    cache,
    sync,
    outbox,
    audit,
    writes,
  };

  const handlers: HandlerMap = {
    ...createAppHandlers(context),
    ...createConnectionHandlers(context),
    ...createClientHandlers(context),
    // issue 4 handlers (cache, sync, outbox, audit) below
    ...createCacheHandlers(context),
    // issue 5 handlers (keys, backups, webhook verification) below
    ...createKeyHandlers(context, options.dialogs ?? createDataDirDialogs(dataDir)),
    ...createDialogHandlers(options.dialogs ?? createDataDirDialogs(dataDir)),
  };
  const router = createRouter(handlers, {
    log,
    ...(options.isTrustedSender ? { isTrustedSender: options.isTrustedSender } : {}),
  });

  if (options.resumeDemo !== false) await demo.resumeExisting();
  await scheduler.start();
  // issue 5: finish every rotation a previous run left unknown (background; the UI shows "rotation to confirm" meanwhile).
  void keys.startupRecovery();

  async function close(): Promise<void> {
    scheduler.stop();
    await sync.close();
    await pdpModes.close();
    await keys.shutdown();
    await demo.close();
    connections.dispose();
    db.close();
  }

  return { router, events, settings, context, close };
}
