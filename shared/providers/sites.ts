import type { ProviderDescriptor } from './descriptor';

export const sitesDescriptor: ProviderDescriptor = {
  id: 'sites',
  displayName: 'Sites & equipment registry',
  descriptionKey: 'providers.sites.description',
  namespace: 'sites',
  baseUrl: { placeholder: 'https://registry.example.fr' },
  authMethods: [
    { id: 'none', labelKey: 'providers.sites.auth.none', fields: [] },
    {
      id: 'bearer',
      labelKey: 'providers.sites.auth.bearer',
      fields: [{ key: 'token', labelKey: 'providers.sites.fields.token', type: 'secret', required: true, rule: { maxLength: 4096 } }],
    },
    {
      id: 'apiKeyHeader',
      labelKey: 'providers.sites.auth.apiKeyHeader',
      fields: [
        {
          key: 'headerName',
          labelKey: 'providers.sites.fields.headerName',
          type: 'text',
          required: true,
          rule: { pattern: "^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$", patternMessageKey: 'providers.sites.validation.headerName' },
        },
        { key: 'apiKey', labelKey: 'providers.sites.fields.apiKey', type: 'secret', required: true, rule: { maxLength: 4096 } },
      ],
    },
  ],
  settings: [],
  capabilities: ['list', 'get', 'create', 'update', 'deactivate'],
  client: {
    identifier: { key: 'identifier', labelKey: 'providers.sites.fields.code', type: 'integer', required: true, rule: { min: 0, max: 2_147_483_647 } },
    fields: [
      { key: 'name', labelKey: 'providers.sites.fields.nom', type: 'text', required: true, rule: { minLength: 1, maxLength: 255 } },
      { key: 'identifier', labelKey: 'providers.sites.fields.code', type: 'integer', required: true, rule: { min: 0, max: 2_147_483_647 } },
    ],
    detail: [
      { key: 'identifier', labelKey: 'providers.sites.fields.code' },
      { key: 'extra.sites', labelKey: 'providers.sites.fields.sites', type: 'integer' },
      { key: 'extra.equipements', labelKey: 'providers.sites.fields.equipements', type: 'integer' },
      { key: 'extra.serverStatus', labelKey: 'providers.common.status' },
      { key: 'createdAt', labelKey: 'providers.sites.fields.timestamp', type: 'date-time' },
    ],
  },
  columns: [
    { key: 'name', labelKey: 'providers.sites.fields.nom', sortKey: 'name' },
    { key: 'identifier', labelKey: 'providers.sites.fields.code', sortKey: 'identifier', align: 'end' },
    { key: 'extra.sites', labelKey: 'providers.sites.fields.sites', align: 'end' },
    { key: 'extra.equipements', labelKey: 'providers.sites.fields.equipements', align: 'end' },
    { key: 'status', labelKey: 'providers.common.status', sortKey: 'status' },
    { key: 'createdAt', labelKey: 'providers.sites.fields.timestamp' },
  ],
  filters: [{ key: 'status', labelKey: 'providers.common.status', source: 'status' }],
  paging: { style: 'whole' },
  update: 'put',
  deactivate: 'delete',
};
