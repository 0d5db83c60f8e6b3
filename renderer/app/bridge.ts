import type { AppErrorShape } from '../../shared/errors';
import type { Channel, ChannelInput, ChannelOutput, ClientdeskApi, Envelope } from '../../shared/ipc';

declare global {
  interface Window {
    clientdesk?: ClientdeskApi;
  }
}

function api(): ClientdeskApi {
  if (!window.clientdesk) throw new Error('window.clientdesk is missing: the preload (or the harness) did not run.');
  return window.clientdesk;
}

/** An envelope error carried as an exception inside the renderer, so forms can show its fields. */
export class BridgeError extends Error {
  readonly shape: AppErrorShape;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.shape = shape;
  }
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const f of this.shape.details?.fields ?? []) out[f.field] ??= f.message;
    return out;
  }
}

export function invokeRaw<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<Envelope<ChannelOutput<C>>> {
  return api().invoke(channel, ...input);
}

/** invoke that unwraps the envelope: value or a BridgeError. */
export async function call<C extends Channel>(channel: C, ...input: ChannelInput<C> extends undefined ? [] : [ChannelInput<C>]): Promise<ChannelOutput<C>> {
  const envelope = await api().invoke(channel, ...input);
  if (!envelope.ok) throw new BridgeError(envelope.error);
  return envelope.value;
}

export const onEvent: ClientdeskApi['on'] = (event, listener) => api().on(event, listener);

export function errorShape(err: unknown): AppErrorShape {
  if (err instanceof BridgeError) return err.shape;
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}
