import type { Capability } from '../../shared/domain';
import type { Connection } from '../../shared/schemas/connections';
import { scopeConnections } from '../stores/clients-scope';
import { SCREENS } from '../stores/nav-slice';
import type { ScreenId } from '../stores/nav-slice';

export type PaletteAction =
  | { id: 'sync-all'; connectionIds: string[] }
  | { id: 'new-client'; connectionId: string; label: string }
  | { id: 'add-connection' }
  | { id: 'start-demo' }
  | { id: 'rotate-older'; days: number };

export interface PaletteContext {
  connections: readonly Connection[];
  /** The Clients screen's scope: a connection id or "all". */
  clientsScope: string;
  keyMaxAgeDays: number;
  /** Secrets are kept in memory only: nothing that makes a key is offered. */
  secretsMemoryOnly: boolean;
  /** What is typed in the palette (a number in it sets the key age). */
  query: string;
}

const MAX_DAYS = 3650;

/** A whole number of days typed in the query ("rotate 30" → 30), within what the key-age filter accepts. */
export function daysInQuery(query: string): number | null {
  const found = /(?:^|\s)(\d{1,4})(?:\s|$)/.exec(query);
  if (!found) return null;
  const days = Number(found[1]);
  return days >= 1 && days <= MAX_DAYS ? days : null;
}

/** The connections a new client goes to: those of the Clients scope that can create one, else any that can. */
export function creatableConnections(connections: readonly Connection[], scope: string): Connection[] {
  const inScope = scopeConnections(connections, scope).filter((c) => c.capabilities.includes('create'));
  return inScope.length > 0 ? inScope : connections.filter((c) => c.capabilities.includes('create'));
}

/** The screens to go to, as the sidebar shows them: Keys only with client-owned keys, the registry rebuild only with a registry. */
export function paletteScreens(connections: readonly Connection[]): Array<ScreenId | 'directory'> {
  const has = (capability: Capability) => connections.some((c) => c.capabilities.includes(capability));
  const screens: Array<ScreenId | 'directory'> = SCREENS.filter((s) => s !== 'keys' || has('encryptionKeys'));
  if (has('rebuildRegistry')) screens.splice(screens.indexOf('activity') + 1, 0, 'directory');
  return screens;
}

/** The actions the current connections allow, in the order the palette lists them. */
export function availableActions(ctx: PaletteContext): PaletteAction[] {
  const actions: PaletteAction[] = [];
  const listable = ctx.connections.filter((c) => c.capabilities.includes('list'));
  if (listable.length > 0) actions.push({ id: 'sync-all', connectionIds: listable.map((c) => c.id) });
  for (const c of creatableConnections(ctx.connections, ctx.clientsScope)) actions.push({ id: 'new-client', connectionId: c.id, label: c.label });
  actions.push({ id: 'add-connection' });
  if (!ctx.connections.some((c) => c.demo)) actions.push({ id: 'start-demo' });
  if (!ctx.secretsMemoryOnly && ctx.connections.some((c) => c.capabilities.includes('encryptionKeys'))) {
    actions.push({ id: 'rotate-older', days: daysInQuery(ctx.query) ?? ctx.keyMaxAgeDays });
  }
  return actions;
}

/** Keys older than `days` whole days that can be rotated (a current key is here), as Keys-screen row ids. */
export function rowsOlderThan<T extends { ageDays: number | null; status: string }>(rows: readonly T[], days: number, id: (row: T) => string): string[] {
  return rows.filter((r) => r.ageDays !== null && r.ageDays > days && r.status === 'ok').map(id);
}
