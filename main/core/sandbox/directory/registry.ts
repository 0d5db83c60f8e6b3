// The directory sandbox's registry: seeded organisations and their software clients, so a rebuild's
// filters select a plausible, deterministic set (the real API answers 201 without saying how many).
import { mulberry32, pickWith, uuidFrom } from '../common/random';

export const CLIENT_STATUSES = ['Active', 'Inactive', 'Suspended'] as const;
export type ClientStatus = (typeof CLIENT_STATUSES)[number];

/** Open Finance Brasil regulatory roles. */
export const ROLES = ['DADOS', 'PAGTO', 'CONTA', 'CCORR'] as const;

export interface RegistryClient {
  clientId: string;
  name: string;
  organisationName: string;
  status: ClientStatus;
  roles: Array<{ role: string; status: 'Active' | 'Inactive' }>;
  /** When its metadata last changed (ISO 8601). */
  lastModified: string;
}

export interface RegistryFilters {
  startDate?: Date;
  endDate?: Date;
  role?: string;
  status?: ClientStatus;
  name?: string;
}

const BRANDS = ['Banco', 'Cooperativa', 'Fintech', 'Pagamentos', 'Crédito', 'Investimentos', 'Seguros', 'Carteira'];
const NAMES = ['Aurora', 'Ipê', 'Horizonte', 'Jacarandá', 'Atlântico', 'Cerrado', 'Paraná', 'Serra', 'Pampa', 'Litoral', 'Tucano', 'Vale'];
const APPS = ['App', 'Portal', 'Gateway', 'Open Data', 'Pix', 'Agregador'];

/** `count` clients spread over organisations, modified over the two years before `now`; same seed and now, same registry. */
export function seedRegistry(count: number, seed: number, now: Date = new Date()): RegistryClient[] {
  const random = mulberry32(seed);
  const clients: RegistryClient[] = [];
  let organisationName = '';
  for (let i = 0; i < count; i++) {
    if (i === 0 || random() < 0.3) organisationName = `${pickWith(random, BRANDS)} ${pickWith(random, NAMES)}`;
    const roles = ROLES.filter(() => random() < 0.45).map((role) => ({ role, status: random() < 0.85 ? ('Active' as const) : ('Inactive' as const) }));
    if (roles.length === 0) roles.push({ role: 'DADOS', status: 'Active' });
    const r = random();
    clients.push({
      clientId: uuidFrom(random),
      name: `${organisationName} ${pickWith(random, APPS)}`,
      organisationName,
      status: r < 0.75 ? 'Active' : r < 0.9 ? 'Inactive' : 'Suspended',
      roles,
      lastModified: new Date(now.getTime() - Math.floor(random() * 730 * 86_400_000)).toISOString(),
    });
  }
  return clients;
}

/** The clients a rebuild with these filters covers (before paging). */
export function matchClients(clients: readonly RegistryClient[], f: RegistryFilters): RegistryClient[] {
  const name = f.name?.toLowerCase();
  return clients.filter((c) => {
    const modified = Date.parse(c.lastModified);
    if (f.startDate && modified <= f.startDate.getTime()) return false;
    if (f.endDate && modified >= f.endDate.getTime()) return false;
    if (f.status && c.status !== f.status) return false;
    if (f.role && !c.roles.some((r) => r.role === f.role)) return false;
    return !name || c.name.toLowerCase().includes(name);
  });
}
