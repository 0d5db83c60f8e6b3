import { z } from 'zod';
import { clientWindowInputSchema } from './cache';
import { text } from './text';

/** At most this many clients picked one by one (a selection beyond it is described by its filter). */
export const MAX_PICKED_CLIENTS = 2000;

const clientRef = z.object({ connectionId: text().min(1).max(64), remoteId: text().min(1).max(200) }).strict();
export type ClientRef = z.infer<typeof clientRef>;

/** The Clients list's search and filters, as clients.window takes them (without sort and paging). */
export const clientFilterSchema = clientWindowInputSchema.pick({
  connectionIds: true,
  query: true,
  status: true,
  pdpConfigured: true,
  doubleMode: true,
  hasKey: true,
  keyOlderThanDays: true,
  facet: true,
});
export type ClientFilter = z.input<typeof clientFilterSchema>;

/**
 * Which clients a bulk change is for: rows the user ticked, or everything matching a filter except the rows
 * unticked afterwards. Main resolves either against its own cache; a client it does not hold is never changed.
 */
export const clientSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('picked'), clients: z.array(clientRef).min(1, 'Select at least one client').max(MAX_PICKED_CLIENTS) }).strict(),
  z.object({ kind: z.literal('matching'), filter: clientFilterSchema, except: z.array(clientRef).max(MAX_PICKED_CLIENTS).default([]) }).strict(),
]);
export type ClientSelection = z.input<typeof clientSelectionSchema>;

export const BULK_STATUS_ACTIONS = ['activate', 'deactivate'] as const;
export const bulkStatusActionSchema = z.enum(BULK_STATUS_ACTIONS);
export type BulkStatusAction = z.infer<typeof bulkStatusActionSchema>;

export const clientsBulkPreviewSchema = z.object({ action: bulkStatusActionSchema, selection: clientSelectionSchema }).strict();
export const clientsBulkStartSchema = z.object({ action: bulkStatusActionSchema, selection: clientSelectionSchema, confirm: z.literal(true) }).strict();
export const clientsBulkJobRefSchema = z.object({ jobId: text().min(1).max(64) }).strict();

export const clientsBulkPreviewResultSchema = z.object({
  action: bulkStatusActionSchema,
  /** Clients the selection holds in the cache. */
  selected: z.number(),
  /** Will be sent (or queued in the outbox when the connection is offline). */
  change: z.number(),
  /** Already in the asked state: skipped. */
  alreadyInState: z.number(),
  /** A change of theirs waits in the outbox: skipped, so the queued change is not overtaken. */
  pendingInOutbox: z.number(),
  /** Their connection cannot make this change: skipped. */
  unsupported: z.number(),
  /** Named by the window but not in this computer's cache: never changed. */
  notFound: z.number(),
  /** The first clients that would change, for the user to recognise. */
  sample: z.array(z.object({ connectionId: z.string(), remoteId: z.string(), name: z.string() })),
});
export type ClientsBulkPreview = z.infer<typeof clientsBulkPreviewResultSchema>;

export const CLIENT_JOB_STATES = ['running', 'paused', 'cancelled', 'done'] as const;
/** waiting: not sent yet; queued: in the outbox (offline), sent when the connection is back. */
export const CLIENT_JOB_ITEM_STATES = ['waiting', 'done', 'queued', 'failed', 'cancelled'] as const;
export type ClientJobItemState = (typeof CLIENT_JOB_ITEM_STATES)[number];

export const clientJobProgressSchema = z.object({
  jobId: z.string(),
  action: bulkStatusActionSchema,
  state: z.enum(CLIENT_JOB_STATES),
  total: z.number(),
  done: z.number(),
  queued: z.number(),
  failed: z.number(),
  cancelled: z.number(),
  remaining: z.number(),
  ratePerSecond: z.number(),
});
export type ClientJobProgress = z.infer<typeof clientJobProgressSchema>;

export const clientJobSummarySchema = clientJobProgressSchema.extend({ createdAt: z.string(), finishedAt: z.string().nullable() });
export type ClientJobSummary = z.infer<typeof clientJobSummarySchema>;

export const clientJobItemSchema = z.object({
  connectionId: z.string(),
  remoteId: z.string(),
  name: z.string(),
  state: z.enum(CLIENT_JOB_ITEM_STATES),
  errorCode: z.string().nullable(),
  error: z.string().nullable(),
});
export type ClientJobItem = z.infer<typeof clientJobItemSchema>;

export const clientJobDetailSchema = clientJobSummarySchema.extend({
  items: z.array(clientJobItemSchema),
  /** More items than `items` holds (the first ones, failures first). */
  itemsTotal: z.number(),
});
export type ClientJobDetail = z.infer<typeof clientJobDetailSchema>;
