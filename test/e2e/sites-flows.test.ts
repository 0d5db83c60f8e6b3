import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';
import type { SitesState } from '../../main/core/sandbox/sites';

interface ConnectionView { id: string; label: string; provider: string; demo: boolean }
interface Row { remoteId: string; name: string; identifier: string | null; connectionId: string; extra: Record<string, unknown> }

/**
 * The sites registry next to FactPulse in the demo workspace, driven like a user: its own columns and form
 * (built from its descriptor), "All connections" searching both systems, a detail with its sites table,
 * register with a field error, update (full PUT), deactivate through DELETE, and an edit queued offline
 * then replayed.
 */
describe('Sites registry flows: the Clients area built from the descriptor', () => {
  let harness: Harness;
  let sites: ConnectionView;
  let factpulse: ConnectionView;
  let registryState: SitesState;
  const registered = `Registre e2e ${Date.now() % 100_000}`;
  const renamed = `${registered} (renamed)`;
  const offlineName = `${registered} (offline)`;

  beforeAll(async () => {
    // The user drives the reconnect here ("Send now"); the background probe would race it.
    harness = await launchHarness({ core: { reconnectProbeMs: 3_600_000 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const invoke = <T>(channel: string, input?: unknown) => invokeIn<T>(harness.page, channel, input);

  function onServer(name: string) {
    return [...registryState.clients.values()].find((c) => c.nom === name);
  }

  async function showConnection(id: string) {
    await harness.page.click('[data-nav="clients"]');
    await harness.page.selectOption('#clients-connection', id);
    await harness.page.locator('table.clients-table tbody tr').first().waitFor();
  }

  it('starts a demo workspace with two systems, FactPulse and the sites registry', async () => {
    const { page } = harness;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await invoke('demo.start', { systems: ['factpulse', 'sites'] });
    await page.reload();
    const list = await invoke<ConnectionView[]>('connections.list');
    expect(list.map((c) => c.provider).sort()).toEqual(['factpulse', 'sites']);
    sites = list.find((c) => c.provider === 'sites')!;
    factpulse = list.find((c) => c.provider === 'factpulse')!;
    registryState = harness.core().context.demo.serverFor(sites.id)!.state as SitesState;
    // Both connections synced before anything is read from the cache.
    await expect.poll(async () => (await invoke<{ total: number }>('clients.counts', { connectionIds: [sites.id] })).total, { timeout: 20_000 }).toBe(40);
    await expect.poll(async () => (await invoke<{ total: number }>('clients.counts', { connectionIds: [factpulse.id] })).total, { timeout: 20_000 }).toBe(60);

    await page.click('[data-nav="connections"]');
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    await page.getByText(sites.label).first().waitFor();
    await page.getByText(factpulse.label).first().waitFor();
    await harness.screenshot('sites-demo-two-systems');
  });

  it('lists the registry with its own columns and no FactPulse-only filter', async () => {
    const { page } = harness;
    await showConnection(sites.id);
    await page.waitForFunction(() => document.querySelector('[data-count="total"]')?.textContent === '40');
    const headers = (await page.locator('table.clients-table thead th:not(.select-cell)').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual(['Name', 'Code', 'Sites', 'Equipment', 'Status', 'Registered']);
    await expect(page.locator('table.clients-table thead th.select-cell input[type="checkbox"]').count()).resolves.toBe(1);
    expect(await page.locator('#clients-pdp, #clients-double, #clients-key-age, [data-count="pdp"]').count()).toBe(0);
    expect(await page.locator('table.clients-table tbody tr').count()).toBe(25);
    await harness.screenshot('sites-list');

    // The FactPulse connection keeps its SIRET column and PDP filter.
    await showConnection(factpulse.id);
    await page.locator('table.clients-table thead th', { hasText: 'SIRET' }).waitFor();
    await page.locator('#clients-pdp').waitFor();
  });

  it('searches every connection at once in "All connections", with a Connection column', async () => {
    const { page } = harness;
    // A word that names clients in both systems.
    const sitesRows = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [sites.id], limit: 40 })).rows;
    let word = '';
    for (const candidate of new Set(sitesRows.flatMap((r) => r.name.split(/\s+/)).filter((w) => w.length >= 5))) {
      const fp = await invoke<{ total: number }>('clients.window', { connectionIds: [factpulse.id], query: candidate, limit: 1 });
      if (fp.total) {
        word = candidate;
        break;
      }
    }
    expect(word).not.toBe('');

    await page.selectOption('#clients-connection', 'all');
    await page.locator('table.clients-table thead th', { hasText: 'Connection' }).waitFor();
    expect(await page.locator('#clients-pdp').count()).toBe(0);
    await page.getByLabel('Search').fill(word.toLowerCase());
    await page.waitForFunction(
      ([a, b]) => {
        const cells = [...document.querySelectorAll('table.clients-table tbody [data-connection-cell]')].map((c) => c.textContent);
        return cells.includes(a) && cells.includes(b) && document.querySelectorAll('table.clients-table tbody tr mark').length > 0;
      },
      [sites.label, factpulse.label] as const,
    );
    const headers = (await page.locator('table.clients-table thead th:not(.select-cell)').allTextContents()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
    expect(headers).toEqual(['Name', 'Identifier', 'Connection', 'Status', 'Updated']);
    await harness.screenshot('sites-all-connections-search');
    await page.getByLabel('Search').fill('');
  });

  it('shows a registry client with its sites table', async () => {
    const { page } = harness;
    const rows = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [sites.id], limit: 40 })).rows;
    const withSites = rows.find((r) => Number(r.extra.sites) >= 3)!;
    const expected = registryState.clients.get(withSites.remoteId)!.sites;
    await showConnection(sites.id);
    await page.getByLabel('Search').fill(withSites.name);
    await page.locator(`table.clients-table tbody tr[data-client="${withSites.name}"]`).first().click();
    await page.locator('[data-fact="uid"]', { hasText: withSites.remoteId }).waitFor();
    await expect(page.textContent('[data-fact="identifier"]')).resolves.toBe(withSites.identifier);
    const panel = page.getByTestId('sites-panel');
    await panel.locator('tbody tr').first().waitFor();
    expect(await panel.locator('tbody tr').count()).toBe(expected.length);
    await expect(panel.locator(`tr[data-site="${expected[0]!.nom}"] td.num`).textContent()).resolves.toBe(String(expected[0]!.equipements));
    expect(await page.getByTestId('pdp-panel').count()).toBe(0);
    await harness.screenshot('sites-detail');
  });

  it('registers a client: a wrong code is refused on its field and the form keeps its content', async () => {
    const { page } = harness;
    await showConnection(sites.id);
    await page.getByLabel('Search').fill('');
    await page.getByRole('button', { name: 'New client' }).click();
    await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
    expect(await page.locator('#client-description').count()).toBe(0);
    await page.getByLabel('Name').fill(registered);
    await page.getByLabel('Code').fill('douze');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.locator('[data-field-error="client-identifier"]').waitFor();
    await expect(page.textContent('[data-field-error="client-identifier"]')).resolves.toBe('Must be a whole number');
    expect(await page.inputValue('#client-name')).toBe(registered);
    expect(await page.inputValue('#client-identifier')).toBe('douze');
    await harness.screenshot('sites-register');

    await page.getByLabel('Code').fill('4242');
    await page.getByRole('button', { name: 'Create client' }).click();
    await page.getByRole('heading', { level: 1, name: registered }).waitFor();
    await expect(page.textContent('[data-fact="identifier"]')).resolves.toBe('4242');
    expect(onServer(registered)?.code).toBe(4242);
  });

  it('updates the client (the registry replaces the whole record)', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    expect(await page.inputValue('#client-identifier')).toBe('4242');
    await page.getByLabel('Name').fill(renamed);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { level: 1, name: renamed }).waitFor();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    const server = onServer(renamed)!;
    expect(server.code).toBe(4242);
    await page.getByTestId('sites-panel').locator('[data-sites-empty="none"]').waitFor();
    await harness.screenshot('sites-update');
  });

  it('deactivates through the registry’s DELETE after a confirmation that says so', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Deactivate' }).click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/deactivates a client through its delete call \(DELETE\)/);
    await harness.screenshot('sites-deactivate-confirm');
    await dialog.getByRole('button', { name: 'Deactivate' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(onServer(renamed)!.status).toBe('inactive');
  });

  it('queues an edit while the registry is unreachable, then replays it', async () => {
    const { page } = harness;
    const target = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [sites.id], limit: 1 })).rows[0]!;
    await showConnection(sites.id);
    await page.getByLabel('Search').fill(target.name);
    await page.locator(`table.clients-table tbody tr[data-client="${target.name}"]`).first().click();
    await page.locator('[data-fact="uid"]', { hasText: target.remoteId }).waitFor();
    await page.getByTestId('sites-panel').waitFor();
    // The client is open when the registry goes away.
    await harness.core().context.demo.suspendFor(sites.id);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Name').fill(offlineName);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('queued-notice').waitFor();
    await page.getByTestId('pending-changes').locator('[data-outbox-state="queued"]').waitFor();
    expect(onServer(offlineName)).toBeUndefined();

    await page.click('[data-nav="activity"]');
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page.locator('[data-outbox-state="queued"]').first().waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await harness.screenshot('sites-offline-queued');

    await harness.core().context.demo.restartFor(sites.id);
    await page.click(`[data-send-now="${sites.label}"]`);
    await page.getByTestId('outbox-empty').waitFor();
    expect(onServer(offlineName)?.client_id).toBe(target.remoteId);
    await page.locator('[data-audit-action="clients.update"][data-audit-outcome="ok"]').first().waitFor();

    await page.click('[data-nav="clients"]');
    await page.getByLabel('Search').fill(offlineName);
    await page.locator(`table.clients-table tbody tr[data-client="${offlineName}"][data-pending="no"]`).first().click();
    await page.getByRole('heading', { level: 1, name: offlineName }).waitFor();
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
    await harness.screenshot('sites-offline-replayed');
  });

  it('ran with no console error or CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
