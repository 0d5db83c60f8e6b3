// Windows and counts filtered by FactPulse's facts (PDP configured, double mode) over a 100k cache in which
// a third of the PDP clients are in double mode, a third in simple mode and a third not learned yet.
import type { ClientRecord } from '../../../shared/domain';
import { clientWindowInputSchema } from '../../../shared/schemas/cache';
import type { ClientWindowInput } from '../../../shared/schemas/cache';
import type { CacheDb } from '../../../main/core/cache/database';
import { readDb, writeDb } from '../../../main/core/cache/handles';
import { createClientReads } from '../../../main/core/cache/clients/client-reads';
import { createClientWrites } from '../../../main/core/cache/clients/client-writes';
import { percentile, round } from './figures';
import type { Figures } from './figures';

const RUNS = 100;
const COUNT_RUNS = 10;
const MODES = ['double', 'fernet', null] as const;

/** `timeCalls(runs, call)`: one warm-up call, then the duration of each of `runs` calls (cache.ts's). */
type TimeCalls = (runs: number, call: () => unknown) => number[];

export function measureFactFilters(db: CacheDb, connectionId: string, clients: readonly ClientRecord[], timeCalls: TimeCalls): Figures {
  const p95 = (runs: number, call: () => unknown) => round(percentile(timeCalls(runs, call), 95));
  const writes = createClientWrites(writeDb(db));
  let n = 0;
  db.transaction(() => {
    for (const c of clients) {
      if (c.extra.hasConfigPdp !== true) continue;
      writes.setPdpInfo(connectionId, c.remoteId, { configured: true, encryptionMode: MODES[n++ % MODES.length] ?? null });
    }
  });
  const reads = createClientReads(readDb(db));
  const total = (input: ClientWindowInput) => reads.window(clientWindowInputSchema.parse({ ...input, limit: 1 })).total ?? 0;
  const at = (input: ClientWindowInput, where: 'start' | 'end') => {
    const offset = where === 'start' ? 0 : Math.max(0, total(input) - 200);
    return p95(RUNS, () => reads.window(clientWindowInputSchema.parse({ ...input, sort: 'name', offset, limit: 200 })));
  };
  const note = (what: string) => `200 rows by name + total, ${what}; ${n} PDP clients, a third double`;
  return {
    'window.pdp_start.p95_ms': { value: at({ pdpConfigured: true }, 'start'), unit: 'ms', note: note('PDP configured, offset 0') },
    'window.pdp_end.p95_ms': { value: at({ pdpConfigured: true }, 'end'), unit: 'ms', note: note('PDP configured, last window') },
    'window.no_pdp_end.p95_ms': { value: at({ pdpConfigured: false }, 'end'), unit: 'ms', note: note('no PDP, last window') },
    'window.double_start.p95_ms': { value: at({ doubleMode: true }, 'start'), unit: 'ms', note: note('double mode, offset 0') },
    'window.not_double_end.p95_ms': { value: at({ doubleMode: false }, 'end'), unit: 'ms', note: note('not double, last window') },
    'cache.counts100k.p95_ms': { value: p95(COUNT_RUNS, () => reads.counts()), unit: 'ms', note: `clients.counts over 100k, ${COUNT_RUNS} calls` },
  };
}
