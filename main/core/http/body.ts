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

/**
 * The body as a stream that fails with TOO_LARGE as soon as more than `limit` bytes arrived (then `stop`
 * closes the connection, so the rest is never downloaded). Read failures are passed through `mapError`.
 */
export function cappedBody(
  source: ReadableStream<Uint8Array> | null,
  limit: number,
  status: number,
  mapError: (err: unknown) => unknown,
  stop: () => void,
): ReadableStream<Uint8Array> {
  if (!source) return new ReadableStream({ start: (controller) => controller.close() });
  const reader = source.getReader();
  let received = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (err) {
        controller.error(mapError(err));
        return;
      }
      if (chunk.done) {
        controller.close();
        return;
      }
      received += chunk.value.byteLength;
      if (received > limit) {
        controller.error(tooLargeError(limit, status));
        stop();
        reader.cancel().catch(() => {});
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      stop();
      return reader.cancel(reason).catch(() => {});
    },
  });
}

/** Reads a (capped) body whole as UTF-8 text. */
export async function readText(body: ReadableStream<Uint8Array>): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of body) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}
