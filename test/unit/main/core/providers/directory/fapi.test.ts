import { describe, expect, it } from 'vitest';
import { echoMismatch, fapiHeaders, INTERACTION_ID, rfc7231Date } from '../../../../../../main/core/providers/directory/fapi';

// The seed's pattern for x-fapi-auth-date.
const SEED_AUTH_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} (GMT|UTC)$/;

describe('FAPI headers', () => {
  it('x-fapi-auth-date is the seed’s example for its instant, and matches the seed’s pattern on any day (padded day of month)', () => {
    expect(rfc7231Date(new Date('2017-09-10T19:43:31Z'))).toBe('Sun, 10 Sep 2017 19:43:31 UTC');
    expect(rfc7231Date(new Date('2026-02-01T00:00:05.999Z'))).toBe('Sun, 01 Feb 2026 00:00:05 UTC');
    for (let day = 0; day < 400; day += 7) expect(rfc7231Date(new Date(Date.UTC(2024, 0, 1) + day * 86_400_000 + 3_723_000))).toMatch(SEED_AUTH_DATE);
  });

  it('sends a fresh RFC 4122 id each time; the auth date only when known; customer headers only when configured', () => {
    const a = fapiHeaders({ authenticatedAt: '2026-03-01T08:15:30Z' });
    const b = fapiHeaders({ authenticatedAt: null, customerIpAddress: '', customerUserAgent: null });
    expect(a['x-fapi-interaction-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a['x-fapi-interaction-id']).not.toBe(b['x-fapi-interaction-id']);
    expect(INTERACTION_ID.test(a['x-fapi-interaction-id']!)).toBe(true);
    expect(a).toEqual({ 'x-fapi-interaction-id': a['x-fapi-interaction-id'], 'x-fapi-auth-date': 'Sun, 01 Mar 2026 08:15:30 UTC' });
    expect(Object.keys(b)).toEqual(['x-fapi-interaction-id']);
    expect(fapiHeaders({ authenticatedAt: 'not a date' })['x-fapi-auth-date']).toBeUndefined();
    const full = fapiHeaders({ authenticatedAt: null, customerIpAddress: '2001:db8::1', customerUserAgent: 'Mozilla/5.0' }, 'given-id');
    expect(full).toEqual({ 'x-fapi-interaction-id': 'given-id', 'x-fapi-customer-ip-address': '2001:db8::1', 'x-customer-user-agent': 'Mozilla/5.0' });
  });

  it('an answer must echo our id: another id or none at all is a mismatch', () => {
    const headers = (id?: string) => new Headers(id ? { 'x-fapi-interaction-id': id } : {});
    expect(echoMismatch('abc-1', headers('abc-1'))).toBeNull();
    expect(echoMismatch('abc-1', headers('abc-2'))).toEqual({ received: 'abc-2' });
    expect(echoMismatch('abc-1', headers())).toEqual({ received: '(none)' });
  });
});
