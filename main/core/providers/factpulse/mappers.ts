import type { ClientRecord } from '../../../../shared/domain';
import { AppError } from '../../../../shared/errors';
import type { ClientInput, PdpConfig, PdpConfigInput } from '../types';

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** FactPulse ClientDetail / ClientSummary → ClientRecord. */
export function toClientRecord(connectionId: string, wire: unknown): ClientRecord {
  if (!wire || typeof wire !== 'object' || typeof (wire as { uid?: unknown }).uid !== 'string') {
    throw new AppError('BAD_RESPONSE', 'FactPulse sent a client without a uid.');
  }
  const w = wire as Record<string, unknown>;
  const isActive = w.isActive;
  return {
    connectionId,
    remoteId: w.uid as string,
    name: str(w.name) ?? '',
    identifier: str(w.siret),
    description: str(w.description),
    status: isActive === true ? 'active' : isActive === false ? 'inactive' : 'unknown',
    createdAt: str(w.createdAt),
    updatedAt: str(w.updatedAt),
    // Keys in sorted order: the cache's canonical JSON of the extras is then plain JSON.stringify.
    extra: {
      hasConfigChorus: Boolean(w.hasConfigChorus),
      hasConfigPdp: Boolean(w.hasConfigPdp),
      pdpIsActive: typeof w.pdpIsActive === 'boolean' ? w.pdpIsActive : null,
      pdpIsMock: typeof w.pdpIsMock === 'boolean' ? w.pdpIsMock : null,
    },
  };
}

/** ClientInput → ClientCreateRequest / ClientUpdateRequest (only given fields). */
export function toWireClient(input: ClientInput): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (input.name !== undefined) body.name = input.name;
  if (input.identifier !== undefined) body.siret = input.identifier === '' ? null : input.identifier;
  if (input.description !== undefined) body.description = input.description === '' ? null : input.description;
  return body;
}

export function toWirePdp(input: PdpConfigInput): Record<string, unknown> {
  return {
    flowServiceUrl: input.flowServiceUrl,
    tokenUrl: input.tokenUrl,
    oauthClientId: input.oauthClientId,
    clientSecret: input.clientSecret,
    isActive: input.isActive ?? true,
    modeSandbox: input.modeSandbox ?? false,
    encryptionMode: input.encryptionMode ?? 'fernet',
  };
}

export function toPdpConfig(wire: unknown): PdpConfig {
  if (!wire || typeof wire !== 'object' || typeof (wire as { isConfigured?: unknown }).isConfigured !== 'boolean') {
    throw new AppError('BAD_RESPONSE', 'FactPulse sent a PDP configuration without isConfigured.');
  }
  const w = wire as Record<string, unknown>;
  const s = w.secretStatus as Record<string, unknown> | null | undefined;
  return {
    isConfigured: w.isConfigured as boolean,
    id: (w.id as number | string | undefined) ?? null,
    isActive: typeof w.isActive === 'boolean' ? w.isActive : null,
    modeSandbox: typeof w.modeSandbox === 'boolean' ? w.modeSandbox : null,
    flowServiceUrl: str(w.flowServiceUrl),
    tokenUrl: str(w.tokenUrl),
    oauthClientId: str(w.oauthClientId),
    encryptionMode: str(w.encryptionMode),
    secretStatus: s
      ? {
          status: str(s.status) ?? 'unknown',
          message: str(s.message),
          encryptionMode: str(s.encryptionMode),
          requiresClientKey: typeof s.requiresClientKey === 'boolean' ? s.requiresClientKey : null,
        }
      : null,
    lastTestAt: str(w.lastTestAt),
    lastTestSuccess: typeof w.lastTestSuccess === 'boolean' ? w.lastTestSuccess : null,
    lastTestError: str(w.lastTestError),
    createdAt: str(w.createdAt),
    updatedAt: str(w.updatedAt),
    message: str(w.message),
  };
}
