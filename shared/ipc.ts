import { z } from 'zod';
import type { AppErrorShape } from './errors';
import { appInfoSchema, settingsPatchSchema, settingsSchema } from './schemas/settings';
import {
  connectionAddSchema,
  connectionIdSchema,
  connectionRemoveSchema,
  connectionSchema,
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
  clientUpdateSchema,
  pdpConfigSchema,
  pdpUpdateSchema,
  webhookDeleteSchema,
  webhookGenerateSchema,
  webhookGeneratedSchema,
  webhookStatusSchema,
} from './schemas/clients';
import { clientRecordSchema } from './domain';

const none = z.undefined();

/**
 * The one place a channel is declared: name → input and output schemas.
 * Both sides infer their types from this object; the router validates every input against it.
 */
export const channels = {
  'app.info': { input: none, output: appInfoSchema },
  'settings.get': { input: none, output: settingsSchema },
  'settings.update': { input: settingsPatchSchema, output: settingsSchema },

  'connections.list': { input: none, output: z.array(connectionSchema) },
  'connections.add': { input: connectionAddSchema, output: connectionSchema },
  'connections.update': { input: connectionUpdateSchema, output: connectionSchema },
  'connections.test': { input: connectionIdSchema, output: connectionTestResultSchema },
  'connections.remove': { input: connectionRemoveSchema, output: z.object({ removed: z.literal(true) }) },
  'demo.start': { input: none, output: connectionSchema },

  'clients.page': { input: clientPageInputSchema, output: clientPageSchema },
  'clients.get': { input: clientRefSchema, output: clientRecordSchema },
  'clients.create': { input: clientCreateSchema, output: clientRecordSchema },
  'clients.update': { input: clientUpdateSchema, output: clientRecordSchema },
  'clients.setActive': { input: clientSetActiveSchema, output: clientSetActiveResultSchema },

  'pdp.get': { input: clientRefSchema, output: pdpConfigSchema },
  'pdp.update': { input: pdpUpdateSchema, output: pdpConfigSchema },

  'webhook.status': { input: clientRefSchema, output: webhookStatusSchema },
  'webhook.generate': { input: webhookGenerateSchema, output: webhookGeneratedSchema },
  'webhook.delete': { input: webhookDeleteSchema, output: z.object({ message: z.string() }) },

  // ── offline cache, sync, outbox, audit (issue 4): add channels below this line ──

  // ── keys, double mode, backups, webhook verification (issue 5): add channels below this line ──
} as const;

/** Main → renderer pushes. */
export const events = {
  'settings.changed': settingsSchema,
  'connections.changed': z.array(connectionSchema),
  'connection.status': connectionStatusSchema,
  // ── issue 4 events (sync.progress) below ──

  // ── issue 5 events (job.progress) below ──
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
