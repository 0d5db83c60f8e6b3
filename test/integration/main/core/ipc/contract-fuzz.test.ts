import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../../../../main/core/create-core';
import type { Core } from '../../../../../main/core/create-core';
import { createMemoryKeychain } from '../../../../../main/core/vault';
import { CHANNEL_NAMES, channels } from '../../../../../shared/ipc';
import type { Channel, Envelope } from '../../../../../shared/ipc';
import { CHANNEL_SAMPLES } from './fuzz/channel-samples';
import { HEAVY, HOSTILE } from './fuzz/hostile-values';

// `npm run fuzz` sets FUZZ_RUNS=5000; FUZZ_SEED replays a run.
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 20_251_107);
const MAX_INPUT_BYTES = 256 * 1024; // the router's default cap

type Recipe =
  | { kind: 'whole'; hostile: number }
  | { kind: 'at'; path: number; hostile: number }
  | { kind: 'drop'; path: number }
  | { kind: 'extraKey'; key: string; hostile: number }
  | { kind: 'random'; value: unknown };

type Path = Array<string | number>;

/** Every path inside a sample (objects and arrays, each level), the root excluded. */
function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  if (value === null || typeof value !== 'object') return out;
  for (const [key, child] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(child, path, out);
  }
  return out;
}

function withValueAt(sample: unknown, path: Path, replace: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(sample) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  replace(parent, path[path.length - 1] as string | number);
  return copy;
}

/** Builds a fresh payload from a recipe (recipes stay small, so a failure prints and shrinks well). */
function materialize(channel: Channel, recipe: Recipe): unknown {
  const sample = CHANNEL_SAMPLES[channel];
  const paths = pathsOf(sample);
  const hostile = (i: number) => (HOSTILE[i % HOSTILE.length] as (typeof HOSTILE)[number]).make();
  switch (recipe.kind) {
    case 'whole':
      return hostile(recipe.hostile);
    case 'random':
      return recipe.value;
    case 'extraKey': {
      const base = sample && typeof sample === 'object' ? structuredClone(sample) : {};
      return Object.defineProperty(base, recipe.key, { value: hostile(recipe.hostile), enumerable: true, configurable: true, writable: true });
    }
    case 'at':
    case 'drop': {
      const path = paths[recipe.path % Math.max(paths.length, 1)];
      if (!path) return hostile(recipe.path);
      return withValueAt(sample, path, (parent, key) => {
        if (recipe.kind === 'drop') delete parent[key];
        else parent[key] = hostile(recipe.hostile);
      });
    }
  }
}

function describeRecipe(recipe: Recipe): string {
  if (recipe.kind === 'random') return `random ${fc.stringify(recipe.value).slice(0, 120)}`;
  const name = 'hostile' in recipe ? (HOSTILE[recipe.hostile % HOSTILE.length]?.name ?? '?') : '';
  return `${recipe.kind} ${'path' in recipe ? `path#${recipe.path} ` : ''}${'key' in recipe ? `key ${recipe.key} ` : ''}${name}`;
}

/** What the contract says of a payload, judged apart from the router (on its own fresh copy). */
function contractAccepts(channel: Channel, payload: unknown): boolean {
  try {
    if (payload !== undefined && (JSON.stringify(payload)?.length ?? 0) > MAX_INPUT_BYTES) return false;
    return channels[channel].input.safeParse(payload).success;
  } catch {
    return false;
  }
}

const index = fc.nat({ max: 10_000 });
const recipe: fc.Arbitrary<Recipe> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('whole' as const), hostile: index }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('at' as const), path: index, hostile: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), path: index }) },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('extraKey' as const), key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toJSON', 'then', 'extra'), hostile: index }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('random' as const), value: fc.anything({ maxDepth: 3, withNullPrototype: true, withBigInt: true, withBoxedValues: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true }) }) },
);

interface Tally {
  payloads: number;
  random: number;
  heavy: number;
  surrogate: number;
  crashes: number;
  internal: number;
  reachedHandlers: number;
}
const tally: Tally = { payloads: 0, random: 0, heavy: 0, surrogate: 0, crashes: 0, internal: 0, reachedHandlers: 0 };
let core: Core;
let dataDir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'clientdesk-fuzz-'));
  // Real handlers over a memory keychain, no connection, and a fetch that reaches nothing.
  const fetch = (async () => {
    throw new TypeError('fetch failed: the fuzz reaches no server');
  }) as unknown as typeof globalThis.fetch;
  core = await createCore({ dataDir, keychain: createMemoryKeychain(), resumeDemo: false, fetch, log: () => {} });
});

afterAll(async () => {
  await core?.close();
  rmSync(dataDir, { recursive: true, force: true });
  const missing = CHANNEL_NAMES.filter((c) => !(c in CHANNEL_SAMPLES) && !channels[c].input.safeParse(undefined).success);
  console.info(
    `fuzz: ${CHANNEL_NAMES.length} channels × ${RUNS} payloads = ${tally.random}, + ${tally.heavy} heavy + ${tally.surrogate} lone-surrogate fields ` +
      `= ${tally.payloads} in all, ${tally.crashes} crashes, ${tally.internal} INTERNAL (${tally.reachedHandlers} valid-looking reached a handler; seed ${SEED})` +
      (missing.length ? `; no valid sample yet for: ${missing.join(', ')}` : ''),
  );
});

async function invoke(channel: Channel, payload: unknown, kind: 'random' | 'heavy' | 'surrogate'): Promise<Envelope<unknown>> {
  tally.payloads++;
  tally[kind]++;
  try {
    return await core.router.invoke(channel, payload);
  } catch (err) {
    tally.crashes++;
    throw new Error(`router threw on ${channel}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

describe('contract fuzz: every channel through the real router and handlers', () => {
  it('starts from a valid sample for each channel that has one', () => {
    for (const [channel, sample] of Object.entries(CHANNEL_SAMPLES)) {
      if (!(channel in channels)) continue;
      const parsed = channels[channel as Channel].input.safeParse(sample);
      expect(parsed.success, `${channel} sample: ${parsed.error?.issues[0]?.message ?? ''}`).toBe(true);
    }
  });

  it.each(CHANNEL_NAMES)('%s: never throws, never INTERNAL, and every invalid payload is VALIDATION', async (channel) => {
    const seed = SEED + CHANNEL_NAMES.indexOf(channel);
    await fc.assert(
      fc.asyncProperty(recipe, async (r) => {
        const valid = contractAccepts(channel, materialize(channel, r));
        const result = await invoke(channel, materialize(channel, r), 'random');
        if (!result.ok && result.error.code === 'INTERNAL') tally.internal++;
        const what = `${channel} ← ${describeRecipe(r)}`;
        expect(result.ok ? 'ok' : result.error.code, what).not.toBe('INTERNAL');
        if (valid) tally.reachedHandlers++;
        else expect(result.ok ? 'ok' : result.error.code, `${what} (the contract refuses it)`).toBe('VALIDATION');
      }),
      { seed, numRuns: RUNS, endOnFailure: true },
    );
  }, 30_000 + RUNS * 200);

  // The normal run sends one heavy payload per channel (whole, or in place of a field), in turn through the
  // heavy kinds; `npm run fuzz` sends every heavy kind to every channel, both ways.
  it.each(CHANNEL_NAMES)('%s: 10 MB strings, 200k-deep nesting and huge arrays are VALIDATION', async (channel) => {
    const at = CHANNEL_NAMES.indexOf(channel);
    const all = RUNS >= 1000;
    const picks = all ? HEAVY.map((_, i) => i) : [at % HEAVY.length];
    for (const pick of picks) {
      const heavy = HEAVY[pick] as (typeof HEAVY)[number];
      const paths = pathsOf(CHANNEL_SAMPLES[channel]);
      const ways: Array<'whole' | 'field'> = all ? ['whole', 'field'] : [Math.floor(at / HEAVY.length) % 2 ? 'field' : 'whole'];
      for (const way of ways) {
        const path = paths[at % Math.max(paths.length, 1)];
        const payload = way === 'field' && path ? withValueAt(CHANNEL_SAMPLES[channel], path, (p, k) => (p[k] = heavy.make())) : heavy.make();
        const result = await invoke(channel, payload, 'heavy');
        if (!result.ok && result.error.code === 'INTERNAL') tally.internal++;
        expect(result, `${channel} ← ${heavy.name} (${way})`).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      }
    }
  }, 120_000);

  it.each(CHANNEL_NAMES.filter((c) => typeof CHANNEL_SAMPLES[c] === 'object'))(
    '%s: a lone surrogate in any string field is VALIDATION naming that field',
    async (channel) => {
      const sample = CHANNEL_SAMPLES[channel];
      for (const path of pathsOf(sample)) {
        const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], sample);
        if (typeof original !== 'string') continue;
        const payload = withValueAt(sample, path, (parent, key) => {
          parent[key] = `${original.slice(0, 3)}\uD800`;
        });
        const result = await invoke(channel, payload, 'surrogate');
        const field = path.join('.');
        expect(result, `${channel} ${field}`).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining(field) } });
      }
    },
  );
});
