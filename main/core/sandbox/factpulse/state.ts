import { createHmac, randomUUID } from 'node:crypto';
import { parseCallerKey, sealWithCallerKey, seedKeyFor } from './tokens';
import { mulberry32, pickWith, uuidFrom } from '../common/random';
import { CITIES, companyName } from '../common/french-names';

export interface SandboxPdp {
  id: number;
  flowServiceUrl: string;
  tokenUrl: string;
  oauthClientId: string;
  isActive: boolean;
  modeSandbox: boolean;
  encryptionMode: 'fernet' | 'double';
  /** fernet: the secret itself; double: AES-256-GCM of it under the caller's key (base64 iv.ct.tag). */
  storedSecret: string;
  createdAt: string;
  updatedAt: string;
}

export interface SandboxClient {
  uid: string;
  name: string;
  siret: string | null;
  description: string | null;
  isActive: boolean;
  hasConfigChorus: boolean;
  createdAt: string;
  updatedAt: string;
  pdp: SandboxPdp | null;
  webhook: { secret: string; createdAt: string } | null;
}

export interface SandboxState {
  clients: Map<string, SandboxClient>;
  /** Insertion order = list order. */
  order: string[];
  nextPdpId: number;
}

export { mulberry32 } from '../common/random';

export function createState(): SandboxState {
  return { clients: new Map(), order: [], nextPdpId: 1 };
}

/** One seeded client in this many keeps a wrong check digit, so the demo also shows the checksum warning. */
export const SIRET_EXCEPTION_EVERY = 20;

/**
 * A seeded SIRET that passes its Luhn check: the drawn digits with the last one replaced by the check digit
 * (the same random draws as before, so the rest of the seeded data is unchanged), except every
 * SIRET_EXCEPTION_EVERY-th client, whose check digit is deliberately off by one.
 */
export function sandboxSiret(drawn: string, index: number): string {
  const body = drawn.slice(0, 13);
  let sum = 0;
  for (let i = 0; i < 13; i++) {
    // From the right, the check digit is position 0 (not doubled), so the body's last digit is doubled.
    let digit = Number(body[12 - i]);
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  const check = (10 - (sum % 10)) % 10;
  return `${body}${index % SIRET_EXCEPTION_EVERY === SIRET_EXCEPTION_EVERY - 1 ? (check + 1) % 10 : check}`;
}

export function seedClients(state: SandboxState, count: number, seed = 42): void {
  const random = mulberry32(seed);
  const base = Date.UTC(2025, 0, 6);
  for (let i = 0; i < count; i++) {
    const created = new Date(base + Math.floor(random() * 600) * 86_400_000).toISOString();
    const city = pickWith(random, CITIES);
    const client: SandboxClient = {
      uid: uuidFrom(random),
      name: companyName(random, i, count),
      siret: random() < 0.85 ? sandboxSiret(String(Math.floor(random() * 9e13) + 1e13), i) : null,
      description: random() < 0.6 ? `Client à ${city}` : null,
      isActive: random() < 0.85,
      hasConfigChorus: random() < 0.2,
      createdAt: created,
      updatedAt: created,
      pdp: null,
      webhook: null,
    };
    addClient(state, client);
  }
  seedSecrets(state, state.order.slice(-count), seed);
}

/** Shares of seeded clients with a PDP config in each mode, and with a webhook secret. */
export const SEED_SHARES = { fernet: 0.15, double: 0.1, webhook: 0.08 } as const;

/**
 * PDP configs (fernet and double) and webhook secrets for seeded clients. A separate PRNG stream, so adding
 * these did not change the seeded clients themselves. Double-mode secrets are sealed with seedKeyFor(uid, seed).
 */
function seedSecrets(state: SandboxState, uids: string[], seed: number): void {
  const random = mulberry32((seed ^ 0x5eed5eed) >>> 0);
  const derive = (label: string, uid: string, bytes: number) =>
    createHmac('sha256', `factpulse-sandbox-seed:${seed}`).update(`${label}:${uid}`).digest().subarray(0, bytes);
  for (const uid of uids) {
    const client = state.clients.get(uid);
    if (!client) continue;
    const roll = random();
    const mode = roll < SEED_SHARES.double ? 'double' : roll < SEED_SHARES.double + SEED_SHARES.fernet ? 'fernet' : null;
    if (mode) {
      const secret = `pdp_${derive('pdp', uid, 18).toString('base64url')}`;
      const key = parseCallerKey(seedKeyFor(uid, seed)) as Buffer;
      const sandboxed = random() < 0.5;
      client.pdp = {
        id: state.nextPdpId++,
        flowServiceUrl: sandboxed ? 'https://sandbox.pdp.example.fr/flows' : 'https://pdp.example.fr/flows',
        tokenUrl: sandboxed ? 'https://sandbox.pdp.example.fr/oauth/token' : 'https://pdp.example.fr/oauth/token',
        oauthClientId: `client-${uid.slice(0, 8)}`,
        isActive: random() < 0.9,
        modeSandbox: sandboxed,
        encryptionMode: mode,
        storedSecret: mode === 'double' ? sealWithCallerKey(key, secret, derive('iv', uid, 12)) : secret,
        createdAt: client.createdAt,
        updatedAt: client.updatedAt,
      };
    }
    if (random() < SEED_SHARES.webhook) {
      client.webhook = { secret: `whsec_${derive('webhook', uid, 24).toString('base64url')}`, createdAt: client.updatedAt };
    }
  }
}

export function addClient(state: SandboxState, client: SandboxClient): void {
  state.clients.set(client.uid, client);
  state.order.push(client.uid);
}

export function newClient(fields: { name: string; siret: string | null; description: string | null }): SandboxClient {
  const now = new Date().toISOString();
  return {
    uid: randomUUID(),
    ...fields,
    isActive: true,
    hasConfigChorus: false,
    createdAt: now,
    updatedAt: now,
    pdp: null,
    webhook: null,
  };
}

export function clientDetail(c: SandboxClient): Record<string, unknown> {
  return {
    uid: c.uid,
    name: c.name,
    siret: c.siret,
    description: c.description,
    isActive: c.isActive,
    hasConfigPdp: c.pdp !== null,
    pdpIsActive: c.pdp ? c.pdp.isActive : null,
    pdpIsMock: c.pdp ? c.pdp.modeSandbox : null,
    hasConfigChorus: c.hasConfigChorus,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}
