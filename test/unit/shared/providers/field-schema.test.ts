import { describe, expect, it } from 'vitest';
import { DESCRIPTORS } from '../../../../shared/providers';
import { clientFieldsSchemaFor } from '../../../../shared/providers/field-schema';

const messages = (r: { success: boolean; error?: { issues: Array<{ path: PropertyKey[]; message: string }> } }) =>
  (r.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

describe('clientFieldsSchemaFor', () => {
  it('sites: the code is a required whole number, the name required', () => {
    const create = clientFieldsSchemaFor(DESCRIPTORS.sites, 'create');
    expect(create.safeParse({ name: 'Entrepôt Lyon', identifier: '42' }).success).toBe(true);
    expect(messages(create.safeParse({ name: ' ', identifier: 'abc' }))).toEqual(['name: validation.required', 'identifier: validation.integer']);
  });

  it('factpulse: SIRET must be 14 digits when given; an edit may send any subset', () => {
    const create = clientFieldsSchemaFor(DESCRIPTORS.factpulse, 'create');
    expect(messages(create.safeParse({ name: 'Acme', identifier: '123' }))).toEqual(['identifier: providers.factpulse.validation.siret']);
    expect(create.safeParse({ name: 'Acme', identifier: null }).success).toBe(true);
    expect(clientFieldsSchemaFor(DESCRIPTORS.factpulse, 'update').safeParse({ description: 'x' }).success).toBe(true);
  });

  it('tokenization: the contact email is checked, extras are nested, unknown keys refused', () => {
    const create = clientFieldsSchemaFor(DESCRIPTORS.tokenization, 'create');
    const contact = { contactFirstName: 'Camille', contactLastName: 'Durand' };
    expect(messages(create.safeParse({ name: 'Acme', extra: { ...contact, contactEmail: 'not-an-email' } }))).toEqual(['extra.contactEmail: validation.email']);
    expect(messages(create.safeParse({ name: 'Acme', extra: { contactEmail: 'a@b.fr' } }))).toEqual([
      'extra.contactFirstName: validation.required',
      'extra.contactLastName: validation.required',
    ]);
    expect(create.safeParse({ name: 'Acme', extra: { directPartnerName: 'Root', ...contact, contactEmail: 'a@b.fr' } }).success).toBe(true);
    expect(messages(create.safeParse({ name: 'Acme' }))).toContain('extra.contactEmail: validation.required');
    expect(create.safeParse({ name: 'Acme', extra: { mid: 'x' } }).success).toBe(false);
  });
});
