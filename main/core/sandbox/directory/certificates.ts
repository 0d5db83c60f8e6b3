// The directory sandbox's certificates: its own CA, a server certificate for 127.0.0.1/localhost, a client
// certificate for the app, and helpers that mint the bad certificates the tests need.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createCertificateAuthority, encryptKeyPem, toPkcs12 } from './authority';
import type { CertificateAuthority, IssuedCertificate } from './authority';

const DAY_MS = 86_400_000;

export interface SandboxCertificateMint {
  /** A client certificate signed by the sandbox's CA (valid one year unless told otherwise). */
  client(opts?: { commonName?: string; notBefore?: Date; notAfter?: Date }): Promise<IssuedCertificate>;
  /** Signed by the sandbox's CA, expired yesterday. */
  expiredClient(): Promise<IssuedCertificate>;
  /** Signed by the sandbox's CA, valid from next week. */
  notYetValidClient(): Promise<IssuedCertificate>;
  /** Valid, but signed by another CA the sandbox does not trust. */
  foreignClient(): Promise<IssuedCertificate>;
  /** The certificate, its key and the sandbox's CA as a PKCS#12 bundle. */
  pkcs12(issued: IssuedCertificate, passphrase: string): Buffer;
  /** The key as encrypted PKCS#8 PEM. */
  encryptedKey(issued: IssuedCertificate, passphrase: string): string;
}

export interface SandboxCertificates {
  ca: CertificateAuthority;
  server: IssuedCertificate;
  client: IssuedCertificate;
  mint: SandboxCertificateMint;
}

export async function createSandboxCertificates(serverNames: string[]): Promise<SandboxCertificates> {
  const ca = await createCertificateAuthority('Clientdesk Directory Sandbox CA');
  const [server, client] = await Promise.all([
    ca.issue({ commonName: serverNames[0] ?? 'localhost', serverNames }),
    ca.issue({ commonName: 'clientdesk-sandbox-client' }),
  ]);
  let otherCa: Promise<CertificateAuthority> | null = null;
  const mint: SandboxCertificateMint = {
    client: (opts = {}) => ca.issue({ commonName: opts.commonName ?? 'clientdesk-sandbox-client', ...opts }),
    expiredClient: () => ca.issue({ commonName: 'expired-client', notBefore: new Date(Date.now() - 30 * DAY_MS), notAfter: new Date(Date.now() - DAY_MS) }),
    notYetValidClient: () => ca.issue({ commonName: 'future-client', notBefore: new Date(Date.now() + 7 * DAY_MS), notAfter: new Date(Date.now() + 400 * DAY_MS) }),
    foreignClient: async () => {
      otherCa ??= createCertificateAuthority('Some Other CA');
      return (await otherCa).issue({ commonName: 'foreign-client' });
    },
    pkcs12: (issued, passphrase) => toPkcs12(issued, passphrase, { chainPems: [ca.certPem] }),
    encryptedKey: (issued, passphrase) => encryptKeyPem(issued.keyPem, passphrase),
  };
  return { ca, server, client, mint };
}

/** Writes ca.pem, client.pem and client-key.pem (owner-only) into `dir`; returns their paths. */
export async function writeClientFiles(dir: string, certs: SandboxCertificates): Promise<{ ca: string; cert: string; key: string }> {
  await mkdir(dir, { recursive: true });
  const paths = { ca: join(dir, 'ca.pem'), cert: join(dir, 'client.pem'), key: join(dir, 'client-key.pem') };
  await writeFile(paths.ca, certs.ca.certPem);
  await writeFile(paths.cert, certs.client.certPem);
  await writeFile(paths.key, certs.client.keyPem, { mode: 0o600 });
  await chmod(paths.key, 0o600);
  return paths;
}
