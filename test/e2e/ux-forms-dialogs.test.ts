import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { invokeIn } from './support/invoke';

type Connection = { id: string; provider: string; label: string };
type Row = { remoteId: string; name: string };

/** The id or test id of what has focus, else its tag and text. */
function activeName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'none';
    return el.id ? `#${el.id}` : el.dataset.testid ? `[${el.dataset.testid}]` : `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim()}"`;
  });
}

/** Clicks `selector` after marking it, so the test can check focus comes back to it. */
async function openFrom(page: Page, selector: string, testId: string): Promise<void> {
  await page.evaluate(() => document.querySelector('[data-opener]')?.removeAttribute('data-opener'));
  await page.locator(selector).evaluate((el) => el.setAttribute('data-opener', ''));
  await page.click(selector);
  await page.getByTestId(testId).waitFor();
}

async function escapeBackToOpener(page: Page, testId: string): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId(testId).waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.activeElement === document.querySelector('[data-opener]'));
}

async function paletteAddConnection(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.waitForFunction(() => document.activeElement?.hasAttribute('cmdk-input') === true);
  await page.keyboard.type('Add connection');
  await page.locator('[data-palette-action="add-connection"][data-selected="true"]').waitFor();
  await page.keyboard.press('Enter');
}

/**
 * The connection form opened from the palette and guarded like the client form; the dialogs that had no
 * submit (typed-name delete, webhook secret) and the certificate import: Enter submits when valid, Escape closes.
 */
describe('UX: the connection form from the palette, its unsaved edits, Enter and Escape in every dialog', () => {
  let harness: Harness;
  let page: Page;
  let connections: Connection[] = [];
  const invoke = <T,>(channel: string, input?: unknown) => invokeIn<T>(page, channel, input);
  const connectionOf = (provider: string) => connections.find((c) => c.provider === provider)!;

  async function firstClient(provider: string): Promise<Row> {
    const { id } = connectionOf(provider);
    await expect.poll(async () => (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [id], limit: 1 })).rows.length, { timeout: 30_000 }).toBe(1);
    return (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [id], limit: 1, sort: 'name' })).rows[0]!;
  }

  async function openClient(client: Row): Promise<void> {
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('cmdk-input') === true);
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
  }

  beforeAll(async () => {
    harness = await launchHarness({ keychain: createStandInKeychain(), core: { reconnectProbeMs: 3_600_000 } });
    page = harness.page;
    await invoke('demo.start', {});
    connections = await invoke<Connection[]>('connections.list');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  }, 90_000);
  afterAll(async () => {
    await harness?.close();
  });

  it('the palette’s "Add connection" opens the add form with focus on its first field', async () => {
    await paletteAddConnection(page);
    await page.getByRole('heading', { level: 1, name: 'Connections' }).waitFor();
    await page.getByTestId('connection-form').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'conn-label');
    expect(await page.getByTestId('connection-form').getByRole('heading', { level: 2 }).textContent()).toBe('New connection');
  });

  it('leaving an edited connection form asks first: Stay keeps the edits, Discard leaves, another card’s Edit asks too, Cancel does not', async () => {
    const form = page.getByTestId('connection-form');
    await page.keyboard.type('Not saved yet');
    await form.getByLabel('Base URL').fill('https://unsaved.example.test');

    await page.click('[data-nav="dashboard"]');
    await page.getByTestId('unsaved-dialog').waitFor();
    expect(await activeName(page)).toBe('button "Stay and keep editing"');
    await harness.screenshot('ux-connection-unsaved-guard');
    await page.keyboard.press('Escape');
    await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
    expect(await page.inputValue('#conn-label')).toBe('Not saved yet');

    // Asked again for the add form while this one holds edits: the same question, Enter stays.
    await paletteAddConnection(page);
    await page.getByTestId('unsaved-dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
    expect(await page.inputValue('#conn-label')).toBe('Not saved yet');
    // ... and Discard gives a fresh add form.
    await paletteAddConnection(page);
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Discard changes' }).click();
    await page.waitForFunction(() => (document.getElementById('conn-label') as HTMLInputElement | null)?.value === '');
    expect(await page.inputValue('#conn-baseUrl')).toBe('https://');

    await form.getByLabel('Label').fill('Dropped on purpose');
    await page.click('[data-nav="dashboard"]');
    await page.getByTestId('unsaved-dialog').getByRole('button', { name: 'Discard changes' }).click();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();

    // An existing connection's edit form is guarded too; Cancel is the user's own choice and does not ask.
    await page.click('[data-nav="connections"]');
    const demo = connectionOf('factpulse');
    await page.locator(`[data-connection="${demo.label}"]`).getByRole('button', { name: 'Edit' }).click();
    await form.getByLabel('Label').fill(`${demo.label} (renamed)`);
    // Another card's Edit would replace the form: the same question, Escape keeps the edits.
    const other = connectionOf('sites');
    const editOther = page.locator(`[data-connection="${other.label}"]`).getByRole('button', { name: 'Edit' });
    await editOther.click();
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    expect(await page.inputValue('#conn-label')).toBe(`${demo.label} (renamed)`);
    await editOther.click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Discard changes' }).click();
    await page.waitForFunction((label) => (document.getElementById('conn-label') as HTMLInputElement | null)?.value === label, other.label);
    await form.getByLabel('Label').fill(`${other.label} (renamed)`);
    await page.click('[data-nav="settings"]');
    await page.getByTestId('unsaved-dialog').waitFor();
    await page.keyboard.press('Escape');
    await form.getByRole('button', { name: 'Cancel' }).click();
    await form.waitFor({ state: 'detached' });
    await page.click('[data-nav="settings"]');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByTestId('unsaved-dialog').count()).toBe(0);
    const labels = (await invoke<Connection[]>('connections.list')).map((c) => c.label);
    expect(labels).toContain(demo.label);
    expect(labels).toContain(other.label);
  });

  it('the typed-name delete dialog: Escape closes back to the opener, Enter waits for a name, then deletes', async () => {
    const client = await firstClient('tokenization');
    await openClient(client);
    const deleteButton = 'main .actions button.danger:text-is("Delete")';
    await openFrom(page, deleteButton, 'delete-dialog');
    await escapeBackToOpener(page, 'delete-dialog');

    await openFrom(page, deleteButton, 'delete-dialog');
    await page.focus('#delete-confirm-name');
    await page.keyboard.press('Enter'); // nothing typed: nothing sent, the dialog stays
    await page.keyboard.type(`${client.name} typo`);
    await page.keyboard.press('Enter');
    await page.locator('[data-field-error="delete-confirm-name"]').waitFor();
    await page.fill('#delete-confirm-name', client.name);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    const left = await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [connectionOf('tokenization').id], query: client.remoteId, limit: 5 });
    expect(left.rows.some((r) => r.remoteId === client.remoteId)).toBe(false);
  });

  it('the webhook secret dialogs: Escape closes, Enter generates (also from the checkbox), Enter closes the shown-once secret', async () => {
    const client = await firstClient('factpulse');
    await openClient(client);
    const generate = '[data-testid="webhook-panel"] button:text-is("Generate secret")';
    await page.locator(generate).waitFor();
    await openFrom(page, generate, 'webhook-generate-dialog');
    await escapeBackToOpener(page, 'webhook-generate-dialog');

    await openFrom(page, generate, 'webhook-generate-dialog');
    await page.focus('#webhook-save');
    await page.keyboard.press('Enter');
    const shown = page.getByTestId('webhook-secret-dialog');
    await shown.waitFor();
    await page.focus('[data-testid="webhook-secret-dialog"] button:text-is("I have saved it")');
    await page.keyboard.press('Enter');
    await shown.waitFor({ state: 'detached' });
    await page.getByTestId('webhook-panel').locator('[data-webhook-secret="true"]').waitFor();
  });

  it('the certificate import dialog: Enter in a field submits (and says what is missing), Escape closes back to the opener', async () => {
    await page.click('[data-nav="connections"]');
    const directory = connectionOf('directory');
    const opener = `[data-certificate-section="${directory.id}"] [data-action="import-certificate"]`;
    await openFrom(page, opener, 'certificate-import');
    await page.focus('#cert-passphrase');
    await page.keyboard.press('Enter');
    await page.locator('[data-field-error="cert-certificate"]').waitFor();
    await escapeBackToOpener(page, 'certificate-import');
  });

  it('ran with no console error or CSP violation', () => {
    expect(harness.pageErrors).toEqual([]);
  });
});
