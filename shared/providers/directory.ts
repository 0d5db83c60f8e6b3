import type { ProviderDescriptor } from './descriptor';

export const directoryDescriptor: ProviderDescriptor = {
  id: 'directory',
  displayName: 'Open Finance directory',
  descriptionKey: 'providers.directory.description',
  namespace: 'directory',
  baseUrl: { placeholder: 'https://matls-api.directory.example.com', httpsOnly: true },
  authMethods: [
    {
      id: 'bearer',
      labelKey: 'providers.directory.auth.bearer',
      fields: [{ key: 'token', labelKey: 'providers.directory.fields.token', type: 'secret', required: true, rule: { maxLength: 8192 } }],
    },
  ],
  settings: [
    { key: 'customerIpAddress', labelKey: 'providers.directory.fields.customerIpAddress', type: 'text', rule: { maxLength: 45 } },
    { key: 'customerUserAgent', labelKey: 'providers.directory.fields.customerUserAgent', type: 'text', rule: { maxLength: 512 } },
  ],
  capabilities: ['rebuildRegistry', 'mtls'],
  client: { identifier: null, fields: [], detail: [] },
  columns: [],
  filters: [],
  paging: { style: 'none' },
  update: 'none',
  deactivate: 'none',
};
