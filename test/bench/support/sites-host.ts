// A sites registry sandbox in its own process, so its seeding and serving are not counted in the syncing
// process. Prints one JSON line { url } once listening; stops on SIGTERM.
// node --import tsx support/sites-host.ts <clients> <seed>
import { startSitesSandbox } from '../../../main/core/sandbox/sites';

async function main(): Promise<void> {
  const [clients, seed] = process.argv.slice(2);
  if (!clients || !seed) throw new Error('usage: sites-host.ts <clients> <seed>');
  const sandbox = await startSitesSandbox({ clients: Number(clients), seed: Number(seed), sitesAs: 'mixed' });
  process.on('SIGTERM', () => {
    void sandbox.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
