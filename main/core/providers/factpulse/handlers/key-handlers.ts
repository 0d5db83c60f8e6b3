import { AppError } from '../../../../../shared/errors';
import type { CoreContext } from '../../../core-context';
import type { FileDialogs } from '../../../dialogs/file-dialogs';
import { verifyWebhook } from '../keys';
import type { BackupFirst } from '../keys';
import type { HandlerMap } from '../../../ipc/router';
import { webhookAccount } from './pdp-webhook-handlers';

type KeyChannels =
  | 'factpulse.keys.enableDouble'
  | 'factpulse.keys.disableDouble'
  | 'factpulse.keys.rotate'
  | 'factpulse.keys.recover'
  | 'factpulse.keys.import'
  | 'factpulse.keys.bulkPreview'
  | 'factpulse.keys.bulkStart'
  | 'factpulse.keys.bulkCancel'
  | 'factpulse.keys.bulkResume'
  | 'factpulse.keys.jobs'
  | 'factpulse.keys.job'
  | 'factpulse.keys.exportBackup'
  | 'factpulse.keys.inspectBackup'
  | 'factpulse.keys.importBackup'
  | 'factpulse.keys.journal'
  | 'factpulse.webhook.verify';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

function needsFactPulseKeys(ctx: CoreContext, connectionId: string): void {
  const provider = ctx.connections.provider(connectionId);
  if (!provider.capabilities.has('encryptionKeys')) throw new AppError('UNSUPPORTED', 'This connection has no client encryption keys.');
}

/** Keeps the cache's view of the server's PDP mode current, so the inventory knows who requires a key. */
function rememberPdpMode(ctx: CoreContext, connectionId: string, clientUid: string, pdp: { isConfigured: boolean; encryptionMode?: string | null | undefined }): void {
  ctx.cache.setPdpInfo(connectionId, clientUid, { configured: pdp.isConfigured, encryptionMode: pdp.encryptionMode ?? null });
}

/** Keys, double mode, backups and webhook verification. Keys leave main only through factpulse.keys.reveal. */
export function createKeyHandlers(ctx: CoreContext, dialogs: FileDialogs): Pick<HandlerMap, KeyChannels> {
  const keys = ctx.keys;
  // The backup's path comes from main's own save dialog, asked only once the operation is about to make the key.
  const backupFirst = (input: { passphrase: string } | undefined): { backupFirst?: BackupFirst } =>
    input ? { backupFirst: { passphrase: input.passphrase, choosePath: (name) => dialogs.chooseSavePath(name) } } : {};
  return {
    'factpulse.keys.enableDouble': async ({ connectionId, clientUid, fields, backupFirst: backup }: In<'factpulse.keys.enableDouble'>) => {
      needsFactPulseKeys(ctx, connectionId);
      const result = await keys.double.enable(connectionId, clientUid, fields, backupFirst(backup));
      rememberPdpMode(ctx, connectionId, clientUid, result.pdp);
      return result;
    },
    'factpulse.keys.disableDouble': async ({ connectionId, clientUid, fields }: In<'factpulse.keys.disableDouble'>) => {
      needsFactPulseKeys(ctx, connectionId);
      const result = await keys.double.disable(connectionId, clientUid, fields);
      rememberPdpMode(ctx, connectionId, clientUid, result.pdp);
      return result;
    },
    'factpulse.keys.rotate': ({ connectionId, clientUid, backupFirst: backup }: In<'factpulse.keys.rotate'>) => {
      needsFactPulseKeys(ctx, connectionId);
      return keys.rotator.rotate(connectionId, clientUid, backupFirst(backup));
    },
    'factpulse.keys.recover': async (input: In<'factpulse.keys.recover'>) => {
      if (input.connectionId && input.clientUid) return [await keys.rotator.recoverClient(input.connectionId, input.clientUid)];
      return keys.recoverAll(input.connectionId ? { connectionId: input.connectionId } : {});
    },
    'factpulse.keys.import': ({ connectionId, clientUid, key, confirm, verify }: In<'factpulse.keys.import'>) =>
      keys.double.importKey(connectionId, clientUid, key, { confirm, verify }),
    'factpulse.keys.bulkPreview': ({ connectionId, clients }: In<'factpulse.keys.bulkPreview'>) => keys.bulk.preview(connectionId, clients),
    'factpulse.keys.bulkStart': ({ connectionId, clients, concurrency }: In<'factpulse.keys.bulkStart'>) => {
      needsFactPulseKeys(ctx, connectionId);
      return keys.bulk.start(connectionId, clients, concurrency);
    },
    'factpulse.keys.bulkCancel': ({ jobId }: In<'factpulse.keys.bulkCancel'>) => keys.bulk.cancel(jobId),
    'factpulse.keys.bulkResume': ({ jobId }: In<'factpulse.keys.bulkResume'>) => keys.bulk.resume(jobId),
    'factpulse.keys.jobs': ({ connectionId }: In<'factpulse.keys.jobs'>) => keys.bulk.jobs(connectionId),
    'factpulse.keys.job': ({ jobId }: In<'factpulse.keys.job'>) => keys.bulk.job(jobId),
    'factpulse.keys.exportBackup': ({ connectionId, clients, path, passphrase }: In<'factpulse.keys.exportBackup'>) =>
      keys.backups.exportKeys(connectionId, clients, ctx.pathGrants.require('save', path), passphrase),
    'factpulse.keys.inspectBackup': ({ path, targetConnectionId }: In<'factpulse.keys.inspectBackup'>) => keys.backups.inspect(ctx.pathGrants.require('open', path), targetConnectionId),
    'factpulse.keys.importBackup': ({ path, passphrase, targetConnectionId, confirm }: In<'factpulse.keys.importBackup'>) =>
      keys.backups.importKeys(ctx.pathGrants.require('open', path), passphrase, { confirm, ...(targetConnectionId ? { targetConnectionId } : {}) }),
    'factpulse.keys.journal': ({ connectionId, clientUid, limit }: In<'factpulse.keys.journal'>) =>
      keys.journal.list({ limit, ...(connectionId ? { connectionId } : {}), ...(clientUid ? { clientUid } : {}) }),
    'factpulse.webhook.verify': async ({ connectionId, clientUid, rawBody, signature }: In<'factpulse.webhook.verify'>) => {
      const secret = await ctx.keychain.get(webhookAccount(connectionId, clientUid));
      const verdict = verifyWebhook(rawBody, signature, secret);
      return verdict.valid ? { valid: true, reason: 'ok' as const, message: null } : verdict;
    },
  };
}
