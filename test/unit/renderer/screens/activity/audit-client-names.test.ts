import { describe, expect, it } from 'vitest';
import { auditClientNames, clientKey, nameInSummary } from '../../../../../renderer/screens/activity/audit-client-names';

const row = (clientId: string | null, action: string, summary: string, connectionId: string | null = 'c1') => ({ connectionId, clientId, action, summary });

describe('audit log: the client by name', () => {
  it('reads the name a deletion, a creation or a rename wrote in the summary', () => {
    expect(nameInSummary(row('u1', 'clients.delete', 'Delete "Boulangerie \\"Le Fournil\\""'))).toBe('Boulangerie "Le Fournil"');
    expect(nameInSummary(row('u1', 'clients.create', 'Create name="Épicerie Martin", siret="73282932000074"'))).toBe('Épicerie Martin');
    expect(nameInSummary(row('u1', 'clients.update', 'Edit description="x", name="Garage Dupont" — queued offline as #4'))).toBe('Garage Dupont');
  });

  it('reads no name where the summary has none or only looks like one', () => {
    expect(nameInSummary(row('u1', 'clients.setActive', 'Deactivate'))).toBeNull();
    expect(nameInSummary(row('u1', 'clients.update', 'Edit description="name=\\"Fake\\""'))).toBeNull();
    expect(nameInSummary(row('u1', 'clients.update', 'Edit nickname="Fake"'))).toBeNull();
    expect(nameInSummary(row('u1', 'clients.delete', 'Delete webhook secret'))).toBeNull();
    expect(nameInSummary(row('u1', 'clients.create', 'Create name=""'))).toBeNull();
  });

  it('prefers the cached name, falls back to the newest summary naming the client, and leaves unknown clients out', () => {
    const rows = [
      row('u1', 'clients.setActive', 'Activate'),
      row('u2', 'clients.update', 'Edit name="Nouveau nom"'),
      row('u2', 'clients.create', 'Create name="Ancien nom"'),
      row('u3', 'clients.delete', 'Delete "Supprimé SARL"'),
      row('u4', 'key.rotate', 'key 0123456789abcdef'),
      row(null, 'connections.add', 'Add'),
      row('u1', 'clients.setActive', 'Activate', 'c2'),
    ];
    const cached = new Map<string, string | null>([
      [clientKey('c1', 'u1'), 'Boulangerie Martin'],
      [clientKey('c1', 'u3'), null],
      [clientKey('c1', 'u4'), null],
    ]);
    const names = auditClientNames(rows, cached);
    expect(Object.fromEntries(names)).toEqual({
      [clientKey('c1', 'u1')]: 'Boulangerie Martin',
      [clientKey('c1', 'u2')]: 'Nouveau nom',
      [clientKey('c1', 'u3')]: 'Supprimé SARL',
    });
  });
});
