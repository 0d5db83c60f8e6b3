import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEY_NOT_KEPT_MESSAGE } from '../../shared/errors';
import { openBackup, parseBackup } from '../../main/core/providers/factpulse/keys/backup-format';
import { createMemoryKeychain } from '../../main/core/vault';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { fillPdpForm } from '../harness/pdp-form';

/**
 * No system keychain (the app's fallback, here a memory keychain given to the core): a banner on every screen,
 * connections that do not claim the keychain, a double-mode save refused with the reason and the way out, then
 * the same save through an encrypted backup of the new key.
 */
describe('secrets kept in memory only, in Chromium', () => {
  let harness: Harness;
  const passphrase = `memory only backup ${Date.now()}`;
  const keySlots = async () => (await harness.keychain.list()).filter((a) => a.includes('/key/'));

  beforeAll(async () => {
    // Tall enough that the banner and the PDP form's end show in one screenshot without scrolling.
    harness = await launchHarness({ keychain: createMemoryKeychain(), viewport: { width: 1280, height: 1350 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows the banner on every screen, and the connection card says memory, not keychain', async () => {
    const { page } = harness;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await expect(page.getByTestId('keychain-banner').textContent()).resolves.toMatch(/kept in memory only.*GNOME Keyring or KWallet/s);
    await page.click('[data-nav="connections"]');
    await page.getByRole('button', { name: 'Start the demo workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    for (const screen of ['clients', 'keys', 'activity', 'connections', 'settings']) {
      await page.click(`[data-nav="${screen}"]`);
      await page.getByTestId('keychain-banner').waitFor();
    }
    await page.click('[data-nav="connections"]');
    const secrets = await page.getByTestId('connection-secrets').allTextContents();
    expect(secrets.length).toBeGreaterThan(0);
    for (const line of secrets) expect(line).toMatch(/^Kept in memory only, lost when Clientdesk quits|^None stored$/);
    expect(secrets.some((line) => line.startsWith('Kept in memory only'))).toBe(true);
  });

  it('disables bulk rotation and imports on the Keys screen, saying why', async () => {
    const { page } = harness;
    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    for (const name of ['Bulk rotate…', 'Import backup…']) expect(await page.getByRole('button', { name }).isDisabled()).toBe(true);
    await expect(page.getByTestId('keys-refused-reason').textContent()).resolves.toMatch(/lost when Clientdesk quits/);
  });

  it('refuses a double-mode save with the reason, sends no key, and offers a backup first', async () => {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.locator('table.clients-table tbody tr:not(:has([data-double]))').first().click();
    await page.locator('[data-fact="uid"]').waitFor();
    const panel = await fillPdpForm(page, { oauthClientId: 'e2e-memory-only', clientSecret: `pdp-secret-${Date.now()}` });
    await page.check('#pdp-mode-double');
    await expect(page.textContent('[data-testid="pdp-mode-explain"]')).resolves.toMatch(/no system keychain to keep it/);
    await panel.getByRole('button', { name: 'Save' }).click();

    const offer = page.getByTestId('keys-backup-first');
    await offer.waitFor();
    await expect(offer.locator('[data-error-code="KEYCHAIN_UNAVAILABLE"]').textContent()).resolves.toBe(KEY_NOT_KEPT_MESSAGE.en);
    await offer.getByRole('button', { name: 'Save an encrypted backup and continue' }).waitFor();
    await harness.screenshot('keys-memory-only');
    await offer.getByRole('button', { name: 'Cancel' }).click();

    const refusal = panel.locator('[data-error-code="KEYCHAIN_UNAVAILABLE"]');
    await refusal.waitFor();
    await expect(refusal.textContent()).resolves.toContain(KEY_NOT_KEPT_MESSAGE.en);
    expect(await keySlots()).toEqual([]);
    await expect(panel.locator('[data-fact="encryption-mode"]').count()).resolves.toBe(0); // the form stays open, nothing saved
    await harness.screenshot('keys-memory-only-refused');
  });

  it('saves with an encrypted backup first: the file opens to the key now in use', async () => {
    const { page } = harness;
    const panel = page.getByTestId('pdp-panel');
    await panel.getByRole('button', { name: 'Save' }).click();
    const offer = page.getByTestId('keys-backup-first');
    await offer.waitFor();
    await page.fill('#backup-first-passphrase', passphrase);
    await page.fill('#backup-first-passphrase-again', `${passphrase}!`);
    await offer.getByRole('button', { name: 'Save an encrypted backup and continue' }).click();
    await offer.locator('[data-field-error="backup-first-passphrase-again"]').waitFor();
    await page.fill('#backup-first-passphrase-again', passphrase);
    await offer.getByRole('button', { name: 'Save an encrypted backup and continue' }).click();

    const shown = panel.locator('[data-pdp-key-fingerprint]');
    await shown.waitFor({ timeout: 60_000 });
    const [slot] = await keySlots();
    const key = (JSON.parse((await harness.keychain.get(slot!))!) as { key: string }).key;
    const folder = join(harness.dataDir, 'backups');
    const [file] = readdirSync(folder);
    expect(file).toMatch(new RegExp(`-${await shown.getAttribute('data-pdp-key-fingerprint')}\\.cdkeys$`));
    const payload = await openBackup(parseBackup(readFileSync(join(folder, file!), 'utf8')), passphrase);
    expect(payload.keys.map((k) => k.key)).toEqual([key]);
    expect(await page.content()).not.toContain(key);
    expect(harness.pageErrors).toEqual([]);
  });
});
