import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startFactPulseSandbox } from '../../main/core/sandbox/factpulse';
import type { FactPulseSandbox } from '../../main/core/sandbox/factpulse';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { axeViolations } from './support/axe';
import { invokeIn } from './support/invoke';

const CLIENTS = 120;
const rowsOnPage = (page: Page) => page.locator('.clients-table tbody tr');
const box = (page: Page, row: number) => rowsOnPage(page).nth(row).locator('input[data-row-box]');
const selectedRows = (page: Page) => page.locator('.clients-table tbody tr[data-selected]').count();
const countText = (page: Page) => page.getByTestId('selection-count').textContent();

/**
 * Selecting clients and deactivating them in bulk, in Chromium over the FactPulse sandbox: shift-click ranges,
 * the page box, "select all matching" across pages with a row unticked, the preview, the job with a client the
 * server refuses, per-client results, Escape and the keyboard.
 */
describe('bulk selection and deactivation in the Clients list', () => {
  let harness: Harness;
  let sandbox: FactPulseSandbox;
  let page: Page;
  const active = () => [...sandbox.state.clients.values()].filter((c) => c.isActive);

  beforeAll(async () => {
    sandbox = await startFactPulseSandbox({ clients: CLIENTS, seed: 42 });
    harness = await launchHarness({ keychain: createStandInKeychain() });
    page = harness.page;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    const conn = await invokeIn<{ id: string }>(page, 'connections.add', { label: 'FactPulse', provider: 'factpulse', baseUrl: sandbox.url, auth: { method: 'apiKey', apiKey: sandbox.credentials.apiKey } });
    await invokeIn(page, 'sync.now', { connectionId: conn.id });
    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.waitForFunction((n) => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes(String(n)), CLIENTS);
  }, 60_000);
  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
  });

  it('selects with a click, a shift-click range and the page box; offers every client matching the filter', async () => {
    await page.selectOption('#clients-status', 'active');
    const matching = active().length;
    await page.waitForFunction((n) => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes(`${n} clients`), matching);
    await box(page, 1).click();
    await box(page, 5).click({ modifiers: ['Shift'] });
    expect(await selectedRows(page)).toBe(5);
    await expect(countText(page)).resolves.toBe('5 selected on this page');
    // Shift-click back over part of the range unticks it.
    await box(page, 3).click({ modifiers: ['Shift'] });
    expect(await selectedRows(page)).toBe(2);

    await page.locator('input[data-page-box]').click();
    expect(await selectedRows(page)).toBe(25);
    await expect(countText(page)).resolves.toBe('25 selected on this page');
    await expect(page.getByTestId('select-all-matching').textContent()).resolves.toBe(`Select all ${matching} matching`);
    await harness.screenshot('ux-bulk-select');

    await page.getByTestId('select-all-matching').click();
    await expect(countText(page)).resolves.toBe(`All ${matching} matching clients are selected`);
    await box(page, 0).click();
    await expect(countText(page)).resolves.toBe(`All ${matching - 1} matching clients are selected (1 unticked)`);
    // Across pages: the next page is selected too, without having been shown before.
    await page.getByRole('navigation').getByRole('button', { name: 'Next' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.startsWith('Page 2'));
    expect(await selectedRows(page)).toBe(25);
    await page.getByRole('navigation').getByRole('button', { name: 'Previous' }).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.startsWith('Page 1'));
    expect(await selectedRows(page)).toBe(24);
  });

  it('previews the deactivation, keeps focus inside the dialog, passes axe-core', async () => {
    await page.locator('[data-bulk-action="deactivate"]').click();
    const dialog = page.getByTestId('bulk-status-dialog');
    const preview = dialog.getByTestId('bulk-preview');
    await preview.waitFor();
    const matching = active().length;
    await expect(preview.getAttribute('data-change')).resolves.toBe(String(matching - 1));
    await expect(preview.locator('.bulk-change').textContent()).resolves.toBe(`${matching - 1} clients will be deactivated.`);
    await expect(dialog.locator('[data-bulk-start]').textContent()).resolves.toBe(`Deactivate ${matching - 1} clients`);
    await harness.screenshot('ux-bulk-preview');

    const grave = (await axeViolations(page, 'bulk preview dialog', '[data-testid="bulk-status-dialog"]')).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(grave).toEqual([]);
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press(i % 2 ? 'Shift+Tab' : 'Tab');
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.closest('[data-testid="bulk-status-dialog"]') !== null)).toBe(true);
    }
    expect(await page.evaluate(() => {
      const nav = document.querySelector<HTMLElement>('[data-nav="dashboard"]')!;
      nav.focus();
      return document.activeElement === nav;
    })).toBe(false);
  });

  it('runs the job and says per client what happened, a refused client in plain words', async () => {
    const refused = active().sort((a, b) => a.uid.localeCompare(b.uid))[3]!;
    sandbox.faults.set({ status: 422, pathPattern: new RegExp(`${refused.uid}/desactiver`) });
    const dialog = page.getByTestId('bulk-status-dialog');
    const before = active().length;
    await dialog.locator('[data-bulk-start]').click();
    const results = dialog.getByTestId('bulk-results');
    await results.waitFor({ timeout: 30_000 });
    await expect.poll(() => dialog.getByTestId('bulk-progress').getAttribute('data-job-state')).toBe('done');
    sandbox.faults.clear();
    const failed = results.locator(`[data-bulk-item="${refused.uid}"]`);
    await expect(failed.getAttribute('data-item-state')).resolves.toBe('failed');
    const sentence = (await failed.textContent()) ?? '';
    expect(sentence).toBe(`${refused.name}Failed: FactPulse refused the data (invalid request).`);
    expect(sentence).not.toMatch(/VALIDATION|HTTP|422/);
    expect(await results.locator('[data-item-state="done"]').count()).toBe(before - 2);
    expect(await results.locator('[data-item-state="done"]').first().textContent()).toMatch(/Deactivated\.$/);
    expect(active().map((c) => c.uid)).toContain(refused.uid);
    expect(active()).toHaveLength(2); // the unticked one and the refused one
    await harness.screenshot('ux-bulk-results');

    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect(page.getByTestId('selection-bar').count()).resolves.toBe(0);
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes('2 clients'));
  }, 60_000);

  it('works from the keyboard: Space ticks the focused row, arrows move, Shift+Space extends, Escape clears', async () => {
    await page.selectOption('#clients-status', 'any');
    await page.waitForFunction((n) => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes(`${n} clients`), CLIENTS);
    await box(page, 0).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Shift+Space');
    expect(await selectedRows(page)).toBe(3);
    await expect(countText(page)).resolves.toBe('3 selected on this page');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('selection-bar').count()).resolves.toBe(0);
    expect(await selectedRows(page)).toBe(0);
  });

  it('a long page renders the rows on screen and follows the scroll; its page box still ticks every row', async () => {
    await page.selectOption('#clients-page-size', '250');
    await page.waitForFunction(() => document.querySelector('[data-testid="pager-position"]')?.textContent?.startsWith('Page 1 of 1'));
    const rendered = await rowsOnPage(page).count();
    expect(rendered).toBeLessThan(CLIENTS);
    await expect(page.locator('.clients-table').getAttribute('aria-rowcount')).resolves.toBe(String(CLIENTS + 1));
    const last = await invokeIn<{ rows: Array<{ name: string }> }>(page, 'clients.window', { sort: 'name', direction: 'desc', limit: 1 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.locator(`.clients-table tbody tr[aria-rowindex="${CLIENTS + 1}"]`).waitFor();
    await expect(page.locator(`.clients-table tbody tr[aria-rowindex="${CLIENTS + 1}"]`).getAttribute('data-client')).resolves.toBe(last.rows[0]!.name);
    await page.locator('input[data-page-box]').click();
    await expect(countText(page)).resolves.toBe(`${CLIENTS} selected on this page`);
    await page.keyboard.press('Escape');
    await page.selectOption('#clients-page-size', '25');
  });
});
