import { z } from 'zod';
import { clientRecordSchema } from '../domain';
import { text } from './text';

const connectionId = text().min(1).max(64);
const remoteId = text().min(1).max(200);
export const clientRefSchema = z.object({ connectionId, remoteId });

export const clientPageInputSchema = z.object({
  connectionId,
  page: z.number().int().min(1).max(1_000_000),
  pageSize: z.number().int().min(1).max(100),
});
export const clientPageSchema = z.object({
  rows: z.array(clientRecordSchema),
  total: z.number().nullable(),
  page: z.number(),
  pageSize: z.number(),
});

const extraValue = z.union([text().max(2000), z.number().finite(), z.boolean(), z.null()]);

/**
 * A client's form fields, for every provider: the contract bounds their shape; main then checks them against
 * the connection's descriptor (shared/providers), and the server's own rules come back per field (422).
 */
export const clientFieldsSchema = z.object({
  name: text().trim().max(255, 'validation.tooLong').optional(),
  identifier: text().trim().max(255, 'validation.tooLong').nullable().optional(),
  description: text().max(1000, 'validation.tooLong').nullable().optional(),
  extra: z.record(text().max(64), extraValue).optional(),
});
export type ClientFields = z.infer<typeof clientFieldsSchema>;
export const clientCreateSchema = z.object({ connectionId, fields: clientFieldsSchema });
export const clientUpdateSchema = z.object({
  connectionId,
  remoteId,
  fields: clientFieldsSchema,
  /** The version the user edited (providers that count versions): an older one than the server's asks first. */
  baseVersion: z.number().int().nonnegative().optional(),
  /** Sends despite a newer server version, after the user saw the warning. */
  overwriteNewer: z.boolean().optional(),
});
/** Delete is final: the user types the client's name (checked in main against the cached record). */
export const clientDeleteSchema = z.object({ connectionId, remoteId, confirmName: text().max(255) });
export const clientSetActiveSchema = z.object({ connectionId, remoteId, active: z.boolean() });
export const clientSetActiveResultSchema = z.object({ status: z.string(), message: z.string() });

const secretStatusSchema = z.object({
  status: z.string(),
  message: z.string().nullable(),
  encryptionMode: z.string().nullable(),
  requiresClientKey: z.boolean().nullable(),
});
export const pdpConfigSchema = z.object({
  isConfigured: z.boolean(),
  id: z.union([z.number(), z.string()]).nullable().optional(),
  isActive: z.boolean().nullable().optional(),
  modeSandbox: z.boolean().nullable().optional(),
  flowServiceUrl: z.string().nullable().optional(),
  tokenUrl: z.string().nullable().optional(),
  oauthClientId: z.string().nullable().optional(),
  encryptionMode: z.string().nullable().optional(),
  secretStatus: secretStatusSchema.nullable().optional(),
  lastTestAt: z.string().nullable().optional(),
  lastTestSuccess: z.boolean().nullable().optional(),
  lastTestError: z.string().nullable().optional(),
  createdAt: z.string().nullable().optional(),
  updatedAt: z.string().nullable().optional(),
  message: z.string().nullable().optional(),
  /** Answered from the cache while the server is unreachable: only isConfigured and encryptionMode are known. */
  fromCache: z.boolean().optional(),
});
export type PdpConfigView = z.infer<typeof pdpConfigSchema>;

const httpUrl = text().trim().url('Must be a URL').max(2048).refine((u) => /^https?:\/\//i.test(u), 'Must start with http:// or https://');
export const pdpConfigFieldsSchema = z.object({
  flowServiceUrl: httpUrl,
  tokenUrl: httpUrl,
  oauthClientId: text().trim().min(1, 'OAuth client id is required').max(255),
  clientSecret: text().min(1, 'Client secret is required').max(4096),
  isActive: z.boolean().default(true),
  modeSandbox: z.boolean().default(false),
  encryptionMode: z.enum(['fernet', 'double']).default('fernet'),
});
export const pdpUpdateSchema = z.object({ connectionId, remoteId, fields: pdpConfigFieldsSchema });

export const webhookStatusSchema = z.object({ hasSecret: z.boolean(), createdAt: z.string().nullable(), savedLocally: z.boolean() });
export const webhookGenerateSchema = z.object({ connectionId, remoteId, saveToKeychain: z.boolean().default(true) });
export const webhookGeneratedSchema = z.object({
  webhookSecret: z.string(),
  createdAt: z.string().nullable(),
  savedToKeychain: z.boolean(),
});
export const webhookDeleteSchema = z.object({ connectionId, remoteId, confirm: z.literal(true) });
