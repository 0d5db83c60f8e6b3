import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../shared/domain';
import { mergeDetail, sameRecord } from '../../../../../main/core/cache/record-merge';

const listed: ClientRecord = {
  connectionId: 'c', remoteId: 'r', name: 'Entrepôt', identifier: '42', description: null, status: 'active',
  createdAt: '2025-01-01T00:00:00Z', updatedAt: null, extra: { equipements: 3, serverStatus: 'actif', sites: 2 },
};
const detail: ClientRecord = { ...listed, status: 'unknown', extra: { equipements: 3, sites: 2, sitesList: [{ siteId: 's', name: 'A', equipment: 3 }] } };

describe('mergeDetail', () => {
  it('keeps what the detail does not say and adds what it does', () => {
    const merged = mergeDetail(listed, detail);
    expect(merged.status).toBe('active');
    expect(merged.extra).toMatchObject({ serverStatus: 'actif', sitesList: detail.extra.sitesList });
    expect(mergeDetail(listed, { ...detail, status: 'inactive' }).status).toBe('inactive');
    expect(mergeDetail(null, detail)).toBe(detail);
  });
});

describe('sameRecord', () => {
  it('a list row and the detail of the same record are the same; a renamed or recoded one is not', () => {
    expect(sameRecord(listed, detail)).toBe(true);
    expect(sameRecord(listed, { ...detail, name: 'Autre' })).toBe(false);
    expect(sameRecord(listed, { ...detail, identifier: '43' })).toBe(false);
    expect(sameRecord(listed, { ...detail, status: 'inactive' })).toBe(false);
    expect(sameRecord(listed, { ...detail, extra: { ...detail.extra, equipements: 4 } })).toBe(false);
  });
});
