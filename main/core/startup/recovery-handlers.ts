import { AppError } from '../../../shared/errors';
import { CHANNEL_NAMES } from '../../../shared/ipc';
import type { ChannelOutput } from '../../../shared/ipc';
import type { RecoveryProblem } from '../../../shared/schemas/recovery';
import type { AppInfo, Settings } from '../../../shared/schemas/settings';
import type { HandlerMap } from '../ipc/router';

type RecoveryChannels = 'recovery.status' | 'recovery.resolve';
export type RecoveryAction = 'moveAside' | 'retry' | 'quit';

export interface RecoveryActions {
  problem(): RecoveryProblem | null;
  resolve(action: RecoveryAction): Promise<ChannelOutput<'recovery.resolve'>>;
}

/** In normal mode there is nothing to recover: the status says so and a choice is refused. */
export const NOTHING_TO_RECOVER: RecoveryActions = {
  problem: () => null,
  resolve: () => Promise.reject(new AppError('VALIDATION', 'Nothing to recover: every local file opened.')),
};

export function createRecoveryHandlers(actions: RecoveryActions): Pick<HandlerMap, RecoveryChannels> {
  return {
    'recovery.status': () => ({ problem: actions.problem() }),
    'recovery.resolve': ({ action }) => actions.resolve(action),
  };
}

/**
 * Recovery mode answers app.info, settings.get (the screen speaks the user's language; defaults when the
 * settings are what is damaged) and recovery.* only; every other channel is refused, saying why.
 */
export function recoveryHandlerMap(info: () => AppInfo, settings: () => Settings, actions: RecoveryActions): HandlerMap {
  const refuse = () => {
    throw new AppError('UNSUPPORTED', 'Clientdesk is in recovery mode: a local file needs your decision first.');
  };
  const refused = Object.fromEntries(CHANNEL_NAMES.map((channel) => [channel, refuse])) as unknown as HandlerMap;
  return { ...refused, 'app.info': info, 'settings.get': settings, ...createRecoveryHandlers(actions) };
}
