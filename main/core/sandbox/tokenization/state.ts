import { mulberry32, pickWith } from '../common/random';
import { CITIES, FIRST_NAMES, LAST_NAMES, asciiLower, companyName } from '../common/french-names';

export interface TokenizationPartner {
  id: number;
  name: string;
  parentId: number | null;
}

export interface TokenizationContact {
  id: number;
  firstName: string;
  lastName: string;
  email: string;
}

export interface TokenizationClient {
  id: number;
  name: string;
  mid: string | null;
  isActive: boolean;
  /** How many times the client was updated (each PATCH adds one). */
  version: number;
  directPartnerId: number;
  contact: TokenizationContact;
  billingId: string | null;
  location: number | null;
  created: string;
  modified: string;
}

export interface TokenizationState {
  partners: Map<number, TokenizationPartner>;
  rootId: number;
  /** Insertion order = ascending id = list order. */
  clients: Map<number, TokenizationClient>;
  /** Folded name → client id: names are unique. */
  names: Map<string, number>;
  nextClientId: number;
  nextContactId: number;
}

/** A sub-partner of the tree; `parent` names another sub-partner, else it hangs under the root. */
export interface SubPartnerSpec {
  name: string;
  parent?: string;
}

export const defaultSubPartners = (root: string): SubPartnerSpec[] => [
  { name: `${root} Est` },
  { name: `${root} Ouest` },
  { name: `${root} Est Alsace`, parent: `${root} Est` },
];

export const foldName = (name: string) => name.trim().toLowerCase();

export function createTokenizationState(root: string, subPartners: SubPartnerSpec[] = defaultSubPartners(root)): TokenizationState {
  const rootId = 792;
  const partners = new Map<number, TokenizationPartner>([[rootId, { id: rootId, name: root, parentId: null }]]);
  const byName = new Map([[foldName(root), rootId]]);
  let nextId = rootId + 1;
  for (const spec of subPartners) {
    if (byName.has(foldName(spec.name))) throw new Error(`Partner "${spec.name}" is defined twice.`);
    const parentId = spec.parent === undefined ? rootId : byName.get(foldName(spec.parent));
    if (parentId === undefined) throw new Error(`Partner "${spec.name}": its parent "${spec.parent}" must be defined before it.`);
    partners.set(nextId, { id: nextId, name: spec.name, parentId });
    byName.set(foldName(spec.name), nextId++);
  }
  return { partners, rootId, clients: new Map(), names: new Map(), nextClientId: 1001, nextContactId: 2601 };
}

/** A partner by id ("793", 793) or by name (case-insensitive). */
export function findPartner(state: TokenizationState, ref: string | number): TokenizationPartner | undefined {
  if (typeof ref === 'number' || /^\d+$/.test(ref)) {
    const byId = state.partners.get(Number(ref));
    if (byId || typeof ref === 'number') return byId;
  }
  const folded = foldName(String(ref));
  for (const p of state.partners.values()) if (foldName(p.name) === folded) return p;
  return undefined;
}

/** The partner and every partner under it. */
export function subtreeOf(state: TokenizationState, partnerId: number): Set<number> {
  const ids = new Set([partnerId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of state.partners.values()) {
      if (p.parentId !== null && ids.has(p.parentId) && !ids.has(p.id)) {
        ids.add(p.id);
        grew = true;
      }
    }
  }
  return ids;
}

export function addTokenizationClient(state: TokenizationState, client: TokenizationClient): void {
  state.clients.set(client.id, client);
  state.names.set(foldName(client.name), client.id);
}

function emailFor(first: string, last: string, company: string): string {
  const slug = asciiLower(company).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `${asciiLower(first)}.${asciiLower(last).replace(/[^a-z]+/g, '')}@${slug}.example.fr`;
}

/** Seeds `count` French companies spread over every partner of the tree (the root included). */
export function seedTokenizationClients(state: TokenizationState, count: number, seed = 42): void {
  const random = mulberry32(seed);
  const partnerIds = [...state.partners.keys()];
  const base = Date.UTC(2023, 4, 2);
  for (let i = 0; i < count; i++) {
    let name = `${companyName(random, i, count)} ${pickWith(random, CITIES)}`;
    for (let n = 2; state.names.has(foldName(name)); n++) name = `${name.replace(/ \(\d+\)$/, '')} (${n})`;
    const firstName = pickWith(random, FIRST_NAMES);
    const lastName = pickWith(random, LAST_NAMES);
    const createdMs = base + Math.floor(random() * 500 * 86_400) * 1000;
    const version = random() < 0.6 ? 0 : 1 + Math.floor(random() * 4);
    const modifiedMs = createdMs + version * Math.floor(random() * 20 * 86_400) * 1000;
    addTokenizationClient(state, {
      id: state.nextClientId++,
      name,
      mid: random() < 0.4 ? `MID${String(Math.floor(random() * 1e6)).padStart(6, '0')}` : null,
      isActive: random() < 0.85,
      version,
      directPartnerId: pickWith(random, partnerIds),
      contact: { id: state.nextContactId++, firstName, lastName, email: emailFor(firstName, lastName, name) },
      billingId: random() < 0.5 ? Math.floor(random() * 0xffffff).toString(16).padStart(6, '0') : null,
      location: random() < 0.3 ? 100 + Math.floor(random() * 900) : null,
      created: new Date(createdMs).toISOString(),
      modified: new Date(modifiedMs).toISOString(),
    });
  }
}

function partnerRef(state: TokenizationState, id: number): { id: number; name: string } {
  const p = state.partners.get(id);
  return { id, name: p?.name ?? '' };
}

/** `partner` is the root of the tree, `directPartner` the client's own partner. */
export function listItem(state: TokenizationState, c: TokenizationClient): Record<string, unknown> {
  return {
    id: c.id,
    name: c.name,
    mid: c.mid,
    isActive: c.isActive,
    version: c.version,
    partner: partnerRef(state, state.rootId),
    directPartner: partnerRef(state, c.directPartnerId),
    contact: { id: c.contact.id },
    billingId: c.billingId,
  };
}

export function clientDetail(state: TokenizationState, c: TokenizationClient): Record<string, unknown> {
  return {
    ...listItem(state, c),
    created: c.created,
    modified: c.modified,
    contact: { ...c.contact },
    location: c.location,
  };
}
