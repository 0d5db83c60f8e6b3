import { describe, expect, it } from 'vitest';
import { jsonArrayItems } from '../../../../../../main/core/providers/common/json-array-stream';

async function* chunks(text: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(text: string, size = 7, batch = 3): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const items of jsonArrayItems(chunks(text, size), batch, 'The list')) out.push(items);
  return out;
}

describe('jsonArrayItems', () => {
  it('yields every item in batches, whatever the chunk boundaries', async () => {
    const items = Array.from({ length: 10 }, (_, i) => ({ client_id: `id-${i}`, nom: `Société « ${i} » \\ "quoted"`, sites: [{ n: i }] }));
    const batches = await collect(`  ${JSON.stringify(items)}\n`, 5, 4);
    expect(batches.flat()).toEqual(items);
    expect(batches.every((b) => b.length >= 1)).toBe(true);
  });

  it('an empty list yields nothing', async () => {
    expect(await collect('[]')).toEqual([]);
  });

  it('refuses a cut-off list, an object and text', async () => {
    await expect(collect('[{"a":1},{"b":')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    await expect(collect('{"detail":"x"}')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
    await expect(collect('<html>oops</html>')).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
