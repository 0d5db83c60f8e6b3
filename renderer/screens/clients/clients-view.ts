import type { Capability } from '../../../shared/domain';
import { DESCRIPTORS } from '../../../shared/providers';
import type { ColumnDescriptor, FilterDescriptor, ProviderDescriptor } from '../../../shared/providers/descriptor';
import type { ClientSort } from '../../../shared/schemas/cache';
import type { Connection } from '../../../shared/schemas/connections';
import { sharedCapabilities } from '../../stores/clients-scope';

/** The columns every provider has, for a list that mixes providers ("All connections"). */
export const COMMON_COLUMNS: readonly ColumnDescriptor[] = [
  { key: 'name', labelKey: 'providers.common.name', sortKey: 'name' },
  { key: 'identifier', labelKey: 'clients.fields.identifier' },
  { key: 'status', labelKey: 'providers.common.status', sortKey: 'status' },
  { key: 'updatedAt', labelKey: 'providers.common.updatedAt', sortKey: 'updatedAt' },
];
const STATUS_FILTER: FilterDescriptor = { key: 'status', labelKey: 'providers.common.status', source: 'status' };
const CONNECTION_COLUMN: ColumnDescriptor = { key: 'connection', labelKey: 'providers.common.connection' };
/** Shown for connections that keep a PDP configuration per client. */
const PDP_COLUMN: ColumnDescriptor = { key: 'pdp', labelKey: 'clients.fields.pdp' };

/** The sorts the local cache answers (clients.window); other descriptor sort keys show as plain headers. */
const WINDOW_SORTS: ReadonlySet<string> = new Set<ClientSort>(['name', 'status', 'updatedAt']);
export type WindowSort = 'name' | 'status' | 'updatedAt';

export interface ClientsView {
  /** The descriptor shared by every connection in scope; null when they differ (common columns only). */
  descriptor: ProviderDescriptor | null;
  columns: ColumnDescriptor[];
  /** Descriptor filters the cache can apply: status, and the provider's facet when one connection is in scope. */
  filters: FilterDescriptor[];
  capabilities: Set<Capability>;
}

export function sharedDescriptor(scope: readonly Connection[]): ProviderDescriptor | null {
  const provider = scope[0]?.provider;
  if (!provider || scope.some((c) => c.provider !== provider)) return null;
  return DESCRIPTORS[provider];
}

function insertAfter(columns: ColumnDescriptor[], key: string, column: ColumnDescriptor): ColumnDescriptor[] {
  const at = columns.findIndex((c) => c.key === key);
  return at < 0 ? [...columns, column] : [...columns.slice(0, at + 1), column, ...columns.slice(at + 1)];
}

/** Columns and filters of the Clients list for the connections in scope. */
export function clientsView(scope: readonly Connection[]): ClientsView {
  const descriptor = sharedDescriptor(scope);
  const capabilities = sharedCapabilities(scope);
  let columns = descriptor ? [...descriptor.columns] : [...COMMON_COLUMNS];
  if (scope.length > 1) columns = insertAfter(columns, 'identifier', CONNECTION_COLUMN);
  if (capabilities.has('pdpConfig')) columns = insertAfter(columns, 'status', PDP_COLUMN);
  const facetFilter = (f: FilterDescriptor) => f.source === 'facet' && descriptor?.client.facet !== undefined && scope.length === 1;
  const filters = descriptor ? descriptor.filters.filter((f) => f.source === 'status' || facetFilter(f)) : [STATUS_FILTER];
  return { descriptor, columns, filters, capabilities };
}

export function windowSortOf(column: ColumnDescriptor): WindowSort | null {
  return column.sortKey && WINDOW_SORTS.has(column.sortKey) ? (column.sortKey as WindowSort) : null;
}

/** A record's value at a descriptor key: a common field, or `extra.<key>`. */
export function valueAt(record: { extra: Record<string, unknown> }, key: string): unknown {
  if (key.startsWith('extra.')) return record.extra[key.slice('extra.'.length)];
  return (record as unknown as Record<string, unknown>)[key];
}
