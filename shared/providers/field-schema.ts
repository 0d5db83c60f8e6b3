import { z } from 'zod';
import { AppError } from '../errors';
import type { AuthMethodDescriptor, FieldDescriptor, ProviderDescriptor } from './descriptor';

/**
 * Zod schemas built from a descriptor's fields. Messages are i18next keys (`validation.*` or the field's own
 * pattern message key) so main's VALIDATION details and the renderer's inline errors say the same thing.
 */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function textSchema(field: FieldDescriptor): z.ZodType<string> {
  const rule = field.rule ?? {};
  let s = z.string().trim();
  if (field.required) s = s.min(Math.max(1, rule.minLength ?? 1), 'validation.required');
  else if (rule.minLength) s = s.min(rule.minLength, 'validation.tooShort');
  if (rule.maxLength) s = s.max(rule.maxLength, 'validation.tooLong');
  if (field.type === 'email') return s.refine((v) => v === '' || EMAIL.test(v), 'validation.email');
  if (field.type === 'url') return s.refine((v) => v === '' || /^https?:\/\/\S+$/i.test(v), 'validation.url');
  if (rule.pattern) {
    const re = new RegExp(rule.pattern);
    return s.refine((v) => v === '' || re.test(v), rule.patternMessageKey ?? 'validation.format');
  }
  return s;
}

function integerSchema(field: FieldDescriptor): z.ZodType<string> {
  const rule = field.rule ?? {};
  const problem = (v: string): string | null => {
    if (v === '') return field.required ? 'validation.required' : null;
    if (!/^-?\d+$/.test(v) || !Number.isSafeInteger(Number(v))) return 'validation.integer';
    if (rule.min !== undefined && Number(v) < rule.min) return 'validation.tooSmall';
    if (rule.max !== undefined && Number(v) > rule.max) return 'validation.tooLarge';
    return null;
  };
  return z
    .string()
    .trim()
    .superRefine((v, ctx) => {
      const message = problem(v);
      if (message) ctx.addIssue({ code: 'custom', message });
    });
}

export function fieldSchema(field: FieldDescriptor): z.ZodType {
  switch (field.type) {
    case 'boolean':
      return z.boolean();
    case 'integer':
      return integerSchema(field);
    case 'list': {
      const item = z.string().trim().min(1, 'validation.required').max(field.rule?.maxLength ?? 255, 'validation.tooLong');
      const list = z.array(item).max(50, 'validation.tooMany');
      return field.required ? list.min(1, 'validation.required') : list;
    }
    case 'secret': {
      // Secrets are taken exactly as typed: a space may be part of one.
      const secret = z.string().max(field.rule?.maxLength ?? 8192, 'validation.tooLong');
      return field.required ? secret.min(1, 'validation.required') : secret;
    }
    case 'enum':
      return z.enum((field.options ?? []) as [string, ...string[]]);
    default: {
      const text = textSchema(field);
      return field.required ? text : text.nullable();
    }
  }
}

/** A required field that is absent reads as empty, so it gets the same "Required" message as a blank one. */
function requiredSchema(field: FieldDescriptor): z.ZodType {
  if (field.type === 'boolean' || field.type === 'enum') return fieldSchema(field);
  const empty = field.type === 'list' ? [] : '';
  return z.preprocess((v) => (v === undefined || v === null ? empty : v), fieldSchema(field));
}

function objectOf(fields: readonly FieldDescriptor[], partial: boolean): z.ZodObject {
  const common: Record<string, z.ZodType> = {};
  const extra: Record<string, z.ZodType> = {};
  for (const field of fields) {
    const schema = partial || !field.required ? fieldSchema(field).optional() : requiredSchema(field);
    if (field.key.startsWith('extra.')) extra[field.key.slice('extra.'.length)] = schema;
    else common[field.key] = schema;
  }
  const needsExtra = !partial && fields.some((f) => f.required && f.key.startsWith('extra.'));
  const extraSchema = needsExtra
    ? z.preprocess((v) => v ?? {}, z.object(extra).strict())
    : z.object(extra).strict().optional();
  return z.object({ ...common, ...(Object.keys(extra).length ? { extra: extraSchema } : {}) }).strict();
}

/** The client form of a provider: create needs every required field; an edit sends any subset. */
export function clientFieldsSchemaFor(descriptor: ProviderDescriptor, mode: 'create' | 'update'): z.ZodObject {
  const fields = descriptor.client.fields.filter((f) => (mode === 'create' ? f.onCreate !== false : f.editable !== false));
  return objectOf(fields, mode === 'update');
}

/** Non-secret and secret fields of one auth method (secrets optional on edit: absent keeps the stored one). */
export function authFieldsSchemaFor(method: AuthMethodDescriptor, mode: 'create' | 'update'): z.ZodObject {
  const shape: Record<string, z.ZodType> = { method: z.literal(method.id) };
  for (const field of method.fields) {
    const schema = fieldSchema(field);
    shape[field.key] = field.required && !(mode === 'update' && field.type === 'secret') ? schema : schema.optional();
  }
  return z.object(shape).strict();
}

export function settingsSchemaFor(descriptor: ProviderDescriptor): z.ZodObject {
  return objectOf(descriptor.settings, false);
}

/** Checks a client form against the provider's rules; the error names each field (`name`, `extra.contactEmail`). */
export function checkClientFields<T>(descriptor: ProviderDescriptor, fields: T, mode: 'create' | 'update'): T {
  const result = clientFieldsSchemaFor(descriptor, mode).safeParse(fields);
  if (result.success) return result.data as T;
  const fieldErrors = result.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(input)', message: i.message }));
  throw new AppError('VALIDATION', 'Some values are not valid.', { fields: fieldErrors });
}
