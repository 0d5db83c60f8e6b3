import { z } from 'zod';
import { pdpConfigFieldsSchema, pdpConfigSchema } from './clients';
import { text } from './text';

// Keys never cross IPC except in keysRevealResultSchema (explicit, confirmed reveal/copy).
const connectionId = text().min(1).max(64);
const clientUid = text().min(1).max(200);
const fp = z.string();
const selection = z.union([z.literal('all'), z.array(clientUid).min(1).max(100_000)]);
const errorShape = z.object({ code: z.string(), message: z.string() }).nullable();
/**
 * Only while secrets are memory-only: main asks where to save (its own dialog), writes an encrypted backup of the
 * key with this passphrase, and only then uses the key.
 */
const backupFirst = z.strictObject({ passphrase: text().min(12, 'The passphrase must have at least 12 characters').max(1024) }).optional();

export const keysClientRefSchema = z.object({ connectionId, clientUid });
/**
 * What the Keys screen can narrow the inventory to. attention = old + missing-locally + rotation-to-confirm;
 * old = a key in use (ok) older than settings.keyMaxAgeDays; each row falls in exactly one of the others.
 */
export const KEY_FILTERS = ['all', 'attention', 'ok', 'old', 'missing-locally', 'rotation-to-confirm', 'not-in-use'] as const;
export const keyFilterSchema = z.enum(KEY_FILTERS);
export type KeyFilter = z.infer<typeof keyFilterSchema>;
/** Most rows one factpulse.keys.inventory answer carries (a whole 100k-client connection's keys, for the palette's "older than N days"). */
export const KEYS_INVENTORY_MAX_LIMIT = 100_000;
/**
 * factpulse.keys.inventory: one connection, or every connection holding keys when omitted; one client (clientUid); the
 * rows of one filter whose client name or id contains `search` (case and accents ignored), in name order, a page at a time.
 */
export const keysInventorySchema = z
  .strictObject({
    connectionId: connectionId.optional(),
    clientUid: clientUid.optional(),
    filter: keyFilterSchema.default('all'),
    search: text().max(200, 'The search is limited to 200 characters').default(''),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(KEYS_INVENTORY_MAX_LIMIT).default(100),
  })
  .prefault({});

/** How far the PDP-mode learner is for one connection: `known` of `total` PDP configurations have a known encryption mode. */
export const pdpModesProgressSchema = z.object({
  connectionId: z.string(),
  known: z.number(),
  total: z.number(),
  running: z.boolean(),
});
export type PdpModesProgress = z.infer<typeof pdpModesProgressSchema>;

export const keyInventoryRowSchema = z.object({
  connectionId: z.string(),
  clientUid: z.string(),
  fingerprint: fp.nullable(),
  createdAt: z.string().nullable(),
  ageDays: z.number().nullable(),
  pendingFingerprint: fp.nullable(),
  previousFingerprint: fp.nullable(),
  hasPending: z.boolean(),
  hasPrevious: z.boolean(),
  /**
   * ok; rotation-to-confirm (pending slot or open journal row); missing-locally (the server reports double
   * mode, i.e. requiresClientKey, but no current key is here); not-in-use (no current key, server not in double mode).
   */
  status: z.enum(['ok', 'rotation-to-confirm', 'missing-locally', 'not-in-use']),
  lastRotationAt: z.string().nullable(),
  /** From the offline cache (null when the client is not cached). */
  clientName: z.string().nullable(),
  clientStatus: z.string().nullable(),
  /** The cache last saw this client in double mode on the server (requiresClientKey); null when not cached. */
  serverRequiresKey: z.boolean().nullable(),
});

/** Counts over every row in the inventory's connection scope (before the filter and the search). */
export const keyInventorySummarySchema = z.object({
  keys: z.number(),
  attention: z.number(),
  ok: z.number(),
  old: z.number(),
  missingLocally: z.number(),
  rotationToConfirm: z.number(),
  notInUse: z.number(),
});
export const keyInventoryPageSchema = z.object({
  rows: z.array(keyInventoryRowSchema),
  /** Rows matching the filter and the search. */
  total: z.number(),
  offset: z.number(),
  summary: keyInventorySummarySchema,
  /** The key age limit the summary and the "old" filter used (settings.keyMaxAgeDays). */
  maxAgeDays: z.number(),
  /**
   * PDP-mode learning of each connection in scope that has PDP configurations: while known < total, clients in
   * double mode may still be missing from "missing locally" (and from the summary).
   */
  modes: z.array(pdpModesProgressSchema),
});

/** PDP fields without encryptionMode (the channel decides it). */
const pdpFields = pdpConfigFieldsSchema.omit({ encryptionMode: true });
export const keysEnableDoubleSchema = z.object({ connectionId, clientUid, fields: pdpFields, backupFirst });
export const keysEnableDoubleResultSchema = z.object({ pdp: pdpConfigSchema, fingerprint: fp, generated: z.boolean(), backupPath: z.string().optional() });
export const keysDisableDoubleSchema = z.object({ connectionId, clientUid, fields: pdpFields, confirm: z.literal(true) });
export const keysDisableDoubleResultSchema = z.object({ pdp: pdpConfigSchema, explanation: z.string(), keptFingerprint: fp.nullable() });

export const rotationOutcomeSchema = z.object({
  connectionId: z.string(),
  clientUid: z.string(),
  outcome: z.enum(['committed', 'aborted', 'unknown']),
  oldFingerprint: fp.nullable(),
  newFingerprint: fp.nullable(),
  journalId: z.number().nullable(),
  error: errorShape,
  backupPath: z.string().optional(),
});
export const keysRotateSchema = z.object({ connectionId, clientUid, backupFirst });
export const recoveryOutcomeSchema = z.object({
  connectionId: z.string(),
  clientUid: z.string(),
  outcome: z.enum(['committed', 'aborted', 'unknown', 'nothing']),
  serverKeyFingerprint: fp.nullable(),
  currentFingerprint: fp.nullable(),
  resolvedRows: z.number(),
  error: errorShape,
});
export const keysRecoverSchema = z.strictObject({ connectionId: connectionId.optional(), clientUid: clientUid.optional() }).default({});

export const keysImportSchema = z.object({
  connectionId,
  clientUid,
  key: text().min(1).max(200),
  confirm: z.boolean().default(false),
  verify: z.boolean().default(true),
});
export const keysImportResultSchema = z.object({
  fingerprint: fp,
  replacedFingerprint: fp.nullable(),
  unchanged: z.boolean(),
  serverAccepts: z.boolean().nullable(),
});

export const keysRevealSchema = z.object({ connectionId, clientUid, slot: z.enum(['current', 'previous']).default('current'), confirm: z.literal(true) });
export const keysRevealResultSchema = z.object({ key: z.string(), fingerprint: fp });
/** factpulse.keys.copy: main reads the key and writes the clipboard itself; only the fingerprint comes back. */
export const keysCopySchema = z.object({ connectionId, clientUid, slot: z.enum(['current', 'previous']).default('current') });
export const keysCopyResultSchema = z.object({ fingerprint: fp, clearAfterMs: z.number() });

export const keysBulkPreviewSchema = z.object({ connectionId, clients: selection });
export const keysBulkPreviewResultSchema = z.object({
  connectionId: z.string(),
  clients: z.array(z.object({ clientUid: z.string(), fingerprint: fp, ageDays: z.number().nullable() })),
  skipped: z.array(z.object({ clientUid: z.string(), reason: z.enum(['no-key', 'rotation-to-confirm']) })),
});
export const keysBulkStartSchema = z.object({ connectionId, clients: selection, concurrency: z.number().int().min(1).max(8).default(4), confirm: z.literal(true) });
export const keysJobRefSchema = z.object({ jobId: text().min(1).max(64) });

export const jobProgressSchema = z.object({
  jobId: z.string(),
  connectionId: z.string(),
  state: z.enum(['running', 'paused', 'cancelled', 'done']),
  total: z.number(),
  done: z.number(),
  failed: z.number(),
  unknown: z.number(),
  remaining: z.number(),
  ratePerSecond: z.number(),
});
export const jobSummarySchema = jobProgressSchema.extend({ concurrency: z.number(), createdAt: z.string(), finishedAt: z.string().nullable() });
export const jobDetailSchema = jobSummarySchema.extend({
  items: z.array(
    z.object({
      clientUid: z.string(),
      state: z.enum(['queued', 'done', 'failed', 'unknown', 'cancelled']),
      oldFingerprint: fp.nullable(),
      newFingerprint: fp.nullable(),
      errorCode: z.string().nullable(),
      error: z.string().nullable(),
    }),
  ),
});
export const keysJobsSchema = z.strictObject({ connectionId: connectionId.optional() }).default({});

const filePath = text().min(1).max(4096);
const passphrase = text().min(12, 'The passphrase must have at least 12 characters').max(1024);
export const keysExportBackupSchema = z.object({ connectionId, clients: selection, path: filePath, passphrase });
export const keysExportBackupResultSchema = z.object({
  path: z.string(),
  clients: z.array(z.object({ clientUid: z.string(), fingerprint: fp, createdAt: z.string() })),
});
export const keysInspectBackupSchema = z.object({ path: filePath, targetConnectionId: connectionId.optional() });
export const keysInspectBackupResultSchema = z.object({
  formatVersion: z.number(),
  connectionId: z.string(),
  createdAt: z.string(),
  kdf: z.object({ name: z.string(), N: z.number(), r: z.number(), p: z.number() }),
  verified: z.boolean(),
  clients: z.array(
    z.object({ clientUid: z.string(), fingerprint: fp, createdAt: z.string(), local: z.enum(['none', 'same', 'different']), localFingerprint: fp.nullable() }),
  ),
});
export const keysImportBackupSchema = z.object({
  path: filePath,
  passphrase: text().min(1).max(1024),
  targetConnectionId: connectionId.optional(),
  confirm: z.boolean().default(false),
});
export const keysImportBackupResultSchema = z.object({
  connectionId: z.string(),
  imported: z.array(z.object({ clientUid: z.string(), fingerprint: fp, replacedFingerprint: fp.nullable() })),
  unchanged: z.array(z.string()),
});

export const keysJournalSchema = z.strictObject({ connectionId: connectionId.optional(), clientUid: clientUid.optional(), limit: z.number().int().min(1).max(5000).default(200) }).default({ limit: 200 });
export const journalRowSchema = z.object({
  id: z.number(),
  connectionId: z.string(),
  clientUid: z.string(),
  operation: z.string(),
  step: z.enum(['pending', 'committed', 'aborted', 'unknown']),
  oldFingerprint: fp.nullable(),
  newFingerprint: fp.nullable(),
  jobId: z.string().nullable(),
  startedAt: z.string(),
  updatedAt: z.string(),
  resolvedAt: z.string().nullable(),
  error: z.string().nullable(),
});

export const webhookVerifySchema = z.object({
  connectionId,
  clientUid,
  rawBody: text().max(200_000),
  signature: text().max(1000),
});
export const webhookVerifyResultSchema = z.object({
  valid: z.boolean(),
  reason: z.enum(['ok', 'format', 'mismatch', 'no-secret']),
  message: z.string().nullable(),
});
