import type { PdpConfigView } from '../../../shared/schemas/clients';

type SecretStatus = NonNullable<PdpConfigView['secretStatus']>;

/**
 * The translation key that says the secret's state in the user's words. The server's own message (French,
 * whatever the user's language) only goes in the details.
 */
export function secretStatusKey(secret: Pick<SecretStatus, 'status' | 'encryptionMode'>): string {
  if (secret.status === 'missing') return 'pdp.secret.missing';
  if (secret.status !== 'active') return 'pdp.secret.other';
  return secret.encryptionMode === 'double' ? 'pdp.secret.activeDouble' : 'pdp.secret.active';
}

/** The PDP's last test failed (a test not known to have passed counts as failed): the server's text about it, maybe empty; null when it passed. */
export function failedTestText(config: Pick<PdpConfigView, 'lastTestSuccess' | 'lastTestError'>): string | null {
  if (config.lastTestSuccess === true) return null;
  return config.lastTestError?.trim() ?? '';
}
