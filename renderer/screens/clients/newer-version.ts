import { BridgeError } from '../../app/bridge';

export interface NewerVersion {
  serverVersion: number;
  baseVersion: number;
}

/** Main refused an edit made on an older version than the server's: both versions, for the user to decide. */
export function newerVersionOf(err: unknown): NewerVersion | null {
  if (!(err instanceof BridgeError) || err.shape.code !== 'CONFLICT') return null;
  const { serverVersion, baseVersion } = err.shape.details ?? {};
  if (typeof serverVersion !== 'number' || typeof baseVersion !== 'number') return null;
  return { serverVersion, baseVersion };
}
