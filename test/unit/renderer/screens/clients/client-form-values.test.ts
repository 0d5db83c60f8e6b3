import { describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../../../../shared/domain';
import { DESCRIPTORS } from '../../../../../shared/providers';
import { clientFieldsSchemaFor } from '../../../../../shared/providers/field-schema';
import { clientFieldsSchema } from '../../../../../shared/schemas/clients';
import { fieldsFromValues, formFields, initialValues, inputId } from '../../../../../renderer/screens/clients/client-form-values';

const record = (over: Partial<ClientRecord>): ClientRecord => ({
  connectionId: 'c1', remoteId: 'r1', name: 'Acme', identifier: null, description: null, status: 'active',
  createdAt: null, updatedAt: null, extra: {}, ...over,
});

describe('client form values: descriptor fields ↔ the contract’s ClientFields', () => {
  it('shows each provider’s fields for its mode (a MID the platform assigns is not asked)', () => {
    expect(formFields(DESCRIPTORS.sites, 'create').map((f) => f.key)).toEqual(['name', 'identifier']);
    expect(formFields(DESCRIPTORS.factpulse, 'update').map((f) => f.key)).toEqual(['name', 'identifier', 'description']);
    const tokenization = formFields(DESCRIPTORS.tokenization, 'create').map((f) => f.key);
    expect(tokenization).not.toContain('identifier');
    expect(tokenization).toContain('extra.contactEmail');
    expect(formFields(DESCRIPTORS.directory, 'create')).toEqual([]);
  });

  it('nests extras under `extra`, sends an empty optional text as null and leaves out an empty optional number', () => {
    const fields = formFields(DESCRIPTORS.tokenization, 'create');
    const values = { ...initialValues(fields), name: 'Shop', 'extra.contactFirstName': 'Ana', 'extra.contactLastName': 'Roy', 'extra.contactEmail': 'ana@shop.test', 'extra.directPartnerName': 'North' };
    const sent = fieldsFromValues(fields, values);
    expect(sent).toEqual({ name: 'Shop', extra: { directPartnerName: 'North', contactFirstName: 'Ana', contactLastName: 'Roy', contactEmail: 'ana@shop.test' } });
    expect(clientFieldsSchemaFor(DESCRIPTORS.tokenization, 'create').safeParse(sent).success).toBe(true);
    expect(clientFieldsSchema.safeParse(sent).success).toBe(true);
  });

  it('reports a wrong sites code on the identifier field, with the key the renderer localizes', () => {
    const fields = formFields(DESCRIPTORS.sites, 'create');
    const result = clientFieldsSchemaFor(DESCRIPTORS.sites, 'create').safeParse(fieldsFromValues(fields, { name: 'Acme', identifier: '12a' }));
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['identifier', 'validation.integer']]);
    expect(clientFieldsSchemaFor(DESCRIPTORS.sites, 'create').safeParse(fieldsFromValues(fields, { name: 'Acme', identifier: '1042' })).success).toBe(true);
  });

  it('starts from the record (numbers as text) and sends on edit only what changed', () => {
    const fields = formFields(DESCRIPTORS.sites, 'update');
    const initial = initialValues(fields, record({ identifier: '1001' }));
    expect(initial).toEqual({ name: 'Acme', identifier: '1001' });
    expect(fieldsFromValues(fields, initial, initial)).toEqual({});
    expect(fieldsFromValues(fields, { ...initial, name: 'Acme SA' }, initial)).toEqual({ name: 'Acme SA' });
    const fp = formFields(DESCRIPTORS.factpulse, 'update');
    const before = initialValues(fp, record({ description: 'old' }));
    expect(fieldsFromValues(fp, { ...before, description: '  ' }, before)).toEqual({ description: null });
  });

  it('names inputs after their field key', () => {
    expect(inputId('identifier')).toBe('client-identifier');
    expect(inputId('extra.contactEmail')).toBe('client-extra-contactEmail');
  });
});
