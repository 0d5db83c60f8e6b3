import { randomUUID } from 'node:crypto';
import { mulberry32, pickWith, uuidFrom } from '../common/random';
import { CITIES, companyName } from '../common/french-names';

export interface SitesSite {
  site_id: string;
  nom: string;
  equipements: number;
}

export interface SitesClient {
  client_id: string;
  nom: string;
  code: number;
  sites: SitesSite[];
  /** DELETE makes a client 'inactive' (the seed's operation is "Deactivate Client"). */
  status: 'active' | 'inactive';
  timestamp: string;
}

export interface SitesState {
  /** Insertion order = list order. */
  clients: Map<string, SitesClient>;
  nextCode: number;
}

/**
 * How `sites` appears in the list, register and update answers: the seed's schema says a count, its prose a
 * list of sites; 'mixed' alternates between the two from one client to the next so a client must handle both.
 */
export type SitesShape = 'count' | 'array' | 'mixed';

const SITE_KINDS = ['Entrepôt', 'Siège', 'Agence', 'Usine', 'Dépôt', 'Magasin', 'Atelier', 'Plateforme'];
const AREAS = ['Nord', 'Sud', 'Est', 'Ouest', 'Centre', 'Gare', 'Port', 'Zone Industrielle'];

export function createSitesState(): SitesState {
  return { clients: new Map(), nextCode: 1001 };
}

/** Seeds `count` French companies, each with 0–5 sites (e.g. "Entrepôt Lyon Sud") and their equipment counts. */
export function seedSitesClients(state: SitesState, count: number, seed = 42): void {
  const random = mulberry32(seed);
  const base = Date.UTC(2024, 2, 4);
  for (let i = 0; i < count; i++) {
    const client_id = uuidFrom(random);
    const nom = companyName(random, i, count);
    const timestamp = new Date(base + Math.floor(random() * 600 * 86_400) * 1000).toISOString();
    const sites = Array.from({ length: Math.floor(random() * 6) }, () => ({
      site_id: uuidFrom(random),
      nom: `${pickWith(random, SITE_KINDS)} ${pickWith(random, CITIES)} ${pickWith(random, AREAS)}`,
      equipements: Math.floor(random() * 40),
    }));
    const status = random() < 0.9 ? 'active' : 'inactive';
    addSitesClient(state, { client_id, nom, code: state.nextCode++, sites, status, timestamp });
  }
}

export function addSitesClient(state: SitesState, client: SitesClient): void {
  state.clients.set(client.client_id, client);
}

export function newSitesClient(state: SitesState, fields: { nom: string; code: number }): SitesClient {
  const client: SitesClient = { client_id: randomUUID(), ...fields, sites: [], status: 'active', timestamp: new Date().toISOString() };
  addSitesClient(state, client);
  return client;
}

function equipmentTotal(c: SitesClient): number {
  let total = 0;
  for (const s of c.sites) total += s.equipements;
  return total;
}

/** In 'mixed' mode, clients whose id ends in an odd hex digit list their sites as an array. */
function sitesAsArray(c: SitesClient, shape: SitesShape): boolean {
  return shape === 'array' || (shape === 'mixed' && Number.parseInt(c.client_id.slice(-1), 16) % 2 === 1);
}

/** The list / register / update shape. */
export function sitesSummary(c: SitesClient, shape: SitesShape): Record<string, unknown> {
  const asArray = sitesAsArray(c, shape);
  return {
    client_id: c.client_id,
    nom: c.nom,
    code: c.code,
    sites: asArray ? c.sites : c.sites.length,
    equipements: equipmentTotal(c),
    status: c.status,
    timestamp: c.timestamp,
  };
}

/** GET /clients/{client_id}/infos. */
export function sitesInfos(c: SitesClient): Record<string, unknown> {
  return { client_id: c.client_id, nom: c.nom, code: c.code, timestamp: c.timestamp, sites: c.sites };
}
