import { describe, expect, it } from 'vitest';
import { conflictRows } from '../../../../../renderer/screens/activity/conflict-rows';
import type { OutboxItem } from '../../../../../shared/schemas/cache';

const record = (over: Record<string, unknown>) => ({ name: 'Atelier Dupont', identifier: '12345678901234', description: null, status: 'active', updatedAt: '2025-01-01T00:00:00.000Z', ...over });
const item = (over: Partial<OutboxItem>): OutboxItem => ({
  id: 1,
  connectionId: 'c',
  remoteId: 'r',
  action: 'update',
  summary: 'Edit description',
  state: 'conflict',
  errorCode: 'CONFLICT',
  errorMessage: null,
  attempts: 1,
  createdAt: '2025-01-02T00:00:00.000Z',
  mine: { fields: { description: 'mine' } },
  base: record({}),
  theirs: record({ description: 'theirs', updatedAt: '2025-01-03T00:00:00.000Z' }),
  ...over,
});

describe('conflictRows', () => {
  it('shows each field the change touches with base, mine and theirs, then the update time', () => {
    expect(conflictRows(item({}))).toEqual([
      { field: 'description', base: null, mine: 'mine', theirs: 'theirs' },
      { field: 'updatedAt', base: '2025-01-01T00:00:00.000Z', mine: undefined, theirs: '2025-01-03T00:00:00.000Z' },
    ]);
  });

  it('also shows fields only the server changed, with no value on my side', () => {
    const rows = conflictRows(item({ theirs: record({ name: 'Atelier Dupont & fils', updatedAt: '2025-01-03T00:00:00.000Z' }) }));
    expect(rows.find((r) => r.field === 'name')).toEqual({ field: 'name', base: 'Atelier Dupont', mine: undefined, theirs: 'Atelier Dupont & fils' });
  });

  it('turns activate/deactivate into a status row', () => {
    const rows = conflictRows(item({ action: 'deactivate', mine: {}, theirs: record({ status: 'active', description: 'x' }) }));
    expect(rows[0]).toEqual({ field: 'status', base: 'active', mine: 'inactive', theirs: 'active' });
  });
});
