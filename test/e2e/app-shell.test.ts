import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';

describe('app shell in Chromium through the plain-Node core', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await launchHarness();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('loads on the dashboard with an empty state that explains how to add a connection', async () => {
    const { page } = harness;
    await page.getByRole('heading', { name: 'Dashboard' }).waitFor();
    await expect(page.getByText('No connection yet').isVisible()).resolves.toBe(true);
    await harness.screenshot('shell-dashboard-light-en');
  });

  it('navigates to every screen; Keys appears only once a connection has client-owned keys', async () => {
    const { page } = harness;
    expect(await page.locator('[data-nav="keys"]').count()).toBe(0);
    for (const [nav, heading] of [
      ['clients', 'Clients'],
      ['activity', 'Activity'],
      ['connections', 'Connections'],
      ['settings', 'Settings'],
      ['dashboard', 'Dashboard'],
    ] as const) {
      await page.click(`[data-nav="${nav}"]`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      expect(await page.getAttribute(`[data-nav="${nav}"]`, 'aria-current')).toBe('page');
    }
  });

  it('shows app.info in the About panel', async () => {
    const { page } = harness;
    await page.click('[data-nav="settings"]');
    await expect(page.textContent('[data-testid="about-version"]')).resolves.toBe('0.1.0');
    const keychain = await page.textContent('[data-testid="about-keychain"]');
    expect(keychain).toMatch(/keychain|Memory only/);
    console.log(`e2e: keychain backend shown in About: ${keychain}`);
  });

  it('switches language and theme, and keeps both across a core restart', async () => {
    const { page } = harness;
    await page.click('[data-nav="settings"]');
    await page.selectOption('#settings-language', 'fr');
    await page.getByRole('heading', { level: 1, name: 'Réglages' }).waitFor();
    await page.click('[data-theme-choice="dark"]');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await harness.screenshot('shell-settings-dark-fr');

    await harness.restartCore();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fr');
    await harness.screenshot('shell-dashboard-dark-fr');

    await page.click('[data-nav="settings"]');
    await page.click('[data-theme-choice="light"]');
    await page.selectOption('#settings-language', 'en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await harness.screenshot('shell-settings-light-en');
  });

  it('follows the system theme when asked', async () => {
    const { page } = harness;
    await page.click('[data-theme-choice="system"]');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  it('exposes only invoke and on, and the page reaches nothing else', async () => {
    const { page } = harness;
    const keys = await page.evaluate(() => Object.keys((window as unknown as { clientdesk: object }).clientdesk).sort());
    expect(keys).toEqual(['invoke', 'on']);
    const refused = await page.evaluate(() =>
      (window as unknown as { clientdesk: { invoke(c: string, i?: unknown): Promise<unknown> } }).clientdesk.invoke('settings.update', { theme: 'neon' }),
    );
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('ran with no console error and no CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
