import { describe, expect, it } from 'vitest';
import type { AuditInput, AuditLog } from '../../../../../main/core/audit/audit-log';
import { keyAuditSink } from '../../../../../main/core/audit/key-audit';
import { describe as describeOutbox } from '../../../../../main/core/outbox/outbox-service';
import { ERROR_CODES } from '../../../../../shared/errors';
import { i18n } from '../../../../../renderer/i18n';
import { auditWording } from '../../../../../renderer/screens/activity/AuditSummary';
import { summaryPieces } from '../../../../../renderer/screens/activity/audit-summary';

/** Summaries exactly as main writes them today (write-through, outbox, key events, audit keying). */
function keySummaries(): Array<{ action: string; summary: string }> {
  const out: AuditInput[] = [];
  const sink = keyAuditSink({ append: (input: AuditInput) => out.push(input) } as unknown as AuditLog);
  const base = { connectionId: 'c', clientUid: 'u', outcome: 'ok' as const };
  sink({ ...base, action: 'key.exportBackup', clientUid: null, detail: '1 key(s)' });
  sink({ ...base, action: 'key.importBackup', clientUid: null, detail: '3 imported, 2 unchanged' });
  sink({ ...base, action: 'key.rotate', oldFingerprint: '0123abcd0123abcd', newFingerprint: '4567ef014567ef01' });
  sink({ ...base, action: 'key.rotate', outcome: 'refused', oldFingerprint: '0123abcd0123abcd', newFingerprint: '4567ef014567ef01', detail: 'KEY_MISMATCH' });
  sink({ ...base, action: 'key.reveal', fingerprint: '0123abcd0123abcd', detail: 'current' });
  sink({ ...base, action: 'key.recover', fingerprint: '0123abcd0123abcd', detail: 'committed' });
  sink({ ...base, action: 'key.bulkRotate', clientUid: null, detail: '0f8fad5b-d9cb-469f-a165-70867728950e' });
  sink({ ...base, action: 'key.enableDouble' });
  return out.map(({ action, summary }) => ({ action, summary }));
}

const ROWS: Array<{ action: string; summary: string }> = [
  { action: 'clients.setActive', summary: 'Activate' },
  { action: 'clients.setActive', summary: 'Deactivate — refused (AUTH_REQUIRED)' },
  { action: 'clients.bulkSetActive', summary: 'Deactivate 5 clients: 4 done, 0 queued offline, 1 failed, 0 not sent' },
  { action: 'clients.update', summary: 'Edit name="Boulangerie Martin", description="Pain, viennoiseries"' },
  { action: 'clients.create', summary: 'Create name="Épicerie", identifier="73282932000074"' },
  { action: 'clients.delete', summary: 'Delete "Boulangerie Martin"' },
  { action: 'pdp.update', summary: 'PDP configuration flowServiceUrl="https://pdp.example/flow", isActive=true, client secret set' },
  { action: 'webhook.generate', summary: 'Generate webhook secret (saved to keychain)' },
  { action: 'webhook.delete', summary: 'Delete webhook secret' },
  { action: 'clients.update', summary: `${describeOutbox('update', { fields: { name: 'x', description: 'y' } })} — queued offline as #12` },
  { action: 'clients.setActive', summary: `${describeOutbox('activate', {})} — replayed from the outbox (#12)` },
  { action: 'pdp.update', summary: `${describeOutbox('pdpConfig', { fields: { flowServiceUrl: 'u' } })} — replay of #3 failed (OFFLINE: The server cannot be reached (ECONNREFUSED).)` },
  { action: 'clients.update', summary: `${describeOutbox('update', { fields: { name: 'x' } })} — server record changed since it was cached; waiting for a decision` },
  { action: 'clients.update', summary: `${describeOutbox('update', { fields: { name: 'x' } })} — conflict on #4 resolved: kept the server's version` },
  { action: 'clients.delete', summary: `${describeOutbox('delete', {})} — discarded by the user (#5)` },
  { action: 'audit.keyed', summary: '12 earlier entries verified and re-chained under the audit key' },
  ...keySummaries(),
];

/** English words main writes that must never reach the French window. */
const ENGLISH = /\b(Activate|Deactivate|Edit|Create|Delete|refused|queued|replayed|failed|discarded|key\(s\)|imported|unchanged|webhook secret|keychain|earlier entries|server's|current|committed|Name)\b/;
const CODE = new RegExp(`\\b(${ERROR_CODES.join('|')})\\b`);

describe('audit summaries worded at display time', () => {
  const fr = auditWording(i18n.getFixedT('fr'), 'fr');
  const en = auditWording(i18n.getFixedT('en'), 'en');

  for (const row of ROWS) {
    it(`knows "${row.summary.slice(0, 60)}"`, () => {
      expect(summaryPieces(row.action, row.summary).some((p) => 'raw' in p)).toBe(false);
      const french = fr.summary(row.action, row.summary);
      expect(french).not.toMatch(ENGLISH);
      expect(french).not.toMatch(CODE); // no raw code (AUTH_REQUIRED, OFFLINE, …)
      expect(fr.action(row.action)).not.toBe(row.action);
      expect(en.summary(row.action, row.summary)).not.toMatch(CODE);
    });
  }

  it('reads the stored values back and words them in each language', () => {
    expect(fr.summary('clients.update', 'Edit name="Boulangerie Martin", description="Pain, viennoiseries"')).toBe('Modification : Nom = "Boulangerie Martin", Description = "Pain, viennoiseries"');
    expect(fr.summary('key.exportBackup', 'key.exportBackup')).toBe('');
    expect(fr.summary('key.exportBackup', '1 key(s)')).toBe('1 clé');
    expect(en.summary('key.importBackup', '3 imported, 2 unchanged')).toBe('3 imported, 2 unchanged');
    expect(fr.summary('clients.setActive', 'Deactivate — refused (AUTH_REQUIRED)')).toBe(
      'Désactivation — refusée : Le serveur a refusé les identifiants. Vérifiez-les dans les réglages de la connexion.',
    );
    expect(fr.action('clients.setActive')).toBe('Activation / désactivation');
  });

  it('shows what it does not know as stored', () => {
    expect(fr.summary('clients.update', 'Something new from a later version')).toBe('Something new from a later version');
  });
});
