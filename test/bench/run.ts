// npm run bench [-- <area> ...]: runs each figure module of test/bench/figures/ in its own Node process,
// prints one table (figure, value, unit, target, ok/MISSED) and writes the figures to test/bench/results.json.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Figures } from './support/figures';
import { meets, TARGETS } from './support/targets';

const here = dirname(fileURLToPath(import.meta.url));
const figuresDir = join(here, 'figures');
const resultsFile = join(here, 'results.json');

function runArea(file: string, scratch: string): Figures {
  const out = join(scratch, `${basename(file, '.ts')}.json`);
  const started = performance.now();
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'support', 'child.ts'), join(figuresDir, file), out], {
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`bench area ${file} failed (exit ${child.status ?? child.signal})`);
  console.info(`  ${basename(file, '.ts')}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return JSON.parse(readFileSync(out, 'utf8')) as Figures;
}

function table(figures: Figures): string {
  const rows = Object.entries(figures).map(([name, f]) => {
    const target = TARGETS[name];
    return [
      name,
      String(f.value),
      f.unit,
      target ? `${target.op} ${target.value}` : '',
      target ? (meets(target, f.value) ? 'ok' : 'MISSED') : '',
      f.note ?? '',
    ];
  });
  const head = ['figure', 'value', 'unit', 'target', 'result', 'measured with'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

function main(): void {
  const wanted = process.argv.slice(2);
  const files = readdirSync(figuresDir)
    .filter((f) => f.endsWith('.ts'))
    .filter((f) => wanted.length === 0 || wanted.includes(basename(f, '.ts')))
    .sort();
  if (files.length === 0) throw new Error(`no bench area matches ${wanted.join(', ')}`);
  const scratch = mkdtempSync(join(tmpdir(), 'clientdesk-bench-'));
  const figures: Figures = {};
  try {
    console.info(`Benchmarks (${files.map((f) => basename(f, '.ts')).join(', ')}) on Node ${process.version}`);
    for (const file of files) Object.assign(figures, runArea(file, scratch));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.info(`\n${table(figures)}\n`);
  const json = Object.fromEntries(Object.entries(figures).map(([name, f]) => [name, { value: f.value, unit: f.unit }]));
  writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`);
  const missed = Object.entries(figures).filter(([name, f]) => TARGETS[name] && !meets(TARGETS[name], f.value));
  console.info(`${Object.keys(figures).length} figures written to test/bench/results.json; ${missed.length} target(s) missed.`);
}

main();
