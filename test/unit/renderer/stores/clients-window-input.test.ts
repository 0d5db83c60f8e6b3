import { describe, expect, it } from 'vitest';
import { clientWindowInputSchema } from '../../../../shared/schemas/cache';
import { NO_FILTERS, windowInput } from '../../../../renderer/stores/clients-slice';
import type { ClientsQuery } from '../../../../renderer/stores/clients-slice';

const base: ClientsQuery = { page: 1, pageSize: 25, sort: null, direction: 'asc', filters: NO_FILTERS };

describe('windowInput: the Clients screen query → clients.window', () => {
  it('asks every connection by name with no filter, and the input is valid for the contract', () => {
    const input = windowInput(undefined, base);
    expect(input).toEqual({ sort: 'name', direction: 'asc', offset: 0, limit: 25 });
    expect(clientWindowInputSchema.safeParse(input).success).toBe(true);
  });

  it('sorts by relevance while searching unless a column was chosen', () => {
    expect(windowInput(undefined, { ...base, filters: { ...NO_FILTERS, text: '  boul ' } })).toMatchObject({ query: 'boul', sort: 'relevance' });
    expect(windowInput(undefined, { ...base, sort: 'updatedAt', direction: 'desc', filters: { ...NO_FILTERS, text: 'boul' } })).toMatchObject({
      sort: 'updatedAt',
      direction: 'desc',
    });
  });

  it('maps the filters and the page to the window', () => {
    const input = windowInput(['c1'], { ...base, page: 3, pageSize: 500, filters: { text: '', status: 'inactive', pdp: 'yes', double: 'no', keyAge: 'hasKey' } });
    expect(input).toEqual({
      connectionIds: ['c1'],
      status: ['inactive'],
      pdpConfigured: true,
      doubleMode: false,
      hasKey: true,
      sort: 'name',
      direction: 'asc',
      offset: 1000,
      limit: 500,
    });
    expect(clientWindowInputSchema.safeParse(input).success).toBe(true);
  });

  it('filters on a facet value when one is chosen', () => {
    const partner = { ...base, filters: { ...NO_FILTERS, facet: { key: 'partner', value: 'Partenaire Est' } } };
    expect(windowInput(['t1'], partner)).toMatchObject({ connectionIds: ['t1'], facet: { key: 'partner', value: 'Partenaire Est' } });
    expect(clientWindowInputSchema.safeParse(windowInput(['t1'], partner)).success).toBe(true);
    expect(windowInput(['t1'], base)).not.toHaveProperty('facet');
  });

  it('asks for keys older than the Keys screen limit (settings.keyMaxAgeDays), 90 days by default', () => {
    const older = { ...base, filters: { ...NO_FILTERS, keyAge: 'older' as const } };
    expect(windowInput(undefined, older, 30)).toMatchObject({ keyOlderThanDays: 30 });
    expect(windowInput(undefined, older)).toMatchObject({ keyOlderThanDays: 90 });
    expect(windowInput(undefined, older, 30)).not.toHaveProperty('hasKey');
    expect(clientWindowInputSchema.safeParse(windowInput(undefined, older, 30)).success).toBe(true);
  });
});
