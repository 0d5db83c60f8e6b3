// Importing a client certificate: PEM (+ encrypted key) and PKCS#12, with certificates minted on the fly.
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCertificateAuthority, encryptKeyPem, toPkcs12 } from '../../../../../main/core/sandbox/directory/authority';
import type { CertificateAuthority, IssuedCertificate } from '../../../../../main/core/sandbox/directory/authority';
import { describeCertificate, importPemCertificate, importPkcs12Certificate } from '../../../../../main/core/tls/certificates';
import { AppError } from '../../../../../shared/errors';

const DAY = 86_400_000;
const PASSPHRASE = 'correct horse battery';

let ca: CertificateAuthority;
let client: IssuedCertificate;
let other: IssuedCertificate;
let expired: IssuedCertificate;
let future: IssuedCertificate;
let notAfter: Date;

beforeAll(async () => {
  ca = await createCertificateAuthority('Unit Test CA');
  notAfter = new Date(Date.now() + 45 * DAY);
  [client, other, expired, future] = await Promise.all([
    ca.issue({ commonName: 'acme-tpp', notAfter }),
    ca.issue({ commonName: 'someone-else' }),
    ca.issue({ commonName: 'old', notBefore: new Date(Date.now() - 30 * DAY), notAfter: new Date(Date.now() - DAY) }),
    ca.issue({ commonName: 'later', notBefore: new Date(Date.now() + 3 * DAY), notAfter: new Date(Date.now() + 90 * DAY) }),
  ]);
});

const blocksOf = (pem: string) => pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];

function refusal(run: () => unknown): AppError {
  try {
    run();
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error('the import was accepted');
}

function expectRefused(run: () => unknown, field: string, reason: string, message: RegExp): AppError {
  const err = refusal(run);
  expect(err.code).toBe('VALIDATION');
  expect(err.details?.reason).toBe(reason);
  expect(err.details?.fields).toEqual([{ field, message: err.message }]);
  expect(err.message).toMatch(message);
  expect(JSON.stringify(err.toShape())).not.toContain(PASSPHRASE);
  // No key or certificate material (long base64 runs) either.
  expect(JSON.stringify(err.toShape())).not.toMatch(/[A-Za-z0-9+/]{32,}/);
  return err;
}

describe('importPemCertificate', () => {
  it('describes the certificate and hands back the key unencrypted, in PKCS#8', () => {
    const now = new Date();
    const imported = importPemCertificate({ certificatePem: client.certPem, privateKeyPem: encryptKeyPem(client.keyPem, PASSPHRASE), passphrase: PASSPHRASE }, now);
    expect(imported.subject).toBe('CN=acme-tpp, O=Clientdesk Sandbox, C=BR');
    expect(imported.issuer).toBe('CN=Unit Test CA, O=Clientdesk Sandbox, C=BR');
    expect(imported.serial).toBe(client.serial.toUpperCase());
    expect(imported.notAfter).toBe(new Date(Math.floor(notAfter.getTime() / 1000) * 1000).toISOString());
    expect(imported.daysUntilExpiry).toBe(44);
    expect(imported.fingerprint).toBe(new X509Certificate(client.certPem).fingerprint256);
    expect(imported.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(imported.keyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    const publicOf = (pem: string) => createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
    expect(publicOf(imported.keyPem).equals(publicOf(client.keyPem))).toBe(true);
  });

  it('accepts one file holding the chain (CA first) and the key, and puts the client certificate first', () => {
    const imported = importPemCertificate({ certificatePem: `${ca.certPem}\n${client.certPem}\n${client.keyPem}` });
    expect(blocksOf(imported.certPem)).toHaveLength(2);
    const [first, second] = blocksOf(imported.certPem).map((pem) => new X509Certificate(pem).fingerprint256);
    expect(first).toBe(new X509Certificate(client.certPem).fingerprint256);
    expect(second).toBe(new X509Certificate(ca.certPem).fingerprint256);
  });

  it('counts the days down as time passes', () => {
    const info = describeCertificate(client.certPem, new Date(notAfter.getTime() - 10 * DAY - 1000));
    expect(info.daysUntilExpiry).toBe(10);
    expect(describeCertificate(client.certPem, new Date(notAfter.getTime() + DAY + 1000)).daysUntilExpiry).toBe(-2);
  });

  it('asks for the passphrase of an encrypted key, and says when it is wrong', () => {
    const encrypted = encryptKeyPem(client.keyPem, PASSPHRASE);
    expectRefused(() => importPemCertificate({ certificatePem: client.certPem, privateKeyPem: encrypted }), 'passphrase', 'passphrase-required', /encrypted: enter its passphrase/);
    expectRefused(
      () => importPemCertificate({ certificatePem: client.certPem, privateKeyPem: encrypted, passphrase: 'not it' }),
      'passphrase',
      'wrong-passphrase',
      /does not decrypt/,
    );
  });

  it('refuses a key that belongs to another certificate', () => {
    expectRefused(() => importPemCertificate({ certificatePem: client.certPem, privateKeyPem: other.keyPem }), 'privateKey', 'key-mismatch', /does not belong to this certificate/);
  });

  it('refuses an expired and a not-yet-valid certificate, with the date', () => {
    const e = expectRefused(() => importPemCertificate({ certificatePem: expired.certPem, privateKeyPem: expired.keyPem }), 'certificate', 'expired', /expired on \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(e.message).toContain(new Date(Date.now() - DAY).toISOString().slice(0, 10));
    expectRefused(() => importPemCertificate({ certificatePem: future.certPem, privateKeyPem: future.keyPem }), 'certificate', 'not-yet-valid', /not valid yet: it starts on/);
  });

  it('refuses what is not a certificate or not a key, saying which field got what', () => {
    expectRefused(() => importPemCertificate({ certificatePem: 'hello', privateKeyPem: client.keyPem }), 'certificate', 'not-a-certificate', /No PEM certificate/);
    expectRefused(() => importPemCertificate({ certificatePem: client.keyPem, privateKeyPem: client.keyPem }), 'certificate', 'not-a-certificate', /looks like a private key/);
    expectRefused(() => importPemCertificate({ certificatePem: client.certPem, privateKeyPem: client.certPem }), 'privateKey', 'no-private-key', /looks like a certificate/);
    const corrupt = client.certPem.replace(/\n[A-Za-z0-9+/]{20}/, '\n!!!!!!!!!!!!!!!!!!!!');
    expectRefused(() => importPemCertificate({ certificatePem: corrupt, privateKeyPem: client.keyPem }), 'certificate', 'not-a-certificate', /not a readable X\.509/);
    const brokenKey = client.keyPem.replace(/\n[A-Za-z0-9+/]{20}/, '\nAAAAAAAAAAAAAAAAAAAA');
    expectRefused(() => importPemCertificate({ certificatePem: client.certPem, privateKeyPem: brokenKey }), 'privateKey', 'unreadable-key', /could not be read/);
  });

  it('refuses the certificate authority itself', () => {
    expectRefused(() => importPemCertificate({ certificatePem: ca.certPem, privateKeyPem: ca.keyPem }), 'certificate', 'ca-certificate', /certificate authority/);
  });

  it('refuses a server certificate (no clientAuth usage)', async () => {
    const server = await ca.issue({ commonName: 'localhost', serverNames: ['localhost'] });
    expectRefused(() => importPemCertificate({ certificatePem: server.certPem, privateKeyPem: server.keyPem }), 'certificate', 'not-client-auth', /clientAuth/);
  });
});

describe('importPkcs12Certificate', () => {
  it.each(['aes256', '3des'] as const)('opens a %s bundle with its chain', (algorithm) => {
    const bundle = toPkcs12(client, PASSPHRASE, { chainPems: [ca.certPem], algorithm });
    const imported = importPkcs12Certificate({ pkcs12: bundle, passphrase: PASSPHRASE });
    expect(imported.subject).toContain('CN=acme-tpp');
    expect(imported.serial).toBe(client.serial.toUpperCase());
    expect(blocksOf(imported.certPem)).toHaveLength(2);
    expect(new X509Certificate(imported.certPem).checkPrivateKey(createPrivateKey(imported.keyPem))).toBe(true);
  });

  it('says when the passphrase is wrong', () => {
    const bundle = toPkcs12(client, PASSPHRASE);
    expectRefused(() => importPkcs12Certificate({ pkcs12: bundle, passphrase: 'nope' }), 'passphrase', 'wrong-passphrase', /does not open/);
  });

  it('refuses a file that is not PKCS#12, and an expired certificate inside one', () => {
    expectRefused(() => importPkcs12Certificate({ pkcs12: Buffer.from(client.certPem), passphrase: PASSPHRASE }), 'pkcs12', 'not-pkcs12', /not a readable PKCS#12/);
    expectRefused(() => importPkcs12Certificate({ pkcs12: Buffer.from([0x30, 0x03, 0x02, 0x01, 0x03]), passphrase: PASSPHRASE }), 'pkcs12', 'not-pkcs12', /not a readable PKCS#12/);
    const stale = toPkcs12(expired, PASSPHRASE);
    expectRefused(() => importPkcs12Certificate({ pkcs12: stale, passphrase: PASSPHRASE }), 'certificate', 'expired', /expired on/);
  });
});
