// FAPI request headers (Open Finance): a fresh interaction id per request, the user's last authentication
// in RFC 7231 form, and the optional customer headers; plus the check that the answer echoes our id.
import { randomUUID } from 'node:crypto';

/** What the directory accepts, and echoes, as an interaction id. */
export const INTERACTION_ID = /^[a-zA-Z0-9][a-zA-Z0-9-]{0,99}$/;

/** RFC 7231 IMF-fixdate with the `UTC` the seed shows: `Sun, 10 Sep 2017 19:43:31 UTC`. */
export function rfc7231Date(date: Date): string {
  return date.toUTCString().replace(/GMT$/, 'UTC');
}

export interface FapiContext {
  /** When the user last authenticated this connection in Clientdesk (ISO); the header is left out when unknown. */
  authenticatedAt: string | null;
  customerIpAddress?: string | null | undefined;
  customerUserAgent?: string | null | undefined;
}

/** The headers of one request, with its own new interaction id. */
export function fapiHeaders(ctx: FapiContext, interactionId: string = randomUUID()): Record<string, string> {
  const headers: Record<string, string> = { 'x-fapi-interaction-id': interactionId };
  const authDate = ctx.authenticatedAt ? new Date(ctx.authenticatedAt) : null;
  if (authDate && Number.isFinite(authDate.getTime())) headers['x-fapi-auth-date'] = rfc7231Date(authDate);
  if (ctx.customerIpAddress) headers['x-fapi-customer-ip-address'] = ctx.customerIpAddress;
  if (ctx.customerUserAgent) headers['x-customer-user-agent'] = ctx.customerUserAgent;
  return headers;
}

/** The id the answer carried when it differs from ours (null when it echoes ours). A missing header is a mismatch. */
export function echoMismatch(sent: string, headers: Headers): { received: string } | null {
  const received = headers.get('x-fapi-interaction-id') ?? '';
  return received === sent ? null : { received: received.slice(0, 100) || '(none)' };
}
