// A FactPulse sandbox in its own process, as a real server would be: its CPU work and memory are not
// counted in the syncing process. Prints one JSON line { url } once listening; stops on SIGTERM.
// A line `change <n>` on stdin edits n clients spread evenly through the list (as if changed server-side)
// and answers one JSON line { changed }.
// node --import tsx support/sandbox-host.ts <clients> <seed> <latencyMs> <apiKey>
import { createInterface } from 'node:readline';
import { startFactPulseSandbox } from '../../../main/core/sandbox/factpulse';
import type { SandboxState } from '../../../main/core/sandbox/factpulse';

let edits = 0;

/** Edits `count` clients spread evenly through the list: a new description and a later updatedAt. */
function changeClients(state: SandboxState, count: number): number {
  const step = Math.max(1, Math.floor(state.order.length / count));
  const at = new Date().toISOString();
  edits++;
  let changed = 0;
  for (let i = 0; i < state.order.length && changed < count; i += step) {
    const client = state.clients.get(state.order[i] as string);
    if (!client) continue;
    client.description = `Edited on the server (${edits})`;
    client.updatedAt = at;
    changed++;
  }
  return changed;
}

async function main(): Promise<void> {
  const [clients, seed, latencyMs, apiKey] = process.argv.slice(2);
  if (!clients || !seed || !latencyMs || !apiKey) throw new Error('usage: sandbox-host.ts <clients> <seed> <latencyMs> <apiKey>');
  const sandbox = await startFactPulseSandbox({ clients: Number(clients), seed: Number(seed), apiKey });
  if (Number(latencyMs) > 0) sandbox.faults.set({ latencyMs: Number(latencyMs) });
  process.on('SIGTERM', () => {
    void sandbox.close().then(() => process.exit(0));
  });
  createInterface({ input: process.stdin }).on('line', (line) => {
    const [command, n] = line.trim().split(/\s+/);
    if (command === 'change') process.stdout.write(`${JSON.stringify({ changed: changeClients(sandbox.state, Number(n)) })}\n`);
  });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url })}\n`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});
