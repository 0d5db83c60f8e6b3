import { createHmac, randomUUID } from 'node:crypto';
import { parseCallerKey, sealWithCallerKey, seedKeyFor } from './tokens';

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

const NAMES = [
  'Boulangerie', 'Atelier', 'Cabinet', 'Transports', 'Pharmacie', 'Librairie', 'Garage', 'Fromagerie',
  'Menuiserie', 'Imprimerie', 'Brasserie', 'Studio', 'Laboratoire', 'Épicerie', 'Conseil', 'Agence',
];
const PLACES = [
  'Dupont', 'Martin', 'du Port', 'Lefèvre', 'des Halles', 'Moreau', 'Saint-Michel', 'Garnier',
  'de la Gare', 'Rousseau', 'Bellevue', 'Fontaine', 'Mercier', 'du Marché', 'Lambert', 'Chevalier',
];
const CITIES = ['Paris', 'Lyon', 'Nantes', 'Lille', 'Bordeaux', 'Rennes', 'Toulouse', 'Grenoble', 'Dijon', 'Brest'];

/** Small deterministic PRNG so a given seed always yields the same workspace. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function uuidFrom(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function createState(): SandboxState {
  return { clients: new Map(), order: [], nextPdpId: 1 };
}

export function seedClients(state: SandboxState, count: number, seed = 42): void {
  const random = mulberry32(seed);
  const base = Date.UTC(2025, 0, 6);
  for (let i = 0; i < count; i++) {
    const pick = <T,>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
    const created = new Date(base + Math.floor(random() * 600) * 86_400_000).toISOString();
    const city = pick(CITIES);
    const client: SandboxClient = {
      uid: uuidFrom(random),
      name: `${pick(NAMES)} ${pick(PLACES)}${count > 200 ? ` ${i + 1}` : ''}`,
      siret: random() < 0.85 ? String(Math.floor(random() * 9e13) + 1e13).padStart(14, '0') : null,
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
