import { describe, expect, it } from 'vitest';
import { availableActions, creatableConnections, daysInQuery, paletteScreens, rowsOlderThan } from '../../../../renderer/palette/palette-actions';
import type { PaletteContext } from '../../../../renderer/palette/palette-actions';
import { connectionOf } from '../screens/clients/connections.fixture';

const base: PaletteContext = { connections: [], clientsScope: 'all', keyMaxAgeDays: 90, secretsMemoryOnly: false, query: '' };
const ids = (ctx: Partial<PaletteContext>) => availableActions({ ...base, ...ctx }).map((a) => a.id);

describe('command palette actions', () => {
  it('without a connection offers only adding one and the demo', () => {
    expect(ids({})).toEqual(['add-connection', 'start-demo']);
  });

  it('offers what the connections’ capabilities allow', () => {
    const fp = connectionOf('fp', 'factpulse');
    const sites = connectionOf('s', 'sites');
    const actions = availableActions({ ...base, connections: [fp, sites] });
    expect(actions.find((a) => a.id === 'sync-all')).toEqual({ id: 'sync-all', connectionIds: ['fp', 's'] });
    expect(actions.filter((a) => a.id === 'new-client').map((a) => (a as { connectionId: string }).connectionId)).toEqual(
      [fp, sites].filter((c) => c.capabilities.includes('create')).map((c) => c.id),
    );
    expect(actions.find((a) => a.id === 'rotate-older')).toEqual({ id: 'rotate-older', days: 90 });
    expect(ids({ connections: [sites] })).not.toContain('rotate-older');
  });

  it('offers no key rotation while secrets are memory-only, and no demo once one runs', () => {
    const demo = { ...connectionOf('fp', 'factpulse'), demo: true };
    expect(ids({ connections: [demo], secretsMemoryOnly: true })).not.toContain('rotate-older');
    expect(ids({ connections: [demo] })).not.toContain('start-demo');
  });

  it('reads the age from a number typed in the query', () => {
    expect(daysInQuery('rotate 30')).toBe(30);
    expect(daysInQuery('30 days')).toBe(30);
    expect(daysInQuery('agence 0')).toBeNull();
    expect(daysInQuery('rotate 99999')).toBeNull();
    expect(daysInQuery('siret123')).toBeNull();
    const rotate = availableActions({ ...base, connections: [connectionOf('fp', 'factpulse')], query: 'rotate 7' }).find((a) => a.id === 'rotate-older');
    expect(rotate).toEqual({ id: 'rotate-older', days: 7 });
  });

  it('creates clients on the Clients scope when it can, else on any connection that can', () => {
    const fp = connectionOf('fp', 'factpulse');
    const other = connectionOf('fp2', 'factpulse');
    expect(creatableConnections([fp, other], 'fp2').map((c) => c.id)).toEqual(['fp2']);
    expect(creatableConnections([fp, other], 'unknown').map((c) => c.id)).toEqual(['fp', 'fp2']);
  });

  it('selects the rotatable keys strictly older than the age', () => {
    const rows = [
      { id: 'a', ageDays: 91, status: 'ok' },
      { id: 'b', ageDays: 90, status: 'ok' },
      { id: 'c', ageDays: 200, status: 'missing-locally' },
      { id: 'd', ageDays: null, status: 'not-in-use' },
      { id: 'e', ageDays: 400, status: 'ok' },
    ];
    expect(rowsOlderThan(rows, 90, (r) => r.id)).toEqual(['a', 'e']);
  });

  it('lists the screens the sidebar shows: Keys only with client-owned keys', () => {
    expect(paletteScreens([])).toEqual(['dashboard', 'clients', 'activity', 'connections', 'settings']);
    expect(paletteScreens([connectionOf('fp', 'factpulse')])).toContain('keys');
    expect(paletteScreens([connectionOf('s', 'sites')])).not.toContain('keys');
  });
});
