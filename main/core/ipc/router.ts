import { ZodError } from 'zod';
import { channels, isChannel } from '../../../shared/ipc';
import type { Channel, ChannelOutput, ChannelParsedInput, Envelope } from '../../../shared/ipc';
import { AppError, ERROR_MESSAGES } from '../../../shared/errors';
import type { AppErrorShape, FieldError } from '../../../shared/errors';
import { redact, redactDeep } from '../http/redact';

export interface CallContext {
  /** URL of the frame that sent the call (Electron); undefined for in-process callers such as the harness. */
  senderUrl?: string;
}

export type Handler<C extends Channel> = (
  input: ChannelParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;
export type HandlerMap = { [C in Channel]: Handler<C> };

export interface RouterOptions {
  log?: (line: string) => void;
  /** When set, calls whose senderUrl it rejects are refused (Electron: only the app's own page). */
  isTrustedSender?: (url: string | undefined) => boolean;
  /** Upper bound on the JSON size of one input. */
  maxInputBytes?: number;
}

export interface Router {
  invoke(channel: unknown, input: unknown, ctx?: CallContext): Promise<Envelope<unknown>>;
}

const DEFAULT_MAX_INPUT_BYTES = 256 * 1024;

export function createRouter(handlers: HandlerMap, options: RouterOptions = {}): Router {
  const log = options.log ?? (() => {});
  const maxInputBytes = options.maxInputBytes ?? DEFAULT_MAX_INPUT_BYTES;

  async function invoke(channel: unknown, input: unknown, ctx: CallContext = {}): Promise<Envelope<unknown>> {
    try {
      if (options.isTrustedSender && !options.isTrustedSender(ctx.senderUrl)) {
        log(`refused ${String(channel).slice(0, 64)} from an untrusted sender`);
        return fail({ code: 'FORBIDDEN', message: 'This page may not call Clientdesk.' });
      }
      if (!isChannel(channel)) {
        return fail({ code: 'VALIDATION', message: `Unknown channel "${String(channel).slice(0, 64)}".` });
      }
      const tooBig = inputSizeProblem(input, maxInputBytes);
      if (tooBig) return fail({ code: 'VALIDATION', message: tooBig });
      const parsed = safeParseInput(channel, input);
      if (!parsed) return fail({ code: 'VALIDATION', message: UNREADABLE_INPUT });
      if (!parsed.success) return fail(validationShape(parsed.error));
      const handler = handlers[channel] as Handler<Channel>;
      const value = await handler(parsed.data as never, ctx);
      return { ok: true, value: channels[channel].output.parse(value) };
    } catch (err) {
      return fail(toErrorShape(err, String(channel), log));
    }
  }

  return { invoke };
}

function fail(error: AppErrorShape): Envelope<never> {
  return { ok: false, error };
}

const UNREADABLE_INPUT = 'The request could not be read (not plain data).';

/** null when reading the input throws: a getter or Proxy may read fine for the size check, then throw. */
function safeParseInput(channel: Channel, input: unknown) {
  try {
    return channels[channel].input.safeParse(input);
  } catch {
    return null;
  }
}

function inputSizeProblem(input: unknown, max: number): string | null {
  if (input === undefined) return null;
  let size: number;
  try {
    size = JSON.stringify(input)?.length ?? 0;
  } catch {
    return UNREADABLE_INPUT;
  }
  return size > max ? `The request is too large (${size} bytes; at most ${max}).` : null;
}

export function validationShape(error: ZodError): AppErrorShape {
  const fields: FieldError[] = error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
  const first = fields[0];
  const message = first ? `${first.field}: ${first.message}` : ERROR_MESSAGES.VALIDATION.en;
  return { code: 'VALIDATION', message: redact(message), details: { fields: redactDeep(fields) } };
}

/** No stack, no raw error text of unknown origin, nothing unredacted crosses the bridge. */
export function toErrorShape(err: unknown, channel: string, log: (line: string) => void): AppErrorShape {
  if (err instanceof AppError) {
    const shape = err.toShape();
    return shape.details
      ? { ...shape, message: redact(shape.message), details: redactDeep(shape.details) }
      : { ...shape, message: redact(shape.message) };
  }
  if (err instanceof ZodError) {
    log(`${channel}: output failed its schema: ${redact(err.message)}`);
    return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.en };
  }
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  log(`${channel}: unexpected error: ${redact(text)}`);
  return { code: 'INTERNAL', message: ERROR_MESSAGES.INTERNAL.en };
}
