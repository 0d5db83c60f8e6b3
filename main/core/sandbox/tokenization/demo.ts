import { randomBytes } from 'node:crypto';
import type { DemoSystem } from '../../demo/demo-system';
import { startTokenizationSandbox } from '.';
import type { TokenizationSandbox, TokenizationState } from '.';

const USERNAME = 'demo@tokenization.test';

export const tokenizationDemo: DemoSystem = {
  provider: 'tokenization',
  label: 'Demo tokenization platform (sandbox)',
  async start({ port, state, secret }) {
    const password = (await secret('password')) ?? randomBytes(18).toString('base64url');
    return startTokenizationSandbox({
      clients: 80,
      username: USERNAME,
      password,
      ...(port ? { port } : {}),
      ...(state ? { state: state as TokenizationState } : {}),
    });
  },
  connection: (server) => {
    const sandbox = server as TokenizationSandbox;
    const subs = [...sandbox.state.partners.values()].filter((p) => p.parentId === sandbox.rootPartner.id).map((p) => p.name);
    return {
      auth: { method: 'basic', username: sandbox.credentials.username, password: sandbox.credentials.password },
      settings: { partners: subs.slice(0, 2) },
    };
  },
};
