import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';
import type { TokenizationState } from '../../main/core/sandbox/tokenization';

interface Row { remoteId: string; name: string; version?: number }

/**
 * A provider that counts versions and can delete (the tokenization platform's demo): an edit made on an older
 * version than the server's asks before overwriting, and a delete needs the client's name typed.
 */
describe('Versioned edits and typed-name deletes in the Clients area', () => {
  let harness: Harness;
  let connectionId = '';
  let state: TokenizationState;
  let target: Row;

  beforeAll(async () => {
    harness = await launchHarness({ core: { reconnectProbeMs: 3_600_000 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  const invoke = <T>(channel: string, input?: unknown) => invokeIn<T>(harness.page, channel, input);

  async function openTarget() {
    const { page } = harness;
    await page.click('[data-nav="clients"]');
    await page.getByLabel('Search').fill(target.name);
    await page.locator(`table.clients-table tbody tr[data-client="${target.name}"]`).first().click();
    await page.getByRole('heading', { level: 1, name: target.name }).waitFor();
  }

  it('asks before overwriting a newer server version, then saves anyway', async () => {
    const { page } = harness;
    connectionId = (await invoke<{ id: string }>('demo.start', { systems: ['tokenization'] })).id;
    state = harness.core().context.demo.serverFor(connectionId)!.state as TokenizationState;
    await expect.poll(async () => (await invoke<{ total: number }>('clients.counts', { connectionIds: [connectionId] })).total, { timeout: 20_000 }).toBeGreaterThan(0);
    await page.reload();
    target = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [connectionId], limit: 1 })).rows[0]!;
    await openTarget();
    await page.locator('[data-fact="version"]').waitFor();
    const shownVersion = Number(await page.textContent('[data-fact="version"]'));

    // Someone else changes the client on the server meanwhile.
    const onServer = state.clients.get(Number(target.remoteId))!;
    onServer.version += 2;
    onServer.modified = new Date().toISOString();

    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await page.getByLabel('Contact first name').fill('Versioned');
    await page.getByRole('button', { name: 'Save' }).click();
    const notice = page.getByTestId('newer-version');
    await notice.waitFor();
    await expect(notice.locator('[data-version="base"]').textContent()).resolves.toBe(String(shownVersion));
    await expect(notice.locator('[data-version="server"]').textContent()).resolves.toBe(String(shownVersion + 2));
    expect(await page.inputValue('#client-extra-contactFirstName')).toBe('Versioned');
    expect(onServer.contact.firstName).not.toBe('Versioned');
    await harness.screenshot('clients-newer-version');

    await notice.getByRole('button', { name: 'Save anyway' }).click();
    await page.getByRole('heading', { name: 'Details' }).waitFor();
    expect(onServer.contact.firstName).toBe('Versioned');
  });

  it('deletes only once the client’s name is typed exactly', async () => {
    const { page } = harness;
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    const dialog = page.getByTestId('delete-dialog');
    await dialog.waitFor();
    await dialog.getByRole('textbox').fill(`${target.name} typo`);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.locator('[data-field-error="delete-confirm-name"]').waitFor();
    await expect(page.textContent('[data-field-error="delete-confirm-name"]')).resolves.toBe('Type the client’s name exactly');
    expect(state.clients.has(Number(target.remoteId))).toBe(true);
    await harness.screenshot('clients-delete-typed-name');

    await dialog.getByRole('textbox').fill(target.name);
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(state.clients.has(Number(target.remoteId))).toBe(false);
    await page.getByLabel('Search').fill(target.name);
    await page.waitForFunction((name) => !document.querySelector(`table.clients-table tbody tr[data-client="${name}"]`), target.name);
  });

  it('ran with no console error or CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
