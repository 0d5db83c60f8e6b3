import { z } from 'zod';
import { clientRecordSchema, clientStatusSchema } from '../domain';

const connectionId = z.string().min(1).max(64);

export const clientSortSchema = z.enum(['name', 'updatedAt', 'createdAt', 'status', 'identifier']);

export const clientWindowInputSchema = z.object({
  connectionIds: z.array(connectionId).max(50).optional(),
  query: z.string().max(200, 'Search is at most 200 characters').optional(),
  status: z.array(clientStatusSchema).max(4).optional(),
  pdpConfigured: z.boolean().optional(),
  encryptionMode: z.enum(['double', 'fernet']).optional(),
  sort: clientSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).max(10_000_000).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ClientWindowInput = z.input<typeof clientWindowInputSchema>;

export const cachedClientSchema = clientRecordSchema.extend({
  syncedAt: z.string().nullable(),
  removed: z.boolean(),
  encryptionMode: z.string().nullable(),
  pdpConfigured: z.boolean(),
  highlight: z.object({ name: z.string().optional(), identifier: z.string().optional(), description: z.string().optional() }).optional(),
});
export type CachedClient = z.infer<typeof cachedClientSchema>;

export const clientWindowSchema = z.object({
  rows: z.array(cachedClientSchema),
  total: z.number(),
  lastSynced: z.record(z.string(), z.string().nullable()),
});

export const syncProgressSchema = z.object({
  connectionId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  pagesDone: z.number(),
  pagesTotal: z.number().nullable(),
  rows: z.number(),
  rowsWritten: z.number(),
  ratePerSec: z.number(),
  removed: z.number().optional(),
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type SyncProgress = z.infer<typeof syncProgressSchema>;

export const syncStateSchema = z.object({
  connectionId: z.string(),
  lastCompletedAt: z.string().nullable(),
  lastStartedAt: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  lastErrorMessage: z.string().nullable(),
  inProgress: z.boolean(),
  cachedCount: z.number(),
});

export const outboxItemSchema = z.object({
  id: z.number(),
  connectionId: z.string(),
  remoteId: z.string(),
  action: z.enum(['update', 'activate', 'deactivate', 'pdpConfig']),
  summary: z.string(),
  state: z.enum(['queued', 'conflict', 'failed', 'done']),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  createdAt: z.string(),
  /** The change as queued, secrets excluded. */
  mine: z.record(z.string(), z.unknown()).nullable(),
  /** The record as cached when the change was queued. */
  base: z.record(z.string(), z.unknown()).nullable(),
  /** The server's record when a conflict was found. */
  theirs: z.record(z.string(), z.unknown()).nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxResolveSchema = z.object({ id: z.number().int(), choice: z.enum(['mine', 'theirs']) });
export const outboxIdSchema = z.object({ id: z.number().int() });

export const auditEntrySchema = z.object({
  id: z.number(),
  at: z.string(),
  connectionId: z.string().nullable(),
  clientId: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  requestId: z.string().nullable(),
  summary: z.string(),
  hash: z.string(),
});
export const auditListInputSchema = z.object({
  connectionId: connectionId.optional(),
  limit: z.number().int().min(1).max(500).default(100),
  offset: z.number().int().min(0).default(0),
});
export const auditVerifySchema = z.object({ ok: z.boolean(), count: z.number(), brokenAtId: z.number().nullable() });
export const exportInputSchema = z.object({ format: z.enum(['csv', 'json']) });
export const exportResultSchema = z.object({ filename: z.string(), content: z.string(), mimeType: z.string() });
