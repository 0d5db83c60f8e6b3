import { randomBytes } from 'node:crypto';
import type { DemoSystem } from '../../demo/demo-system';
import { startDirectorySandbox } from '.';
import type { DirectorySandbox } from '.';

/**
 * The directory sandbox behind the demo workspace. It makes a new CA and client certificate at each start, so
 * the demo connection is given the new certificate (and CA) every time; the bearer token stays the same.
 */
export const directoryDemo: DemoSystem = {
  provider: 'directory',
  label: 'Demo directory — Open Finance, mutual TLS (sandbox)',
  async start({ port, secret }) {
    const token = (await secret('token')) ?? `dir_${randomBytes(18).toString('base64url')}`;
    const sandbox = await startDirectorySandbox({ token, clients: 200, ...(port ? { port } : {}) });
    return Object.assign(sandbox, { state: null });
  },
  connection: (server) => ({ auth: { method: 'bearer', token: (server as unknown as DirectorySandbox).token } }),
  clientCertificate(server) {
    const sandbox = server as unknown as DirectorySandbox;
    return { certPem: sandbox.client.certPem, keyPem: sandbox.client.keyPem, caPem: sandbox.caPem };
  },
};
