import { describe, expect, it } from 'vitest';
import { validateBaseUrl } from '../../../../../main/core/http';
import { AppError } from '../../../../../shared/errors';

function refusal(input: string): AppError {
  try {
    validateBaseUrl(input);
  } catch (err) {
    if (err instanceof AppError) return err;
    throw err;
  }
  throw new Error(`${input} was accepted`);
}

describe('validateBaseUrl', () => {
  it.each([
    ['https://factpulse.fr', 'https://factpulse.fr'],
    ['  https://factpulse.fr/  ', 'https://factpulse.fr'],
    ['https://api.example.fr/factpulse/', 'https://api.example.fr/factpulse'],
    ['http://localhost:8001', 'http://localhost:8001'],
    ['http://127.0.0.1:8001/', 'http://127.0.0.1:8001'],
    ['http://[::1]:8001', 'http://[::1]:8001'],
  ])('accepts %s as %s', (input, expected) => {
    expect(validateBaseUrl(input)).toBe(expected);
  });

  it.each([
    ['http://factpulse.fr', /only allowed for localhost/],
    ['http://localhost.evil.example', /only allowed for localhost/],
    ['http://192.168.1.10:8001', /only allowed for localhost/],
    ['ftp://factpulse.fr', /Only http/],
    ['javascript:alert(1)', /Only http/],
    ['factpulse.fr', /Not a valid URL/],
    ['', /Not a valid URL/],
    ['https://user:pw@factpulse.fr', /credentials/],
    ['https://factpulse.fr/?x=1', /query string/],
    ['https://factpulse.fr/#top', /fragment/],
  ])('refuses %s with a VALIDATION error on the baseUrl field', (input, message) => {
    const err = refusal(input);
    expect(err.code).toBe('VALIDATION');
    expect(err.message).toMatch(message);
    expect(err.details?.fields).toEqual([{ field: 'baseUrl', message: err.message }]);
  });
});
