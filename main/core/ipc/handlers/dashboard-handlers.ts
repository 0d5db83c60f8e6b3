import type { CoreContext } from '../../core-context';
import { probeConnection } from '../../connections/connection-probe';
import { createDashboardFigures } from '../../dashboard/dashboard-figures';
import type { Transport } from '../../providers/registry';
import type { HandlerMap } from '../router';

/** The dashboard's figures from the local databases, and the try-before-save of a new connection. */
export function createDashboardHandlers(ctx: CoreContext, transport: Transport = {}): Pick<HandlerMap, 'dashboard.figures' | 'connections.probe'> {
  const figures = createDashboardFigures(ctx.db);
  return {
    'dashboard.figures': async (input) => {
      const connections = (await ctx.connections.list()).map((c) => ({
        id: c.id,
        pdp: c.capabilities.includes('pdpConfig'),
        keys: c.capabilities.includes('encryptionKeys'),
      }));
      return figures.read({
        connections,
        keyMaxAgeDays: ctx.settings.get().keyMaxAgeDays,
        days: input?.days ?? 30,
        syncing: (id) => ctx.sync.isRunning(id),
      });
    },
    'connections.probe': (input) => probeConnection(input, transport),
  };
}
