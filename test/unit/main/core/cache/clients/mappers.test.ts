import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../../shared/domain';
import { canonicalJson, contentHash } from '../../../../../../main/core/cache/clients/mappers';

const record = (extra: Record<string, unknown>, over: Partial<ClientRecord> = {}): ClientRecord => ({
  connectionId: 'A', remoteId: 'c-1', name: 'Garage Martin', identifier: '12345678901234', description: null,
  status: 'active', createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z', extra, ...over,
});

describe('canonical JSON and the content hash', () => {
  it('writes the same text whatever order the keys came in, at every depth', () => {
    const sorted = { a: 1, b: [1, { x: null, y: 'é"' }], c: { d: true, e: 2 } };
    const shuffled = { c: { e: 2, d: true }, b: [1, { y: 'é"', x: null }], a: 1 };
    expect(canonicalJson(shuffled)).toBe(canonicalJson(sorted));
    expect(canonicalJson(sorted)).toBe('{"a":1,"b":[1,{"x":null,"y":"é\\""}],"c":{"d":true,"e":2}}');
    expect(canonicalJson({ z: 1, a: undefined, m: 'x' })).toBe('{"m":"x","z":1}');
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
    expect(JSON.parse(canonicalJson(shuffled))).toEqual(sorted);
  });

  it('hashes equal content equal and any changed field differently', () => {
    const extra = { hasConfigChorus: false, hasConfigPdp: true, pdpIsActive: null, pdpIsMock: null };
    const reordered = { pdpIsMock: null, hasConfigPdp: true, pdpIsActive: null, hasConfigChorus: false };
    expect(contentHash(record(reordered))).toBe(contentHash(record(extra)));
    expect(contentHash(record(extra), canonicalJson(extra))).toBe(contentHash(record(extra)));
    expect(contentHash(record({ ...extra, hasConfigPdp: false }))).not.toBe(contentHash(record(extra)));
    expect(contentHash(record(extra, { name: 'Garage Martín' }))).not.toBe(contentHash(record(extra)));
    expect(contentHash(record(extra, { updatedAt: '2025-01-02T00:00:00Z' }))).not.toBe(contentHash(record(extra)));
  });
});
