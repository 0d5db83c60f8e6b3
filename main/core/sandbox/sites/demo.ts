import { randomBytes } from 'node:crypto';
import type { DemoSystem } from '../../demo/demo-system';
import { startSitesSandbox } from '.';
import type { SitesSandbox, SitesState } from '.';

export const sitesDemo: DemoSystem = {
  provider: 'sites',
  label: 'Demo registry — sites & equipment (sandbox)',
  async start({ port, state, secret }) {
    const token = (await secret('token')) ?? randomBytes(18).toString('base64url');
    return startSitesSandbox({ clients: 40, token, sitesAs: 'mixed', ...(port ? { port } : {}), ...(state ? { state: state as SitesState } : {}) });
  },
  connection: (server) => ({ auth: { method: 'bearer', token: (server as SitesSandbox).credentials.token ?? '' } }),
};
