import { AppError } from '../../../../shared/errors';
import { redact } from '../../http/redact';
import type { HttpResponse } from '../../http';
import { errorFromStatus } from '../common/http-errors';

/** `{uuid, errorCode, message}`: the uuid is the support reference the vendor asks for. */
export function errorFromResponse(res: HttpResponse): AppError {
  const d = (res.data && typeof res.data === 'object' ? res.data : {}) as { uuid?: unknown; errorCode?: unknown; message?: unknown };
  const supportId = typeof d.uuid === 'string' ? d.uuid : undefined;
  const errorCode = typeof d.errorCode === 'number' || typeof d.errorCode === 'string' ? d.errorCode : undefined;
  const message = typeof d.message === 'string' ? redact(d.message) : null;
  const extra = { ...(supportId ? { supportId } : {}), ...(errorCode !== undefined ? { errorCode } : {}) };
  const base = { status: res.status, requestId: res.requestId, ...extra };
  const duplicate = /already|exist|duplicate|unique|taken/i.test(message ?? '');
  if ((res.status === 409 || res.status === 400) && duplicate) {
    return new AppError('CONFLICT', message ?? 'A client with this name already exists.', {
      ...base,
      fields: [{ field: 'name', message: 'validation.nameTaken' }],
    });
  }
  if (res.status === 404) {
    return new AppError('NOT_FOUND', message ?? 'This client no longer exists on the tokenization platform.', {
      ...base,
      ...(String(errorCode) === '7404' ? { gone: true } : {}),
    });
  }
  const mapped = errorFromStatus(res, { system: 'the tokenization platform' });
  const fields = res.status === 400 && message ? fieldsNamedIn(message) : [];
  // A vendor's 5xx text ("Internal error") alone does not say whose fault it is: lead with ours.
  const text = res.status >= 500 && message ? `${mapped.message.replace(/\.$/, '')}: ${message}` : (message ?? mapped.message);
  return new AppError(mapped.code, text, { ...mapped.details, ...base, ...(fields.length ? { fields } : {}) });
}

/** The platform names the wire field in its 400 messages; point the form at it. */
const WIRE_FIELDS: Array<[RegExp, string]> = [
  [/contact\.email/i, 'extra.contactEmail'],
  [/contact\.firstName/i, 'extra.contactFirstName'],
  [/contact\.lastName/i, 'extra.contactLastName'],
  [/directPartner\.id/i, 'extra.directPartnerId'],
  [/directPartner/i, 'extra.directPartnerName'],
  [/\bname\b/i, 'name'],
];

function fieldsNamedIn(message: string): Array<{ field: string; message: string }> {
  const found = WIRE_FIELDS.find(([re]) => re.test(message));
  return found ? [{ field: found[1], message }] : [];
}

/**
 * A 404 from the list endpoint is about the partner asked for, not a client: it says which partner and lands
 * on the connection's partners field (a form keeps its content; "Test connection" names it).
 */
export function partnerNotFound(err: unknown, partner: string): unknown {
  if (!(err instanceof AppError) || err.code !== 'NOT_FOUND') return err;
  const { gone: _gone, fields: _fields, ...details } = err.details ?? {};
  return new AppError('NOT_FOUND', `The tokenization platform does not know the partner "${partner}": check its id or name.`, {
    ...details,
    fields: [{ field: 'settings.partners', message: 'validation.partnerUnknown' }],
  });
}
