import { JSONParser } from '@streamparser/json';
import { AppError } from '../../../../shared/errors';

/**
 * Reads a JSON array from a byte stream and yields its items in batches as they arrive: a 100k-item answer
 * never exists whole as text, and only one batch of items is alive at a time.
 */
export async function* jsonArrayItems(body: AsyncIterable<Uint8Array>, batchSize: number, what: string): AsyncGenerator<unknown[]> {
  const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
  let batch: unknown[] = [];
  let sawRoot = false;
  let failure: unknown = null;
  parser.onValue = ({ value }) => {
    batch.push(value);
  };
  parser.onError = (err) => {
    failure ??= err;
  };
  const refuse = () => new AppError('BAD_RESPONSE', `${what} is not a complete JSON list (cut off or not JSON).`);
  for await (const chunk of body) {
    if (!sawRoot) {
      const first = chunk.find((b) => b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09);
      if (first === undefined) continue;
      if (first !== 0x5b) throw refuse();
      sawRoot = true;
    }
    try {
      parser.write(chunk);
    } catch {
      throw refuse();
    }
    if (failure) throw refuse();
    if (batch.length >= batchSize) {
      const out = batch;
      batch = [];
      yield out;
    }
  }
  if (!sawRoot || !parser.isEnded) {
    try {
      parser.end();
    } catch {
      throw refuse();
    }
  }
  if (failure || !sawRoot) throw refuse();
  if (batch.length) yield batch;
}
