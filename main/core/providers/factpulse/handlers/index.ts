import type { factpulseChannels } from '../../../../../shared/providers/factpulse-channels';
import type { CoreContext } from '../../../core-context';
import type { FileDialogs } from '../../../dialogs/file-dialogs';
import type { HandlerMap } from '../../../ipc/router';
import type { PdpModeLearner } from '../pdp-modes';
import { createKeyDisclosureHandlers } from './key-disclosure-handlers';
import { createKeyHandlers } from './key-handlers';
import { createKeyInventoryHandlers } from './key-inventory';
import { createPdpWebhookHandlers } from './pdp-webhook-handlers';

/** Every factpulse.* channel of the contract (docs/architecture.md §2, §3 Extensions), one line in create-core. */
export function createFactPulseHandlers(
  ctx: CoreContext,
  dialogs: FileDialogs,
  learner: Pick<PdpModeLearner, 'status'>,
): Pick<HandlerMap, keyof typeof factpulseChannels> {
  return {
    ...createPdpWebhookHandlers(ctx),
    ...createKeyHandlers(ctx, dialogs),
    ...createKeyInventoryHandlers(ctx, learner),
    ...createKeyDisclosureHandlers(ctx),
  };
}
