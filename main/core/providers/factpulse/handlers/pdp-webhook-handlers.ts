import { AppError } from '../../../../../shared/errors';
import type { CoreContext } from '../../../core-context';
import type { HandlerMap } from '../../../ipc/router';
import { fieldSummary, need } from '../../../ipc/handlers/client-handlers';
import { accountFor } from '../../../vault';

type PdpWebhookChannels =
  | 'factpulse.pdp.get'
  | 'factpulse.pdp.update'
  | 'factpulse.webhook.status'
  | 'factpulse.webhook.generate'
  | 'factpulse.webhook.delete';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

export function webhookAccount(connectionId: string, remoteId: string): string {
  return accountFor(connectionId, `webhook/${remoteId}`);
}

/**
 * A FactPulse client's PDP configuration and webhook secret (docs/architecture.md §3 Extensions). Like client
 * writes they are audited; the PDP configuration is read from the cache and queued in the outbox when offline.
 */
export function createPdpWebhookHandlers(ctx: CoreContext): Pick<HandlerMap, PdpWebhookChannels> {
  const { read, write } = ctx.writes;

  async function getPdp({ connectionId, remoteId }: In<'factpulse.pdp.get'>) {
    return read(
      async () => {
        const config = await ctx.online(connectionId, (p) => need(p, 'pdpConfig', 'getPdpConfig')(remoteId));
        ctx.cache.setPdpInfo(connectionId, remoteId, { configured: config.isConfigured, encryptionMode: config.encryptionMode ?? null });
        return config;
      },
      () => {
        // Offline: the cache knows only whether a configuration exists and its mode, not its URLs.
        const cached = ctx.cache.reads.get(connectionId, remoteId);
        if (!cached) return null;
        return { isConfigured: cached.pdpConfigured, encryptionMode: cached.encryptionMode, fromCache: true };
      },
    );
  }
  function updatePdp({ connectionId, remoteId, fields }: In<'factpulse.pdp.update'>) {
    if (fields.encryptionMode === 'double') {
      throw new AppError('UNSUPPORTED', 'Double encryption is set up from the Keys screen, which manages its key.', {
        fields: [{ field: 'encryptionMode', message: 'Use the Keys screen for double mode.' }],
      });
    }
    const { clientSecret: _secret, ...shown } = fields;
    const spec = { connectionId, remoteId, action: 'pdp.update', summary: `PDP configuration ${fieldSummary(shown)}, client secret set`, queue: { action: 'pdpConfig' as const, fields } };
    return write(spec, () => ctx.online(connectionId, (p) => need(p, 'pdpConfig', 'updatePdpConfig')(remoteId, fields)), (config) => {
      ctx.cache.setPdpInfo(connectionId, remoteId, { configured: config.isConfigured, encryptionMode: config.encryptionMode ?? null });
    });
  }
  async function webhookStatus({ connectionId, remoteId }: In<'factpulse.webhook.status'>) {
    const status = await ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'getWebhookSecretStatus')(remoteId));
    const saved = await ctx.keychain.get(webhookAccount(connectionId, remoteId));
    return { ...status, savedLocally: Boolean(saved) && status.hasSecret };
  }
  async function generateWebhook({ connectionId, remoteId, saveToKeychain }: In<'factpulse.webhook.generate'>) {
    const spec = { connectionId, remoteId, action: 'webhook.generate', summary: `Generate webhook secret${saveToKeychain ? ' (saved to keychain)' : ''}` };
    const generated = await write(spec, () => ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'generateWebhookSecret')(remoteId)));
    let savedToKeychain = false;
    if (saveToKeychain) {
      await ctx.keychain.set(webhookAccount(connectionId, remoteId), generated.webhookSecret);
      savedToKeychain = true;
    } else {
      await ctx.keychain.delete(webhookAccount(connectionId, remoteId));
    }
    return { webhookSecret: generated.webhookSecret, createdAt: generated.createdAt, savedToKeychain };
  }
  async function deleteWebhook({ connectionId, remoteId }: In<'factpulse.webhook.delete'>) {
    const spec = { connectionId, remoteId, action: 'webhook.delete', summary: 'Delete webhook secret' };
    const result = await write(spec, () => ctx.online(connectionId, (p) => need(p, 'webhookSecret', 'deleteWebhookSecret')(remoteId)));
    await ctx.keychain.delete(webhookAccount(connectionId, remoteId));
    return result;
  }

  return {
    'factpulse.pdp.get': getPdp,
    'factpulse.pdp.update': updatePdp,
    'factpulse.webhook.status': webhookStatus,
    'factpulse.webhook.generate': generateWebhook,
    'factpulse.webhook.delete': deleteWebhook,
  };
}
