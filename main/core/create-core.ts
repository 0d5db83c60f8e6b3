import type { AppInfo } from '../../shared/schemas/settings';
import { createRouter } from './ipc/router';
import type { HandlerMap, Router, RouterOptions } from './ipc/router';
import type { EventBus } from './ipc/event-bus';
import { createAppHandlers } from './ipc/handlers/app-handlers';
import { createConnectionHandlers } from './ipc/handlers/connection-handlers';
import { createClientHandlers } from './ipc/handlers/client-handlers';
import { createDialogHandlers } from './ipc/handlers/dialog-handlers';
import { createDataDirDialogs } from './dialogs/file-dialogs';
import type { FileDialogs } from './dialogs/file-dialogs';
import { createPathGrants } from './dialogs/path-grants';
import { createUnavailableConfirmer } from './dialogs/confirmer';
import type { Confirmer } from './dialogs/confirmer';
import { createKeyDisclosure } from './dialogs/key-disclosure';
import { createMemoryClipboard, createSecretClipboard } from './clipboard/secret-clipboard';
import type { Clipboard } from './clipboard/secret-clipboard';
import { createKeyService } from './providers/factpulse/keys';
import type { KeyValueStore, SettingsSource } from './settings/key-value-store';
import { createSettingsService } from './settings/settings-service';
import type { SettingsService } from './settings/settings-service';
import { createConnectionRecords } from './connections/connection-records';
import { createConnectionService } from './connections/connection-service';
import { createConnectionStatusTracker } from './connections/connection-status';
import { createDemoWorkspace } from './demo/demo-workspace';
import type { Keychain } from './vault';
import { createClientCache } from './cache/client-cache';
import { createAuditLog } from './audit/audit-log';
import { openAuditKey } from './audit/audit-key';
import { keyAuditSink } from './audit/key-audit';
import { createOutbox } from './outbox/outbox-service';
import { createWriteThrough } from './outbox/write-through';
import { createSyncService } from './sync/sync-service';
import { providerModule } from './providers';
import { createSyncScheduler } from './sync/sync-scheduler';
import { createPdpModeLearner } from './providers/factpulse/pdp-modes';
import { createSealer } from './vault/sealing';
import { createCacheHandlers } from './ipc/handlers/cache-handlers';
import { createDashboardHandlers } from './ipc/handlers/dashboard-handlers';
import type { Logger } from './log';
import type { CoreContext } from './core-context';
import type { Provider } from './providers/types';
import { bootCore } from './startup/boot';
import type { Boot } from './startup/boot';
import { describeApp } from './startup/app-info';
import { NOTHING_TO_RECOVER, createRecoveryHandlers } from './startup/recovery-handlers';
import { createDirectoryState } from './providers/directory/directory-state';
import { createDirectoryService } from './providers/directory/directory-service';
import { createDirectoryHandlers } from './providers/directory/handlers';
import { createFactPulseHandlers } from './providers/factpulse/handlers';
import { createClientJobs } from './clients';
import { createClientJobHandlers } from './ipc/handlers/client-job-handlers';

export interface CoreOptions {
  dataDir: string;
  /** Injected keychain (tests); otherwise the OS keychain, or memory with KEYCHAIN_UNAVAILABLE. */
  keychain?: Keychain;
  keychainService?: string;
  /** electron-store in Electron (a source: checked, and restored from its last-good copy, before it is opened); `conf` in plain Node when absent. */
  settingsStore?: KeyValueStore | SettingsSource;
  /** The user chose Quit on the recovery screen (Electron: app.quit). */
  onQuit?: () => void;
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
  /** Asks the user before a key is revealed or copied (Electron: a native message box); plain Node refuses without one. */
  confirmer?: Confirmer;
  /** The system clipboard (Electron); memory otherwise. */
  clipboard?: Clipboard;
}

export interface Core {
  router: Router;
  events: EventBus;
  settings: SettingsService;
  context: CoreContext;
  close(): Promise<void>;
}

/** A damaged file never stops the start: see startup/boot.ts (a rebuilt cache, or recovery mode). */
export function createCore(options: CoreOptions): Promise<Core> {
  return bootCore(options, createFullCore);
}

async function createFullCore(options: CoreOptions, boot: Boot): Promise<Core> {
  const { dataDir } = options;
  const { log, events, opened } = boot;
  const { store, db } = boot.files;
  const settings = createSettingsService(store);
  // Cache reads and the audit log first: everything after may write.
  const cache = createClientCache(db);
  const audit = createAuditLog(db, await openAuditKey(opened.keychain, log));
  const records = createConnectionRecords(store);
  const status = createConnectionStatusTracker(events);
  const directoryState = createDirectoryState({ db, audit, log });
  const connections = createConnectionService({
    transport: { directory: directoryState.runtime },
    onAuthenticated: (id) => directoryState.markAuthenticated(records.find(id)),
    records,
    keychain: opened.keychain,
    events,
    ...(options.fetch ? { fetch: options.fetch } : {}),
    forgetCachedData: (id) => {
      void sync.cancel(id);
      cache.forget(id);
      directoryState.forget(id);
    },
  });
  const demo = createDemoWorkspace({
    connections,
    records,
    keychain: opened.keychain,
    log,
    attachCertificate: (id, material) => directory.attachDemoCertificate(id, material),
  });

  function info(): AppInfo {
    return describeApp({
      appVersion: options.appVersion,
      runtime: options.runtime,
      electronVersion: options.electronVersion,
      dataDir,
      settingsFile: store.path,
      databaseFile: db.file,
      stateFile: db.stateFile,
      opened,
      mode: 'normal',
      notices: boot.files.notices,
    });
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

  // Client keys (double mode, rotation, backups), audited.
  const keys = createKeyService({
    keychain: opened.keychain,
    db,
    call: online,
    log,
    emitProgress: (payload) => events.emit('factpulse.keys.jobProgress', payload),
    audit: keyAuditSink(audit),
  });

  // Sync, outbox, write-through.
  const sync = createSyncService({
    db,
    events,
    log,
    online,
    wholeList: (id) => providerModule(connections.get(id).provider).descriptor.paging.style === 'whole',
  });
  // After each complete sync, learn every unknown PDP encryption mode (the list does not carry them); a run
  // cut short (offline, quit) goes on when the connection answers again.
  const pdpModes = createPdpModeLearner({ db, log, online, emit: (progress) => events.emit('factpulse.pdp.modesProgress', progress) });
  events.on('sync.progress', (progress) => {
    if (progress.state === 'done') void pdpModes.refresh(progress.connectionId);
  });
  events.on('connection.status', (s) => {
    if (s.state === 'online') void pdpModes.resume(s.connectionId);
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
    markRemoved: (connectionId, remoteId) => cache.markRemoved(connectionId, remoteId),
  });
  const writes = createWriteThrough({ audit, outbox, log });
  const scheduler = createSyncScheduler({
    sync,
    events,
    settings,
    log,
    connectionIds: async () => records.all().map((c) => c.id),
    onReconnect: (id) => outbox.replay(id),
    probe: (id) => online(id, (p) => p.testConnection()),
    ...(options.reconnectProbeMs ? { probeIntervalMs: options.reconnectProbeMs } : {}),
  });

  const context: CoreContext = {
    keys,
    pathGrants: createPathGrants(),
    keyDisclosure: createKeyDisclosure(options.confirmer ?? createUnavailableConfirmer(), () => settings.get().language),
    secretClipboard: createSecretClipboard(options.clipboard ?? createMemoryClipboard()),
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

  const clientJobs = createClientJobs(context, () => records.all().map((c) => c.id));
  const directory = createDirectoryService({ state: directoryState, connections, keychain: opened.keychain, events, audit, pathGrants: context.pathGrants, online });

  const handlers: HandlerMap = {
    ...createAppHandlers(context),
    ...createConnectionHandlers(context),
    ...createClientHandlers(context),
    ...createCacheHandlers(context),
    ...createDashboardHandlers(context, options.fetch ? { fetch: options.fetch } : {}),
    ...createDialogHandlers(options.dialogs ?? createDataDirDialogs(dataDir), context.pathGrants),
    ...createRecoveryHandlers(NOTHING_TO_RECOVER),
    ...createDirectoryHandlers(directory),
    ...createFactPulseHandlers(context, options.dialogs ?? createDataDirDialogs(dataDir), pdpModes),
    ...createClientJobHandlers(clientJobs),
  };
  const router = createRouter(handlers, {
    log,
    ...(options.isTrustedSender ? { isTrustedSender: options.isTrustedSender } : {}),
  });

  if (options.resumeDemo !== false) await demo.resumeExisting();
  await scheduler.start();
  // A cache moved aside for damage comes back from the servers.
  if (boot.files.notices.some((n) => n.kind === 'cache-rebuilt')) {
    for (const { id } of records.all()) void sync.syncNow(id).catch((err: unknown) => log(`re-sync of ${id} failed: ${String(err)}`));
  }
  // Finish every rotation a previous run left unknown (background; the UI shows "rotation to confirm" meanwhile).
  void keys.startupRecovery();

  async function close(): Promise<void> {
    await context.secretClipboard.clearIfUnchanged();
    scheduler.stop();
    await sync.close();
    await pdpModes.close();
    await keys.shutdown();
    await clientJobs.stopAll();
    await demo.close();
    connections.dispose();
    db.close();
  }

  return { router, events, settings, context, close };
}
