import { AppError, isAppError } from '../../../../../shared/errors';
import { keyAuditSink } from '../../../audit/key-audit';
import type { CoreContext } from '../../../core-context';
import type { DisclosedKey, DisclosureAction } from '../../../dialogs/key-disclosure';
import { fingerprint } from '../keys';
import type { HandlerMap } from '../../../ipc/router';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

/**
 * A key leaves the keychain only after main itself asked the user (native dialog): to the screen through
 * factpulse.keys.reveal, or to the clipboard through factpulse.keys.copy, where it never crosses to the renderer.
 */
export function createKeyDisclosureHandlers(ctx: CoreContext): Pick<HandlerMap, 'factpulse.keys.reveal' | 'factpulse.keys.copy'> {
  const audit = keyAuditSink(ctx.audit);

  async function approved(action: DisclosureAction, connectionId: string, clientUid: string, slot: DisclosedKey['slot']): Promise<{ key: string; fingerprint: string }> {
    const stored = await ctx.keys.store.get(connectionId, clientUid, slot);
    if (!stored) throw new AppError('KEY_MISSING', `No ${slot} key is stored for this client.`);
    const fp = fingerprint(stored.key);
    try {
      await ctx.keyDisclosure.approve(action, { connectionId, clientUid, slot, fingerprint: fp });
    } catch (err) {
      if (isAppError(err) && err.code === 'CANCELLED') audit({ action: `key.${action}`, connectionId, clientUid, outcome: 'refused', fingerprint: fp, detail: `${slot}; not confirmed` });
      throw err;
    }
    return { key: stored.key, fingerprint: fp };
  }

  return {
    'factpulse.keys.reveal': async ({ connectionId, clientUid, slot }: In<'factpulse.keys.reveal'>) => {
      await approved('reveal', connectionId, clientUid, slot);
      return ctx.keys.reveal(connectionId, clientUid, slot);
    },
    'factpulse.keys.copy': async ({ connectionId, clientUid, slot }: In<'factpulse.keys.copy'>) => {
      const { key, fingerprint: fp } = await approved('copy', connectionId, clientUid, slot);
      const { clearAfterMs } = await ctx.secretClipboard.copy(key);
      audit({ action: 'key.copy', connectionId, clientUid, outcome: 'ok', fingerprint: fp, detail: slot });
      return { fingerprint: fp, clearAfterMs };
    },
  };
}
