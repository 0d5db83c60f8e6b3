import { describe, expect, it } from 'vitest';
import { i18n } from '../../../../renderer/i18n';
import { connectionStatusError, errorSentence, storedError } from '../../../../renderer/components/error-wording';

const sentence = (error: Parameters<typeof errorSentence>[0], language: 'en' | 'fr') => errorSentence(error, language, i18n.getFixedT(language));

describe('error wording: server and main messages in the user’s language', () => {
  it('an unreachable connection reads in French without main’s English or its code; in English without the code', () => {
    const error = connectionStatusError({ state: 'offline', message: 'The server cannot be reached (ECONNREFUSED)' })!;
    expect(error.code).toBe('OFFLINE');
    expect(sentence(error, 'fr')).toBe('Le serveur est injoignable.');
    expect(sentence(error, 'en')).toBe('The server cannot be reached');
  });

  it('refused credentials read as such; an online connection or one without a message has nothing to say', () => {
    const error = connectionStatusError({ state: 'auth-error', message: 'FactPulse refused the credentials (401)' })!;
    expect(error.code).toBe('AUTH_REQUIRED');
    expect(sentence(error, 'fr')).toMatch(/^Le serveur a refusé les identifiants/);
    expect(connectionStatusError({ state: 'online', message: null })).toBeNull();
    expect(connectionStatusError({ state: 'offline', message: 'x' })).not.toBeNull();
    expect(connectionStatusError({ state: 'unknown', message: null })).toBeNull();
  });

  it('a refused rotation as stored by main (code and English message) reads in French with neither', () => {
    const french = sentence(storedError('KEY_MISMATCH', 'KEY_MISMATCH: FactPulse rejected the old key (HTTP 400)'), 'fr');
    expect(french).toBe('La clé de chiffrement ne correspond pas.');
    expect(french).not.toMatch(/KEY_MISMATCH|FactPulse rejected/);
  });
});
