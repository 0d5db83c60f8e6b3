import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { appInfoSchema, settingsPatchSchema, settingsSchema } from './schemas/settings';
import {
  connectionAddSchema,
  connectionIdSchema,
  connectionRemoveSchema,
  connectionSchema,
  demoStartSchema,
  connectionStatusSchema,
  connectionTestResultSchema,
  connectionUpdateSchema,
} from './schemas/connections';
import {
  clientCreateSchema,
  clientPageInputSchema,
  clientPageSchema,
  clientRefSchema,
  clientSetActiveResultSchema,
  clientSetActiveSchema,
  clientDeleteSchema,
  clientUpdateSchema,
} from './schemas/clients';
import { clientRecordSchema, providerIdSchema } from './domain';
import {
  auditExportInputSchema,
  auditExportSchema,
  auditListInputSchema,
  auditListSchema,
  auditVerifySchema,
  clientCountsInputSchema,
  clientCountsSchema,
  clientFacetValuesInputSchema,
  clientFacetValuesSchema,
  clientForgetCachedInputSchema,
  clientForgetCachedSchema,
  clientWindowInputSchema,
  clientWindowSchema,
  outboxChangedSchema,
  outboxDiscardSchema,
  outboxIdSchema,
  outboxItemSchema,
  outboxListInputSchema,
  outboxOutcomeSchema,
  outboxReplayInputSchema,
  outboxReplaySchema,
  outboxResolveSchema,
  syncNowInputSchema,
  syncProgressSchema,
  syncStateSchema,
} from './schemas/cache';
import { factpulseChannels, factpulseEvents } from './providers/factpulse-channels';
import { dialogOpenFileSchema, dialogResultSchema, dialogSaveFileSchema } from './schemas/dialogs';
import { recoveryResolvedSchema, recoveryResolveSchema, recoveryStatusSchema } from './schemas/recovery';
import {
  certificateImportSchema,
  connectionCertificateSchema,
  credentialRowSchema,
  directoryCancelSchema,
  directoryHistoryInputSchema,
  directoryHistorySchema,
  directoryRebuildSchema,
  rebuildProgressSchema,
  rebuildRecordSchema,
} from './schemas/directory';
import { dashboardFiguresInputSchema, dashboardFiguresSchema } from './schemas/dashboard';
import {
  clientJobDetailSchema,
  clientJobProgressSchema,
  clientJobSummarySchema,
  clientsBulkJobRefSchema,
  clientsBulkPreviewResultSchema,
  clientsBulkPreviewSchema,
  clientsBulkStartSchema,
} from './schemas/client-jobs';

const none = z.undefined();

/**
 * The one place a channel is declared: name → input and output schemas.
 * Both sides infer their types from this object; the router validates every input against it.
 */
export const channels = {
  'app.info': { input: none, output: appInfoSchema },
  'settings.get': { input: none, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },
  /** Startup found a file it could not use (app.info mode 'recovery'): what happened, and the user's choice. */
  'recovery.status': { input: none, output: recoveryStatusSchema },
  'recovery.resolve': { input: recoveryResolveSchema, output: recoveryResolvedSchema },

  'connections.list': { input: none, output: z.array(connectionSchema) },
  'connections.add': { input: connectionAddSchema, output: connectionSchema },
  'connections.update': { input: connectionUpdateSchema, output: connectionSchema },
  'connections.test': { input: connectionIdSchema, output: connectionTestResultSchema },
  'connections.remove': { input: connectionRemoveSchema, output: z.object({ removed: z.literal(true) }) },
  /** The last known reachability of each connection (events keep it current afterwards). */
  'connections.statuses': { input: none, output: z.array(connectionStatusSchema) },
  'demo.start': { input: demoStartSchema, output: connectionSchema },
  'providers.available': { input: none, output: z.array(providerIdSchema) },

  'clients.page': { input: clientPageInputSchema, output: clientPageSchema },
  'clients.get': { input: clientRefSchema, output: clientRecordSchema },
  'clients.create': { input: clientCreateSchema, output: clientRecordSchema },
  'clients.update': { input: clientUpdateSchema, output: clientRecordSchema },
  'clients.setActive': { input: clientSetActiveSchema, output: clientSetActiveResultSchema },
  'clients.delete': { input: clientDeleteSchema, output: z.object({ deleted: z.literal(true), queued: z.boolean() }) },

  // ── offline cache, sync, outbox, audit ──
  'clients.window': { input: clientWindowInputSchema, output: clientWindowSchema },
  'clients.counts': { input: clientCountsInputSchema, output: clientCountsSchema },
  /** The values a connection's cached clients take for a provider's facet (e.g. the tokenization partner). */
  'clients.facetValues': { input: clientFacetValuesInputSchema, output: clientFacetValuesSchema },
  /** The server said the client is gone: drop it from this computer's cache (audited; the server is not called). */
  'clients.forgetCached': { input: clientForgetCachedInputSchema, output: clientForgetCachedSchema },
  /** Bulk activate / deactivate of a selection (ticked rows, or all matching a filter), resolved by main from its cache. */
  'clients.bulkPreview': { input: clientsBulkPreviewSchema, output: clientsBulkPreviewResultSchema },
  'clients.bulkStart': { input: clientsBulkStartSchema, output: clientJobSummarySchema },
  /** A running job pauses (resumable); a paused one is cancelled for good. */
  'clients.bulkCancel': { input: clientsBulkJobRefSchema, output: clientJobSummarySchema },
  'clients.bulkResume': { input: clientsBulkJobRefSchema, output: clientJobSummarySchema },
  'clients.bulkJob': { input: clientsBulkJobRefSchema, output: clientJobDetailSchema },
  'clients.bulkJobs': { input: none, output: z.array(clientJobSummarySchema) },
  'sync.now': { input: syncNowInputSchema, output: syncProgressSchema },
  'sync.state': { input: none, output: z.array(syncStateSchema) },
  'outbox.list': { input: outboxListInputSchema, output: z.array(outboxItemSchema) },
  'outbox.replay': { input: outboxReplayInputSchema, output: outboxReplaySchema },
  'outbox.resolve': { input: outboxResolveSchema, output: outboxOutcomeSchema },
  'outbox.retry': { input: outboxIdSchema, output: outboxOutcomeSchema },
  'outbox.discard': { input: outboxDiscardSchema, output: z.object({ discarded: z.literal(true) }) },
  'audit.list': { input: auditListInputSchema, output: auditListSchema },
  'audit.verify': { input: none, output: auditVerifySchema },
  'audit.export': { input: auditExportInputSchema, output: auditExportSchema },

  'dialog.saveFile': { input: dialogSaveFileSchema, output: dialogResultSchema },
  'dialog.openFile': { input: dialogOpenFileSchema, output: dialogResultSchema },

  /** Figures at a glance, read from the local databases only (never the network). */
  'dashboard.figures': { input: dashboardFiguresInputSchema, output: dashboardFiguresSchema },
  /** Tries an unsaved connection (the connections.add input): nothing is stored, whatever the answer. */
  'connections.probe': { input: connectionAddSchema, output: connectionTestResultSchema },

  // ── the directory (mutual TLS, rebuilds) and the credential inventory ──
  /** Files are paths main's own open dialog returned (dialog.openFile). */
  'directory.importCertificate': { input: certificateImportSchema, output: connectionCertificateSchema },
  'directory.certificate': { input: directoryCancelSchema, output: connectionCertificateSchema },
  'directory.rebuild': { input: directoryRebuildSchema, output: rebuildRecordSchema },
  'directory.cancelRebuild': { input: directoryCancelSchema, output: z.object({ cancelled: z.boolean() }) },
  'directory.history': { input: directoryHistoryInputSchema, output: directoryHistorySchema },
  /** Client certificates of every connection, with days to expiry. */
  'credentials.list': { input: none, output: z.array(credentialRowSchema) },

  // ── FactPulse's extension: PDP configurations, double-mode keys, backups, webhook secrets ──
  ...factpulseChannels,
} as const;

/** Main → renderer pushes. */
export const events = {
  'settings.changed': settingsSchema,
  'connections.changed': z.array(connectionSchema),
  'connection.status': connectionStatusSchema,
  // ── sync and outbox events ──
  'sync.progress': syncProgressSchema,
  'outbox.changed': outboxChangedSchema,
  'clients.bulkProgress': clientJobProgressSchema,

  'directory.rebuildProgress': rebuildProgressSchema,
  ...factpulseEvents,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;
export type ChannelInput<C extends Channel> = z.input<(typeof channels)[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<(typeof channels)[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<(typeof channels)[C]['output']>;
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export const CHANNEL_NAMES = Object.keys(channels) as Channel[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.hasOwn(channels, name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

/** Electron IPC channel names are namespaced so nothing else on ipcMain can collide. */
export const IPC_PREFIX = 'clientdesk:';
export const EVENT_CHANNEL = 'clientdesk:event';

/** What the preload (Electron) and the browser harness both put on `window.clientdesk`. */
export interface ClientdeskApi {
  invoke<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<Envelope<ChannelOutput<C>>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}
