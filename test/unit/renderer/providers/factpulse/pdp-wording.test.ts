import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../../renderer/i18n';
import { failedTestText, secretStatusKey } from '../../../../../renderer/providers/factpulse/pdp-wording';

describe('PDP panel: the secret and the last test in the user’s words', () => {
  it('words the secret’s state from its status and mode, never from the server’s French message', () => {
    const double = { status: 'active', encryptionMode: 'double', message: 'Secret chiffré (double) : clé client requise.' };
    expect(i18n.getFixedT('en')(secretStatusKey(double))).toBe('Set, encrypted with your key and the server’s');
    expect(i18n.getFixedT('fr')(secretStatusKey(double))).toBe('Défini, chiffré avec votre clé et celle du serveur');
    expect(i18n.getFixedT('en')(secretStatusKey({ status: 'active', encryptionMode: 'fernet' }))).toBe('Set, encrypted by the server');
    expect(i18n.getFixedT('en')(secretStatusKey({ status: 'missing', encryptionMode: null }))).toBe('Not set');
    expect(i18n.getFixedT('fr')(secretStatusKey({ status: 'revoked', encryptionMode: null }), { status: 'revoked' })).toBe('Signalé par le serveur comme « revoked »');
  });

  it('a last test not known to have passed is a failure, with the server’s text (if any) for the details', () => {
    expect(failedTestText({ lastTestSuccess: true, lastTestError: null })).toBeNull();
    expect(failedTestText({ lastTestSuccess: false, lastTestError: ' token endpoint answered 401 ' })).toBe('token endpoint answered 401');
    expect(failedTestText({ lastTestSuccess: false, lastTestError: null })).toBe('');
    expect(failedTestText({ lastTestSuccess: null, lastTestError: null })).toBe('');
  });
});
