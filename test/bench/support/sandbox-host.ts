// A FactPulse sandbox in its own process, as a real server would be: its CPU work and memory are not
// counted in the syncing process. Prints one JSON line { url } once listening; stops on SIGTERM.
// node --import tsx support/sandbox-host.ts <clients> <seed> <latencyMs> <apiKey>
import { startFactPulseSandbox } from '../../../main/core/sandbox/factpulse';

async function main(): Promise<void> {
  const [clients, seed, latencyMs, apiKey] = process.argv.slice(2);
  if (!clients || !seed || !latencyMs || !apiKey) throw new Error('usage: sandbox-host.ts <clients> <seed> <latencyMs> <apiKey>');
  const sandbox = await startFactPulseSandbox({ clients: Number(clients), seed: Number(seed), apiKey });
  if (Number(latencyMs) > 0) sandbox.faults.set({ latencyMs: Number(latencyMs) });
  process.on('SIGTERM', () => {
    void sandbox.close().then(() => process.exit(0));
  });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
