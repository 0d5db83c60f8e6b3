import { useMemo } from 'react';
import type { BulkStatusAction, ClientFilter } from '../../../shared/schemas/client-jobs';
import { BULK_STATUS_ACTIONS } from '../../../shared/schemas/client-jobs';
import type { Connection } from '../../../shared/schemas/connections';
import { windowInput } from '../../stores/clients-slice';
import { ALL_CONNECTIONS } from '../../stores/clients-scope';
import { useStore } from '../../stores/store';

/**
 * What a bulk change of the Clients list can be: the status changes some connection in scope can make, and the
 * list's search and filters as main resolves "all matching" (the same input clients.window gets, without paging).
 */
export function useBulkScope(inScope: readonly Connection[]): { actions: BulkStatusAction[]; filter: ClientFilter; filterKey: string } {
  const scope = useStore((s) => s.clientsConnectionId);
  const query = useStore((s) => s.clientsQuery);
  const keyMaxAgeDays = useStore((s) => s.settings?.keyMaxAgeDays);
  const actions = useMemo(() => BULK_STATUS_ACTIONS.filter((a) => inScope.some((c) => c.capabilities.includes(a))), [inScope]);
  const filter = useMemo(() => {
    const { sort: _s, direction: _d, offset: _o, limit: _l, ...rest } = windowInput(scope === ALL_CONNECTIONS ? undefined : [scope], query, keyMaxAgeDays);
    return rest;
  }, [scope, query, keyMaxAgeDays]);
  return { actions, filter, filterKey: JSON.stringify(filter) };
}
