import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';
import type { TokenizationClient, TokenizationSandbox } from '../../main/core/sandbox/tokenization';
import { foldName } from '../../main/core/sandbox/tokenization/state';

interface ConnectionView { id: string; label: string; provider: string }
interface Row { remoteId: string; name: string; version?: number; extra: Record<string, unknown> }

const EST = 'Partenaire Démo Est';
const OUEST = 'Partenaire Démo Ouest';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * The tokenization platform's demo driven like a user: a connection added through the form with two partners
 * (an empty and an unknown partner refused on the field first), the list filtered by partner, a detail, create
 * with a bad email and a duplicate name then a good one, deactivate, a 500, a client gone from the server dropped
 * from the cache, and an offline edit that meets a newer server version, resolved side by side.
 */
describe('Tokenization platform flows', () => {
  let harness: Harness;
  let demo: ConnectionView;
  let sandbox: TokenizationSandbox;
  const stamp = Date.now() % 100_000;
  const created = `Tokenisation e2e ${stamp}`;

  beforeAll(async () => {
    // The user drives the reconnect here ("Send now"); the background probe would race it.
    harness = await launchHarness({ core: { reconnectProbeMs: 3_600_000 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const invoke = <T>(channel: string, input?: unknown) => invokeIn<T>(harness.page, channel, input);
  const clients = () => [...sandbox.state.clients.values()];
  const byName = (name: string) => clients().find((c) => c.name === name);
  const directName = (c: TokenizationClient) => sandbox.state.partners.get(c.directPartnerId)!.name;

  async function showDemoClients() {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.selectOption('#clients-connection', demo.id);
    await page.getByLabel('Search').fill('');
    await page.locator('table.clients-table tbody tr').first().waitFor();
  }

  async function openClient(name: string) {
    const { page } = harness;
    await showDemoClients();
    await page.getByLabel('Search').fill(name);
    await page.locator(`table.clients-table tbody tr[data-client="${name}"]`).first().click();
    await page.getByRole('heading', { level: 1, name }).waitFor();
  }

  it('starts the demo tokenization platform and syncs it', async () => {
    const { page } = harness;
    demo = await invoke<ConnectionView>('demo.start', { systems: ['tokenization'] });
    sandbox = harness.core().context.demo.serverFor(demo.id) as unknown as TokenizationSandbox;
    await expect.poll(async () => (await invoke<{ total: number }>('clients.counts', { connectionIds: [demo.id] })).total, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
  });

  it('adds a connection with two partners through the form; an empty and an unknown partner are refused on the field', async () => {
    const { page } = harness;
    await page.click('[data-nav="connections"]');
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    await page.getByRole('button', { name: 'Add connection' }).first().click();
    const form = page.getByTestId('connection-form');
    await form.waitFor();
    await page.selectOption('#conn-provider', 'tokenization');
    await form.getByLabel('Label').fill('Tokenization (two partners)');
    await form.getByLabel('Base URL').fill(sandbox.url);
    await form.getByLabel('Username').fill(sandbox.credentials.username);
    await form.getByLabel('Password').fill(sandbox.credentials.password);
    const addPartner = form.locator('#conn-settings-partners');
    await addPartner.fill(EST);
    await addPartner.press('Enter');
    // The one partner emptied: the list endpoint needs one, so nothing is sent.
    await form.getByLabel('Partners to browse 1').fill(' ');
    const submit = form.getByRole('button', { name: 'Add connection' });
    const before = sandbox.requests.length;
    await submit.click();
    const partnersError = page.locator('[data-field-error="conn-settings-partners"]');
    await expect(partnersError.textContent()).resolves.toBe('Required');
    expect(sandbox.requests.length).toBe(before);

    await form.getByLabel('Partners to browse 1').fill(EST);
    await addPartner.fill('Partenaire Inconnu');
    await addPartner.press('Enter');
    await submit.click();
    await expect(partnersError.textContent()).resolves.toBe('The server does not know one of these partners: check its id or name');
    await expect(form.locator('.error-sentence').first().textContent()).resolves.toContain('does not know the partner "Partenaire Inconnu"');
    expect(sandbox.requests.length).toBeGreaterThan(before);
    // Nothing saved, nothing lost.
    expect((await invoke<ConnectionView[]>('connections.list')).map((c) => c.label)).toEqual([demo.label]);
    expect(await form.getByLabel('Partners to browse 1').inputValue()).toBe(EST);
    expect(await form.getByLabel('Username').inputValue()).toBe(sandbox.credentials.username);

    await form.getByLabel('Partners to browse 2').fill(OUEST);
    await submit.click();
    const card = page.locator('[data-connection="Tokenization (two partners)"]');
    await card.waitFor();
    await expect(card.locator('dd', { hasText: EST }).textContent()).resolves.toBe(`${EST}, ${OUEST}`);
    await card.getByRole('button', { name: 'Test connection' }).click();
    const inBoth = clients().filter((c) => [EST, OUEST, `${EST} Alsace`].includes(directName(c))).length;
    await expect(card.locator('[data-test-result="ok"]').textContent()).resolves.toMatch(new RegExp(`answered in \\d+ ms, ${inBoth} clients\\.$`));
    await card.scrollIntoViewIfNeeded();
    await harness.screenshot('tokenization-connection-two-partners');
    expect(await page.content()).not.toContain(sandbox.credentials.password);
  });

  it('filters the list by partner', async () => {
    const { page } = harness;
    await showDemoClients();
    const partner = page.locator('#clients-facet');
    await expect(partner.locator('option').allTextContents()).resolves.toEqual(['Any', EST, `${EST} Alsace`, OUEST]);
    await partner.selectOption(OUEST);
    const inOuest = clients().filter((c) => directName(c) === OUEST).length;
    await expect.poll(() => page.textContent('[data-testid="pager-position"]')).toMatch(new RegExp(`· ${inOuest} clients$`));
    const column = await page.locator('table.clients-table thead th').evaluateAll((ths) => ths.findIndex((th) => th.getAttribute('data-column') === 'extra.partner'));
    const shown = await page.locator(`table.clients-table tbody tr td:nth-child(${column + 1})`).allTextContents();
    expect(shown.length).toBe(Math.min(25, inOuest));
    expect(new Set(shown)).toEqual(new Set([OUEST]));
    await harness.screenshot('tokenization-list-by-partner');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(partner.inputValue()).resolves.toBe('');
  });

  it('shows a detail: mid, billing id, version, dates, partners, contact, location', async () => {
    const { page } = harness;
    const complete = clients().filter((c) => c.billingId && c.location !== null && c.mid && c.directPartnerId !== sandbox.state.rootId);
    const target = complete.find((c) => directName(c) === `${EST} Alsace`) ?? complete[0]!;
    await openClient(target.name);
    const fact = (key: string) => page.textContent(`[data-fact="${key}"]`);
    await expect(fact('identifier')).resolves.toBe(target.mid);
    await expect(fact('extra.billingId')).resolves.toBe(target.billingId);
    await expect(fact('version')).resolves.toBe(String(target.version));
    await expect(fact('extra.rootPartner')).resolves.toBe('Partenaire Démo');
    await expect(fact('extra.directPartnerName')).resolves.toBe(directName(target));
    await expect(fact('extra.contactName')).resolves.toBe(`${target.contact.firstName} ${target.contact.lastName}`);
    await expect(fact('extra.contactEmail')).resolves.toBe(target.contact.email);
    await expect(fact('extra.location')).resolves.toBe(String(target.location));
    await expect(fact('createdAt')).resolves.not.toBe('—');
    await expect(fact('updatedAt')).resolves.not.toBe('—');
    await harness.screenshot('tokenization-detail');
  });

  it('create: a bad email on its field, a duplicate name on the name field (form kept), then a good one', async () => {
    const { page } = harness;
    const taken = clients()[3]!.name;
    await showDemoClients();
    await page.getByRole('button', { name: 'New client' }).click();
    const form = page.getByTestId('client-form');
    await form.waitFor();
    await form.locator('#client-name').fill(taken);
    await form.locator('#client-extra-directPartnerName').fill(EST);
    await form.locator('#client-extra-contactFirstName').fill('Camille');
    await form.locator('#client-extra-contactLastName').fill('Durand');
    await form.locator('#client-extra-contactEmail').fill('camille.durand');
    const posts = () => sandbox.requests.filter((r) => r.method === 'POST').length;
    const postsBefore = posts();
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect(page.textContent('[data-field-error="client-extra-contactEmail"]')).resolves.toBe('Not an email address');
    expect(posts()).toBe(postsBefore);

    await form.locator('#client-extra-contactEmail').fill('camille.durand@example.fr');
    await form.getByRole('button', { name: 'Create client' }).click();
    await expect(page.textContent('[data-field-error="client-name"]')).resolves.toBe('Another client already has this name');
    expect(posts()).toBe(postsBefore + 1);
    expect(await form.locator('#client-extra-contactEmail').inputValue()).toBe('camille.durand@example.fr');
    const details = form.getByTestId('error-details');
    await details.locator('summary').click();
    await expect(details.getByTestId('support-reference').textContent()).resolves.toMatch(UUID);
    await harness.screenshot('tokenization-create-duplicate');

    await form.locator('#client-name').fill(created);
    await form.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { level: 1, name: created }).waitFor();
    const onServer = byName(created)!;
    expect(onServer).toMatchObject({ isActive: true, contact: { firstName: 'Camille', email: 'camille.durand@example.fr' } });
    expect(directName(onServer)).toBe(EST);
  });

  it('deactivates the new client through isActive', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await page.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    expect(byName(created)!.isActive).toBe(false);
    await expect(page.textContent('[data-fact="version"]')).resolves.toBe(String(byName(created)!.version));
    await harness.screenshot('tokenization-deactivate');
  });

  it('a 500 says so in plain words with the support reference, and the edit stays in the form', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('#client-extra-contactLastName').fill('Durand-Server');
    sandbox.faults.set({ status: 500, pathPattern: /^PATCH / });
    try {
      await page.getByRole('button', { name: 'Save' }).click();
      const notice = page.getByTestId('client-form').locator('.error-notice');
      await notice.waitFor();
      await expect(notice.getAttribute('data-error-code')).resolves.toBe('SERVER');
      await notice.locator('summary').click();
      await expect(notice.locator('.error-sentence').textContent()).resolves.toMatch(/^The tokenization platform had an internal error \(HTTP 500\)/);
      await expect(notice.getByTestId('support-reference').textContent()).resolves.toMatch(UUID);
      await notice.getByRole('button', { name: 'Copy' }).click();
      await expect(notice.locator('.support-reference [role="status"]').textContent()).resolves.toMatch(/^(Copied\.|Could not copy: select the reference and copy it\.)$/);
      expect(await page.locator('#client-extra-contactLastName').inputValue()).toBe('Durand-Server');
      expect(byName(created)!.contact.lastName).toBe('Durand');
    } finally {
      sandbox.faults.clear();
    }
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    expect(byName(created)!.contact.lastName).toBe('Durand-Server');
  });

  it('a client deleted on the server is gone: the detail says so and removes it from this computer’s cache', async () => {
    const { page } = harness;
    const gone = clients()[7]!;
    await openClient(gone.name);
    sandbox.state.clients.delete(gone.id);
    sandbox.state.names.delete(foldName(gone.name));
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('#client-extra-contactFirstName').fill('Personne');
    await page.getByRole('button', { name: 'Save' }).click();
    const notice = page.getByTestId('client-gone');
    await notice.waitFor();
    await expect(notice.locator('strong').textContent()).resolves.toBe('This client no longer exists on the server.');
    expect(await page.locator('#client-extra-contactFirstName').inputValue()).toBe('Personne');
    await notice.locator('summary').click();
    await expect(notice.getByTestId('support-reference').textContent()).resolves.toMatch(UUID);
    await harness.screenshot('tokenization-gone');

    await notice.getByRole('button', { name: 'Remove from this computer’s cache' }).click();
    // The edit cannot go anywhere now, but it is the user's: leaving the form asks first.
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByLabel('Search').fill(gone.name);
    await page.getByTestId('clients-none').waitFor();
    const audit = await invoke<{ rows: Array<{ action: string }> }>('audit.list', { connectionId: demo.id, clientId: String(gone.id) });
    expect(audit.rows[0]!.action).toBe('clients.forgetCached');
  });

  it('an offline edit meets a newer server version: the conflict is shown side by side, then resolved', async () => {
    const { page } = harness;
    const target = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [demo.id], facet: { key: 'partner', value: OUEST }, limit: 1 })).rows[0]!;
    await openClient(target.name);
    await harness.core().context.demo.suspendFor(demo.id);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.locator('#client-extra-contactFirstName').fill('Hors-ligne');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('queued-notice').waitFor();

    // Meanwhile someone renames the client on the server.
    const onServer = sandbox.state.clients.get(Number(target.remoteId))!;
    const serverName = `${target.name} (renommé)`;
    sandbox.state.names.delete(foldName(onServer.name));
    onServer.name = serverName;
    sandbox.state.names.set(foldName(serverName), onServer.id);
    onServer.version += 1;
    onServer.modified = new Date().toISOString();
    await harness.core().context.demo.restartFor(demo.id);

    await page.click('[data-nav="activity"]');
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page.click(`[data-send-now="${demo.label}"]`);
    const conflict = page.getByTestId('conflict-view');
    await conflict.waitFor();
    await expect(conflict.locator('[data-conflict-field="name"] [data-side="theirs"]').textContent()).resolves.toBe(serverName);
    await expect(conflict.locator('[data-conflict-field="name"] [data-side="base"]').textContent()).resolves.toBe(target.name);
    expect(onServer.contact.firstName).not.toBe('Hors-ligne');
    await harness.screenshot('tokenization-offline-conflict');

    await conflict.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
    await page.getByTestId('outbox-empty').waitFor();
    expect(onServer.contact.firstName).toBe('Hors-ligne');
    expect(onServer.name).toBe(serverName);
    await page.locator('[data-audit-outcome="conflict"]').first().waitFor();
    await page.locator('[data-audit-action="clients.update"][data-audit-outcome="ok"]').first().waitFor();
    await harness.screenshot('tokenization-conflict-resolved');
  });

  it('ran with no console error or CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
