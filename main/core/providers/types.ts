import type { Capability, ClientRecord, ProviderId } from '../../../shared/domain';

/** One page of a provider's client list. `total` is null when the API does not say. */
export interface ClientPage {
  records: ClientRecord[];
  total: number | null;
  page: number;
  pageSize: number;
}

export interface ClientInput {
  name?: string;
  identifier?: string | null;
  description?: string | null;
  /** provider-specific fields (e.g. tokenization contact / directPartner) */
  extra?: Record<string, unknown>;
}

export interface PdpConfigInput {
  flowServiceUrl: string;
  tokenUrl: string;
  oauthClientId: string;
  clientSecret: string;
  isActive?: boolean;
  modeSandbox?: boolean;
  encryptionMode?: 'fernet' | 'double';
}

export interface SecretStatus {
  status: string;
  message: string | null;
  encryptionMode: string | null;
  requiresClientKey: boolean | null;
}

export interface PdpConfig {
  isConfigured: boolean;
  id?: number | string | null;
  isActive?: boolean | null;
  modeSandbox?: boolean | null;
  flowServiceUrl?: string | null;
  tokenUrl?: string | null;
  oauthClientId?: string | null;
  encryptionMode?: string | null;
  secretStatus?: SecretStatus | null;
  lastTestAt?: string | null;
  lastTestSuccess?: boolean | null;
  lastTestError?: string | null;
  createdAt?: string | null;
  updatedAt?: string | null;
  message?: string | null;
}

export interface KeyRotationResult {
  success: boolean;
  message: string;
  rotatedCount: number;
  partialErrors: string[];
}

export interface WebhookSecretGenerated {
  webhookSecret: string;
  createdAt: string | null;
  message: string;
}

export interface WebhookSecretStatus {
  hasSecret: boolean;
  createdAt: string | null;
}

/** Options every call accepts. */
export interface CallOptions {
  signal?: AbortSignal;
}

/**
 * One interface for the four APIs; optional methods exist only when the capability is in `capabilities`.
 * Every method throws AppError (shared/errors.ts) with a code from the closed set.
 */
export interface Provider {
  readonly id: ProviderId;
  readonly capabilities: ReadonlySet<Capability>;
  /** A cheap authenticated call that proves the connection works (used by "Test connection"). */
  testConnection(opts?: CallOptions): Promise<{ total: number | null }>;
  listClients(page: number, pageSize: number, opts?: CallOptions): Promise<ClientPage>;
  /** Whole-list providers: the list in batches as it streams in (sync reads this instead of pages). */
  streamClients?(batchSize: number, opts?: CallOptions): AsyncIterable<ClientRecord[]>;
  getClient?(remoteId: string, opts?: CallOptions): Promise<ClientRecord>;
  createClient?(input: ClientInput, opts?: CallOptions): Promise<ClientRecord>;
  updateClient?(remoteId: string, input: ClientInput, opts?: CallOptions): Promise<ClientRecord>;
  activateClient?(remoteId: string, opts?: CallOptions): Promise<{ status: ClientRecord['status']; message: string }>;
  deactivateClient?(remoteId: string, opts?: CallOptions): Promise<{ status: ClientRecord['status']; message: string }>;
  deleteClient?(remoteId: string, opts?: CallOptions): Promise<void>;
  getPdpConfig?(remoteId: string, opts?: CallOptions & { encryptionKey?: string }): Promise<PdpConfig>;
  /** encryptionKey: base64 of 32 bytes, sent as X-Encryption-Key; required when input.encryptionMode is 'double'. */
  updatePdpConfig?(remoteId: string, input: PdpConfigInput, opts?: CallOptions & { encryptionKey?: string }): Promise<PdpConfig>;
  rotateEncryptionKey?(remoteId: string, oldKey: string, newKey: string, opts?: CallOptions): Promise<KeyRotationResult>;
  generateWebhookSecret?(remoteId: string, opts?: CallOptions): Promise<WebhookSecretGenerated>;
  getWebhookSecretStatus?(remoteId: string, opts?: CallOptions): Promise<WebhookSecretStatus>;
  deleteWebhookSecret?(remoteId: string, opts?: CallOptions): Promise<{ message: string }>;
  /** Drops in-memory tokens (e.g. when the connection's credentials change). */
  dispose?(): void;
}
