import { z } from 'zod';

export const PROVIDER_IDS = ['factpulse', 'sites', 'tokenization', 'directory'] as const;
export const providerIdSchema = z.enum(PROVIDER_IDS);
export type ProviderId = z.infer<typeof providerIdSchema>;

export const CAPABILITIES = [
  'list', 'get', 'create', 'update', 'activate', 'deactivate', 'delete',
  'pdpConfig', 'encryptionKeys', 'webhookSecret', 'rebuildRegistry', 'partnerScope', 'mtls',
] as const;
export const capabilitySchema = z.enum(CAPABILITIES);
export type Capability = z.infer<typeof capabilitySchema>;

export const clientStatusSchema = z.enum(['active', 'inactive', 'suspended', 'unknown']);
export type ClientStatus = z.infer<typeof clientStatusSchema>;

/** The normalized client every provider maps its wire shape to (docs/architecture.md §3). */
export const clientRecordSchema = z.object({
  connectionId: z.string(),
  remoteId: z.string(),
  name: z.string(),
  identifier: z.string().nullable(),
  description: z.string().nullable(),
  status: clientStatusSchema,
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
  version: z.number().int().optional(),
  extra: z.record(z.string(), z.unknown()),
});
export type ClientRecord = z.infer<typeof clientRecordSchema>;
