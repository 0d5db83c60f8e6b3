import type { AppInfo } from '../../shared/schemas/settings';
import type { ConnectionStatus } from '../../shared/schemas/connections';
import type { ConnectionService } from './connections/connection-service';
import type { DemoWorkspace } from './demo/demo-workspace';
import type { EventBus } from './ipc/event-bus';
import type { Logger } from './log';
import type { Provider } from './providers/types';
import type { SettingsService } from './settings/settings-service';
import type { Keychain } from './vault';
import type { CacheDb } from './cache/database';
import type { ClientCache } from './cache/client-cache';
import type { AuditLog } from './audit/audit-log';
import type { Outbox } from './outbox/outbox-service';
import type { WriteThrough } from './outbox/write-through';
import type { SyncService } from './sync/sync-service';
import type { KeyService } from './providers/factpulse/keys';
import type { PathGrants } from './dialogs/path-grants';
import type { KeyDisclosure } from './dialogs/key-disclosure';
import type { SecretClipboard } from './clipboard/secret-clipboard';

/** Everything a handler may use; built once by createCore. */
export interface CoreContext {
  dataDir: string;
  db: CacheDb;
  keychain: Keychain;
  settings: SettingsService;
  connections: ConnectionService;
  demo: DemoWorkspace;
  events: EventBus;
  log: Logger;
  info(): AppInfo;
  /** Runs a provider call and keeps the connection's online/offline status current. */
  online<T>(connectionId: string, call: (provider: Provider) => Promise<T>): Promise<T>;
  reportStatus(connectionId: string, state: ConnectionStatus['state'], message: string | null): void;
  reportFailure(connectionId: string, err: unknown): void;
  connectionStatuses(): ConnectionStatus[];
  // Offline cache, sync, outbox, audit log
  cache: ClientCache;
  sync: SyncService;
  outbox: Outbox;
  /** Append-only, hash-chained log of every user write and key operation. */
  audit: AuditLog;
  /** Audit + cache refresh + outbox queueing around a user's write; cache fallback for reads. */
  writes: WriteThrough;
  /** Client keys, rotation journal, bulk jobs, backups. */
  keys: KeyService;
  /** Backup paths main's own file dialogs returned: the only ones backups may write or read. */
  pathGrants: PathGrants;
  /** The user's yes, asked by main, before a key is revealed or copied. */
  keyDisclosure: KeyDisclosure;
  /** Secrets copied by main, cleared after 30 s (and at close) while still on the clipboard. */
  secretClipboard: SecretClipboard;
}
