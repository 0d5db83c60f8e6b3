// Turns what Node/OpenSSL/undici report about a failed TLS connection into our own error codes: the server
// refused our certificate, we refused the server's, or the handshake did not finish in time.
import { AppError } from '../../../shared/errors';

/** Set by the mTLS connector when TCP connected but the TLS handshake did not complete in time. */
export const HANDSHAKE_TIMEOUT_CODE = 'ERR_CLIENTDESK_TLS_HANDSHAKE_TIMEOUT';
/** Set by the mTLS connector when the server hung up right after the handshake without answering a byte. */
export const CLOSED_AFTER_HANDSHAKE_CODE = 'ERR_CLIENTDESK_TLS_CLOSED_AFTER_HANDSHAKE';

export function tlsFailure(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

// OpenSSL alerts the server sends about the certificate we presented (or did not present).
const CLIENT_REFUSED_ALERTS: Array<[RegExp, string]> = [
  [/CERTIFICATE_REQUIRED|PEER_DID_NOT_RETURN_A_CERTIFICATE/, 'it requires a client certificate and received none'],
  [/UNKNOWN_CA/, 'it does not trust the authority that signed our certificate'],
  [/CERTIFICATE_EXPIRED/, 'it says our certificate has expired'],
  [/CERTIFICATE_REVOKED/, 'it says our certificate has been revoked'],
  [/ACCESS_DENIED/, 'it denies access to this certificate'],
  [/BAD_CERTIFICATE|UNSUPPORTED_CERTIFICATE|CERTIFICATE_UNKNOWN/, 'it rejected our certificate'],
];

// Node's verification codes for the server's certificate chain.
const UNTRUSTED_SERVER: Array<[RegExp, string]> = [
  [/^CERT_HAS_EXPIRED$/, "the server's certificate has expired"],
  [/^CERT_NOT_YET_VALID$/, "the server's certificate is not valid yet (check this computer's clock)"],
  [/^CERT_REVOKED$/, "the server's certificate has been revoked"],
  [/^(ERR_TLS_CERT_ALTNAME_INVALID|HOSTNAME_MISMATCH)$/, "the server's certificate was issued for another name than this address"],
  [
    /^(UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT(_LOCALLY)?|SELF_SIGNED_CERT_IN_CHAIN|DEPTH_ZERO_SELF_SIGNED_CERT|CERT_UNTRUSTED|INVALID_CA|CERT_CHAIN_TOO_LONG|PATH_LENGTH_EXCEEDED|INVALID_PURPOSE|CERT_REJECTED)$/,
    "the server's certificate is signed by an authority we do not trust (for a private directory, add its CA bundle to the connection)",
  ],
  [/^(CERT_SIGNATURE_FAILURE|UNABLE_TO_DECRYPT_CERT_SIGNATURE|UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)$/, "the server's certificate has an invalid signature"],
];

interface CodedError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
}

function causes(err: unknown): CodedError[] {
  const chain: CodedError[] = [];
  for (let e = err as CodedError | undefined; e && typeof e === 'object' && chain.length < 8; e = e.cause as CodedError | undefined) chain.push(e);
  return chain;
}

function find<T>(table: Array<[RegExp, T]>, code: string): T | undefined {
  return table.find(([pattern]) => pattern.test(code))?.[1];
}

/**
 * The AppError for a TLS failure anywhere in `err`'s cause chain, or null when it was not a TLS failure
 * (so the HTTP layer's own mapping applies). Codes go to details.tlsCode, for the details disclosure.
 */
export function mapTlsError(err: unknown): AppError | null {
  for (const e of causes(err)) {
    const code = typeof e.code === 'string' ? e.code : '';
    const text = typeof e.message === 'string' ? e.message : '';
    const details = { tlsCode: code };
    if (code === HANDSHAKE_TIMEOUT_CODE) return new AppError('TLS_HANDSHAKE_TIMEOUT', text, details);
    if (code === CLOSED_AFTER_HANDSHAKE_CODE) return new AppError('TLS_CLIENT_REFUSED', text, details);
    const refusedBecause = code.startsWith('ERR_SSL_') ? find(CLIENT_REFUSED_ALERTS, code) : undefined;
    if (refusedBecause) return new AppError('TLS_CLIENT_REFUSED', `The server refused our client certificate: ${refusedBecause}.`, details);
    const untrustedBecause = find(UNTRUSTED_SERVER, code);
    if (untrustedBecause) return new AppError('TLS_SERVER_UNTRUSTED', `We refused the server's certificate: ${untrustedBecause}. Nothing was sent.`, details);
    if (/before secure TLS connection was established/.test(text)) {
      return new AppError(
        'TLS',
        'The server closed the connection during the TLS handshake: it may want a client certificate we did not present, or share no TLS version or cipher with us.',
        { tlsCode: code || 'ECONNRESET' },
      );
    }
    if (code.startsWith('ERR_SSL_') || code.startsWith('ERR_TLS_')) {
      return new AppError('TLS', `The secure connection failed (${code.replace(/^ERR_SSL_/, '').toLowerCase().replace(/_/g, ' ')}).`, details);
    }
  }
  return null;
}
