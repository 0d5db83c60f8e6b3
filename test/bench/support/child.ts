// Runs one figure module in its own process (so memory figures start clean) and writes its figures as
// JSON to the file named by the parent: node --import tsx support/child.ts <module> <out.json>
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import type { Figures } from './figures';

async function main(): Promise<void> {
  const [modulePath, outFile] = process.argv.slice(2);
  if (!modulePath || !outFile) throw new Error('usage: child.ts <figure module> <out.json>');
  const mod = (await import(pathToFileURL(modulePath).href)) as { measure(): Promise<Figures> };
  writeFileSync(outFile, JSON.stringify(await mod.measure()));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
    process.exit(1);
  },
);
