import type { ProviderDescriptor } from './descriptor';

export const factpulseDescriptor: ProviderDescriptor = {
  id: 'factpulse',
  displayName: 'FactPulse',
  descriptionKey: 'providers.factpulse.description',
  namespace: 'factpulse',
  baseUrl: { placeholder: 'https://factpulse.fr' },
  authMethods: [
    {
      id: 'apiKey',
      labelKey: 'providers.factpulse.auth.apiKey',
      fields: [{ key: 'apiKey', labelKey: 'providers.factpulse.fields.apiKey', type: 'secret', required: true, rule: { maxLength: 4096 } }],
    },
    {
      id: 'password',
      labelKey: 'providers.factpulse.auth.password',
      fields: [
        { key: 'username', labelKey: 'providers.factpulse.fields.username', type: 'text', required: true, rule: { maxLength: 254 } },
        { key: 'password', labelKey: 'providers.factpulse.fields.password', type: 'secret', required: true, rule: { maxLength: 4096 } },
        {
          key: 'clientUid',
          labelKey: 'providers.factpulse.fields.clientUid',
          hintKey: 'providers.factpulse.fields.clientUidHint',
          type: 'text',
          rule: { pattern: '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$', patternMessageKey: 'validation.uuid' },
        },
      ],
    },
  ],
  settings: [],
  capabilities: ['list', 'get', 'create', 'update', 'activate', 'deactivate', 'pdpConfig', 'encryptionKeys', 'webhookSecret'],
  client: {
    identifier: {
      key: 'identifier',
      labelKey: 'providers.factpulse.fields.siret',
      type: 'text',
      rule: { pattern: '^\\d{14}$', patternMessageKey: 'providers.factpulse.validation.siret' },
    },
    fields: [
      { key: 'name', labelKey: 'providers.common.name', type: 'text', required: true, rule: { minLength: 1, maxLength: 255 } },
      {
        key: 'identifier',
        labelKey: 'providers.factpulse.fields.siret',
        type: 'text',
        rule: { pattern: '^\\d{14}$', patternMessageKey: 'providers.factpulse.validation.siret' },
      },
      { key: 'description', labelKey: 'providers.common.description', type: 'multiline', rule: { maxLength: 1000 } },
    ],
    detail: [
      { key: 'identifier', labelKey: 'providers.factpulse.fields.siret' },
      { key: 'description', labelKey: 'providers.common.description' },
      { key: 'extra.hasConfigPdp', labelKey: 'providers.factpulse.fields.hasConfigPdp', type: 'boolean' },
      { key: 'extra.hasConfigChorus', labelKey: 'providers.factpulse.fields.hasConfigChorus', type: 'boolean' },
      { key: 'createdAt', labelKey: 'providers.common.createdAt', type: 'date-time' },
      { key: 'updatedAt', labelKey: 'providers.common.updatedAt', type: 'date-time' },
    ],
  },
  columns: [
    { key: 'name', labelKey: 'providers.common.name', sortKey: 'name' },
    { key: 'identifier', labelKey: 'providers.factpulse.fields.siret', sortKey: 'identifier' },
    { key: 'status', labelKey: 'providers.common.status', sortKey: 'status' },
    { key: 'updatedAt', labelKey: 'providers.common.updatedAt', sortKey: 'updatedAt' },
  ],
  filters: [{ key: 'status', labelKey: 'providers.common.status', source: 'status' }],
  paging: { style: 'page', pageSize: 100, firstPage: 1 },
  update: 'patch',
  deactivate: 'status',
};
