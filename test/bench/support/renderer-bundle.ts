// Builds the renderer as `vite build` does (into dist/renderer, where the browser harness serves it from) and
// weighs its JavaScript gzipped: all of it, and what the first screen loads (the entry and its static imports).
import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { build } from 'vite';
import type { Rolldown } from 'vite';

export interface BundleWeights {
  totalGzipKb: number;
  firstScreenGzipKb: number;
  chunks: number;
  largestGzipKb: number;
}

type Chunk = Rolldown.OutputChunk;

const kb = (bytes: number) => bytes / 1024;

export async function buildRenderer(): Promise<BundleWeights> {
  const result = await build({ configFile: resolve(import.meta.dirname, '../../../vite.config.ts'), mode: 'production', logLevel: 'warn' });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((o) => o.output).filter((o): o is Chunk => o.type === 'chunk');
  const gzipped = new Map(chunks.map((c) => [c.fileName, gzipSync(c.code).length]));
  const byName = new Map(chunks.map((c) => [c.fileName, c]));
  const firstScreen = new Set<string>();
  const visit = (name: string) => {
    if (firstScreen.has(name)) return;
    firstScreen.add(name);
    for (const imported of byName.get(name)?.imports ?? []) visit(imported);
  };
  for (const entry of chunks.filter((c) => c.isEntry)) visit(entry.fileName);
  const sum = (names: Iterable<string>) => [...names].reduce((n, name) => n + (gzipped.get(name) ?? 0), 0);
  return {
    totalGzipKb: kb(sum(gzipped.keys())),
    firstScreenGzipKb: kb(sum(firstScreen)),
    chunks: chunks.length,
    largestGzipKb: kb(Math.max(...gzipped.values())),
  };
}
