import { AppError } from '../../../shared/errors';

/** A buffered JSON answer larger than this is refused (per client and per request: maxBodyBytes). */
export const DEFAULT_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** A streamed answer (a whole list) may be larger, but not unbounded. */
export const DEFAULT_MAX_STREAM_BYTES = 512 * 1024 * 1024;

const UNITS: Array<[number, string]> = [
  [1024 * 1024 * 1024, 'GiB'],
  [1024 * 1024, 'MiB'],
  [1024, 'KiB'],
];

/** 8388608 → "8 MiB", 1536 → "1.5 KiB", 100 → "100 bytes". */
export function describeBytes(bytes: number): string {
  for (const [size, unit] of UNITS) {
    if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
  }
  return `${bytes} bytes`;
}

export function tooLargeError(limit: number, status: number, declared?: number): AppError {
  const announced = declared !== undefined ? `; it announced ${describeBytes(declared)}` : '';
  return new AppError(
    'TOO_LARGE',
    `The server's answer (HTTP ${status}) is larger than the ${describeBytes(limit)} limit${announced}, so Clientdesk stopped reading it and closed the connection.`,
    { status, limitBytes: limit, ...(declared !== undefined ? { declaredBytes: declared } : {}) },
  );
}

/** The Content-Length a response announces, when it is a plain number. */
export function declaredLength(headers: Headers): number | undefined {
  const value = headers.get('content-length');
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value);
}

/** How a capped read reports: read failures go through `mapError`; `stop` closes the connection; `settled` runs once the read ended either way. */
export interface BodyReadControl {
  mapError(err: unknown): unknown;
  stop(): void;
  settled(): void;
}

/**
 * The body as a stream that fails with TOO_LARGE as soon as more than `limit` bytes arrived (then `stop`
 * closes the connection, so the rest is never downloaded). Read failures are passed through `mapError`.
 */
export function cappedBody(source: ReadableStream<Uint8Array> | null, limit: number, status: number, control: BodyReadControl): ReadableStream<Uint8Array> {
  if (!source) {
    control.settled();
    return new ReadableStream({ start: (controller) => controller.close() });
  }
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        control.settled();
        controller.error(control.mapError(err));
        return;
      }
      if (chunk.done) {
        control.settled();
        controller.close();
        return;
      }
      received += chunk.value.byteLength;
      if (received > limit) {
        control.settled();
        controller.error(tooLargeError(limit, status));
        control.stop();
        reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      control.settled();
      control.stop();
      return reader.cancel(reason).catch(() => {});
    },
  });
}

/**
 * Reads a body whole as UTF-8 text, failing with TOO_LARGE past `limit` bytes: straight from the response's
 * reader, without a second stream in between (a sync reads a thousand pages through here).
 */
export async function readCappedText(source: ReadableStream<Uint8Array> | null, limit: number, status: number, control: BodyReadControl): Promise<string> {
  if (!source) {
    control.settled();
    return '';
  }
  const reader = source.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  try {
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        throw control.mapError(err);
      }
      if (chunk.done) break;
      received += chunk.value.byteLength;
      if (received > limit) {
        control.stop();
        reader.cancel().catch(() => {});
        throw tooLargeError(limit, status);
      }
      chunks.push(chunk.value);
    }
  } finally {
    control.settled();
  }
  return Buffer.concat(chunks, received).toString('utf8');
}
