import { describe, expect, it } from 'vitest';
import { certificateImportSchema, directoryRebuildSchema, rebuildFiltersSchema } from '../../../../shared/schemas/directory';

const problems = (value: unknown) => {
  const r = rebuildFiltersSchema.safeParse(value);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('rebuild filters', () => {
  it('accepts every documented filter', () => {
    const filters = { page: 0, size: 1000, startDate: '2025-01-01T00:00:00Z', endDate: '2025-01-01T02:00:00.123+02:00', role: 'DADOS', status: 'Suspended', name: 'abc' };
    expect(rebuildFiltersSchema.parse(filters)).toEqual(filters);
    expect(rebuildFiltersSchema.parse({})).toEqual({});
  });

  it('names each bad field with its own message key', () => {
    expect(problems({ page: -1, size: 0, startDate: '2025-01-01', endDate: '2025-02-30T00:00:00', role: '', status: 'active', name: 'x'.repeat(201) })).toEqual({
      page: 'providers.directory.validation.pageMin',
      size: 'providers.directory.validation.sizeRange',
      startDate: 'providers.directory.validation.dateTime',
      endDate: 'providers.directory.validation.dateTime',
      role: 'providers.directory.validation.textRange',
      status: 'providers.directory.validation.status',
      name: 'providers.directory.validation.textRange',
    });
    expect(problems({ page: 1.5, size: 1001 })).toEqual({ page: 'providers.directory.validation.wholeNumber', size: 'providers.directory.validation.sizeRange' });
    expect(problems({ page: Number.NaN })).toEqual({ page: 'providers.directory.validation.wholeNumber' });
  });

  it('end must not be before start (compared as instants, whatever the offsets)', () => {
    expect(problems({ startDate: '2025-01-02T00:00:00Z', endDate: '2025-01-01T23:59:59Z' })).toEqual({ endDate: 'providers.directory.validation.endBeforeStart' });
    expect(problems({ startDate: '2025-01-02T00:00:00Z', endDate: '2025-01-01T23:30:00-01:00' })).toEqual({});
    expect(problems({ startDate: '2025-01-02T00:00:00Z', endDate: '2025-01-02T00:00:00Z' })).toEqual({});
  });

  it('refuses unknown filters and input shapes the channels do not know', () => {
    expect(rebuildFiltersSchema.safeParse({ sort: 'name' }).success).toBe(false);
    expect(directoryRebuildSchema.safeParse({ connectionId: 'c', filters: {}, extra: 1 }).success).toBe(false);
    expect(certificateImportSchema.safeParse({ format: 'pkcs12', connectionId: 'c', pkcs12Path: '/x.p12' }).success).toBe(false);
    expect(certificateImportSchema.safeParse({ format: 'pem', connectionId: 'c', certificatePath: '/c.pem', keyPem: 'inline' }).success).toBe(false);
  });
});

describe('rebuild filters against hostile shapes', () => {
  it('answers an issue, never throws, for non-objects and wrong types next to a date pair', () => {
    for (const value of [null, 42, 'x', [], { startDate: 1, endDate: '2025-01-01T00:00:00Z' }, { page: 'x', startDate: '2025-02-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' }]) {
      expect(() => rebuildFiltersSchema.safeParse(value)).not.toThrow();
      expect(rebuildFiltersSchema.safeParse(value).success).toBe(false);
    }
    expect(problems({ page: 'x', startDate: '2025-02-01T00:00:00Z', endDate: '2025-01-01T00:00:00Z' })).toEqual({
      page: 'providers.directory.validation.wholeNumber',
      endDate: 'providers.directory.validation.endBeforeStart',
    });
  });
});
