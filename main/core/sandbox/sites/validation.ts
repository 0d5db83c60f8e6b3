// FastAPI / Pydantic v2 validation of the two request bodies, with the error items FastAPI would answer in a 422.
export interface ValidationIssue {
  type: string;
  loc: Array<string | number>;
  msg: string;
  input: unknown;
  ctx?: Record<string, unknown>;
}

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

function canonicalUuid(id: string): string {
  const h = id.replace(/-/g, '').toLowerCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The body as JSON, or the 422 items FastAPI gives for no body, bad JSON or a body that is not an object. */
export function parseBody(raw: string): Record<string, unknown> | ValidationIssue[] {
  if (raw.trim() === '') return [{ type: 'missing', loc: ['body'], msg: 'Field required', input: null }];
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {}, ctx: { error: 'Expecting value' } }];
  }
  if (!isObject(body)) {
    return [{ type: 'model_attributes_type', loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', input: body }];
  }
  return body;
}

function missing(body: Record<string, unknown>, field: string): ValidationIssue {
  return { type: 'missing', loc: ['body', field], msg: 'Field required', input: body };
}

/** `nom`: a string of at least one non-blank character. */
function checkNom(body: Record<string, unknown>, issues: ValidationIssue[]): string | null {
  const nom = body.nom;
  if (!('nom' in body)) issues.push(missing(body, 'nom'));
  else if (typeof nom !== 'string') issues.push({ type: 'string_type', loc: ['body', 'nom'], msg: 'Input should be a valid string', input: nom });
  else if (nom.trim() === '') {
    issues.push({ type: 'string_too_short', loc: ['body', 'nom'], msg: 'String should have at least 1 character', input: nom, ctx: { min_length: 1 } });
  } else return nom.trim();
  return null;
}

/** `code`: an integer; like Pydantic's lax mode, a string of digits ("42") is accepted as that integer. */
function checkCode(body: Record<string, unknown>, issues: ValidationIssue[]): number | null {
  const code = body.code;
  const loc = ['body', 'code'];
  if (!('code' in body)) issues.push(missing(body, 'code'));
  else if (typeof code === 'number' && Number.isSafeInteger(code)) return code;
  else if (typeof code === 'number' && Number.isFinite(code) && !Number.isInteger(code)) {
    issues.push({ type: 'int_from_float', loc, msg: 'Input should be a valid integer, got a number with a fractional part', input: code });
  } else if (typeof code === 'string' && /^\s*[+-]?\d+\s*$/.test(code) && Number.isSafeInteger(Number(code))) return Number(code);
  else if (typeof code === 'string') {
    issues.push({ type: 'int_parsing', loc, msg: 'Input should be a valid integer, unable to parse string as an integer', input: code });
  } else issues.push({ type: 'int_type', loc, msg: 'Input should be a valid integer', input: code });
  return null;
}

export function checkRegister(body: Record<string, unknown>): { nom: string; code: number } | ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const nom = checkNom(body, issues);
  const code = checkCode(body, issues);
  return issues.length || nom === null || code === null ? issues : { nom, code };
}

export function checkUpdate(body: Record<string, unknown>): { client_id: string; nom: string; code: number } | ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const id = body.client_id;
  let clientId: string | null = null;
  if (!('client_id' in body)) issues.push(missing(body, 'client_id'));
  else if (typeof id !== 'string') issues.push({ type: 'uuid_type', loc: ['body', 'client_id'], msg: 'UUID input should be a string, bytes or UUID object', input: id });
  else if (!UUID.test(id)) issues.push({ type: 'uuid_parsing', loc: ['body', 'client_id'], msg: 'Input should be a valid UUID', input: id });
  else clientId = canonicalUuid(id);
  const fields = checkRegister(body);
  if (Array.isArray(fields)) issues.push(...fields);
  return issues.length || clientId === null || Array.isArray(fields) ? issues : { client_id: clientId, ...fields };
}
