import { createPrivateKey } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import { registerSecret } from '../../http/redact';
import { createMtlsTransport } from '../../tls/mtls-dispatcher';
import type { MtlsTransport } from '../../tls/mtls-dispatcher';
import { SLOTS } from '../../vault/slots';
import type { SecretReader } from '../common/static-auth';
import type { DirectoryCredentials } from './runtime';

/**
 * The agent presenting the connection's client certificate. The key is read from the keychain (as imported,
 * possibly encrypted) and decrypted here, in memory only; without a certificate the agent presents none and
 * the server decides (a directory in mutual TLS refuses, with TLS_CLIENT_REFUSED).
 */
export async function openClientTls(credentials: DirectoryCredentials, secrets: SecretReader, handshakeTimeoutMs?: number): Promise<MtlsTransport> {
  const ca = credentials.caPem ? { caPem: credentials.caPem } : {};
  const timeout = handshakeTimeoutMs ? { handshakeTimeoutMs } : {};
  if (!credentials.certificatePem) return createMtlsTransport({ ...ca, ...timeout });
  const stored = await secrets.get(SLOTS.mtlsPrivateKey);
  if (!stored) {
    throw new AppError('AUTH_REQUIRED', 'The private key of the client certificate is not in the keychain: import the certificate again.', {
      fields: [{ field: 'certificate', message: 'providers.directory.certificate.keyMissing' }],
    });
  }
  const passphrase = (await secrets.get(SLOTS.mtlsPassphrase)) ?? undefined;
  let keyPem: string;
  try {
    keyPem = createPrivateKey(passphrase ? { key: stored, format: 'pem', passphrase } : { key: stored, format: 'pem' }).export({ type: 'pkcs8', format: 'pem' }) as string;
  } catch {
    throw new AppError('AUTH_REQUIRED', 'The private key in the keychain can no longer be read with its passphrase: import the certificate again.');
  }
  registerSecret(keyPem);
  return createMtlsTransport({ certPem: credentials.certificatePem, keyPem, ...ca, ...timeout });
}
