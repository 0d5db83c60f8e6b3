import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors';
import { DESCRIPTORS } from '../../../../shared/providers';
import { checkConnectionInput } from '../../../../shared/providers/connection-input';

function fieldsOf(fn: () => unknown): Array<{ field: string; message: string }> {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    return (err as AppError).details?.fields ?? [];
  }
  throw new Error('expected a VALIDATION error');
}

describe('checkConnectionInput', () => {
  it('splits a FactPulse password login into stored fields and keychain secrets', () => {
    const checked = checkConnectionInput(DESCRIPTORS.factpulse, { auth: { method: 'password', username: ' ops@acme.fr ', password: ' pw ' } }, 'create');
    expect(checked.auth).toEqual({ method: 'password', username: 'ops@acme.fr', clientUid: null });
    expect(checked.secrets).toEqual({ password: ' pw ' });
    expect(checked.requiredSlots).toEqual(['password']);
  });

  it('names the field of a missing secret, an unknown method and a bad header name', () => {
    expect(fieldsOf(() => checkConnectionInput(DESCRIPTORS.sites, { auth: { method: 'bearer' } }, 'create'))).toEqual([
      { field: 'auth.token', message: expect.any(String) },
    ]);
    expect(fieldsOf(() => checkConnectionInput(DESCRIPTORS.sites, { auth: { method: 'basic' } }, 'create'))).toEqual([
      { field: 'auth.method', message: 'validation.unknownMethod' },
    ]);
    const bad = fieldsOf(() =>
      checkConnectionInput(DESCRIPTORS.sites, { auth: { method: 'apiKeyHeader', headerName: 'X Key', apiKey: 'k' } }, 'create'),
    );
    expect(bad).toEqual([{ field: 'auth.headerName', message: 'providers.sites.validation.headerName' }]);
  });

  it('keeps a secret optional on edit and requires the tokenization partners', () => {
    expect(checkConnectionInput(DESCRIPTORS.sites, { auth: { method: 'bearer' } }, 'update').secrets).toEqual({});
    const fields = fieldsOf(() =>
      checkConnectionInput(DESCRIPTORS.tokenization, { auth: { method: 'basic', username: 'u', password: 'p' }, settings: { partners: [] } }, 'create'),
    );
    expect(fields.map((f) => f.field)).toEqual(['settings.partners']);
    const ok = checkConnectionInput(
      DESCRIPTORS.tokenization,
      { auth: { method: 'basic', username: 'u', password: 'p' }, settings: { partners: [' Acme ', '792'] } },
      'create',
    );
    expect(ok.settings).toEqual({ partners: ['Acme', '792'] });
  });

  it('refuses settings a provider does not declare', () => {
    const fields = fieldsOf(() => checkConnectionInput(DESCRIPTORS.factpulse, { auth: { method: 'apiKey', apiKey: 'k' }, settings: { partners: ['x'] } }, 'create'));
    expect(fields[0]?.field).toBe('settings');
  });
});
