// npm run sandbox -- factpulse [--port 8001] [--clients 500] [--host 127.0.0.1] [--api-key K]
//                               [--username U] [--password P] [--seed N]
// Starts a local FactPulse-compatible server (main/core/sandbox/factpulse), prints its base URL and the
// credentials it accepts, and runs until Ctrl-C. Sandbox credentials only: never put real ones here.
import { parseArgs } from 'node:util';
import { startFactPulseSandbox } from '../main/core/sandbox/factpulse';

const PROVIDERS = ['factpulse'] as const;
const USAGE = `Usage: npm run sandbox -- <provider> [options]

Providers: ${PROVIDERS.join(', ')}

Options:
  --port N        port to listen on (default 8001; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1)
  --clients N     number of seeded clients (default 500)
  --seed N        seed of the generated data (default 42)
  --api-key K     API key to accept (default: random)
  --username U    username for POST /api/token/ (default admin@demo.factpulse.test)
  --password P    password for POST /api/token/ (default: random)
  -h, --help      show this help`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number between ${min} and ${max} (got "${value}").`);
  }
  return n;
}

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        clients: { type: 'string' },
        seed: { type: 'string' },
        'api-key': { type: 'string' },
        username: { type: 'string' },
        password: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  if (values.help) return null;
  const [provider, ...extra] = positionals;
  if (!provider) throw new UsageError('Name the provider to simulate, e.g. `npm run sandbox -- factpulse`.');
  if (!(PROVIDERS as readonly string[]).includes(provider)) {
    throw new UsageError(`Unknown provider "${provider}". Available: ${PROVIDERS.join(', ')}.`);
  }
  if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(' ')}.`);
  for (const name of ['api-key', 'username', 'password'] as const) {
    if (values[name] !== undefined && values[name].trim() === '') throw new UsageError(`--${name} cannot be empty.`);
  }
  return {
    provider,
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 8001, 0, 65_535),
    clients: integer('clients', values.clients, 500, 0, 100_000),
    seed: integer('seed', values.seed, 42, 0, 2 ** 32 - 1),
    ...(values['api-key'] !== undefined ? { apiKey: values['api-key'] } : {}),
    ...(values.username !== undefined ? { username: values.username } : {}),
    ...(values.password !== undefined ? { password: values.password } : {}),
  };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const { provider: _provider, ...sandboxOptions } = options;
  const sandbox = await startFactPulseSandbox(sandboxOptions);
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const url = shownHost === '127.0.0.1' ? sandbox.url : `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${sandbox.port}`;
  console.log(`FactPulse sandbox listening on ${url} (${sandbox.state.order.length} clients, seed ${options.seed})`);
  console.log('Credentials it accepts (sandbox only):');
  console.log(`  X-API-Key:  ${sandbox.credentials.apiKey}`);
  console.log(`  username:   ${sandbox.credentials.username}`);
  console.log(`  password:   ${sandbox.credentials.password}`);
  console.log(`  token URL:  ${url}/api/token/  (add "client_uid" for a client-scoped token)`);
  console.log('Press Ctrl-C to stop.');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: closing the sandbox…`);
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  if (err instanceof UsageError) {
    console.error(`sandbox: ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  const code = (err as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error('sandbox: that port is already in use; pick another with --port (0 = any free port).');
  else if (code === 'EACCES') console.error('sandbox: not allowed to listen on that port; use one above 1024.');
  else console.error(`sandbox: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
