import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../../../shared/schemas/connections';
import { initialValues, isConnectionFormEdited, withMethod, withProvider } from '../../../../../renderer/screens/connections/connection-form-model';

const stored = {
  id: 'c1',
  label: 'Production',
  provider: 'tokenization',
  baseUrl: 'https://tokens.example.test',
  auth: { method: initialValues(null, 'tokenization').method, username: 'ops' },
  settings: { partners: ['P1', 'P2'] },
} as unknown as Connection;

describe('connection form: what leaving would lose', () => {
  it('a form as it opened holds nothing to lose, for a new connection and for an edited one', () => {
    expect(isConnectionFormEdited(initialValues(null), initialValues(null))).toBe(false);
    expect(isConnectionFormEdited(initialValues(stored), initialValues(stored))).toBe(false);
  });

  it('a typed label, URL, secret or a changed list is an edit', () => {
    const initial = initialValues(stored);
    expect(isConnectionFormEdited({ ...initial, label: 'Prod' }, initial)).toBe(true);
    expect(isConnectionFormEdited({ ...initial, baseUrl: 'https://other.example.test' }, initial)).toBe(true);
    const secretKey = Object.keys(initial.auth).find((k) => k !== 'username')!;
    expect(isConnectionFormEdited({ ...initial, auth: { ...initial.auth, [secretKey]: 'typed' } }, initial)).toBe(true);
    expect(isConnectionFormEdited({ ...initial, settings: { partners: ['P1'] } }, initial)).toBe(true);
  });

  it('another provider is an edit; going back to the first one with nothing typed is not', () => {
    const initial = initialValues(null);
    const other = withProvider(initial, 'sites');
    expect(isConnectionFormEdited(other, initial)).toBe(true);
    expect(isConnectionFormEdited(withProvider(other, initial.provider), initial)).toBe(false);
    expect(isConnectionFormEdited(withMethod(initial, initial.method), initial)).toBe(false);
  });

  it('the order keys were set in does not count', () => {
    const initial = initialValues(stored);
    const reordered = { ...initial, auth: Object.fromEntries(Object.entries(initial.auth).reverse()) };
    expect(isConnectionFormEdited(reordered, initial)).toBe(false);
  });
});
