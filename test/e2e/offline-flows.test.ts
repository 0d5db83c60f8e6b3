import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import type { SandboxState } from '../../main/core/sandbox/factpulse';

type Invoke = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown }> } };

/**
 * Issue 4 "done means", driven like a user: sync the demo workspace, stop its sandbox, browse and search
 * offline (banner, highlight), edit a client offline (queued), change the same client on the server,
 * bring the sandbox back, replay → conflict side by side → keep mine → the server has the user's version.
 * Then the audit log: verified and exported.
 */
describe('Offline flows: cache, sync, outbox conflicts and the audit log', () => {
  let harness: Harness;
  let connectionId = '';
  let target = { remoteId: '', name: '' };
  let serverState: SandboxState;
  const offlineEdit = `Edited offline ${Date.now()}`;
  const serverEdit = 'Changed on the server meanwhile';

  beforeAll(async () => {
    // The user drives the reconnect here ("Send now"); the background probe would race it.
    harness = await launchHarness({ core: { reconnectProbeMs: 3_600_000 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  async function invoke<T>(channel: string, input?: unknown): Promise<T> {
    const envelope = await harness.page.evaluate(([c, i]) => (window as unknown as Invoke).clientdesk.invoke(c, i ?? undefined), [channel, input] as const);
    expect(envelope.ok).toBe(true);
    return envelope.value as T;
  }

  it('syncs the demo workspace on connect and shows counts and "last synced"', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Start the demo workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await page.waitForFunction(() => document.querySelector('[data-count="total"]')?.textContent === '60');
    await page.locator('[data-testid="last-synced"]', { hasText: /last synced/ }).waitFor();
    await expect(page.textContent('[data-testid="pager-position"]')).resolves.toMatch(/Page 1 of 3 · 60 clients/);
    connectionId = (await invoke<Array<{ id: string; demo: boolean }>>('connections.list')).find((c) => c.demo)!.id;
    const window = await invoke<{ rows: Array<{ remoteId: string; name: string }> }>('clients.window', { connectionIds: [connectionId], limit: 1 });
    target = window.rows[0]!;

    await page.click('[data-sort="name"]');
    await page.locator('th[aria-sort="descending"] [data-sort="name"]').waitFor();
    await page.selectOption('#clients-status', 'inactive');
    await page.waitForFunction(() => [...document.querySelectorAll('table.clients-table tbody tr')].every((r) => r.querySelector('[data-status="inactive"]')));
    await harness.screenshot('offline-clients-synced');
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.click('[data-sort="name"]');
    await page.locator('th[aria-sort="ascending"] [data-sort="name"]').waitFor();
  });

  it('says which connection is offline and keeps serving the cache when the sandbox stops', async () => {
    const { page } = harness;
    const demo = harness.core().context.demo;
    serverState = demo.sandboxFor(connectionId)!.state;
    await demo.suspendFor(connectionId);
    await page.click(`[data-sync-now="Demo workspace (sandbox)"]`);
    await page.getByTestId('offline-banner').waitFor();
    await expect(page.getByTestId('offline-banner').textContent()).resolves.toContain('“Demo workspace (sandbox)” is unreachable');
    await page.locator('[data-sync-error="OFFLINE"]').waitFor();
    expect(await page.locator('table.clients-table tbody tr').count()).toBe(25);

    // A reloaded (or new) window learns the status from the core, without a failing call of its own.
    await page.reload();
    await page.click('[data-nav="clients"]');
    await page.getByTestId('offline-banner').waitFor();
    // The demo workspace has several systems: keep to the FactPulse one.
    await page.selectOption('#clients-connection', connectionId);

    const prefix = target.name.split(' ')[0]!.slice(0, 4);
    await page.getByLabel('Search').fill(prefix.toLowerCase());
    await page.waitForFunction(() => document.querySelectorAll('table.clients-table tbody tr mark').length > 0);
    const rows = await page.locator('table.clients-table tbody tr').count();
    expect(rows).toBeGreaterThan(0);
    const marked = (await page.locator('table.clients-table tbody tr mark').first().textContent()) ?? '';
    expect(marked.toLowerCase().startsWith(prefix.toLowerCase())).toBe(true);
    await harness.screenshot('offline-search-highlight');
  });

  it('queues an edit made offline and marks the client as pending', async () => {
    const { page } = harness;
    await page.locator(`table.clients-table tbody tr[data-client="${target.name}"]`).first().click();
    await page.locator('[data-fact="uid"]', { hasText: target.remoteId }).waitFor();
    await page.getByTestId('offline-banner').waitFor();
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Description').fill(offlineEdit);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('queued-notice').waitFor();
    await page.getByTestId('pending-changes').locator('[data-outbox-state="queued"]').waitFor();
    await harness.screenshot('offline-edit-queued');

    await page.click('[data-nav="clients"]');
    await page.locator(`tr[data-client="${target.name}"][data-pending="yes"] [data-pending-marker]`).first().waitFor();
    await harness.screenshot('offline-clients-pending');

    await page.click('[data-nav="dashboard"]');
    await page.getByTestId('dashboard-outbox').waitFor();
    // The figures arrive after the screen: wait for them rather than read the first paint.
    const demoFigures = page.locator('[data-dashboard-connection="Demo workspace (sandbox)"]');
    await demoFigures.locator('[data-outbox-figure="queued"]', { hasText: /^1 Waiting/ }).waitFor();
    await expect(demoFigures.locator('[data-figure="clients"] .figure-number').textContent()).resolves.toBe('60 clients');
    await expect(demoFigures.getByTestId('dashboard-synced').textContent()).resolves.toMatch(/^Synced /);
    await page.locator('[data-dashboard-connection="Demo workspace (sandbox)"] [data-connection-state="offline"]').waitFor();
    await harness.screenshot('offline-dashboard');
  });

  it('finds the conflict on reconnect, shows both versions side by side, and keeps mine', async () => {
    const { page } = harness;
    const onServer = serverState.clients.get(target.remoteId)!;
    onServer.description = serverEdit;
    onServer.updatedAt = new Date().toISOString();
    await harness.core().context.demo.restartFor(connectionId);

    await page.click('[data-nav="activity"]');
    await page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor();
    await page.locator('[data-outbox-state="queued"]').waitFor();
    await page.getByRole('button', { name: 'Send now' }).click();
    const conflict = page.getByTestId('conflict-view');
    await conflict.waitFor();
    const description = conflict.locator('[data-conflict-field="description"]');
    await expect(description.locator('[data-side="mine"]').textContent()).resolves.toBe(offlineEdit);
    await expect(description.locator('[data-side="theirs"]').textContent()).resolves.toBe(serverEdit);
    await page.getByTestId('offline-banner').waitFor({ state: 'detached' });
    await harness.screenshot('offline-conflict');

    await conflict.getByRole('button', { name: 'Keep mine (overwrite)' }).click();
    await page.getByTestId('outbox-empty').waitFor();
    expect(serverState.clients.get(target.remoteId)!.description).toBe(offlineEdit);
    await page.locator('[data-audit-action="clients.update"][data-audit-outcome="ok"]').first().waitFor();
    await page.locator('[data-audit-outcome="conflict"]').first().waitFor();
  });

  it('verifies the audit log and exports it as CSV and JSON', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Verify log' }).click();
    await page.locator('[data-verify="ok"]').waitFor();
    await harness.screenshot('offline-activity-audit');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/^clientdesk-audit-.*\.csv$/);
    const csvText = readFileSync((await csv.path())!, 'utf8');
    expect(csvText.split('\n')[0]).toBe('id,at,connectionId,clientId,action,outcome,requestId,summary,hash');
    expect(csvText).toContain('clients.update');
    const [json] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export JSON' }).click()]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8')) as { chain: { ok: boolean }; entries: unknown[] };
    expect(exported.chain.ok).toBe(true);
    expect(exported.entries.length).toBeGreaterThan(2);
  });

  it('shows the final server state in the client detail once online', async () => {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.getByLabel('Search').fill('');
    await page.waitForFunction(() => document.querySelectorAll('table.clients-table tbody tr mark').length === 0);
    await page.locator(`table.clients-table tbody tr[data-client="${target.name}"][data-pending="no"]`).first().click();
    await expect(page.textContent('[data-fact="description"]')).resolves.toBe(offlineEdit);
    expect(await page.getByTestId('offline-banner').count()).toBe(0);
  });

  it('sets the periodic sync interval, rejecting a bad value with a precise message', async () => {
    const { page } = harness;
    await page.click('[data-nav="settings"]');
    await page.getByLabel('Periodic sync (minutes)').fill('often');
    await page.getByLabel('Periodic sync (minutes)').press('Enter');
    await page.locator('[data-field-error="settings-sync-interval"]').waitFor();
    expect(await page.inputValue('#settings-sync-interval')).toBe('often');
    await page.getByLabel('Periodic sync (minutes)').fill('15');
    await page.getByLabel('Periodic sync (minutes)').press('Enter');
    await page.getByText('Every 15 minutes, in the background. 0 = off.').waitFor();
    expect((await invoke<{ syncIntervalMinutes: number }>('settings.get')).syncIntervalMinutes).toBe(15);
    await harness.screenshot('offline-settings-sync');
  });

  it('looks right in the dark theme and in French', async () => {
    const { page } = harness;
    await page.click('[data-theme-choice="dark"]');
    await page.selectOption('#settings-language', 'fr');
    await page.click('[data-nav="clients"]');
    await page.locator('[data-sync-now="Demo workspace (sandbox)"]', { hasText: 'Synchroniser' }).waitFor();
    await page.getByLabel('Rechercher').fill('lib');
    await page.waitForFunction(() => {
      const marks = [...document.querySelectorAll('table.clients-table tbody tr mark')];
      return marks.length > 0 && marks.every((m) => m.textContent?.toLowerCase().startsWith('lib'));
    });
    await harness.screenshot('offline-clients-dark-fr');
    await page.click('[data-nav="activity"]');
    await page.getByRole('heading', { level: 1, name: 'Activité' }).waitFor();
    await harness.screenshot('offline-activity-dark-fr');
    await page.click('[data-nav="settings"]');
    await page.selectOption('#settings-language', 'en');
    await page.click('[data-theme-choice="light"]');
  });

  it('ran with no console error or CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
