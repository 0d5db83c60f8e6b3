import { z } from 'zod';
import { capabilitySchema, providerIdSchema } from '../domain';
import { text } from './text';

const label = text().trim().min(1, 'Label is required').max(120, 'Label is at most 120 characters');
const baseUrl = text().trim().min(1, 'Base URL is required').max(2048);
const secret = text().min(1, 'Required').max(4096);
const uuid = text().uuid('Must be a UUID');

export const authMethodSchema = z.enum(['apiKey', 'password']);

/** What the renderer may know about a connection: no secret, only which secrets are stored. */
export const connectionSchema = z.object({
  id: z.string(),
  label: z.string(),
  provider: providerIdSchema,
  baseUrl: z.string(),
  auth: z.discriminatedUnion('method', [
    z.object({ method: z.literal('apiKey') }),
    z.object({ method: z.literal('password'), username: z.string(), clientUid: z.string().nullable() }),
  ]),
  demo: z.boolean(),
  capabilities: z.array(capabilitySchema),
  secretsStored: z.array(z.string()),
  createdAt: z.string(),
});
export type Connection = z.infer<typeof connectionSchema>;

export const connectionAuthInputSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('apiKey'), apiKey: secret }),
  z.object({
    method: z.literal('password'),
    username: text().trim().min(1, 'Username is required').max(254),
    password: secret,
    clientUid: uuid.nullable().optional(),
  }),
]);

export const connectionAddSchema = z.object({
  label,
  provider: providerIdSchema,
  baseUrl,
  auth: connectionAuthInputSchema,
});
export type ConnectionAdd = z.infer<typeof connectionAddSchema>;

/** Secrets are optional on edit: an absent secret keeps the stored one. */
export const connectionUpdateSchema = z.object({
  id: text().min(1).max(64),
  label: label.optional(),
  baseUrl: baseUrl.optional(),
  auth: z
    .discriminatedUnion('method', [
      z.object({ method: z.literal('apiKey'), apiKey: secret.optional() }),
      z.object({
        method: z.literal('password'),
        username: text().trim().min(1, 'Username is required').max(254),
        password: secret.optional(),
        clientUid: uuid.nullable().optional(),
      }),
    ])
    .optional(),
});
export type ConnectionUpdate = z.infer<typeof connectionUpdateSchema>;

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
