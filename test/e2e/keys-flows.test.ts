import { createHash, createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStandInKeychain, osOrStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import { createMemoryClipboard } from '../../main/core/clipboard/secret-clipboard';
import { scriptedConfirmer, scriptedDialogs } from '../fixtures/dialogs/scripted-dialogs';
import type { Harness } from '../harness/browser-harness';
import { fillPdpForm } from '../harness/pdp-form';

type Invoke = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown; error?: { code: string } }> } };

/** What the app would show for a key: the first 16 hex of SHA-256 of its 32 raw bytes. */
function fingerprintOf(stored: string | null): string {
  const { key } = JSON.parse(stored ?? '{}') as { key: string };
  return createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 16);
}

/**
 * Issue 5, as a user: a demo client switched to double mode (fingerprint = the keychain's key), the Keys
 * screen, a rotation, a bulk rotation, an encrypted backup exported then imported into a fresh data dir
 * with an empty keychain, and a webhook signature checked with the saved secret.
 */
describe('keys, double mode, backups and webhook verification in Chromium', () => {
  let harness: Harness;
  let second: Harness | null = null;
  let connectionId = '';
  let clientUid = '';
  let otherUid = '';
  let backupPath = '';
  const passphrase = `correct horse battery ${Date.now()}`;
  const pdpSecret = `pdp-secret-${Date.now()}`;
  let webhookSecret = '';
  let restoredId = '';
  const user = scriptedConfirmer(false);
  const clipboard = createMemoryClipboard();

  const invoke = <T,>(h: Harness, channel: string, input?: unknown) =>
    h.page.evaluate(([c, i]) => (window as unknown as Invoke).clientdesk.invoke(c as string, i), [channel, input] as const) as Promise<{ ok: boolean; value: T }>;
  const currentKeyFingerprint = async (h: Harness, conn: string, uid: string) => fingerprintOf(await h.keychain.get(`${conn}/key/${uid}/current`));

  beforeAll(async () => {
    harness = await launchHarness({ keychain: await osOrStandInKeychain(`clientdesk-harness-${process.pid}`) });
  });
  afterAll(async () => {
    await second?.close();
    await harness?.close();
  });

  it('switches a demo client to double mode: the form explains it and the fingerprint shown is the keychain key’s', async () => {
    const { page } = harness;
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.click('[data-nav="connections"]');
    await page.getByRole('button', { name: 'Start the demo workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.locator('table.clients-table tbody tr').first().waitFor();
    await page.locator('table.clients-table tbody tr:not(:has([data-double]))').first().click();
    await page.locator('[data-fact="uid"]').waitFor();
    clientUid = ((await page.locator('[data-fact="uid"]').textContent()) ?? '').trim();
    const connections = await invoke<Array<{ id: string; demo: boolean }>>(harness, 'connections.list');
    connectionId = connections.value.find((c) => c.demo)!.id;

    const panel = await fillPdpForm(page, { oauthClientId: 'e2e-double-client', clientSecret: pdpSecret });
    expect(await page.isDisabled('#pdp-mode-double')).toBe(false);
    await page.check('#pdp-mode-double');
    await expect(page.textContent('[data-testid="pdp-mode-explain"]')).resolves.toMatch(/generated on this computer and kept in the system keychain/);
    await harness.screenshot('keys-pdp-double-form');
    await panel.getByRole('button', { name: 'Save' }).click();

    const shown = panel.locator('[data-pdp-key-fingerprint]');
    await shown.waitFor();
    const fingerprint = await shown.getAttribute('data-pdp-key-fingerprint');
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint).toBe(await currentKeyFingerprint(harness, connectionId, clientUid));
    await expect(panel.locator('[data-fact="encryption-mode"]').textContent()).resolves.toMatch(/Double/);
    await harness.screenshot('keys-pdp-double-on');
  });

  it('filters the Clients list by key age: "Has a local key" lists exactly that client, "older than N days" none yet', async () => {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.selectOption('#clients-key-age', 'hasKey');
    await page.waitForFunction(() => document.querySelectorAll('table.clients-table tbody tr').length === 1);
    await expect(page.locator('#clients-key-age option[value="older"]').textContent()).resolves.toBe('Key older than 90 days');
    await harness.screenshot('keys-clients-has-key-filter');
    await page.selectOption('#clients-key-age', 'older');
    await page.getByTestId('clients-none').waitFor();
    await page.selectOption('#clients-key-age', 'hasKey');
    await page.locator('table.clients-table tbody tr').first().click();
    await expect(page.locator('[data-fact="uid"]').textContent()).resolves.toMatch(new RegExp(`^\\s*${clientUid}\\s*$`));
    await page.click('[data-nav="clients"]');
    await page.selectOption('#clients-key-age', 'any'); // later steps pick clients from the unfiltered list
  });

  it('lists the key on the Keys screen, rotates it (new fingerprint, journal committed)', async () => {
    const { page } = harness;
    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    const row = page.locator(`[data-key-row="${clientUid}"]`);
    await row.waitFor();
    const before = await currentKeyFingerprint(harness, connectionId, clientUid);
    await expect(row.locator('[data-fingerprint]').getAttribute('data-fingerprint')).resolves.toBe(before);
    await expect(row.locator('[data-key-status]').getAttribute('data-key-status')).resolves.toBe('ok');
    await page.locator(`[data-journal-client="${clientUid}"][data-journal-step="committed"]`).first().waitFor();
    await harness.screenshot('keys-inventory');

    await row.locator('[data-key-action="rotate"]').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await harness.screenshot('keys-rotate-confirm');
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Rotate' }).click();
    await page.waitForFunction(
      ([uid, old]) => {
        const el = document.querySelector(`[data-key-row="${uid}"] [data-fingerprint]`);
        return el !== null && el.getAttribute('data-fingerprint') !== old;
      },
      [clientUid, before] as const,
    );
    const after = await currentKeyFingerprint(harness, connectionId, clientUid);
    expect(after).not.toBe(before);
    await expect(row.locator('[data-fingerprint]').getAttribute('data-fingerprint')).resolves.toBe(after);
    const journalRow = page.locator(`[data-journal-client="${clientUid}"][data-journal-step="committed"]`, { hasText: `${before} → ${after}` });
    await journalRow.waitFor();
    await expect(journalRow.locator('[data-journal-operation]').getAttribute('data-journal-operation')).resolves.toBe('rotate');
    await harness.screenshot('keys-rotated');
  });

  it('bulk-rotates the selection: preview, progress, per-client results', async () => {
    const { page } = harness;
    // A second double-mode client, set up through the same channel the PDP form uses.
    const listed = await invoke<{ rows: Array<{ remoteId: string }> }>(harness, 'clients.page', { connectionId, page: 1, pageSize: 25 });
    otherUid = listed.value.rows.find((r) => r.remoteId !== clientUid)!.remoteId;
    const fields = { flowServiceUrl: 'https://pdp.example.test/flow', tokenUrl: 'https://pdp.example.test/oauth/token', oauthClientId: 'e2e-2', clientSecret: pdpSecret, isActive: true, modeSandbox: true };
    expect((await invoke(harness, 'factpulse.keys.enableDouble', { connectionId, clientUid: otherUid, fields })).ok).toBe(true);
    await page.getByRole('button', { name: 'Refresh' }).click();
    await page.locator(`[data-key-row="${otherUid}"]`).waitFor();
    const before = { [clientUid]: await currentKeyFingerprint(harness, connectionId, clientUid), [otherUid]: await currentKeyFingerprint(harness, connectionId, otherUid) };

    for (const uid of [clientUid, otherUid]) await page.locator(`[data-key-row="${uid}"] td.select input`).check();
    await page.getByTestId('keys-selected').getByText('2 selected').waitFor();
    await page.getByRole('button', { name: 'Bulk rotate…' }).click();
    const dialog = page.getByTestId('keys-bulk-dialog');
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByTestId('bulk-preview').waitFor();
    expect(await dialog.locator('[data-preview-client]').count()).toBe(2);
    await harness.screenshot('keys-bulk-preview');
    await dialog.getByRole('button', { name: 'Start rotation' }).click();
    await dialog.getByTestId('job-results').waitFor();
    await dialog.locator('[data-job-state="done"]').waitFor();
    expect(await dialog.locator('[data-item-state="done"]').count()).toBe(2);
    await harness.screenshot('keys-bulk-results');
    await dialog.getByRole('button', { name: 'Close' }).click();
    for (const uid of [clientUid, otherUid]) {
      const now = await currentKeyFingerprint(harness, connectionId, uid);
      expect(now).not.toBe(before[uid]);
      await page.locator(`[data-key-row="${uid}"] [data-fingerprint="${now}"]`).waitFor();
    }
    await page.locator('[data-testid="keys-jobs"] tr[data-job-state="done"]').waitFor();
  });

  it('exports an encrypted backup of the connection’s keys', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Export backup…' }).click();
    const dialog = page.getByTestId('keys-export-dialog');
    await dialog.getByLabel('Every key of a connection').check();
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-field-error="export-path"]').waitFor();
    await dialog.getByRole('button', { name: 'Choose…' }).click();
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('#export-path')?.value ?? '').endsWith('.cdkeys'));
    await page.fill('#export-passphrase', 'too short');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    await page.locator('[data-field-error="export-passphrase"]').waitFor();
    await page.fill('#export-passphrase', passphrase);
    expect(await page.locator('[data-field-error="export-passphrase"]').count()).toBe(0);
    await page.fill('#export-passphrase-again', passphrase);
    await harness.screenshot('keys-export-form');
    await dialog.getByRole('button', { name: 'Export', exact: true }).click();
    const done = page.getByTestId('keys-export-done');
    await done.waitFor();
    backupPath = ((await done.getByTestId('export-path').textContent()) ?? '').trim();
    expect(backupPath).toContain(harness.dataDir);
    for (const uid of [clientUid, otherUid]) {
      await expect(done.locator(`[data-exported-client="${uid}"]`).textContent()).resolves.toContain(await currentKeyFingerprint(harness, connectionId, uid));
    }
    await harness.screenshot('keys-export-done');
    await done.getByRole('button', { name: 'Close' }).click();
  });

  it('imports the backup into a fresh data dir with an empty keychain: wrong passphrase refused, then the same fingerprints', async () => {
    const demo = (await invoke<Array<{ id: string; demo: boolean; baseUrl: string }>>(harness, 'connections.list')).value.find((c) => c.demo)!;
    const apiKey = (await harness.keychain.get(`${demo.id}/apiKey`))!;
    // The user at the second app's dialogs: the file picker answers the exported file; confirmations are the test's to give.
    second = await launchHarness({ keychain: createStandInKeychain(), core: { dialogs: scriptedDialogs({ open: backupPath }).dialogs, confirmer: user.confirmer, clipboard } });
    const { page } = second;
    const added = await invoke<{ id: string }>(second, 'connections.add', { label: 'Restored FactPulse', provider: 'factpulse', baseUrl: demo.baseUrl, auth: { method: 'apiKey', apiKey } });
    expect(added.ok).toBe(true);
    restoredId = added.value.id;
    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Keys' }).waitFor();
    await page.getByRole('button', { name: 'Import backup…' }).click();
    const dialog = page.getByTestId('keys-import-backup-dialog');
    expect(await page.locator('#import-path').getAttribute('readonly')).not.toBeNull();
    await dialog.getByRole('button', { name: 'Choose…' }).click();
    await page.waitForFunction((p) => document.querySelector<HTMLInputElement>('#import-path')?.value === p, backupPath);
    await dialog.getByRole('button', { name: 'Read the file' }).click();
    await dialog.getByTestId('backup-contents').waitFor();
    for (const uid of [clientUid, otherUid]) {
      const item = dialog.locator(`[data-backup-client="${uid}"]`);
      await expect(item.getAttribute('data-local')).resolves.toBe('none');
      await expect(item.locator('[data-backup-fingerprint]').getAttribute('data-backup-fingerprint')).resolves.toBe(await currentKeyFingerprint(harness, connectionId, uid));
    }
    await page.fill('#import-passphrase', 'this is not the passphrase');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.locator('[data-error-code="KEY_MISMATCH"]').waitFor();
    await expect(dialog.textContent()).resolves.toMatch(/Wrong passphrase for this backup\. Nothing was imported\./);
    expect(await second.keychain.list(added.value.id)).toEqual([`${added.value.id}/apiKey`]);
    await second.screenshot('keys-import-wrong-passphrase');

    await page.fill('#import-passphrase', passphrase);
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    for (const uid of [clientUid, otherUid]) {
      const expected = await currentKeyFingerprint(harness, connectionId, uid);
      expect(await currentKeyFingerprint(second, added.value.id, uid)).toBe(expected);
      await page.locator(`[data-key-row="${uid}"] [data-fingerprint="${expected}"]`).waitFor();
    }
    await second.screenshot('keys-imported');
  });

  it('reveal and copy wait for main’s own confirmation; copy puts the key on the clipboard without it reaching the page', async () => {
    const { page } = second!;
    const dialog = page.getByTestId('keys-reveal-confirm');
    await page.locator(`[data-key-row="${clientUid}"] [data-key-action="reveal"]`).click();
    user.state.answer = false;
    await dialog.getByRole('button', { name: 'Reveal', exact: true }).click();
    await dialog.locator('[data-error-code="CANCELLED"]').waitFor();
    expect(await page.getByTestId('revealed-key').count()).toBe(0);

    user.state.answer = true;
    await dialog.getByRole('button', { name: 'Copy', exact: true }).click();
    await dialog.getByText('Copied. The clipboard is cleared in 30 seconds if it still holds the key.').waitFor();
    const stored = JSON.parse((await second!.keychain.get(`${restoredId}/key/${clientUid}/current`)) ?? '{}') as { key?: string };
    expect(stored.key).toBeTruthy();
    expect(await clipboard.readText()).toBe(stored.key);
    expect(await page.content()).not.toContain(stored.key!);
    expect(user.state.asked.map((q) => q.confirmLabel)).toEqual(['Reveal', 'Copy']);
    await second!.screenshot('keys-copy-confirmed');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('without a confirmer (plain Node) the page says why nothing is revealed', async () => {
    const { page } = harness;
    await page.click('[data-nav="keys"]');
    await page.locator(`[data-key-row="${clientUid}"] [data-key-action="reveal"]`).click();
    const dialog = page.getByTestId('keys-reveal-confirm');
    await dialog.getByRole('button', { name: 'Reveal', exact: true }).click();
    await dialog.locator('[data-error-code="UNSUPPORTED"]').waitFor();
    await expect(dialog.textContent()).resolves.toContain('no key is revealed or copied here');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('saves a generated webhook secret and verifies signatures precisely (good, altered body, bad header)', async () => {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.locator('table.clients-table tbody tr').first().waitFor();
    await page.locator('table.clients-table tbody tr:not(:has([data-double]))').first().click();
    await page.locator('[data-fact="uid"]').waitFor();
    const uid = ((await page.locator('[data-fact="uid"]').textContent()) ?? '').trim();
    const webhook = page.getByTestId('webhook-panel');
    await webhook.locator('[data-webhook-secret]').waitFor();
    await webhook.getByRole('button', { name: /Generate secret|Generate a new secret/ }).click();
    expect(await page.isChecked('#webhook-save')).toBe(true);
    await page.getByTestId('webhook-generate-dialog').getByRole('button', { name: 'Generate secret' }).click();
    webhookSecret = ((await page.textContent('[data-testid="webhook-secret"]')) ?? '').trim();
    expect(webhookSecret.length).toBeGreaterThan(16);
    await page.getByTestId('webhook-secret-dialog').getByRole('button', { name: 'I have saved it' }).click();
    expect(await harness.keychain.get(`${connectionId}/webhook/${uid}`)).toBe(webhookSecret);

    const body = JSON.stringify({ event: 'invoice.received', clientUid: uid, amount: 1234.5, at: '2025-01-15T10:00:00Z' });
    const signature = `sha256=${createHmac('sha256', webhookSecret).update(body).digest('hex')}`;
    await webhook.getByRole('button', { name: 'Verify a webhook' }).click();
    const dialog = page.getByTestId('keys-webhook-verify');
    await page.fill('#webhook-raw-body', body);
    await page.fill('#webhook-signature', signature);
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.locator('[data-verdict="ok"]').waitFor();
    await harness.screenshot('keys-webhook-valid');

    await page.fill('#webhook-raw-body', body.replace('1234.5', '9234.5'));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.locator('[data-verdict="mismatch"]').waitFor();
    await expect(dialog.locator('[data-verdict]').textContent()).resolves.toMatch(/the body was altered/);
    await harness.screenshot('keys-webhook-altered');

    await page.fill('#webhook-signature', signature.slice('sha256='.length));
    await dialog.getByRole('button', { name: 'Verify' }).click();
    await dialog.locator('[data-verdict="format"]').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('flags keys older than the configured age, and refuses an invalid age precisely', async () => {
    const { page } = harness;
    await page.click('[data-nav="settings"]');
    await page.fill('#settings-key-max-age', '0');
    await page.press('#settings-key-max-age', 'Enter');
    await page.locator('[data-field-error="settings-key-max-age"]').waitFor();
    expect(await page.inputValue('#settings-key-max-age')).toBe('0');
    await page.fill('#settings-key-max-age', '30');
    await page.press('#settings-key-max-age', 'Enter');
    await page.waitForFunction(() => document.querySelector('[data-field-error="settings-key-max-age"]') === null);
    expect((await invoke<{ keyMaxAgeDays: number }>(harness, 'settings.get')).value.keyMaxAgeDays).toBe(30);
    await harness.screenshot('keys-settings-max-age');

    await page.click('[data-theme-choice="dark"]');
    await page.selectOption('#settings-language', 'fr');
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.click('[data-nav="keys"]');
    await page.getByRole('heading', { level: 1, name: 'Clés' }).waitFor();
    await page.locator(`[data-key-row="${clientUid}"]`).waitFor();
    await harness.screenshot('keys-inventory-dark-fr');
    await page.click('[data-nav="settings"]');
    await page.selectOption('#settings-language', 'en');
    await page.click('[data-theme-choice="light"]');
  });

  it('never shows a key or secret on either page, and ran with no console error', async () => {
    const secrets = [pdpSecret, webhookSecret, passphrase];
    for (const h of [harness, second!]) {
      for (const account of await h.keychain.list()) {
        const value = (await h.keychain.get(account)) ?? '';
        secrets.push(value);
        if (account.includes('/key/')) secrets.push((JSON.parse(value) as { key: string }).key);
      }
    }
    for (const h of [harness, second!]) {
      const html = await h.page.content();
      for (const secret of secrets.filter((s) => s.length > 8)) expect(html).not.toContain(secret);
      expect(h.pageErrors).toEqual([]);
    }
  });
});
