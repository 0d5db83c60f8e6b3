// Client certificates for mutual TLS: imported as PEM (certificate + private key, the key optionally
// encrypted) or as a PKCS#12 bundle, checked, and described for the connection card and the credential
// inventory. The decrypted key only ever lives in memory; callers store it in the keychain.
import { createPrivateKey, X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../shared/errors';

export interface CertificateInfo {
  /** e.g. "CN=acme-tpp, O=Acme, C=BR" */
  subject: string;
  issuer: string;
  /** Upper-case hex, as registries print it. */
  serial: string;
  notBefore: string;
  notAfter: string;
  /** Whole days left (0 on the last day); negative once expired. */
  daysUntilExpiry: number;
  /** SHA-256 of the DER, colon-separated hex. */
  fingerprint: string;
}

export interface ClientCertificate extends CertificateInfo {
  /** The client certificate first, then any chain certificates that came with it. */
  certPem: string;
  /** Unencrypted PKCS#8 PEM. */
  keyPem: string;
}

export interface PemCertificateInput {
  certificatePem: string;
  /** May be omitted when `certificatePem` also holds the private key. */
  privateKeyPem?: string;
  passphrase?: string;
}

export interface Pkcs12CertificateInput {
  pkcs12: Uint8Array;
  passphrase: string;
}

const DAY_MS = 86_400_000;
const CLIENT_AUTH_OID = '1.3.6.1.5.5.7.3.2';
const certificateBlocks = (text: string) => text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
const KEY_BLOCK = /-----BEGIN ((?:RSA |EC |ENCRYPTED )?PRIVATE KEY)-----[\s\S]+?-----END \1-----/;

function refuse(field: string, message: string, reason: string): never {
  throw new AppError('VALIDATION', message, { fields: [{ field, message }], reason });
}

function parseCertificates(pems: string[], field: string): X509Certificate[] {
  return pems.map((pem) => {
    try {
      return new X509Certificate(pem);
    } catch {
      return refuse(field, 'This is not a readable X.509 certificate.', 'not-a-certificate');
    }
  });
}

function loadPrivateKey(pem: string, passphrase: string | undefined): KeyObject {
  const encrypted = /ENCRYPTED/.test(pem);
  if (encrypted && !passphrase) refuse('passphrase', 'The private key is encrypted: enter its passphrase.', 'passphrase-required');
  try {
    return createPrivateKey(encrypted ? { key: pem, format: 'pem', passphrase: passphrase as string } : { key: pem, format: 'pem' });
  } catch (err) {
    if (encrypted && /BAD_DECRYPT|bad decrypt/i.test(`${(err as { code?: string }).code} ${(err as Error).message}`)) {
      return refuse('passphrase', 'The passphrase does not decrypt the private key.', 'wrong-passphrase');
    }
    return refuse('privateKey', 'The private key could not be read (expected a PEM RSA, EC or Ed25519 private key).', 'unreadable-key');
  }
}

export function formatName(name: string): string {
  return name.split('\n').filter(Boolean).join(', ');
}

/** What the connection card shows, computed again at each display so the days count down. */
export function describeCertificate(certPem: string, now: Date = new Date()): CertificateInfo {
  const [cert] = parseCertificates(certificateBlocks(certPem).slice(0, 1), 'certificate');
  if (!cert) refuse('certificate', 'No PEM certificate (-----BEGIN CERTIFICATE-----) was found.', 'not-a-certificate');
  return describe(cert, now);
}

function describe(cert: X509Certificate, now: Date): CertificateInfo {
  return {
    subject: formatName(cert.subject),
    issuer: formatName(cert.issuer),
    serial: cert.serialNumber.toUpperCase(),
    notBefore: cert.validFromDate.toISOString(),
    notAfter: cert.validToDate.toISOString(),
    daysUntilExpiry: Math.floor((cert.validToDate.getTime() - now.getTime()) / DAY_MS),
    fingerprint: cert.fingerprint256,
  };
}

/** The certificate the key belongs to goes first; the others are its chain. */
function assemble(certs: X509Certificate[], key: KeyObject, now: Date): ClientCertificate {
  const leaf = certs.find((c) => c.checkPrivateKey(key));
  if (!leaf) {
    refuse('privateKey', certs.length > 1 ? 'The private key belongs to none of these certificates.' : 'The private key does not belong to this certificate.', 'key-mismatch');
  }
  const dates = (d: Date) => d.toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
  if (leaf.validToDate.getTime() <= now.getTime()) {
    refuse('certificate', `The certificate expired on ${dates(leaf.validToDate)}: ask the directory for a new one.`, 'expired');
  }
  if (leaf.validFromDate.getTime() > now.getTime()) {
    refuse('certificate', `The certificate is not valid yet: it starts on ${dates(leaf.validFromDate)}.`, 'not-yet-valid');
  }
  if (leaf.ca) refuse('certificate', 'This is a certificate authority, not a client certificate.', 'ca-certificate');
  if (leaf.keyUsage && !leaf.keyUsage.includes(CLIENT_AUTH_OID)) {
    refuse('certificate', 'This certificate is not allowed for client authentication (its extended key usage lacks clientAuth).', 'not-client-auth');
  }
  const chain = certs.filter((c) => c !== leaf);
  return {
    ...describe(leaf, now),
    certPem: [leaf, ...chain].map((c) => c.toString().trim()).join('\n') + '\n',
    keyPem: key.export({ type: 'pkcs8', format: 'pem' }) as string,
  };
}

/** A PEM certificate (optionally followed by its chain) and its PEM private key. */
export function importPemCertificate(input: PemCertificateInput, now: Date = new Date()): ClientCertificate {
  const certPems = certificateBlocks(input.certificatePem);
  if (certPems.length === 0) {
    const hint = KEY_BLOCK.test(input.certificatePem) ? ' This looks like a private key: put it in the private key field.' : '';
    refuse('certificate', `No PEM certificate (-----BEGIN CERTIFICATE-----) was found.${hint}`, 'not-a-certificate');
  }
  const keyPem = (input.privateKeyPem ?? '').match(KEY_BLOCK)?.[0] ?? input.certificatePem.match(KEY_BLOCK)?.[0];
  if (!keyPem) {
    const hint = certificateBlocks(input.privateKeyPem ?? '').length ? ' This looks like a certificate, not a private key.' : '';
    refuse('privateKey', `No PEM private key (-----BEGIN PRIVATE KEY-----) was found.${hint}`, 'no-private-key');
  }
  const certs = parseCertificates(certPems, 'certificate');
  return assemble(certs, loadPrivateKey(keyPem, input.passphrase), now);
}

/** A PKCS#12 (.p12 / .pfx) bundle holding the key, the certificate and perhaps its chain. */
export function importPkcs12Certificate(input: Pkcs12CertificateInput, now: Date = new Date()): ClientCertificate {
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(input.pkcs12).toString('binary')));
    try {
      p12 = forge.pkcs12.pkcs12FromAsn1(asn1, false, input.passphrase);
    } catch (err) {
      if (/password|MAC could not be verified|decrypt/i.test((err as Error).message)) {
        return refuse('passphrase', 'The passphrase does not open this PKCS#12 file.', 'wrong-passphrase');
      }
      throw err;
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    return refuse('pkcs12', 'This is not a readable PKCS#12 (.p12 / .pfx) file.', 'not-pkcs12');
  }
  const derToPem = (type: string, der: forge.asn1.Asn1) =>
    `-----BEGIN ${type}-----\n${forge.util.encode64(forge.asn1.toDer(der).getBytes(), 64)}\n-----END ${type}-----\n`;
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag ?? ''] ?? [];
  const keyBags = [forge.pki.oids.pkcs8ShroudedKeyBag, forge.pki.oids.keyBag].flatMap((t) => p12.getBags({ bagType: t })[t ?? ''] ?? []);
  const certPems = certBags.map((b) => (b.cert ? forge.pki.certificateToPem(b.cert) : derToPem('CERTIFICATE', (b as { asn1: forge.asn1.Asn1 }).asn1)));
  if (certPems.length === 0) refuse('pkcs12', 'The PKCS#12 file holds no certificate.', 'no-certificate');
  const keyBag = keyBags[0];
  if (!keyBag) return refuse('pkcs12', 'The PKCS#12 file holds no private key.', 'no-private-key');
  const keyPem = keyBag.key ? forge.pki.privateKeyToPem(keyBag.key) : derToPem('PRIVATE KEY', (keyBag as { asn1: forge.asn1.Asn1 }).asn1);
  return assemble(parseCertificates(certPems, 'pkcs12'), loadPrivateKey(keyPem, undefined), now);
}
