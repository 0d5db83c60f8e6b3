import type { Capability } from '../../shared/domain';
import type { Connection } from '../../shared/schemas/connections';
import type { ClientFilters } from './clients-slice';

export const ALL_CONNECTIONS = 'all';

/** The connections the Clients screen shows: one, or every connection ("All connections"). */
export function scopeConnections(connections: readonly Connection[], scope: string): Connection[] {
  return scope === ALL_CONNECTIONS ? [...connections] : connections.filter((c) => c.id === scope);
}

/** Capabilities every connection in scope has: a filter or column that needs one shows only then. */
export function sharedCapabilities(scope: readonly Connection[]): Set<Capability> {
  if (scope.length === 0) return new Set();
  return new Set(scope[0]!.capabilities.filter((cap) => scope.every((c) => c.capabilities.includes(cap))));
}

/** Which capability each capability-bound filter needs. */
export const FILTER_CAPABILITY = { pdp: 'pdpConfig', double: 'encryptionKeys', keyAge: 'encryptionKeys' } as const satisfies Partial<Record<keyof ClientFilters, Capability>>;

/** Clears the filters the scope cannot apply, so a hidden filter never narrows the list. */
export function applicableFilters(filters: ClientFilters, capabilities: ReadonlySet<Capability>): ClientFilters {
  const next = { ...filters };
  if (!capabilities.has(FILTER_CAPABILITY.pdp)) next.pdp = 'any';
  if (!capabilities.has(FILTER_CAPABILITY.double)) next.double = 'any';
  if (!capabilities.has(FILTER_CAPABILITY.keyAge)) next.keyAge = 'any';
  return next;
}
