import { describe, expect, it } from 'vitest';
import { ALL_CONNECTIONS, applicableFilters, scopeConnections, sharedCapabilities } from '../../../../renderer/stores/clients-scope';
import { NO_FILTERS } from '../../../../renderer/stores/clients-slice';
import { connectionOf } from '../screens/clients/connections.fixture';

const fp = connectionOf('f1', 'factpulse');
const sites = connectionOf('s1', 'sites');

describe('clients scope: which connections, capabilities and filters apply', () => {
  it('is one connection or all of them', () => {
    expect(scopeConnections([fp, sites], 's1')).toEqual([sites]);
    expect(scopeConnections([fp, sites], ALL_CONNECTIONS)).toEqual([fp, sites]);
    expect(scopeConnections([fp, sites], 'gone')).toEqual([]);
  });

  it('keeps only the capabilities every connection in scope has', () => {
    expect(sharedCapabilities([fp]).has('pdpConfig')).toBe(true);
    expect(sharedCapabilities([fp, sites]).has('pdpConfig')).toBe(false);
    expect(sharedCapabilities([fp, sites]).has('update')).toBe(true);
    expect(sharedCapabilities([]).size).toBe(0);
  });

  it('clears PDP, double-mode and key filters a scope cannot apply, and keeps text and status', () => {
    const filters = { text: 'acme', status: 'inactive' as const, pdp: 'yes' as const, double: 'no' as const, keyAge: 'older' as const };
    expect(applicableFilters(filters, sharedCapabilities([fp]))).toEqual(filters);
    expect(applicableFilters(filters, sharedCapabilities([fp, sites]))).toEqual({ ...NO_FILTERS, text: 'acme', status: 'inactive' });
  });
});
