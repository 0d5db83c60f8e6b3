// npm run sandbox -- <factpulse | sites | tokenization | directory> [options]   (npm run sandbox -- --help for each one's options)
// Starts a local server speaking that provider's wire format (main/core/sandbox/<provider>), prints its base URL
// and the credentials it accepts, and runs until Ctrl-C. Sandbox credentials only: never put real ones here.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFactPulseSandbox } from '../main/core/sandbox/factpulse';
import { startSitesSandbox } from '../main/core/sandbox/sites';
import { startTokenizationSandbox } from '../main/core/sandbox/tokenization';
import { subtreeOf } from '../main/core/sandbox/tokenization/state';
import { startDirectorySandbox } from '../main/core/sandbox/directory';

const COMMON = `  --port N        port to listen on (default 8001; 0 picks a free one)
  --host H        address to bind (default 127.0.0.1)
  --clients N     number of seeded clients (default 500, at most 100000)
  --seed N        seed of the generated data (default 42)`;

const PROVIDERS = {
  factpulse: {
    options: ['api-key', 'username', 'password'],
    usage: `  --api-key K     API key to accept (default: random)
  --username U    username for POST /api/token/ (default admin@demo.factpulse.test)
  --password P    password for POST /api/token/ (default: random)`,
  },
  sites: {
    options: ['token', 'api-key', 'api-key-header', 'sites-as', 'delete-mode'],
    usage: `  --token T           require "Authorization: Bearer T" on every call (default: no authentication)
  --api-key K         require this key in the API-key header on every call (either credential is enough)
  --api-key-header H  name of that header (default X-API-Key)
  --sites-as S        "sites" in the list as a count, an array of sites, or mixed (default count)
  --delete-mode M     deactivate (the client stays, status "inactive"; default) or remove (then 404)`,
  },
  tokenization: {
    options: ['username', 'password', 'partner', 'sub-partners', 'max-take'],
    usage: `  --username U        HTTP Basic username (default admin@demo.tokenization.test)
  --password P        HTTP Basic password (default: random)
  --partner NAME      name of the root partner (default "Partenaire Démo")
  --sub-partners L    comma-separated sub-partners under the root; "Child>Parent" puts one under another
                      sub-partner; "<root>" stands for the root's name (default: "<root> Est,<root> Ouest,
                      <root> Est Alsace><root> Est")
  --max-take N        largest take honoured, larger ones are lowered to it (default 100)`,
  },
  directory: {
    options: ['token', 'certs'],
    usage: `  --token T           require "Authorization: Bearer T" (default: random)
  --certs DIR         where to write ca.pem, client.pem and client-key.pem (default .tmp/directory-certs);
                      HTTPS with mutual TLS: only clients presenting a certificate signed by that CA get in`,
  },
} as const;
type Provider = keyof typeof PROVIDERS;
const NAMES = Object.keys(PROVIDERS) as Provider[];

const USAGE = `Usage: npm run sandbox -- <provider> [options]

Providers: ${NAMES.join(', ')}

Options of every provider:
${COMMON}
  -h, --help      show this help
${NAMES.map((p) => `\nOptions of ${p}:\n${PROVIDERS[p].usage}`).join('\n')}`;

class UsageError extends Error {}

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(`--${name} must be a whole number between ${min} and ${max} (got "${value}").`);
  }
  return n;
}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || (allowed as readonly string[]).includes(value)) return value as T | undefined;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}").`);
}

function subPartners(list: string | undefined, root: string) {
  if (list === undefined) return undefined;
  const expand = (name: string) => name.trim().replace(/^<root>/, root);
  return list.split(',').filter((s) => s.trim()).map((spec) => {
    const [name = '', parent] = spec.split('>');
    return parent === undefined ? { name: expand(name) } : { name: expand(name), parent: expand(parent) };
  });
}

const STRING_OPTIONS = ['port', 'host', 'clients', 'seed', ...new Set(NAMES.flatMap((p) => PROVIDERS[p].options))];

function parse(argv: string[]) {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { ...Object.fromEntries(STRING_OPTIONS.map((o) => [o, { type: 'string' as const }])), help: { type: 'boolean', short: 'h' } },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { help, ...values } = parsed.values as Record<string, string | undefined> & { help?: boolean };
  if (help) return null;
  const [provider, ...extra] = parsed.positionals;
  if (!provider) throw new UsageError('Name the provider to simulate, e.g. `npm run sandbox -- factpulse`.');
  if (!(NAMES as string[]).includes(provider)) throw new UsageError(`Unknown provider "${provider}". Available: ${NAMES.join(', ')}.`);
  if (extra.length) throw new UsageError(`Unexpected argument(s): ${extra.join(' ')}.`);
  const own: readonly string[] = PROVIDERS[provider as Provider].options;
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || ['port', 'host', 'clients', 'seed'].includes(name)) continue;
    if (!own.includes(name)) throw new UsageError(`--${name} is not an option of the ${provider} sandbox.`);
    if (value.trim() === '') throw new UsageError(`--${name} cannot be empty.`);
  }
  return {
    provider: provider as Provider,
    values,
    host: values.host ?? '127.0.0.1',
    port: integer('port', values.port, 8001, 0, 65_535),
    clients: integer('clients', values.clients, 500, 0, 100_000),
    seed: integer('seed', values.seed, 42, 0, 2 ** 32 - 1),
  };
}

type Parsed = NonNullable<ReturnType<typeof parse>>;
const defined = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

/** Starts the sandbox and returns what to print about it. */
async function start(o: Parsed, shownUrl: (port: number, url: string) => string) {
  const base = { host: o.host, port: o.port, clients: o.clients, seed: o.seed };
  const v = o.values;
  if (o.provider === 'factpulse') {
    const s = await startFactPulseSandbox({ ...base, ...defined({ apiKey: v['api-key'], username: v.username, password: v.password }) });
    const url = shownUrl(s.port, s.url);
    return {
      sandbox: s,
      lines: [
        `FactPulse sandbox listening on ${url} (${s.state.order.length} clients, seed ${o.seed})`,
        'Credentials it accepts (sandbox only):',
        `  X-API-Key:  ${s.credentials.apiKey}`,
        `  username:   ${s.credentials.username}`,
        `  password:   ${s.credentials.password}`,
        `  token URL:  ${url}/api/token/  (add "client_uid" for a client-scoped token)`,
      ],
    };
  }
  if (o.provider === 'sites') {
    const s = await startSitesSandbox({
      ...base,
      ...defined({ token: v.token, apiKey: v['api-key'], apiKeyHeader: v['api-key-header'] }),
      ...defined({ sitesAs: oneOf('sites-as', v['sites-as'], ['count', 'array', 'mixed'] as const) }),
      ...defined({ deleteMode: oneOf('delete-mode', v['delete-mode'], ['deactivate', 'remove'] as const) }),
    });
    const { token, apiKey, apiKeyHeader } = s.credentials;
    return {
      sandbox: s,
      lines: [
        `Sites registry sandbox listening on ${shownUrl(s.port, s.url)} (${s.state.clients.size} clients, seed ${o.seed}, sites as ${s.options.sitesAs}, DELETE ${s.options.deleteMode}s)`,
        token === null && apiKey === null ? 'No credentials needed (start it with --token T to require a bearer token).' : 'Credentials it accepts (sandbox only):',
        ...(token === null ? [] : [`  Authorization: Bearer ${token}`]),
        ...(apiKey === null ? [] : [`  ${apiKeyHeader}: ${apiKey}`]),
      ],
    };
  }
  if (o.provider === 'directory') return startDirectory(o, shownUrl);
  const partner = v.partner?.trim();
  const s = await startTokenizationSandbox({
    ...base,
    ...defined({ username: v.username, password: v.password, partner, subPartners: subPartners(v['sub-partners'], partner ?? 'Partenaire Démo') }),
    ...defined({ maxTake: v['max-take'] === undefined ? undefined : integer('max-take', v['max-take'], 100, 1, 100_000) }),
  });
  const depth = (id: number): number => {
    const parent = s.state.partners.get(id)?.parentId;
    return parent == null ? 0 : 1 + depth(parent);
  };
  const inScope = (id: number) => {
    const ids = subtreeOf(s.state, id);
    return [...s.state.clients.values()].filter((c) => ids.has(c.directPartnerId)).length;
  };
  return {
    sandbox: s,
    lines: [
      `Tokenization sandbox listening on ${shownUrl(s.port, s.url)} (${s.state.clients.size} clients, seed ${o.seed}, take at most ${s.options.maxTake})`,
      'Credentials it accepts (HTTP Basic, sandbox only):',
      `  username:  ${s.credentials.username}`,
      `  password:  ${s.credentials.password}`,
      'Partners (?partner= takes the id or the name; a partner lists its whole subtree):',
      ...[...s.state.partners.values()].map((p) => `  ${String(p.id).padEnd(5)} ${'  '.repeat(depth(p.id))}${p.name}  (${inScope(p.id)} clients)`),
    ],
  };
}

async function startDirectory(o: Parsed, shownUrl: (port: number, url: string) => string) {
  const local = ['localhost', '127.0.0.1', '0.0.0.0', '::'].includes(o.host);
  const s = await startDirectorySandbox({
    host: o.host,
    port: o.port,
    clients: o.clients,
    seed: o.seed,
    certsDir: resolve(o.values.certs ?? '.tmp/directory-certs'),
    serverNames: ['localhost', '127.0.0.1', ...(local ? [] : [o.host])],
    log: (line) => console.log(line),
    ...defined({ token: o.values.token }),
  });
  const url = shownUrl(s.port, s.url).replace(/^http:/, 'https:');
  const files = s.files as NonNullable<typeof s.files>;
  return {
    sandbox: s,
    lines: [
      `Directory sandbox (HTTPS, mutual TLS) listening on ${url} (${s.registry.length} registered clients, seed ${o.seed})`,
      'Credentials it accepts (sandbox only):',
      `  Authorization: Bearer ${s.token}`,
      `  client certificate ${files.cert}, its key ${files.key}, signed by ${files.ca}`,
      `Try: curl -i --cacert "${files.ca}" --cert "${files.cert}" --key "${files.key}" -X POST -H "Authorization: Bearer ${s.token}" "${url}/clients?status=Active"`,
      'Each request is logged below with how many registry clients its filters match.',
    ],
  };
}

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  if (!options) {
    console.log(USAGE);
    return;
  }
  const shownHost = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  const shownUrl = (port: number, url: string) =>
    shownHost === '127.0.0.1' ? url : `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`;
  const { sandbox, lines } = await start(options, shownUrl);
  for (const line of lines) console.log(line);
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
