import { z } from 'zod';
import { capabilitySchema, providerIdSchema } from '../domain';
import { text } from './text';

const label = text().trim().min(1, 'Label is required').max(120, 'Label is at most 120 characters');
const baseUrl = text().trim().min(1, 'Base URL is required').max(2048);
const methodId = text().trim().min(1, 'Choose an authentication method').max(40);
const settingValue = z.union([text().max(8192), z.array(text().max(255)).max(50), z.null()]);

/**
 * Auth and settings are shaped by the provider's descriptor (shared/providers): the contract checks their
 * form, the connection service checks them against the descriptor and answers field by field.
 */
export const authInputSchema = z.object({ method: methodId }).catchall(text().max(8192).nullable().optional());
export const connectionSettingsSchema = z.record(text().max(64), settingValue);

/** What the renderer may know about a connection: no secret, only which secrets are stored. */
export const connectionSchema = z.object({
  id: z.string(),
  label: z.string(),
  provider: providerIdSchema,
  baseUrl: z.string(),
  /** The method and its non-secret fields (e.g. a username); secrets live in the keychain. */
  auth: z.object({ method: z.string() }).catchall(z.string().nullable()),
  settings: z.record(z.string(), z.union([z.string(), z.array(z.string()), z.null()])).default({}),
  demo: z.boolean(),
  capabilities: z.array(capabilitySchema),
  secretsStored: z.array(z.string()),
  createdAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionAddSchema = z.object({
  label,
  provider: providerIdSchema,
  baseUrl,
  auth: authInputSchema,
  settings: connectionSettingsSchema.optional(),
});
export type ConnectionAdd = z.input<typeof connectionAddSchema>;

/** Secrets are optional on edit: an absent secret keeps the stored one. */
export const connectionUpdateSchema = z.object({
  id: text().min(1).max(64),
  label: label.optional(),
  baseUrl: baseUrl.optional(),
  auth: authInputSchema.optional(),
  settings: connectionSettingsSchema.optional(),
});
export type ConnectionUpdate = z.input<typeof connectionUpdateSchema>;

export const connectionIdSchema = z.object({ id: text().min(1).max(64) });
export const connectionRemoveSchema = z.object({ id: text().min(1).max(64), confirm: z.literal(true) });

export const connectionTestResultSchema = z.object({
  ok: z.literal(true),
  latencyMs: z.number(),
  total: z.number().nullable(),
});

export const connectionStatusSchema = z.object({
  connectionId: z.string(),
  state: z.enum(['online', 'offline', 'auth-error', 'unknown']),
  message: z.string().nullable(),
  at: z.string(),
});
export type ConnectionStatus = z.infer<typeof connectionStatusSchema>;

/** Which demo sandboxes to start (default: every system that has one). */
export const demoStartSchema = z.object({ systems: z.array(providerIdSchema).min(1).max(4).optional() }).strict().optional();
