import { AppError } from '../../../../shared/errors';
import type { CoreContext } from '../../core-context';
import type { FileDialogs } from '../../dialogs/file-dialogs';
import { verifyWebhook } from '../../keys';
import type { BackupFirst } from '../../keys';
import type { HandlerMap } from '../router';
import { webhookAccount } from './client-handlers';

type KeyChannels =
  | 'keys.enableDouble'
  | 'keys.disableDouble'
  | 'keys.rotate'
  | 'keys.recover'
  | 'keys.import'
  | 'keys.bulkPreview'
  | 'keys.bulkStart'
  | 'keys.bulkCancel'
  | 'keys.bulkResume'
  | 'keys.jobs'
  | 'keys.job'
  | 'keys.exportBackup'
  | 'keys.inspectBackup'
  | 'keys.importBackup'
  | 'keys.journal'
  | 'webhook.verify';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

function needsFactPulseKeys(ctx: CoreContext, connectionId: string): void {
  const provider = ctx.connections.provider(connectionId);
  if (!provider.capabilities.has('encryptionKeys')) throw new AppError('UNSUPPORTED', 'This connection has no client encryption keys.');
}

/** Keeps the cache's view of the server's PDP mode current, so the inventory knows who requires a key. */
function rememberPdpMode(ctx: CoreContext, connectionId: string, clientUid: string, pdp: { isConfigured: boolean; encryptionMode?: string | null | undefined }): void {
  ctx.cache.setPdpInfo(connectionId, clientUid, { configured: pdp.isConfigured, encryptionMode: pdp.encryptionMode ?? null });
}

/** Keys, double mode, backups and webhook verification. Keys leave main only through keys.reveal. */
export function createKeyHandlers(ctx: CoreContext, dialogs: FileDialogs): Pick<HandlerMap, KeyChannels> {
  const keys = ctx.keys;
  // The backup's path comes from main's own save dialog, asked only once the operation is about to make the key.
  const backupFirst = (input: { passphrase: string } | undefined): { backupFirst?: BackupFirst } =>
    input ? { backupFirst: { passphrase: input.passphrase, choosePath: (name) => dialogs.chooseSavePath(name) } } : {};
  return {
    'keys.enableDouble': async ({ connectionId, clientUid, fields, backupFirst: backup }: In<'keys.enableDouble'>) => {
      needsFactPulseKeys(ctx, connectionId);
      const result = await keys.double.enable(connectionId, clientUid, fields, backupFirst(backup));
      rememberPdpMode(ctx, connectionId, clientUid, result.pdp);
      return result;
    },
    'keys.disableDouble': async ({ connectionId, clientUid, fields }: In<'keys.disableDouble'>) => {
      needsFactPulseKeys(ctx, connectionId);
      const result = await keys.double.disable(connectionId, clientUid, fields);
      rememberPdpMode(ctx, connectionId, clientUid, result.pdp);
      return result;
    },
    'keys.rotate': ({ connectionId, clientUid, backupFirst: backup }: In<'keys.rotate'>) => {
      needsFactPulseKeys(ctx, connectionId);
      return keys.rotator.rotate(connectionId, clientUid, backupFirst(backup));
    },
    'keys.recover': async (input: In<'keys.recover'>) => {
      if (input.connectionId && input.clientUid) return [await keys.rotator.recoverClient(input.connectionId, input.clientUid)];
      return keys.recoverAll(input.connectionId ? { connectionId: input.connectionId } : {});
    },
    'keys.import': ({ connectionId, clientUid, key, confirm, verify }: In<'keys.import'>) =>
      keys.double.importKey(connectionId, clientUid, key, { confirm, verify }),
    'keys.bulkPreview': ({ connectionId, clients }: In<'keys.bulkPreview'>) => keys.bulk.preview(connectionId, clients),
    'keys.bulkStart': ({ connectionId, clients, concurrency }: In<'keys.bulkStart'>) => {
      needsFactPulseKeys(ctx, connectionId);
      return keys.bulk.start(connectionId, clients, concurrency);
    },
    'keys.bulkCancel': ({ jobId }: In<'keys.bulkCancel'>) => keys.bulk.cancel(jobId),
    'keys.bulkResume': ({ jobId }: In<'keys.bulkResume'>) => keys.bulk.resume(jobId),
    'keys.jobs': ({ connectionId }: In<'keys.jobs'>) => keys.bulk.jobs(connectionId),
    'keys.job': ({ jobId }: In<'keys.job'>) => keys.bulk.job(jobId),
    'keys.exportBackup': ({ connectionId, clients, path, passphrase }: In<'keys.exportBackup'>) =>
      keys.backups.exportKeys(connectionId, clients, ctx.pathGrants.require('save', path), passphrase),
    'keys.inspectBackup': ({ path, targetConnectionId }: In<'keys.inspectBackup'>) => keys.backups.inspect(ctx.pathGrants.require('open', path), targetConnectionId),
    'keys.importBackup': ({ path, passphrase, targetConnectionId, confirm }: In<'keys.importBackup'>) =>
      keys.backups.importKeys(ctx.pathGrants.require('open', path), passphrase, { confirm, ...(targetConnectionId ? { targetConnectionId } : {}) }),
    'keys.journal': ({ connectionId, clientUid, limit }: In<'keys.journal'>) =>
      keys.journal.list({ limit, ...(connectionId ? { connectionId } : {}), ...(clientUid ? { clientUid } : {}) }),
    'webhook.verify': async ({ connectionId, clientUid, rawBody, signature }: In<'webhook.verify'>) => {
      const secret = await ctx.keychain.get(webhookAccount(connectionId, clientUid));
      const verdict = verifyWebhook(rawBody, signature, secret);
      return verdict.valid ? { valid: true, reason: 'ok' as const, message: null } : verdict;
    },
  };
}
