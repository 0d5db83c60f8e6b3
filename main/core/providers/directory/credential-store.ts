import type { CacheDb } from '../../cache/database';
import { writeDb } from '../../cache/handles';
import type { DirectoryCredentials } from './runtime';

interface CredentialRow {
  connection_id: string;
  certificate_pem: string | null;
  ca_pem: string | null;
  imported_at: string | null;
  authenticated_at: string | null;
}

export interface StoredCredentials extends DirectoryCredentials {
  connectionId: string;
  importedAt: string | null;
}

/** Directory connections' public certificate material and auth time (state.sqlite); never a private key. */
export interface CredentialStore {
  get(connectionId: string): StoredCredentials;
  all(): StoredCredentials[];
  saveCertificate(connectionId: string, certificatePem: string, caPem: string | null, at: string): void;
  markAuthenticated(connectionId: string, at: string): void;
  forget(connectionId: string): void;
}

function toCredentials(connectionId: string, row: CredentialRow | undefined): StoredCredentials {
  return {
    connectionId,
    certificatePem: row?.certificate_pem ?? null,
    caPem: row?.ca_pem ?? null,
    importedAt: row?.imported_at ?? null,
    authenticatedAt: row?.authenticated_at ?? null,
  };
}

export function createCredentialStore(db: CacheDb): CredentialStore {
  const w = writeDb(db);
  const one = w.read<CredentialRow, [string]>('SELECT * FROM directory_credentials WHERE connection_id = ?');
  const every = w.read<CredentialRow, []>('SELECT * FROM directory_credentials ORDER BY connection_id');
  const saveCert = w.write<[{ id: string; cert: string; ca: string | null; at: string }]>(
    `INSERT INTO directory_credentials (connection_id, certificate_pem, ca_pem, imported_at, authenticated_at) VALUES (@id, @cert, @ca, @at, @at)
     ON CONFLICT (connection_id) DO UPDATE SET certificate_pem = @cert, ca_pem = @ca, imported_at = @at, authenticated_at = @at`,
  );
  const auth = w.write<[{ id: string; at: string }]>(
    `INSERT INTO directory_credentials (connection_id, authenticated_at) VALUES (@id, @at)
     ON CONFLICT (connection_id) DO UPDATE SET authenticated_at = @at`,
  );
  const remove = w.write<[string]>('DELETE FROM directory_credentials WHERE connection_id = ?');
  return {
    get: (id) => toCredentials(id, one.get(id)),
    all: () => every.all().map((r) => toCredentials(r.connection_id, r)),
    saveCertificate: (id, cert, ca, at) => void saveCert.run({ id, cert, ca, at }),
    markAuthenticated: (id, at) => void auth.run({ id, at }),
    forget: (id) => void remove.run(id),
  };
}
