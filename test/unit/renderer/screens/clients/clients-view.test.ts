import { describe, expect, it } from 'vitest';
import { clientsView, valueAt, windowSortOf } from '../../../../../renderer/screens/clients/clients-view';
import { connectionOf } from './connections.fixture';

const keys = (columns: ReadonlyArray<{ key: string }>) => columns.map((c) => c.key);

describe('clientsView: the Clients list for the connections in scope', () => {
  it('uses the descriptor of one sites connection: its columns, its Code label, no PDP column or filter', () => {
    const view = clientsView([connectionOf('s1', 'sites')]);
    expect(keys(view.columns)).toEqual(['name', 'identifier', 'extra.sites', 'extra.equipements', 'status', 'createdAt']);
    expect(view.columns.find((c) => c.key === 'identifier')!.labelKey).toBe('providers.sites.fields.code');
    expect(view.filters.map((f) => f.source)).toEqual(['status']);
    expect(view.capabilities.has('pdpConfig')).toBe(false);
  });

  it('adds the PDP column after status where the connection keeps PDP configurations', () => {
    const view = clientsView([connectionOf('f1', 'factpulse')]);
    expect(keys(view.columns)).toEqual(['name', 'identifier', 'status', 'pdp', 'updatedAt']);
    expect(view.columns.find((c) => c.key === 'identifier')!.labelKey).toBe('providers.factpulse.fields.siret');
    expect(view.capabilities.has('encryptionKeys')).toBe(true);
  });

  it('offers the facet filter (tokenization partner) for one connection, with its column', () => {
    const view = clientsView([connectionOf('t1', 'tokenization')]);
    expect(view.filters.map((f) => `${f.key}:${f.source}`)).toEqual(['status:status', 'partner:facet']);
    expect(clientsView([connectionOf('t1', 'tokenization'), connectionOf('t2', 'tokenization')]).filters.map((f) => f.key)).toEqual(['status']);
    expect(keys(view.columns)).toContain('extra.partner');
    expect(view.columns.find((c) => c.key === 'identifier')!.labelKey).toBe('providers.tokenization.fields.mid');
  });

  it('mixes providers in "All connections": common columns with a Connection column, no capability-bound column', () => {
    const view = clientsView([connectionOf('f1', 'factpulse'), connectionOf('s1', 'sites'), connectionOf('t1', 'tokenization')]);
    expect(view.descriptor).toBeNull();
    expect(keys(view.columns)).toEqual(['name', 'identifier', 'connection', 'status', 'updatedAt']);
    expect(view.columns.find((c) => c.key === 'identifier')!.labelKey).toBe('clients.fields.identifier');
    expect([...view.capabilities].sort()).toEqual(['create', 'deactivate', 'get', 'list', 'update']);
  });

  it('keeps a provider’s columns across two connections of it, with the Connection column', () => {
    const view = clientsView([connectionOf('f1', 'factpulse'), connectionOf('f2', 'factpulse')]);
    expect(keys(view.columns)).toEqual(['name', 'identifier', 'connection', 'status', 'pdp', 'updatedAt']);
  });

  it('sorts only by what the cache can sort on', () => {
    const view = clientsView([connectionOf('s1', 'sites')]);
    expect(view.columns.map(windowSortOf)).toEqual(['name', null, null, null, 'status', null]);
  });

  it('reads common fields and extras by descriptor key', () => {
    const record = { name: 'Acme', extra: { sites: 3 } };
    expect(valueAt(record, 'name')).toBe('Acme');
    expect(valueAt(record, 'extra.sites')).toBe(3);
    expect(valueAt(record, 'extra.missing')).toBeUndefined();
  });
});
