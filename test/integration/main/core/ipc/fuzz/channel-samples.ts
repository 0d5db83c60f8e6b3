import type { Channel } from '../../../../../../shared/ipc';

/**
 * One valid input per channel, for the fuzz to start from: mutations one field away from valid reach deeper
 * checks than random junk. Ids name nothing that exists, so a handler that runs answers NOT_FOUND or the like;
 * the one URL is loopback's discard port. A channel missing here is still fuzzed with whole hostile payloads.
 */
const conn = 'fuzz-connection';
const ref = { connectionId: conn, remoteId: 'fuzz-client' };
const keyRef = { connectionId: conn, clientUid: 'fuzz-client' };
const pdpFields = { flowServiceUrl: 'https://pdp.example/flow', tokenUrl: 'https://pdp.example/token', oauthClientId: 'oauth-id', clientSecret: 'pdp-secret' };
const passphrase = 'correct horse battery staple';

export const CHANNEL_SAMPLES: Partial<Record<Channel, unknown>> = {
  'settings.update': { language: 'fr', theme: 'dark', syncIntervalMinutes: 0, keyMaxAgeDays: 90 },
  'recovery.resolve': { action: 'retry' },
  'connections.add': { label: 'Fuzz', provider: 'factpulse', baseUrl: 'http://127.0.0.1:9', auth: { method: 'apiKey', apiKey: 'fuzz-api-key' } },
  'connections.update': { id: conn, label: 'Fuzz 2', baseUrl: 'http://127.0.0.1:9', auth: { method: 'apiKey', apiKey: 'fuzz-api-key' } },
  'connections.test': { id: conn },
  'connections.remove': { id: conn, confirm: true },
  'clients.page': { connectionId: conn, page: 1, pageSize: 50 },
  'clients.get': ref,
  'clients.create': { connectionId: conn, fields: { name: 'Boulangerie', identifier: '12345678901234', description: 'Pain' } },
  'clients.update': { ...ref, fields: { name: 'Boulangerie', description: null } },
  'clients.setActive': { ...ref, active: false },
  'factpulse.pdp.get': ref,
  'factpulse.pdp.update': { ...ref, fields: { ...pdpFields, isActive: true, modeSandbox: false, encryptionMode: 'fernet' } },
  'factpulse.webhook.status': ref,
  'factpulse.webhook.generate': { ...ref, saveToKeychain: true },
  'factpulse.webhook.delete': { ...ref, confirm: true },
  'clients.window': { connectionIds: [conn], query: 'boul', status: ['active'], sort: 'relevance', direction: 'asc', offset: 0, limit: 50, includeTotal: true },
  'clients.counts': { connectionIds: [conn] },
  'clients.facetValues': { connectionId: conn, key: 'partner' },
  'clients.forgetCached': ref,
  'clients.bulkPreview': { action: 'deactivate', selection: { kind: 'matching', filter: { connectionIds: [conn], query: 'boul', status: ['active'] }, except: [ref] } },
  'clients.bulkStart': { action: 'activate', selection: { kind: 'picked', clients: [ref] }, confirm: true },
  'clients.bulkCancel': { jobId: 'fuzz-job' },
  'clients.bulkResume': { jobId: 'fuzz-job' },
  'clients.bulkJob': { jobId: 'fuzz-job' },
  'sync.now': { connectionId: conn },
  'outbox.list': { connectionId: conn, state: 'queued' },
  'outbox.replay': { connectionId: conn },
  'outbox.resolve': { id: 424242, choice: 'mine' },
  'outbox.retry': { id: 424242 },
  'outbox.discard': { id: 424242, confirm: true },
  'audit.list': { connectionId: conn, clientId: 'fuzz-client', beforeId: 10, limit: 20 },
  'audit.export': { format: 'json', connectionId: conn },
  'factpulse.keys.inventory': { connectionId: conn, filter: 'attention', search: 'agence', offset: 0, limit: 25 },
  'factpulse.keys.enableDouble': { ...keyRef, fields: pdpFields },
  'factpulse.keys.disableDouble': { ...keyRef, fields: pdpFields, confirm: true },
  'factpulse.keys.rotate': keyRef,
  'factpulse.keys.recover': keyRef,
  'factpulse.keys.import': { ...keyRef, key: 'AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=', confirm: false, verify: true },
  'factpulse.keys.reveal': { ...keyRef, slot: 'current', confirm: true },
  'factpulse.keys.copy': { ...keyRef, slot: 'current' },
  'factpulse.keys.bulkPreview': { connectionId: conn, clients: ['fuzz-client'] },
  'factpulse.keys.bulkStart': { connectionId: conn, clients: ['fuzz-client'], concurrency: 2, confirm: true },
  'factpulse.keys.bulkCancel': { jobId: 'fuzz-job' },
  'factpulse.keys.bulkResume': { jobId: 'fuzz-job' },
  'factpulse.keys.jobs': { connectionId: conn },
  'factpulse.keys.job': { jobId: 'fuzz-job' },
  'factpulse.keys.exportBackup': { connectionId: conn, clients: ['fuzz-client'], path: '/nonexistent/fuzz/backup.cdkeys', passphrase },
  'factpulse.keys.inspectBackup': { path: '/nonexistent/fuzz/backup.cdkeys', targetConnectionId: conn },
  'factpulse.keys.importBackup': { path: '/nonexistent/fuzz/backup.cdkeys', passphrase, targetConnectionId: conn, confirm: false },
  'factpulse.keys.journal': { connectionId: conn, clientUid: 'fuzz-client', limit: 10 },
  'factpulse.webhook.verify': { ...keyRef, rawBody: '{"event":"x"}', signature: 'sha256=00' },
  'dialog.saveFile': { defaultName: 'backup.cdkeys' },
  'dialog.openFile': {},
  'directory.importCertificate': { format: 'pem', connectionId: conn, certificatePath: '/nonexistent/fuzz/client.pem', privateKeyPath: '/nonexistent/fuzz/key.pem', passphrase },
  'directory.certificate': { connectionId: conn },
  'directory.rebuild': { connectionId: conn, filters: { page: 0, size: 10, startDate: '2025-01-01T00:00:00Z', endDate: '2025-02-01T00:00:00Z', role: 'DADOS', status: 'Active', name: 'Banco' }, incremental: false },
  'directory.cancelRebuild': { connectionId: conn },
  'directory.history': { connectionId: conn, limit: 10 },
};
