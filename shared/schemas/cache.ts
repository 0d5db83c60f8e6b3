import { z } from 'zod';
import { clientRecordSchema, clientStatusSchema } from '../domain';
import { text } from './text';

const connectionId = text().min(1).max(64);
const remoteId = text().min(1).max(200);
/** A facet names one extra of the cached record; it becomes a JSON path, so only letters and digits. */
const facetKey = text().regex(/^[A-Za-z][A-Za-z0-9]{0,40}$/, 'A facet is named by letters and digits');
const facetValue = text().min(1, 'Choose a value').max(255, 'A facet value is at most 255 characters');

/** Search matches inside `highlight` strings are wrapped in these private-use characters (never HTML). */
export const HIGHLIGHT_START = '\uE000';
export const HIGHLIGHT_END = '\uE001';

export const clientSortSchema = z.enum(['name', 'updatedAt', 'status', 'relevance']);
export type ClientSort = z.infer<typeof clientSortSchema>;

/**
 * A window of cached clients. Either offset/limit (jump anywhere) or `cursor` (the previous window's
 * `nextCursor`: constant-time next page). `relevance` needs a query; without one it sorts by name.
 */
export const clientWindowInputSchema = z
  .object({
    connectionIds: z.array(connectionId).min(1).max(50).optional(),
    query: text().trim().max(200, 'Search is at most 200 characters').optional(),
    status: z.array(clientStatusSchema).min(1).max(4).optional(),
    pdpConfigured: z.boolean().optional(),
    doubleMode: z.boolean().optional(),
    /** true: a double-mode key is stored locally (keychain) for the client; false: none is. */
    hasKey: z.boolean().optional(),
    /** Only clients whose local key is more than this many whole days old (as the Keys screen flags them). */
    keyOlderThanDays: z
      .number({ message: 'Key age must be a number of days' })
      .int('Key age must be a whole number of days')
      .min(1, 'Key age is at least 1 day')
      .max(3650, 'Key age is at most 3650 days')
      .optional(),
    /** Only clients whose extra `key` (a provider's facet, e.g. the tokenization partner) equals `value`. */
    facet: z.object({ key: facetKey, value: facetValue }).strict().optional(),
    sort: clientSortSchema.default('name'),
    direction: z.enum(['asc', 'desc']).default('asc'),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    cursor: text().min(1).max(2000).optional(),
    includeTotal: z.boolean().default(true),
  })
  .strict();
export type ClientWindowInput = z.input<typeof clientWindowInputSchema>;
export type ClientWindowQuery = z.output<typeof clientWindowInputSchema>;

export const clientHighlightSchema = z.object({
  name: z.string().optional(),
  identifier: z.string().optional(),
  description: z.string().optional(),
});

export const cachedClientSchema = clientRecordSchema.extend({
  syncedAt: z.string().nullable(),
  removed: z.boolean(),
  encryptionMode: z.string().nullable(),
  pdpConfigured: z.boolean(),
  /** A queued offline write exists for this client. */
  pending: z.boolean(),
  highlight: clientHighlightSchema.optional(),
});
export type CachedClient = z.infer<typeof cachedClientSchema>;

export const clientWindowSchema = z.object({
  rows: z.array(cachedClientSchema),
  /** Rows matching the filters; null when includeTotal was false. */
  total: z.number().nullable(),
  nextCursor: z.string().nullable(),
  /** Last completed sync per connection in scope (ISO time, null = never). */
  lastSynced: z.record(z.string(), z.string().nullable()),
});
export type ClientWindow = z.infer<typeof clientWindowSchema>;

export const clientFacetValuesInputSchema = z.object({ connectionId, key: facetKey }).strict();
/** Distinct values in name order, at most 200. */
export const clientFacetValuesSchema = z.array(z.string());

/** Drops one client from this computer's cache (a tombstone) after the server said it no longer exists. */
export const clientForgetCachedInputSchema = z.object({ connectionId, remoteId }).strict();
export const clientForgetCachedSchema = z.object({ forgotten: z.literal(true) });

export const clientCountsInputSchema = z.object({ connectionIds: z.array(connectionId).min(1).max(50).optional() }).strict();
export const clientCountsSchema = z.object({
  total: z.number(),
  byStatus: z.record(z.string(), z.number()),
  pdpConfigured: z.number(),
  doubleMode: z.number(),
  byConnection: z.array(z.object({ connectionId: z.string(), total: z.number(), lastSynced: z.string().nullable() })),
});
export type ClientCounts = z.infer<typeof clientCountsSchema>;

export const syncNowInputSchema = z.object({ connectionId }).strict();

export const syncProgressSchema = z.object({
  connectionId: z.string(),
  state: z.enum(['running', 'done', 'failed', 'cancelled']),
  pagesDone: z.number(),
  pagesTotal: z.number().nullable(),
  rows: z.number(),
  rowsWritten: z.number(),
  ratePerSec: z.number(),
  removed: z.number().optional(),
  resumed: z.boolean().optional(),
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
  /** An interrupted walk will resume from its committed pages. */
  resumable: z.boolean(),
  cachedCount: z.number(),
});
export type SyncState = z.infer<typeof syncStateSchema>;

export const OUTBOX_ACTIONS = ['update', 'activate', 'deactivate', 'pdpConfig', 'delete'] as const;
export const OUTBOX_STATES = ['queued', 'conflict', 'failed'] as const;
const looseRecord = z.record(z.string(), z.unknown());

export const outboxItemSchema = z.object({
  id: z.number(),
  connectionId: z.string(),
  remoteId: z.string(),
  action: z.enum(OUTBOX_ACTIONS),
  summary: z.string(),
  state: z.enum(OUTBOX_STATES),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  attempts: z.number(),
  createdAt: z.string(),
  /** The change as queued; a secret shows only as "(sealed)". */
  mine: looseRecord,
  /** The record as the server last showed it when the change was queued. */
  base: looseRecord.nullable(),
  /** The server's record when a conflict was found. */
  theirs: looseRecord.nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxListInputSchema = z
  .object({ connectionId: connectionId.optional(), state: z.enum(OUTBOX_STATES).optional() })
  .strict();
const outboxId = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const outboxResolveSchema = z.object({ id: outboxId, choice: z.enum(['mine', 'theirs']) }).strict();
export const outboxIdSchema = z.object({ id: outboxId }).strict();
export const outboxDiscardSchema = z.object({ id: outboxId, confirm: z.literal(true) }).strict();
export const outboxReplayInputSchema = z.object({ connectionId }).strict();
export const outboxOutcomeSchema = z.object({
  outcome: z.enum(['applied', 'dropped', 'conflict', 'failed', 'queued']),
  item: outboxItemSchema.nullable(),
});
export const outboxReplaySchema = z.object({ applied: z.number(), conflicts: z.number(), failed: z.number(), remaining: z.number() });
export const outboxChangedSchema = z.object({ connectionId: z.string(), queued: z.number(), conflicts: z.number(), failed: z.number() });

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
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListInputSchema = z
  .object({
    connectionId: connectionId.optional(),
    clientId: remoteId.optional(),
    /** Newest first; pass the last id seen to get the next (older) page. */
    beforeId: z.number().int().min(1).optional(),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();
export const auditListSchema = z.object({ rows: z.array(auditEntrySchema), total: z.number() });
export const auditVerifySchema = z.object({
  ok: z.boolean(),
  count: z.number(),
  brokenAtId: z.number().nullable(),
  /** Checked under the audit key from the keychain; false when no key is available this session (see message). */
  keyed: z.boolean(),
  /** mismatch: edited, removed or inserted; unkeyed: chained without the key in a keyed log; unknown-key: under a key not held here. */
  reason: z.enum(['mismatch', 'unkeyed', 'unknown-key']).nullable(),
  /** Why the chain is broken, or what the check cannot vouch for (English; the window words its own from reason/keyed). */
  message: z.string().nullable(),
});
export const auditExportInputSchema = z
  .object({
    format: z.enum(['csv', 'json']),
    /**
     * Absolute path chosen by the user (save dialog); its extension must match the format.
     * Without it the export comes back as `content` for the window to save as a download.
     */
    path: text().min(2).max(4096).optional(),
    connectionId: connectionId.optional(),
  })
  .strict();
export const auditExportSchema = z.object({
  path: z.string().nullable(),
  count: z.number(),
  bytes: z.number(),
  /** The exported text when no path was given. */
  content: z.string().nullable(),
});
