import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDirectorySandbox } from '../../main/core/sandbox/directory';
import type { DirectorySandbox } from '../../main/core/sandbox/directory';
import { scriptedDialogs } from '../fixtures/dialogs/scripted-dialogs';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';

type Invoke = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown }> } };
const DAY_MS = 86_400_000;

/**
 * The Open Finance directory as a user: a client certificate imported through main's file dialog (then an expired
 * one refused), the connection card with its days to expiry and the credential inventory, rebuilds with filters,
 * an incremental one, a throttled one counting down and cancelled, the history with interaction ids, the audit log.
 */
describe('directory: mutual TLS certificate, rebuilds, history and audit in Chromium', () => {
  let harness: Harness;
  let sandbox: DirectorySandbox;
  let dir: string;
  const picker = scriptedDialogs();
  let connectionId = '';

  function file(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }
  /** The user picks `path` in main's open dialog for the field `id`. */
  async function choose(id: string, path: string) {
    picker.next.open = path;
    await harness.page.click(`[data-choose="${id}"]`);
    await harness.page.waitForFunction(([i, p]) => (document.getElementById(i as string) as HTMLInputElement | null)?.value === p, [id, path] as const);
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clientdesk-e2e-directory-'));
    sandbox = await startDirectorySandbox({ token: 'e2e-directory-token-0123456789' });
    harness = await launchHarness({ keychain: createStandInKeychain(), viewport: { width: 1280, height: 900 }, core: { dialogs: picker.dialogs } });
    const added = await harness.page.evaluate(
      ([url, token]) => (window as unknown as Invoke).clientdesk.invoke('connections.add', { label: 'Open Finance directory (sandbox)', provider: 'directory', baseUrl: url, auth: { method: 'bearer', token } }),
      [sandbox.url, sandbox.token] as const,
    );
    connectionId = (added.value as { id: string }).id;
    await harness.page.reload();
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
    await sandbox?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a client certificate, key and CA chosen in main’s dialog; the card shows it with its days to expiry', async () => {
    const { page } = harness;
    await page.click('[data-nav="connections"]');
    const section = page.locator(`[data-certificate-section="${connectionId}"]`);
    await section.getByText('No client certificate yet').waitFor();
    const soon = await sandbox.mint.client({ commonName: 'acme-tpp-clientdesk', notAfter: new Date(Date.now() + 25.5 * DAY_MS) });
    await section.locator('[data-action="import-certificate"]').click();
    await choose('cert-certificate', file('acme-client.pem', soon.certPem));
    await choose('cert-private-key', file('acme-client-key.pem', soon.keyPem));
    await choose('cert-ca', file('directory-ca.pem', sandbox.caPem));
    await harness.screenshot('directory-certificate-import');
    await page.locator('[data-testid="certificate-import"] button[type="submit"]').click();
    await section.getByText('CN=acme-tpp-clientdesk, O=Clientdesk Sandbox, C=BR').waitFor();
    await expect(section.locator('[data-days-left]').getAttribute('data-days-left')).resolves.toBe('25');
    await expect(section.locator('.days.expiring').textContent()).resolves.toBe('25 days');
    await expect(section.textContent()).resolves.toContain(soon.serial.toUpperCase());
    const inventory = page.locator('[data-testid="credential-inventory"]');
    await expect(inventory.locator('[data-credential]').count()).resolves.toBe(1);
    await expect(inventory.textContent()).resolves.toMatch(/1 certificate expires within 30 days/);
    await section.scrollIntoViewIfNeeded();
    await harness.screenshot('directory-connection-card');
    // The private key went to the keychain; the page never received it.
    expect(await harness.keychain.get(`${connectionId}/mtls/privateKey`)).toContain('PRIVATE KEY');
    expect(await page.content()).not.toContain('PRIVATE KEY');
  });

  it('refuses an expired certificate with the reason and its date, in the user’s words; the stored one stays', async () => {
    const { page } = harness;
    const section = page.locator(`[data-certificate-section="${connectionId}"]`);
    const expired = await sandbox.mint.expiredClient();
    await section.locator('[data-action="import-certificate"]').click();
    await choose('cert-certificate', file('expired.pem', expired.certPem));
    await choose('cert-private-key', file('expired-key.pem', expired.keyPem));
    await page.locator('[data-testid="certificate-import"] button[type="submit"]').click();
    const fieldError = page.locator('[data-field-error="cert-certificate"]');
    await fieldError.waitFor();
    await expect(fieldError.textContent()).resolves.toMatch(/^The certificate has expired \(on .+\): ask the directory for a new one\.$/);
    await harness.screenshot('directory-certificate-expired');
    await page.locator('[data-testid="certificate-import"]').getByRole('button', { name: 'Cancel' }).click();
    await section.getByText('CN=acme-tpp-clientdesk, O=Clientdesk Sandbox, C=BR').waitFor();
  });

  it('rebuilds with every filter; the contract’s own rule refuses an end before the start without sending anything', async () => {
    const { page } = harness;
    await page.click('[data-nav="directory"]');
    await page.getByRole('heading', { level: 1, name: 'Registry rebuild' }).waitFor();
    await page.fill('#rebuild-start', '2025-06-01T00:00:00');
    await page.fill('#rebuild-end', '2025-01-01T00:00:00');
    const before = sandbox.requests.length;
    await page.click('[data-action="rebuild"]');
    await page.locator('[data-field-error="rebuild-end"]').getByText('Must not be before the start').waitFor();
    expect(sandbox.requests.length).toBe(before);

    await page.fill('#rebuild-page', '0');
    await page.fill('#rebuild-size', '50');
    await page.fill('#rebuild-start', '2025-01-01T00:00:00');
    await page.fill('#rebuild-end', '2026-12-31T23:59:59');
    await page.fill('#rebuild-role', 'DADOS');
    await page.selectOption('#rebuild-status', 'Active');
    await page.fill('#rebuild-name', 'Banco');
    await harness.screenshot('directory-rebuild-filters');
    await page.click('[data-action="rebuild"]');
    await page.locator('[data-rebuild-result="ok"]').waitFor();
    const sent = sandbox.requests.at(-1)!;
    expect(sent).toMatchObject({ method: 'POST', path: '/clients', status: 201, clientCertificate: 'acme-tpp-clientdesk' });
    expect(sent.query).toMatchObject({ page: '0', size: '50', role: 'DADOS', status: 'Active', name: 'Banco' });
    expect(sent.query.startDate).toMatch(/^2025-01-01T\d{2}:00:00Z$|^2024-12-31T\d{2}:00:00Z$/);
    await expect(page.locator('[data-rebuild-result="ok"] .mono').textContent()).resolves.toBe(sent.interactionId);
  });

  it('an incremental rebuild starts where the last successful one did', async () => {
    const { page } = harness;
    for (const id of ['#rebuild-page', '#rebuild-size', '#rebuild-end', '#rebuild-role', '#rebuild-name']) await page.fill(id, '');
    await page.selectOption('#rebuild-status', '');
    await page.check('#rebuild-incremental');
    const since = await page.locator('[data-incremental-since]').getAttribute('data-incremental-since');
    expect(since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await page.isDisabled('#rebuild-start')).toBe(true);
    await harness.screenshot('directory-rebuild-incremental');
    await page.click('[data-action="rebuild"]');
    await page.locator('[data-rebuild-result="ok"]').waitFor();
    expect(sandbox.requests.at(-1)!.query).toEqual({ startDate: since });
    await page.uncheck('#rebuild-incremental');
  });

  it('a throttled rebuild shows its countdown (Retry-After honoured) and Cancel stops it', async () => {
    const { page } = harness;
    sandbox.faults.set({ status: 429, retryAfterSeconds: 45 });
    try {
      await page.click('[data-action="rebuild"]');
      const countdown = page.locator('[data-testid="rebuild-progress"] [data-countdown]');
      await countdown.waitFor();
      const seconds = Number(await countdown.getAttribute('data-countdown'));
      expect(seconds).toBeGreaterThan(40);
      expect(seconds).toBeLessThanOrEqual(45);
      await expect(page.locator('[data-testid="rebuild-progress"]').textContent()).resolves.toMatch(/HTTP 429; honouring its Retry-After, attempt 2 of 4 starts in \d+ s/);
      await harness.screenshot('directory-rebuild-throttled');
      const sentBefore = sandbox.requests.length;
      await page.click('[data-action="cancel-rebuild"]');
      await page.locator('[data-rebuild-result="error"] [data-error-code="CANCELLED"]').waitFor();
      expect(sandbox.requests.length).toBe(sentBefore);
    } finally {
      sandbox.faults.clear();
    }
  });

  it('the history lists each rebuild with its filters, outcome, interaction id, duration and attempts', async () => {
    const { page } = harness;
    const rows = page.locator('[data-testid="rebuild-history"] tbody tr');
    // The history reloads after each rebuild ends: the cancelled one may still be on its way in.
    await rows.and(page.locator('[data-outcome="cancelled"]')).waitFor();
    await expect(rows.count()).resolves.toBe(3);
    await expect(rows.nth(0).getAttribute('data-outcome')).resolves.toBe('cancelled');
    await expect(rows.nth(1).getAttribute('data-outcome')).resolves.toBe('ok');
    await expect(rows.nth(2).getAttribute('data-outcome')).resolves.toBe('ok');
    const accepted = sandbox.requests.filter((r) => r.status === 201).map((r) => r.interactionId);
    const shown = await page.locator('[data-testid="rebuild-history"] tbody tr td.mono').allTextContents();
    expect(shown.slice(1)).toEqual([...accepted].reverse());
    await expect(rows.nth(1).textContent()).resolves.toContain('incremental');
    await page.locator('[data-testid="rebuild-history"]').scrollIntoViewIfNeeded();
    await harness.screenshot('directory-history');
  });

  it('the audit log holds every interaction id (rebuild attempts included)', async () => {
    const { page } = harness;
    await page.click('[data-nav="activity"]');
    await page.locator('[data-audit-action="directory.rebuild"]').first().waitFor();
    const audited = await page.locator('[data-audit-action="directory.rebuild"] td.mono').allTextContents();
    const sent = sandbox.requests.map((r) => r.interactionId);
    for (const id of sent) expect(audited.map((a) => a.trim())).toContain(id);
    await page.locator('[data-testid="audit-section"]').scrollIntoViewIfNeeded();
    await harness.screenshot('directory-audit');
    expect(harness.pageErrors).toEqual([]);
  });
});
