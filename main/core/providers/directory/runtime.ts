import type { RebuildFilters } from '../../../../shared/schemas/directory';
import type { Provider } from '../types';

/** The public half of a connection's mutual-TLS material and its FAPI facts (state.sqlite); the key is in the keychain. */
export interface DirectoryCredentials {
  certificatePem: string | null;
  /** Trust anchors of a private directory (replace the system's). */
  caPem: string | null;
  /** When the user last authenticated this connection in Clientdesk (ISO). */
  authenticatedAt: string | null;
}

/** One request to the directory and what came back: every one of them goes to the audit log. */
export interface DirectoryExchange {
  connectionId: string;
  operation: 'test' | 'rebuild';
  interactionId: string;
  /** HTTP status, or null when no answer came (TLS or network failure). */
  status: number | null;
  /** Set when the answer carried another interaction id than ours. */
  receivedInteractionId: string | null;
  attempt: number;
  errorCode: string | null;
}

/** What the app gives the directory provider beyond the generic transport. */
export interface DirectoryRuntime {
  credentials(connectionId: string): DirectoryCredentials;
  onExchange?(exchange: DirectoryExchange): void;
  log?(line: string): void;
}

export interface RebuildProgressUpdate {
  state: 'sending' | 'waiting';
  attempt: number;
  maxAttempts: number;
  status: number | null;
  waitMs: number;
  retryAt: string | null;
  interactionId: string | null;
}

export interface RebuildResult {
  /** The interaction id of the request the directory accepted. */
  interactionId: string;
  attempts: number;
  status: 201;
}

export interface RebuildOptions {
  signal?: AbortSignal;
  onProgress?(update: RebuildProgressUpdate): void;
}

/** The directory's provider: the generic one plus the rebuild its seed documents. */
export interface DirectoryProvider extends Provider {
  rebuild(filters: RebuildFilters, opts?: RebuildOptions): Promise<RebuildResult>;
}

export function isDirectoryProvider(p: Provider): p is DirectoryProvider {
  return typeof (p as Partial<DirectoryProvider>).rebuild === 'function';
}
