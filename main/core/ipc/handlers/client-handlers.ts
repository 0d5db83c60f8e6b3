import { AppError } from '../../../../shared/errors';
import type { Capability } from '../../../../shared/domain';
import type { CoreContext } from '../../core-context';
import type { Provider } from '../../providers/types';
import type { HandlerMap } from '../router';
import { accountFor } from '../../vault';

type ClientChannels =
  | 'clients.page'
  | 'clients.get'
  | 'clients.create'
  | 'clients.update'
  | 'clients.setActive'
  | 'pdp.get'
  | 'pdp.update'
  | 'webhook.status'
  | 'webhook.generate'
  | 'webhook.delete';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

/** Resolves a provider method only when the connection's provider has the capability. */
function need<K extends keyof Provider>(provider: Provider, capability: Capability, method: K): NonNullable<Provider[K]> {
  const fn = provider[method];
  if (!provider.capabilities.has(capability) || typeof fn !== 'function') {
    throw new AppError('UNSUPPORTED', `This connection cannot ${capability}.`);
  }
  return (fn as (...args: unknown[]) => unknown).bind(provider) as NonNullable<Provider[K]>;
}

export function webhookAccount(connectionId: string, remoteId: string): string {
  return accountFor(connectionId, `webhook/${remoteId}`);
}

export function createClientHandlers(ctx: CoreContext): Pick<HandlerMap, ClientChannels> {
  async function clientsPage({ connectionId, page, pageSize }: In<'clients.page'>) {
    const result = await ctx.online(connectionId, (p) => p.listClients(page, pageSize));
    return { rows: result.records, total: result.total, page: result.page, pageSize: result.pageSize };
  }
  function getClient({ connectionId, remoteId }: In<'clients.get'>) {
    return ctx.online(connectionId, (p) => need(p, 'get', 'getClient')(remoteId));
  }
  function createClient({ connectionId, fields }: In<'clients.create'>) {
    return ctx.online(connectionId, (p) => need(p, 'create', 'createClient')(fields));
  }
  function updateClient({ connectionId, remoteId, fields }: In<'clients.update'>) {
    return ctx.online(connectionId, (p) => need(p, 'update', 'updateClient')(remoteId, fields));
  }
  function setActive({ connectionId, remoteId, active }: In<'clients.setActive'>) {
    return ctx.online(connectionId, (p) =>
      active ? need(p, 'activate', 'activateClient')(remoteId) : need(p, 'deactivate', 'deactivateClient')(remoteId),
    );
  }
  function getPdp({ connectionId, remoteId }: In<'pdp.get'>) {
    return ctx.online(connectionId, (p) => need(p, 'pdpConfig', 'getPdpConfig')(remoteId));
  }
  function updatePdp({ connectionId, remoteId, fields }: In<'pdp.update'>) {
    if (fields.encryptionMode === 'double') {
      throw new AppError('UNSUPPORTED', 'Double encryption is set up from the Keys screen, which manages its key.', {
        fields: [{ field: 'encryptionMode', message: 'Use the Keys screen for double mode.' }],
      });
    }
    return ctx.online(connectionId, (p) => need(p, 'pdpConfig', 'updatePdpConfig')(remoteId, fields));
  }
  async function webhookStatus({ connectionId, remoteId }: In<'webhook.status'>) {
    const status = await ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'getWebhookSecretStatus')(remoteId));
    const saved = await ctx.keychain.get(webhookAccount(connectionId, remoteId));
    return { ...status, savedLocally: Boolean(saved) && status.hasSecret };
  }
  async function generateWebhook({ connectionId, remoteId, saveToKeychain }: In<'webhook.generate'>) {
    const generated = await ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'generateWebhookSecret')(remoteId));
    let savedToKeychain = false;
    if (saveToKeychain) {
      await ctx.keychain.set(webhookAccount(connectionId, remoteId), generated.webhookSecret);
      savedToKeychain = true;
    } else {
      await ctx.keychain.delete(webhookAccount(connectionId, remoteId));
    }
    return { webhookSecret: generated.webhookSecret, createdAt: generated.createdAt, savedToKeychain };
  }
  async function deleteWebhook({ connectionId, remoteId }: In<'webhook.delete'>) {
    const result = await ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'deleteWebhookSecret')(remoteId));
    await ctx.keychain.delete(webhookAccount(connectionId, remoteId));
    return result;
  }

  return {
    'clients.page': clientsPage,
    'clients.get': getClient,
    'clients.create': createClient,
    'clients.update': updateClient,
    'clients.setActive': setActive,
    'pdp.get': getPdp,
    'pdp.update': updatePdp,
    'webhook.status': webhookStatus,
    'webhook.generate': generateWebhook,
    'webhook.delete': deleteWebhook,
  };
}
