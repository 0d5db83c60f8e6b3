import type { CoreContext } from '../../core-context';
import type { HandlerMap } from '../router';
import { availableProviders } from '../../providers';

type ConnectionChannels =
  | 'connections.list'
  | 'connections.add'
  | 'connections.update'
  | 'connections.test'
  | 'connections.remove'
  | 'connections.statuses'
  | 'demo.start'
  | 'providers.available';

type In<C extends keyof HandlerMap> = Parameters<HandlerMap[C]>[0];

export function createConnectionHandlers(ctx: CoreContext): Pick<HandlerMap, ConnectionChannels> {
  const { connections } = ctx;

  function listConnections() {
    return connections.list();
  }
  function addConnection(input: Parameters<HandlerMap['connections.add']>[0]) {
    return connections.add(input);
  }
  function updateConnection(input: Parameters<HandlerMap['connections.update']>[0]) {
    return connections.update(input);
  }
  async function testConnection({ id }: { id: string }) {
    try {
      const result = await connections.test(id);
      ctx.reportStatus(id, 'online', null);
      return result;
    } catch (err) {
      ctx.reportFailure(id, err);
      throw err;
    }
  }
  async function removeConnection({ id }: { id: string }) {
    await ctx.demo.stopFor(id);
    await connections.remove(id);
    return { removed: true as const };
  }
  async function connectionStatuses() {
    const known = new Set((await connections.list()).map((c) => c.id));
    return ctx.connectionStatuses().filter((s) => known.has(s.connectionId));
  }
  function startDemo(input: In<'demo.start'>) {
    return ctx.demo.start(input?.systems);
  }

  return {
    'connections.list': listConnections,
    'connections.add': addConnection,
    'connections.update': updateConnection,
    'connections.test': testConnection,
    'connections.remove': removeConnection,
    'connections.statuses': connectionStatuses,
    'demo.start': startDemo,
    'providers.available': async () => availableProviders(),
  };
}
