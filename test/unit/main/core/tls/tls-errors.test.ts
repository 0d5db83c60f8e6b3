// mapTlsError: every code OpenSSL, Node or undici reports, found anywhere in the cause chain, gets the right AppError.
import { describe, expect, it } from 'vitest';
import { CLOSED_AFTER_HANDSHAKE_CODE, HANDSHAKE_TIMEOUT_CODE, mapTlsError, tlsFailure } from '../../../../../main/core/tls/tls-errors';

/** What undici's fetch throws: a TypeError whose cause is the socket's error. */
function fetchFailed(code: string, message = 'boom'): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

describe('mapTlsError', () => {
  it.each([
    ['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', /requires a client certificate and received none/],
    ['ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', /does not trust the authority that signed our certificate/],
    ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', /our certificate has expired/],
    ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED', /revoked/],
    ['ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', /rejected our certificate/],
    ['ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN', /rejected our certificate/],
    ['ERR_SSL_TLSV1_ALERT_ACCESS_DENIED', /denies access/],
  ])('%s → the server refused our certificate', (code, message) => {
    const err = mapTlsError(fetchFailed(code));
    expect(err?.code).toBe('TLS_CLIENT_REFUSED');
    expect(err?.message).toMatch(message);
    expect(err?.details).toEqual({ tlsCode: code });
  });

  it.each([
    ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', /authority we do not trust/],
    ['UNABLE_TO_GET_ISSUER_CERT_LOCALLY', /authority we do not trust/],
    ['SELF_SIGNED_CERT_IN_CHAIN', /authority we do not trust/],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', /authority we do not trust/],
    ['CERT_HAS_EXPIRED', /server's certificate has expired/],
    ['CERT_NOT_YET_VALID', /not valid yet \(check this computer's clock\)/],
    ['ERR_TLS_CERT_ALTNAME_INVALID', /issued for another name/],
    ['CERT_SIGNATURE_FAILURE', /invalid signature/],
  ])('%s → we refused the server certificate', (code, message) => {
    const err = mapTlsError(fetchFailed(code));
    expect(err?.code).toBe('TLS_SERVER_UNTRUSTED');
    expect(err?.message).toMatch(message);
    expect(err?.message).toMatch(/Nothing was sent\.$/);
  });

  it('keeps the connector’s own reasons for a stalled handshake and a hang-up after it', () => {
    const stalled = mapTlsError(new TypeError('fetch failed', { cause: tlsFailure(HANDSHAKE_TIMEOUT_CODE, 'did not finish within 2 s') }));
    expect([stalled?.code, stalled?.message]).toEqual(['TLS_HANDSHAKE_TIMEOUT', 'did not finish within 2 s']);
    const hungUp = mapTlsError(tlsFailure(CLOSED_AFTER_HANDSHAKE_CODE, 'closed right after'));
    expect(hungUp?.code).toBe('TLS_CLIENT_REFUSED');
  });

  it('explains a connection cut during the handshake, and names other TLS failures', () => {
    const cut = mapTlsError(fetchFailed('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established'));
    expect(cut?.code).toBe('TLS');
    expect(cut?.message).toMatch(/during the TLS handshake/);
    const alert40 = mapTlsError(fetchFailed('ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE'));
    expect(alert40?.code).toBe('TLS');
    expect(alert40?.message).toMatch(/ssl\/tls alert handshake failure/);
  });

  it('finds the code a few causes deep, and leaves non-TLS failures to the HTTP layer', () => {
    const deep = new Error('outer', { cause: new Error('middle', { cause: fetchFailed('ERR_SSL_TLSV1_ALERT_UNKNOWN_CA') }) });
    expect(mapTlsError(deep)?.code).toBe('TLS_CLIENT_REFUSED');
    for (const other of [fetchFailed('ECONNREFUSED'), fetchFailed('UND_ERR_SOCKET', 'other side closed'), fetchFailed('UND_ERR_CONNECT_TIMEOUT'), new Error('x'), null, 'text']) {
      expect(mapTlsError(other)).toBeNull();
    }
  });

  it('survives a cause cycle', () => {
    const a: Error & { cause?: unknown } = new Error('a');
    a.cause = a;
    expect(mapTlsError(a)).toBeNull();
  });
});
