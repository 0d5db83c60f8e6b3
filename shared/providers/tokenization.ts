import type { ProviderDescriptor } from './descriptor';

export const tokenizationDescriptor: ProviderDescriptor = {
  id: 'tokenization',
  displayName: 'Tokenization platform',
  descriptionKey: 'providers.tokenization.description',
  namespace: 'tokenization',
  baseUrl: { placeholder: 'https://tokenization.example.com' },
  authMethods: [
    {
      id: 'basic',
      labelKey: 'providers.tokenization.auth.basic',
      fields: [
        { key: 'username', labelKey: 'providers.tokenization.fields.username', type: 'text', required: true, rule: { maxLength: 254 } },
        { key: 'password', labelKey: 'providers.tokenization.fields.password', type: 'secret', required: true, rule: { maxLength: 4096 } },
      ],
    },
  ],
  settings: [
    {
      key: 'partners',
      labelKey: 'providers.tokenization.fields.partners',
      hintKey: 'providers.tokenization.fields.partnersHint',
      type: 'list',
      required: true,
      rule: { minLength: 1, maxLength: 200 },
    },
  ],
  capabilities: ['list', 'get', 'create', 'update', 'activate', 'deactivate', 'delete', 'partnerScope'],
  client: {
    identifier: { key: 'identifier', labelKey: 'providers.tokenization.fields.mid', type: 'text', editable: false, onCreate: false },
    fields: [
      { key: 'name', labelKey: 'providers.common.name', type: 'text', required: true, rule: { minLength: 1, maxLength: 255 } },
      { key: 'extra.directPartnerId', labelKey: 'providers.tokenization.fields.directPartnerId', type: 'integer', rule: { min: 1 } },
      { key: 'extra.directPartnerName', labelKey: 'providers.tokenization.fields.directPartnerName', type: 'text', rule: { maxLength: 255 } },
      { key: 'extra.contactFirstName', labelKey: 'providers.tokenization.fields.contactFirstName', required: true, type: 'text', rule: { maxLength: 120 } },
      { key: 'extra.contactLastName', labelKey: 'providers.tokenization.fields.contactLastName', required: true, type: 'text', rule: { maxLength: 120 } },
      { key: 'extra.contactEmail', labelKey: 'providers.tokenization.fields.contactEmail', required: true, type: 'email', rule: { maxLength: 254 } },
    ],
    facet: { extraKey: 'partner', labelKey: 'providers.tokenization.fields.partner' },
    detail: [
      { key: 'identifier', labelKey: 'providers.tokenization.fields.mid' },
      { key: 'extra.billingId', labelKey: 'providers.tokenization.fields.billingId' },
      { key: 'version', labelKey: 'providers.tokenization.fields.version', type: 'integer' },
      { key: 'extra.rootPartner', labelKey: 'providers.tokenization.fields.rootPartner' },
      { key: 'extra.directPartnerName', labelKey: 'providers.tokenization.fields.directPartnerName' },
      { key: 'extra.contactName', labelKey: 'providers.tokenization.fields.contactName' },
      { key: 'extra.contactEmail', labelKey: 'providers.tokenization.fields.contactEmail', type: 'email' },
      { key: 'extra.location', labelKey: 'providers.tokenization.fields.location' },
      { key: 'createdAt', labelKey: 'providers.common.createdAt', type: 'date-time' },
      { key: 'updatedAt', labelKey: 'providers.common.updatedAt', type: 'date-time' },
    ],
  },
  columns: [
    { key: 'name', labelKey: 'providers.common.name', sortKey: 'name' },
    { key: 'identifier', labelKey: 'providers.tokenization.fields.mid', sortKey: 'identifier' },
    { key: 'extra.partner', labelKey: 'providers.tokenization.fields.partner' },
    { key: 'status', labelKey: 'providers.common.status', sortKey: 'status' },
    { key: 'updatedAt', labelKey: 'providers.common.updatedAt', sortKey: 'updatedAt' },
  ],
  filters: [
    { key: 'status', labelKey: 'providers.common.status', source: 'status' },
    { key: 'partner', labelKey: 'providers.tokenization.fields.partner', source: 'facet' },
  ],
  paging: { style: 'offset', pageSize: 100 },
  update: 'patch',
  deactivate: 'status',
};
