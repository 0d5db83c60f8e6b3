import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { HARNESS_ORIGIN } from '../harness/serve-renderer';

/**
 * Issue 3 screens, driven like a user through the real core and the built-in FactPulse sandbox:
 * demo workspace → clients → create (with an inline error) → edit → deactivate/reactivate →
 * PDP (fernet) → webhook secret shown once → a second connection whose test fails precisely.
 */
describe('FactPulse flows in Chromium through the plain-Node core', () => {
  let harness: Harness;
  const clientName = 'Boulangerie Martin e2e';
  const pdpSecret = `pdp-secret-${Date.now()}`;
  const wrongApiKey = `fp_wrong_${Date.now()}`;
  let webhookSecret = '';

  beforeAll(async () => {
    harness = await launchHarness();
    // Clipboard access where the browser allows it for the harness origin; the Copy test accepts either outcome.
    await harness.page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: HARNESS_ORIGIN }).catch(() => undefined);
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('offers the demo workspace, labelled as a sandbox, while there is no connection', async () => {
    const { page } = harness;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByTestId('demo-card').waitFor();
    await page.click('[data-nav="connections"]');
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    const card = page.getByTestId('demo-card');
    await expect(card.textContent()).resolves.toMatch(/Sandbox/);
    await harness.screenshot('fp-connections-empty');
  });

  it('starts the demo workspace and lists its clients page by page', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Start the demo workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.locator('table.clients-table tbody tr').first().waitFor();
    await expect(page.textContent('[data-testid="pager-position"]')).resolves.toMatch(/Page 1 of \d+ · \d+ clients/);
    expect(await page.locator('table.clients-table tbody tr').count()).toBe(25);
    expect(await page.locator('[data-status="inactive"]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-pdp="yes"]').count()).toBeGreaterThan(0);
    await harness.screenshot('fp-clients-list');

    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByText(/^Page 2 of/).waitFor();
    await page.selectOption('#clients-page-size', '10');
    await page.getByText(/^Page 1 of/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('table.clients-table tbody tr').length === 10);

    await page.click('[data-nav="connections"]');
    const demo = page.locator('[data-connection="Demo workspace (sandbox)"]');
    await demo.locator('[data-connection-state="online"]').waitFor();
    await harness.screenshot('fp-connections-demo');
  });

  it('creates a client, keeping the form content after an invalid SIRET', async () => {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
    await page.getByLabel('Name').fill(clientName);
    await page.getByLabel('SIRET').fill('1234');
    await page.getByLabel('Description').fill('Created by the e2e test');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.locator('[data-field-error="client-identifier"]').waitFor();
    await expect(page.textContent('[data-field-error="client-identifier"]')).resolves.toBe('SIRET must be exactly 14 digits');
    expect(await page.getAttribute('#client-identifier', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#client-name')).toBe(clientName);
    expect(await page.inputValue('#client-description')).toBe('Created by the e2e test');
    await harness.screenshot('fp-client-create-error');

    await page.getByLabel('SIRET').fill('12345678901234');
    await page.locator('[data-field-warning="client-identifier"]').waitFor();
    await harness.screenshot('fp-client-create-siret-warning');
    await page.getByLabel('SIRET').fill('73282932000074');
    expect(await page.locator('[data-field-warning="client-identifier"]').count()).toBe(0);
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { level: 1, name: clientName }).waitFor();
    await expect(page.textContent('[data-fact="identifier"]')).resolves.toContain('73282932000074');
    await page.getByTestId('pdp-panel').locator('[data-pdp-configured]').waitFor();
    await page.getByTestId('webhook-panel').locator('[data-webhook-secret]').waitFor();
    await harness.screenshot('fp-client-detail');
  });

  it('edits the client', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Description').fill('Edited by the e2e test');
    await page.getByLabel('SIRET').fill('35600000000048');
    await harness.screenshot('fp-client-edit');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    await expect(page.textContent('[data-fact="description"]')).resolves.toBe('Edited by the e2e test');
    await expect(page.textContent('[data-fact="identifier"]')).resolves.toContain('35600000000048');
    const fresh = await page.evaluate(
      async ([connectionId, remoteId]) => (window as unknown as { clientdesk: { invoke(c: string, i: unknown): Promise<{ value: { description: string } }> } }).clientdesk.invoke('clients.get', { connectionId, remoteId }),
      await currentClientRef(),
    );
    expect(fresh.value.description).toBe('Edited by the e2e test');
  });

  it('deactivates and reactivates the client after confirmation', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByTestId('confirm-dialog').waitFor();
    await harness.screenshot('fp-client-deactivate-confirm');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Deactivate' }).click();
    await page.locator('.title-row [data-status="inactive"]').waitFor();
    await harness.screenshot('fp-client-inactive');
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Activate' }).click();
    await page.locator('.title-row [data-status="active"]').waitFor();
  });

  it('configures PDP in fernet mode with a write-only client secret', async () => {
    const { page } = harness;
    const panel = page.getByTestId('pdp-panel');
    await panel.getByRole('button', { name: 'Configure PDP' }).click();
    await page.getByLabel('Flow service URL').fill('https://pdp.example.test/flow');
    await page.getByLabel('Token URL').fill('https://pdp.example.test/oauth/token');
    await page.getByLabel('OAuth client ID').fill('e2e-oauth-client');
    await panel.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-field-error="pdp-clientSecret"]').waitFor();
    expect(await page.inputValue('#pdp-oauthClientId')).toBe('e2e-oauth-client');
    expect(await page.isChecked('#pdp-mode-fernet')).toBe(true);
    await page.getByLabel('Client secret').fill(pdpSecret);
    expect(await page.getAttribute('#pdp-clientSecret', 'type')).toBe('password');
    await harness.screenshot('fp-pdp-form');
    await panel.getByRole('button', { name: 'Save' }).click();
    await panel.locator('[data-pdp-configured="true"]').waitFor();
    await expect(panel.textContent()).resolves.toContain('e2e-oauth-client');
    await page.locator('[data-fact="name"]').waitFor();
    await page.locator('[data-testid="client-facts"] [data-fact="extra.hasConfigPdp"] [data-bool="yes"]').waitFor();
    await harness.screenshot('fp-pdp-config');
  });

  it('generates a webhook secret shown once, copied and kept in the keychain', async () => {
    const { page } = harness;
    await page.getByTestId('webhook-panel').getByRole('button', { name: 'Generate secret' }).click();
    await page.getByTestId('webhook-generate-dialog').waitFor();
    expect(await page.isChecked('#webhook-save')).toBe(true);
    await page.getByTestId('webhook-generate-dialog').getByRole('button', { name: 'Generate secret' }).click();
    const dialog = page.getByTestId('webhook-secret-dialog');
    await dialog.waitFor();
    webhookSecret = (await page.textContent('[data-testid="webhook-secret"]')) ?? '';
    expect(webhookSecret.length).toBeGreaterThan(16);
    await dialog.getByRole('button', { name: 'Copy' }).click();
    await dialog.getByText(/Copied\. The clipboard is cleared in 30 seconds\./).waitFor();
    await dialog.getByRole('button', { name: 'Hide' }).click();
    expect(await page.textContent('[data-testid="webhook-secret"]')).not.toContain(webhookSecret);
    await harness.screenshot('fp-webhook-secret-dialog');
    await dialog.getByRole('button', { name: 'I have saved it' }).click();
    await page.getByTestId('webhook-panel').locator('[data-webhook-secret="true"]').waitFor();
    await page.getByTestId('webhook-panel').getByText('In the system keychain').waitFor();
    const [connectionId, remoteId] = await currentClientRef();
    const account = (await harness.keychain.list(connectionId)).find((a) => a.includes(`webhook/${remoteId}`));
    expect(account).toBeDefined();
    expect(await harness.keychain.get(account!)).toBe(webhookSecret);
    expect(await page.content()).not.toContain(webhookSecret);
    await harness.screenshot('fp-webhook-status');

    await page.getByTestId('webhook-panel').getByRole('button', { name: 'Delete secret' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Delete secret' }).click();
    await page.getByTestId('webhook-panel').locator('[data-webhook-secret="false"]').waitFor();
    expect(await harness.keychain.get(account!)).toBeNull();
    // Generate again so the secret scan at the end has a live one to look for.
    await page.getByTestId('webhook-panel').getByRole('button', { name: 'Generate secret' }).click();
    await page.getByTestId('webhook-generate-dialog').getByRole('button', { name: 'Generate secret' }).click();
    webhookSecret = (await page.textContent('[data-testid="webhook-secret"]')) ?? '';
    await page.getByTestId('webhook-secret-dialog').getByRole('button', { name: 'I have saved it' }).click();
    await page.getByTestId('webhook-panel').locator('[data-webhook-secret="true"]').waitFor();
  });

  it('adds a second connection through the form and its test fails precisely on a wrong API key', async () => {
    const { page } = harness;
    const demoUrl = await page.evaluate(async () => {
      const envelope = await (window as unknown as { clientdesk: { invoke(c: string): Promise<{ value: Array<{ baseUrl: string; demo: boolean }> }> } }).clientdesk.invoke('connections.list');
      return envelope.value.find((c) => c.demo)!.baseUrl;
    });
    await page.click('[data-nav="connections"]');
    await page.getByRole('button', { name: 'Add connection' }).click();
    const form = page.getByTestId('connection-form');
    await form.getByLabel('Label').fill('Second FactPulse');
    await form.getByLabel('Base URL').fill('http://factpulse.example.test');
    await form.getByLabel('API key').fill(wrongApiKey);
    expect(await page.getAttribute('#conn-apiKey', 'type')).toBe('password');
    await form.getByRole('button', { name: 'Add connection' }).click();
    await page.locator('[data-field-error="conn-baseUrl"]').waitFor();
    await expect(page.textContent('[data-field-error="conn-baseUrl"]')).resolves.toMatch(/only allowed for localhost/);
    expect(await page.inputValue('#conn-label')).toBe('Second FactPulse');
    await harness.screenshot('fp-connection-form-error');

    await form.getByLabel('Base URL').fill(demoUrl);
    await form.getByRole('button', { name: 'Add connection' }).click();
    // Tried before it is saved: the reason first, then "Save anyway" keeps it as it is.
    await form.getByTestId('probe-failure').locator('[data-error-code="AUTH_REQUIRED"]').waitFor();
    await form.getByTestId('save-anyway').click();
    const card = page.locator('[data-connection="Second FactPulse"]');
    await card.locator('[data-error-code="AUTH_REQUIRED"]').waitFor();
    await expect(card.textContent()).resolves.toMatch(/HTTP 401/);
    await card.locator('[data-connection-state="auth-error"]').waitFor();
    await harness.screenshot('fp-connection-test-failed');
  });

  it('looks right in the dark theme and in French', async () => {
    const { page } = harness;
    await page.click('[data-nav="settings"]');
    await page.click('[data-theme-choice="dark"]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.click('[data-nav="connections"]');
    await page.locator('[data-connection="Second FactPulse"] [data-error-code]').waitFor();
    await harness.screenshot('fp-connections-dark');
    await page.click('[data-nav="clients"]');
    await page.locator('table.clients-table tbody tr').first().waitFor();
    await page.locator('table.clients-table tbody tr').first().click();
    await page.getByTestId('pdp-panel').locator('[data-pdp-configured]').waitFor();
    await harness.screenshot('fp-client-detail-dark');
    await page.click('[data-nav="settings"]');
    await page.selectOption('#settings-language', 'fr');
    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.getByRole('button', { name: 'Nouveau client' }).waitFor();
    await harness.screenshot('fp-clients-list-dark-fr');
    await page.click('[data-nav="settings"]');
    await page.selectOption('#settings-language', 'en');
    await page.click('[data-theme-choice="light"]');
  });

  it('edits the second connection: the stored key is never shown, a new one fixes the test', async () => {
    const { page } = harness;
    await page.click('[data-nav="connections"]');
    const card = page.locator('[data-connection="Second FactPulse"]');
    await card.getByRole('button', { name: 'Edit' }).click();
    const form = page.getByTestId('connection-form');
    expect(await page.inputValue('#conn-apiKey')).toBe('');
    await form.getByText('A value is stored in the keychain. Leave empty to keep it.').waitFor();
    await page.click('[data-auth-method="password"]');
    await form.getByLabel('Username').waitFor();
    await form.getByLabel('Limit to one client (UID, optional)').fill('not-a-uuid');
    await form.getByRole('button', { name: 'Save' }).click();
    await page.locator('[data-field-error="conn-clientUid"]').waitFor();
    await page.click('[data-auth-method="apiKey"]');
    await harness.screenshot('fp-connection-edit');
    const demoId = (await connectionsList()).find((c) => c.demo)!.id;
    const demoKeyAccount = (await harness.keychain.list()).find((a) => a.includes(demoId) && a.endsWith('/apiKey'));
    const demoKey = (await harness.keychain.get(demoKeyAccount!))!;
    await form.getByLabel('API key').fill(demoKey);
    await form.getByRole('button', { name: 'Save' }).click();
    await card.locator('[data-test-result="ok"]').waitFor();
    await card.locator('[data-connection-state="online"]').waitFor();
  });

  it('removes the second connection after confirmation', async () => {
    const { page } = harness;
    await page.click('[data-nav="connections"]');
    const card = page.locator('[data-connection="Second FactPulse"]');
    await card.getByRole('button', { name: 'Remove' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Remove' }).click();
    await card.waitFor({ state: 'detached' });
    // Only the demo workspace's connections remain.
    expect(await page.locator('[data-connection]').count()).toBe((await connectionsList()).filter((c) => c.demo).length);
  });

  it('never shows a secret on the page, and ran with no console error or CSP violation', async () => {
    const { page } = harness;
    const accounts = await harness.keychain.list();
    const secrets = [pdpSecret, wrongApiKey, webhookSecret];
    for (const account of accounts.filter((a) => a.endsWith('/apiKey'))) secrets.push((await harness.keychain.get(account)) ?? '');
    const html = await page.content();
    for (const secret of secrets.filter((s) => s.length > 8)) expect(html).not.toContain(secret);
    expect(harness.pageErrors).toEqual([]);
  });

  async function connectionsList(): Promise<Array<{ id: string; label: string; demo: boolean }>> {
    const envelope = await harness.page.evaluate(() =>
      (window as unknown as { clientdesk: { invoke(c: string): Promise<{ value: Array<{ id: string; label: string; demo: boolean }> }> } }).clientdesk.invoke('connections.list'),
    );
    return envelope.value;
  }

  /** The client the detail screen shows: the demo connection and the UID on screen. */
  async function currentClientRef(): Promise<[string, string]> {
    const uid = (await harness.page.locator('[data-fact="uid"]').textContent()) ?? '';
    const envelope = await harness.page.evaluate(() =>
      (window as unknown as { clientdesk: { invoke(c: string): Promise<{ value: Array<{ id: string; demo: boolean }> }> } }).clientdesk.invoke('connections.list'),
    );
    return [envelope.value.find((c) => c.demo)!.id, uid.trim()];
  }
});
