import type { DemoSystem } from '../../demo/demo-system';
import { startFactPulseSandbox } from '.';
import type { FactPulseSandbox, SandboxState } from '.';

const DEMO_CLIENTS = 60;

export const factpulseDemo: DemoSystem = {
  provider: 'factpulse',
  label: 'Demo workspace (sandbox)',
  async start({ port, state, secret }) {
    const apiKey = (await secret('apiKey')) ?? undefined;
    return startFactPulseSandbox({ clients: DEMO_CLIENTS, ...(port ? { port } : {}), ...(apiKey ? { apiKey } : {}), ...(state ? { state: state as SandboxState } : {}) });
  },
  connection: (server) => ({ auth: { method: 'apiKey', apiKey: (server as FactPulseSandbox).credentials.apiKey } }),
};
