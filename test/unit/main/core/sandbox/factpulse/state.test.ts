import { describe, expect, it } from 'vitest';
import { createState, seedClients, SIRET_EXCEPTION_EVERY } from '../../../../../../main/core/sandbox/factpulse/state';
import { siretChecksumOk } from '../../../../../../renderer/forms/siret';

describe('FactPulse sandbox seeded SIRETs', () => {
  it('pass their Luhn checksum (the same check the client form warns with), except a few deliberate ones', () => {
    const state = createState();
    seedClients(state, 1000, 42);
    const sirets = state.order.map((uid) => state.clients.get(uid)!.siret).filter((s): s is string => s !== null);
    expect(sirets.length).toBeGreaterThan(800);
    expect(sirets.every((s) => /^\d{14}$/.test(s))).toBe(true);
    const failing = state.order.filter((uid, i) => {
      const siret = state.clients.get(uid)!.siret;
      if (siret === null) return false;
      const ok = siretChecksumOk(siret);
      expect(ok, `client #${i}`).toBe(i % SIRET_EXCEPTION_EVERY !== SIRET_EXCEPTION_EVERY - 1);
      return !ok;
    });
    console.log(`sandbox SIRETs: ${sirets.length} seeded, ${failing.length} deliberately failing the checksum`);
    expect(failing.length).toBeGreaterThan(20);
    expect(failing.length).toBeLessThan(sirets.length / 10);
  });
});
