import { describe, expect, it } from 'vitest';
import { checkRebuildForm, describeFilters, EMPTY_REBUILD_FORM, filtersFrom, formField } from '../../../../../renderer/screens/directory/rebuild-form-model';

describe('rebuild form model', () => {
  it('sends only what was filled; local date-times go out as RFC 3339 in UTC', () => {
    const values = { ...EMPTY_REBUILD_FORM, page: '2', size: ' 50 ', startDate: '2025-03-01T10:30:00', role: ' DADOS ', status: 'Active' as const };
    const filters = filtersFrom(values);
    expect(filters).toEqual({ page: 2, size: 50, startDate: new Date('2025-03-01T10:30:00').toISOString().replace('.000Z', 'Z'), role: 'DADOS', status: 'Active' });
    expect(filtersFrom(EMPTY_REBUILD_FORM)).toEqual({});
  });

  it('an incremental rebuild leaves startDate to main (it comes from the history)', () => {
    expect(filtersFrom({ ...EMPTY_REBUILD_FORM, startDate: '2025-03-01T10:30:00', incremental: true })).toEqual({});
  });

  it('checks with the contract’s schema: field → message key', () => {
    const bad = checkRebuildForm({ ...EMPTY_REBUILD_FORM, page: 'two', size: '0', startDate: '2025-05-01T00:00:00', endDate: '2025-04-01T00:00:00' });
    expect(bad).toEqual({ ok: false, errors: { page: 'providers.directory.validation.wholeNumber', size: 'providers.directory.validation.sizeRange', endDate: 'providers.directory.validation.endBeforeStart' } });
    expect(checkRebuildForm({ ...EMPTY_REBUILD_FORM, name: 'Banco' })).toEqual({ ok: true, filters: { name: 'Banco' } });
  });

  it('maps server field paths and describes filters for the history', () => {
    expect(formField('filters.endDate')).toBe('endDate');
    expect(formField('startDate')).toBe('startDate');
    expect(describeFilters({ status: 'Active', page: 0 })).toBe('status=Active · page=0');
  });
});
