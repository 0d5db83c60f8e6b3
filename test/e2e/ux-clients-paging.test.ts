import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRecord } from '../../shared/domain';
import { writeDb } from '../../main/core/cache/handles';
import { createClientWrites } from '../../main/core/cache/clients/client-writes';
import { startFactPulseSandbox } from '../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../main/core/sandbox/factpulse';
import { generateClients } from '../fixtures/cache/generate-clients';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';

/** Nothing listens on the discard port: the connection's first sync fails at once and the cache keeps what we write. */
const UNREACHABLE = 'http://127.0.0.1:9';
const LARGE = 100_000;
const SYNCED = 6_000;
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/**
 * The Clients list at scale: names in natural order, jumping to a page deep into 100k clients (and a page that
 * does not exist), and a first sync whose list and counts grow with every committed page.
 */
describe('clients list: natural order, jump to page, a first sync that shows as it goes, in Chromium', () => {
  let harness: Harness;
  let sandbox: FactPulseSandbox;

  beforeAll(async () => {
    sandbox = await startFactPulseSandbox({ clients: SYNCED, seed: 7 });
    harness = await launchHarness({ keychain: createStandInKeychain() });
    await harness.page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
  });

  /** A connection whose cache holds `records(id)`, written as a sync would. */
  async function seeded(label: string, records: (connectionId: string) => ClientRecord[]): Promise<string> {
    const { id } = await invokeIn<{ id: string }>(harness.page, 'connections.add', { label, provider: 'factpulse', baseUrl: UNREACHABLE, auth: { method: 'apiKey', apiKey: 'e2e-api-key-0123456789' } });
    createClientWrites(writeDb(harness.core().context.db)).upsertPage(id, records(id), null, new Date().toISOString());
    return id;
  }

  async function openClients(label: string): Promise<void> {
    const { page } = harness;
    await page.reload();
    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    const scope = page.locator('#clients-connection');
    if (await scope.count()) await scope.selectOption({ label });
  }

  const names = () => harness.page.locator('table.clients-table td.client-name-cell button.link').allInnerTexts();

  it('sorts names with numbers by value: "Agence 2" < "Agence 10" < "Agence 167" < "Agence 1047"', async () => {
    const agencies = ['Agence 1047', 'Agence 167', 'Agence 2', 'agence 10', 'Agence 1', 'Agence 1 bis', 'Agence 20', 'Agence 100', 'Épicerie 3', 'Épicerie 12', 'Garage 9'];
    await seeded('Agences', (connectionId) =>
      agencies.map((name, i) => ({ ...generateClients(connectionId, 1, 3, i)[0]!, name })),
    );
    await openClients('Agences');
    const shown = async () => (await names()).map((n) => n.split('\n')[0]!.trim());
    await expect.poll(shown).toEqual(['Agence 1', 'Agence 1 bis', 'Agence 2', 'agence 10', 'Agence 20', 'Agence 100', 'Agence 167', 'Agence 1047', 'Épicerie 3', 'Épicerie 12', 'Garage 9']);
    await harness.screenshot('ux-natural-sort');
    // A prefix ending in a digit still finds the names that start with it, first, in the same order.
    await harness.page.fill('#clients-search', 'agence 1');
    await expect.poll(async () => (await shown()).slice(0, 5)).toEqual(['Agence 1', 'Agence 1 bis', 'agence 10', 'Agence 100', 'Agence 167']);
  }, 60_000);

  it('grows the list total and the counts during a first sync, page by page, not only at the end', async () => {
    const { page } = harness;
    await openClients('Agences');
    const cached = async () => digits(await page.locator('[data-count="total"]').textContent());
    const before = await cached();
    // Slow pages, so the sync lasts several seconds; the Clients screen (all connections) stays open meanwhile.
    sandbox.faults.set({ latencyMs: 400, pathPattern: /clients/ });
    const { id } = await invokeIn<{ id: string }>(page, 'connections.add', { label: 'FactPulse 6k', provider: 'factpulse', baseUrl: sandbox.url, auth: { method: 'apiKey', apiKey: sandbox.credentials.apiKey } });
    const sync = invokeIn(page, 'sync.now', { connectionId: id });
    let finished = false;
    void sync.finally(() => (finished = true));
    // Read as a user would, several times a second, while the sync runs.
    const seen: number[] = [];
    while (!finished) {
      const n = (await cached()) - before;
      if (!finished) seen.push(n);
      await page.waitForTimeout(150);
    }
    await sync;
    sandbox.faults.clear();
    const midSync = seen.filter((n) => n > 0 && n < SYNCED);
    const first = midSync[0] ?? 0;
    expect(first, JSON.stringify(seen)).toBeGreaterThan(0);
    // Counts read while the sync was running went past its first committed batch, and were still short of the total.
    expect(midSync.some((n) => n > first), JSON.stringify(seen)).toBe(true);
    await expect.poll(async () => (await cached()) - before).toBe(SYNCED);
  }, 120_000);

  it('jumps to page 3,000 of 100k with Enter, and says which pages exist when asked for one that does not', async () => {
    const { page } = harness;
    await seeded('FactPulse 100k', (connectionId) => generateClients(connectionId, LARGE, 2024));
    await openClients('FactPulse 100k');
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes('Page 1 of 4,000'));
    const jump = page.getByLabel('Go to page');
    await jump.focus();
    await page.keyboard.type('3000');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes('Page 3,000 of 4,000'));
    const expected = await invokeIn<{ rows: Array<{ name: string }> }>(page, 'clients.window', { connectionIds: [await page.locator('#clients-connection').inputValue()], sort: 'name', offset: 2_999 * 25, limit: 25 });
    expect((await names()).map((n) => n.split('\n')[0]!.trim())).toEqual(expected.rows.map((r) => r.name));
    await expect(jump.inputValue()).resolves.toBe('');

    await jump.fill('4 200');
    await page.keyboard.press('Enter');
    const error = page.getByTestId('page-jump-error');
    await expect(error.textContent()).resolves.toBe('There is no page 4,200: pages go from 1 to 4,000.');
    await expect(jump.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(jump.inputValue()).resolves.toBe('4 200');
    await expect(page.getByTestId('pager-position').textContent()).resolves.toContain('Page 3,000 of 4,000');
    await page.locator('.pager').evaluate((pager) => pager.scrollIntoView({ block: 'center' }));
    await harness.screenshot('ux-jump-page');
    await jump.fill('trois');
    await page.getByRole('button', { name: 'Go', exact: true }).click();
    await expect(error.textContent()).resolves.toBe('Type a page number from 1 to 4,000.');
  }, 180_000);

});
