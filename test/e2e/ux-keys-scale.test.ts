import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFactPulseSandbox } from '../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../main/core/sandbox/factpulse';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';

const CLIENTS = 5000;
const OLD_KEYS = 20;
const FRESH_KEYS = 30;
const DAY = 86_400_000;
const key = (daysOld: number) => ({ key: randomBytes(32).toString('base64'), createdAt: new Date(Date.now() - daysOld * DAY).toISOString() });
const digits = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

/**
 * The Keys screen and the double-mode figures at 5,000 FactPulse clients: while the PDP modes are being learned
 * every figure that depends on them says it is partial and how far along; then a summary line, a status filter,
 * a search and pages of 25 instead of one endless page, and "Recover all" only when something waits.
 */
describe('keys at scale and partial double-mode figures in Chromium', () => {
  let harness: Harness;
  let sandbox: FactPulseSandbox;
  let conn = '';
  const doubles = () => [...sandbox.state.clients.values()].filter((c) => c.pdp?.encryptionMode === 'double');

  beforeAll(async () => {
    sandbox = await startFactPulseSandbox({ clients: CLIENTS, seed: 42 });
    harness = await launchHarness({ keychain: createStandInKeychain() });
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
  });

  it('says "partial: N of M PDP configurations checked" under the double-mode count and on the Keys screen while modes are learned', async () => {
    const { page } = harness;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    // Slow PDP reads so the learning can be seen; the list itself syncs at full speed.
    sandbox.faults.set({ latencyMs: 60, pathPattern: /pdp-config/ });
    conn = (await invokeIn<{ id: string }>(page, 'connections.add', { label: 'FactPulse 5k', provider: 'factpulse', baseUrl: sandbox.url, auth: { method: 'apiKey', apiKey: sandbox.credentials.apiKey } })).id;
    await invokeIn(page, 'sync.now', { connectionId: conn });
    const configured = [...sandbox.state.clients.values()].filter((c) => c.pdp).length;

    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    const note = page.getByTestId('modes-partial');
    await note.waitFor();
    await expect(note.getAttribute('data-running')).resolves.toBe('true');
    await expect(note.getAttribute('data-total')).resolves.toBe(String(configured));
    expect(Number(await note.getAttribute('data-known'))).toBeLessThan(configured);
    await expect(note.textContent()).resolves.toMatch(/^Partial[\d,]+ of [\d,]+ PDP configurations checked \(\d+%\)\. Learning the rest now… The double-mode count and filter grow as they are checked\.$/);
    await page.selectOption('#clients-double', 'yes');
    const doubleCount = async () => digits(await page.locator('[data-count="double"]').textContent());
    const first = await doubleCount();
    expect(first).toBeLessThan(doubles().length);
    await harness.screenshot('ux-keys-partial-clients');
    // The count and the filtered list grow while the learner runs, without a reload.
    await expect.poll(doubleCount, { timeout: 20_000 }).toBeGreaterThan(first);
    await page.selectOption('#clients-double', 'any');

    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    await page.getByTestId('modes-partial').waitFor();
    await expect(page.getByTestId('modes-partial').textContent()).resolves.toMatch(/of [\d,]+ PDP configurations checked.*not listed as missing locally/);
    await harness.screenshot('ux-keys-partial');

    sandbox.faults.clear();
    await page.getByTestId('modes-partial').waitFor({ state: 'detached', timeout: 60_000 });
    await page.waitForFunction((n) => document.querySelector('[data-testid="keys-summary"]')?.textContent?.includes(`${n.toLocaleString('en')} missing locally`), doubles().length);

    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await expect.poll(async () => digits(await page.locator('[data-count="double"]').textContent())).toBe(doubles().length);
    expect(await page.getByTestId('modes-partial').count()).toBe(0);
    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
  }, 180_000);

  it('sums up, filters, searches and pages the keys of 5,000 clients; Recover all only when a rotation waits', async () => {
    const { page } = harness;
    const store = harness.core().context.keys.store;
    const double = doubles();
    for (const c of double.slice(0, OLD_KEYS)) await store.set(conn, c.uid, 'current', key(120));
    for (const c of double.slice(OLD_KEYS, OLD_KEYS + FRESH_KEYS)) await store.set(conn, c.uid, 'current', key(5));
    await page.locator('.screen-header').getByRole('button', { name: 'Refresh' }).click();
    const missing = double.length - OLD_KEYS - FRESH_KEYS;
    const fmt = (n: number) => n.toLocaleString('en');
    const summary = page.getByTestId('keys-summary');
    await expect
      .poll(() => summary.textContent(), { timeout: 10_000 })
      .toBe(`${fmt(OLD_KEYS + missing)} of ${fmt(double.length)} keys need attention: ${OLD_KEYS} older than 90 days, ${fmt(missing)} missing locally`);

    const rows = page.locator('[data-testid="keys-inventory"] tbody tr');
    expect(await rows.count()).toBe(25);
    await expect(page.getByTestId('keys-pager').textContent()).resolves.toContain(`1–25 of ${fmt(double.length)}`);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(3000);
    await expect(page.getByTestId('keys-recover-all').isDisabled()).resolves.toBe(true);
    await harness.screenshot('ux-keys-scale');

    await page.getByTestId('keys-pager').getByRole('button', { name: 'Next' }).click();
    await page.locator('[data-testid="keys-pager"] [data-range="26-50"]').waitFor();

    await page.locator('[data-summary-part="old"]').click();
    await expect.poll(() => rows.count()).toBe(OLD_KEYS); // 20: one page
    await expect(page.locator('#keys-filter').inputValue()).resolves.toBe('old');
    expect(await page.locator('[data-too-old="true"]').count()).toBe(OLD_KEYS);
    await expect(page.getByTestId('keys-pager').count()).resolves.toBe(0);
    await harness.screenshot('ux-keys-filter-old');

    const target = double[OLD_KEYS + FRESH_KEYS + 7]!;
    await page.selectOption('#keys-filter', 'all');
    await page.fill('#keys-search', target.uid.slice(0, 13).toUpperCase());
    await page.locator(`[data-key-row="${target.uid}"]`).waitFor();
    await expect.poll(() => rows.count()).toBe(1);
    await page.fill('#keys-search', 'zzzz no such client');
    await page.getByTestId('keys-no-match').waitFor();
    await page.getByTestId('keys-no-match').getByRole('button', { name: 'Show every key' }).click();
    await expect.poll(() => rows.count()).toBe(25);
    await expect(page.locator('#keys-search').inputValue()).resolves.toBe('');

    // A rotation whose answer was lost: now there is something to recover.
    await store.set(conn, double[0]!.uid, 'pending', key(0));
    await page.locator('.screen-header').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByTestId('keys-recover-all').isDisabled()).toBe(false);
    await expect(summary.textContent()).resolves.toMatch(/1 rotation to confirm$/);
    await store.clear(conn, double[0]!.uid, 'pending');
    await page.locator('.screen-header').getByRole('button', { name: 'Refresh' }).click();
    await expect.poll(() => page.getByTestId('keys-recover-all').isDisabled()).toBe(true);
  }, 120_000);

  it('says the same in French with French numbers, in the dark theme', async () => {
    const { page } = harness;
    await invokeIn(page, 'settings.update', { language: 'fr', theme: 'dark' });
    const summary = page.getByTestId('keys-summary');
    await expect.poll(() => summary.textContent()).toMatch(/^[\d\s]+ clés sur [\d\s]+ demandent votre attention\s: 20 de plus de 90 jours, [\d\s]+ absentes ici$/u);
    await expect(page.locator('#keys-filter option[value="attention"]').textContent()).resolves.toMatch(/^À traiter \(\d+\)$/);
    await harness.screenshot('ux-keys-scale-dark-fr');
    await invokeIn(page, 'settings.update', { language: 'en', theme: 'light' });
  });
});
