// Throwaway certificate authority for the directory sandbox and its tests: RSA keys from node:crypto,
// X.509 certificates and PKCS#12 bundles from node-forge (no openssl binary, so it runs on every OS).
import { createPrivateKey, generateKeyPair, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { promisify } from 'node:util';
import forge from 'node-forge';

const { pki } = forge;
const generateRsa = promisify(generateKeyPair);
const DAY_MS = 86_400_000;

export interface IssuedCertificate {
  certPem: string;
  /** Unencrypted PKCS#8 PEM. */
  keyPem: string;
  serial: string;
}

export interface IssueOptions {
  commonName: string;
  notBefore?: Date;
  notAfter?: Date;
  /** DNS names and IP addresses for a server certificate (subjectAltName); absent = client certificate. */
  serverNames?: string[];
}

export interface CertificateAuthority extends IssuedCertificate {
  commonName: string;
  issue(opts: IssueOptions): Promise<IssuedCertificate>;
}

async function newKeyPair(): Promise<{ keyPem: string; publicKey: forge.pki.PublicKey; privateKey: forge.pki.PrivateKey }> {
  const { privateKey, publicKey } = await generateRsa('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return { keyPem: privateKey, publicKey: pki.publicKeyFromPem(publicKey), privateKey: pki.privateKeyFromPem(privateKey) };
}

/** 16 random bytes, high bit clear so the DER integer stays positive. */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f;
  return bytes.toString('hex');
}

function subject(commonName: string): forge.pki.CertificateField[] {
  return [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Clientdesk Sandbox' },
    { name: 'countryName', value: 'BR' },
  ];
}

function altNames(names: string[]): Array<Record<string, unknown>> {
  return names.map((n) => (isIP(n) ? { type: 7, ip: n } : { type: 2, value: n }));
}

interface Signer {
  cert: forge.pki.Certificate;
  key: forge.pki.PrivateKey;
}

async function build(opts: IssueOptions & { ca?: boolean }, signer?: Signer): Promise<IssuedCertificate & Signer> {
  const keys = await newKeyPair();
  const cert = pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = randomSerial();
  const now = Date.now();
  cert.validity.notBefore = opts.notBefore ?? new Date(now - 60_000);
  cert.validity.notAfter = opts.notAfter ?? new Date(now + (opts.ca ? 3650 : 365) * DAY_MS);
  cert.setSubject(subject(opts.commonName));
  cert.setIssuer(signer ? signer.cert.subject.attributes : subject(opts.commonName));
  const extensions: Array<Record<string, unknown>> = [
    { name: 'basicConstraints', cA: Boolean(opts.ca), critical: true },
    opts.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ];
  if (!opts.ca) extensions.push(opts.serverNames ? { name: 'extKeyUsage', serverAuth: true } : { name: 'extKeyUsage', clientAuth: true });
  if (opts.serverNames) extensions.push({ name: 'subjectAltName', altNames: altNames(opts.serverNames) });
  if (signer) extensions.push({ name: 'authorityKeyIdentifier', keyIdentifier: signer.cert.generateSubjectKeyIdentifier().getBytes() });
  cert.setExtensions(extensions);
  cert.sign((signer?.key ?? keys.privateKey) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return { certPem: pki.certificateToPem(cert), keyPem: keys.keyPem, serial: cert.serialNumber, cert, key: keys.privateKey };
}

/** A new self-signed CA (valid ten years) that issues server and client certificates. */
export async function createCertificateAuthority(commonName = 'Clientdesk Sandbox CA'): Promise<CertificateAuthority> {
  const root = await build({ commonName, ca: true });
  const pick = ({ certPem, keyPem, serial }: IssuedCertificate): IssuedCertificate => ({ certPem, keyPem, serial });
  return {
    ...pick(root),
    commonName,
    issue: async (opts) => pick(await build(opts, root)),
  };
}

/** The key as encrypted PKCS#8 PEM (PBES2 with AES-256-CBC, which every TLS stack reads). */
export function encryptKeyPem(keyPem: string, passphrase: string): string {
  return createPrivateKey(keyPem).export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase }) as string;
}

/** A PKCS#12 bundle (DER bytes) holding the key, the certificate and optionally its chain. */
export function toPkcs12(
  issued: IssuedCertificate,
  passphrase: string,
  opts: { chainPems?: string[]; algorithm?: 'aes256' | '3des' } = {},
): Buffer {
  const key = pki.privateKeyFromPem(issued.keyPem);
  const certs = [issued.certPem, ...(opts.chainPems ?? [])].map((pem) => pki.certificateFromPem(pem));
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certs, passphrase, { algorithm: opts.algorithm ?? 'aes256', friendlyName: 'clientdesk' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
