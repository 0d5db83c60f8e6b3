// Importing a directory connection's client certificate: read from files main's dialog chose, checked
// (dates, key match, client auth), the key and passphrase into the keychain, the certificate into state.sqlite.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { AppError } from '../../../../shared/errors';
import type { CertificateImportInput, ConnectionCertificate, CredentialRow } from '../../../../shared/schemas/directory';
import { CREDENTIAL_WARNING_DAYS } from '../../../../shared/schemas/directory';
import { registerSecret } from '../../http/redact';
import { describeCertificate, formatName, importPemCertificate, importPkcs12Certificate } from '../../tls/certificates';
import type { ClientCertificate } from '../../tls/certificates';
import { keepsSecrets } from '../../vault';
import type { Keychain } from '../../vault';
import { accountFor } from '../../vault/keychain';
import { SLOTS } from '../../vault/slots';
import type { PathGrants } from '../../dialogs/path-grants';
import type { CredentialStore, StoredCredentials } from './credential-store';
import { readGrantedFile } from './certificate-files';

const CERT_BLOCKS = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/** The key as it is kept in the keychain: encrypted with its passphrase when it came with one. */
export interface KeptKey {
  keyPem: string;
  passphrase: string | null;
}

/** A CA bundle for a private directory: every certificate readable, none expired. */
export function checkCaBundle(text: string, now = new Date()): { pem: string; subjects: string[] } {
  const blocks = text.match(CERT_BLOCKS) ?? [];
  const refuse = (message: string, reason: string): never => {
    throw new AppError('VALIDATION', message, { fields: [{ field: 'ca', message: `providers.directory.certificate.reasons.${reason}` }], reason });
  };
  if (blocks.length === 0) refuse('The CA bundle holds no PEM certificate (-----BEGIN CERTIFICATE-----).', 'ca-not-pem');
  const certs = blocks.map((pem) => {
    try {
      return new X509Certificate(pem);
    } catch {
      return refuse('A certificate of the CA bundle could not be read.', 'ca-unreadable');
    }
  });
  const expired = certs.find((c) => c.validToDate.getTime() <= now.getTime());
  if (expired) refuse(`The CA certificate ${formatName(expired.subject)} of the bundle has expired.`, 'ca-expired');
  return { pem: blocks.join('\n') + '\n', subjects: certs.map((c) => formatName(c.subject)) };
}

/** Adds the date to an expired / not-yet-valid refusal so the form can say it in the user's language. */
function withDates(err: unknown, certificatePem: string | null): unknown {
  if (!(err instanceof AppError) || !certificatePem) return err;
  const reason = err.details?.reason;
  if (reason !== 'expired' && reason !== 'not-yet-valid') return err;
  try {
    const info = describeCertificate(certificatePem);
    return new AppError(err.code, err.message, { ...err.details, notBefore: info.notBefore, notAfter: info.notAfter });
  } catch {
    return err;
  }
}

export async function readCertificateInput(grants: PathGrants, input: CertificateImportInput): Promise<{ certificate: ClientCertificate; kept: KeptKey; ca: { pem: string; subjects: string[] } | null }> {
  const ca = input.caPath ? checkCaBundle((await readGrantedFile(grants, input.caPath, 'ca')).toString('utf8')) : null;
  const passphrase = input.passphrase ? input.passphrase : undefined;
  if (passphrase) registerSecret(passphrase);
  let certificate: ClientCertificate;
  let certText: string | null = null;
  try {
    if (input.format === 'pkcs12') {
      const bytes = await readGrantedFile(grants, input.pkcs12Path, 'pkcs12');
      certificate = importPkcs12Certificate({ pkcs12: bytes, passphrase: input.passphrase });
    } else {
      certText = (await readGrantedFile(grants, input.certificatePath, 'certificate')).toString('utf8');
      const keyText = input.privateKeyPath ? (await readGrantedFile(grants, input.privateKeyPath, 'privateKey')).toString('utf8') : undefined;
      certificate = importPemCertificate({ certificatePem: certText, ...(keyText !== undefined ? { privateKeyPem: keyText } : {}), ...(passphrase ? { passphrase } : {}) });
    }
  } catch (err) {
    throw withDates(err, certText);
  }
  registerSecret(certificate.keyPem);
  // With a passphrase the key stays encrypted at rest (in the keychain too); it is decrypted in memory at use.
  const kept: KeptKey = passphrase
    ? { keyPem: createPrivateKey(certificate.keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string, passphrase }
    : { keyPem: certificate.keyPem, passphrase: null };
  return { certificate, kept, ca };
}

/** "No key is created where it cannot be kept": a memory-only keychain would lose the key at quit. */
export function refuseUnkeptCertificateKey(keychain: Keychain): void {
  if (keepsSecrets(keychain)) return;
  throw new AppError(
    'KEYCHAIN_UNAVAILABLE',
    'Refused: no system keychain is available, so the private key would live in memory only and be lost when Clientdesk quits. Install or unlock a keyring, then restart Clientdesk and import again.',
    { keychain: 'memory-only', reason: 'key-not-kept' },
  );
}

/** Key (and passphrase) to the keychain first, then the public certificate: never a certificate without its key. */
export async function keepCertificate(
  deps: { keychain: Keychain; store: CredentialStore },
  connectionId: string,
  material: { certPem: string; kept: KeptKey; caPem: string | null },
  at: string,
): Promise<void> {
  await deps.keychain.set(accountFor(connectionId, SLOTS.mtlsPrivateKey), material.kept.keyPem);
  if (material.kept.passphrase) await deps.keychain.set(accountFor(connectionId, SLOTS.mtlsPassphrase), material.kept.passphrase);
  else await deps.keychain.delete(accountFor(connectionId, SLOTS.mtlsPassphrase));
  deps.store.saveCertificate(connectionId, material.certPem, material.caPem, at);
}

export async function describeStored(keychain: Keychain, stored: StoredCredentials, now = new Date()): Promise<ConnectionCertificate> {
  const keyStored = (await keychain.list(`${stored.connectionId}/`)).includes(accountFor(stored.connectionId, SLOTS.mtlsPrivateKey));
  let caSubjects: string[] = [];
  if (stored.caPem) caSubjects = (stored.caPem.match(CERT_BLOCKS) ?? []).flatMap((pem) => {
    try {
      return [formatName(new X509Certificate(pem).subject)];
    } catch {
      return [];
    }
  });
  return {
    connectionId: stored.connectionId,
    certificate: stored.certificatePem ? describeCertificate(stored.certificatePem, now) : null,
    caSubjects,
    keyStored,
    importedAt: stored.importedAt,
    authenticatedAt: stored.authenticatedAt,
  };
}

export function credentialState(days: number): CredentialRow['state'] {
  if (days < 0) return 'expired';
  return days <= CREDENTIAL_WARNING_DAYS ? 'expiring' : 'ok';
}
