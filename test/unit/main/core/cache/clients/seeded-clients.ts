import { clientWindowInputSchema } from '../../../../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../../../../shared/schemas/cache';
import { readDb, writeDb } from '../../../../../../main/core/cache/handles';
import { createClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import type { ClientReads } from '../../../../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import type { ClientWrites } from '../../../../../../main/core/cache/clients/client-writes';
import { generateClients } from '../../../../../fixtures/cache/generate-clients';
import { tempDb } from '../temp-db';

export const SEEDED_AT = '2025-06-01T00:00:00.000Z';

export interface SeededClients {
  reads: ClientReads;
  writes: ClientWrites;
  /** The remote ids of one window. */
  ids(input: ClientWindowInput): string[];
  cleanup(): void;
}

/** A real cache file holding `count` generated clients of connection `A`. */
export function seededClients(count: number): SeededClients {
  const t = tempDb();
  const reads = createClientReads(readDb(t.db));
  const writes = createClientWrites(writeDb(t.db));
  writes.upsertPage('A', generateClients('A', count, 3), 1, SEEDED_AT);
  return {
    reads,
    writes,
    ids: (input) => reads.window(clientWindowInputSchema.parse(input)).rows.map((r) => r.remoteId),
    cleanup: t.cleanup,
  };
}
