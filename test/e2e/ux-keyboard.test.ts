import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { waitForCachedClients } from './support/invoke';

type Invoke = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown }> } };
type Client = { connectionId: string; remoteId: string; name: string };

/** What has focus, named the way a person reading the test would: #id, data-testid, or tag and text. */
async function focused(page: Page, dialogTestId?: string): Promise<{ name: string; inside: boolean }> {
  return page.evaluate((testId) => {
    const el = document.activeElement as HTMLElement | null;
    const dialog = testId ? document.querySelector(`[data-testid="${testId}"]`) : null;
    let name = 'none';
    if (el && el !== document.body) {
      const label = el instanceof HTMLInputElement ? el.closest('label')?.textContent : el.getAttribute('aria-label') ?? el.textContent;
      const text = (label ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      name = el.hasAttribute('cmdk-input') ? '[palette input]' : el.id ? `#${el.id}` : el.dataset.testid ? `[${el.dataset.testid}]` : `${el instanceof HTMLInputElement ? el.type : el.tagName.toLowerCase()} "${text}"`;
    }
    return { name, inside: dialog !== null && el !== null && dialog.contains(el) };
  }, dialogTestId);
}

/** Where Tab should stop in the dialog, worked out from the DOM (enabled, visible, one radio per group). */
async function expectedStops(page: Page, testId: string): Promise<number> {
  return page.evaluate((id) => {
    const dialog = document.querySelector(`[data-testid="${id}"]`)!;
    const all = [...dialog.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
    );
    const radios = new Set<string>();
    return all.filter((el) => {
      if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
      if (radios.has(el.name)) return false;
      radios.add(el.name);
      return true;
    }).length;
  }, testId);
}

/**
 * Tabs once round the dialog forwards and once backwards: every stop is inside it, a full round comes back
 * to where it started, and Shift+Tab visits the same stops in reverse. Returns the forward order.
 */
async function tabRound(page: Page, testId: string): Promise<string[]> {
  const stops = await expectedStops(page, testId);
  expect(stops).toBeGreaterThan(0);
  const start = await focused(page, testId);
  expect(start.inside, `focus starts inside ${testId} (on ${start.name})`).toBe(true);
  const forward: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page, testId);
    expect(now.inside, `Tab ${i + 1} in ${testId} reached ${now.name}`).toBe(true);
    forward.push(now.name);
  }
  expect(forward.at(-1)).toBe(start.name);
  expect(new Set(forward).size).toBe(stops);
  const backward: string[] = [];
  for (let i = 0; i < stops; i++) {
    await page.keyboard.press('Shift+Tab');
    const now = await focused(page, testId);
    expect(now.inside, `Shift+Tab ${i + 1} in ${testId} reached ${now.name}`).toBe(true);
    backward.push(now.name);
  }
  expect(backward).toEqual([...forward].reverse().slice(1).concat(start.name));
  console.log(`e2e: Tab order in ${testId} (wraps after ${stops}): ${[start.name, ...forward.slice(0, -1)].join(' → ')}`);
  return forward;
}

/** The sidebar behind an open dialog cannot take focus. */
async function sidebarIsInert(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const button = document.querySelector<HTMLElement>('[data-nav="dashboard"]')!;
    button.focus();
    return document.activeElement !== button;
  });
}

async function headingHasFocus(page: Page, name: string): Promise<void> {
  await page.waitForFunction((text) => {
    const el = document.activeElement;
    return el?.tagName === 'H1' && el.textContent?.trim() === text;
  }, name);
}

/** Focuses an element, then opens what it opens with the keyboard (so it is the opener focus returns to). */
async function openWithEnter(page: Page, selector: string, testId: string): Promise<void> {
  await page.focus(selector);
  await page.evaluate(() => {
    document.querySelector('[data-opener]')?.removeAttribute('data-opener');
    document.activeElement?.setAttribute('data-opener', '');
  });
  await page.keyboard.press('Enter');
  await page.getByTestId(testId).waitFor();
}

/** Ctrl+K, then waits until the palette's input has focus (its code loads on first use). */
async function openPalette(page: Page): Promise<void> {
  await page.keyboard.press('Control+k');
  await page.waitForFunction(() => document.activeElement?.hasAttribute('cmdk-input') === true);
}

/** Escape closes the dialog and focus is back on `opener` (a CSS selector), or on what openWithEnter opened it from. */
async function escapeReturnsFocus(page: Page, testId: string, opener = '[data-opener]'): Promise<void> {
  await page.keyboard.press('Escape');
  await page.getByTestId(testId).waitFor({ state: 'detached' });
  await page.waitForFunction((sel) => document.activeElement === document.querySelector(sel), opener);
}

describe('keyboard-first: dialogs keep focus, Escape and Enter, palette, shortcuts, skip link, unsaved edits', () => {
  let harness: Harness;
  let page: Page;
  let client: Client;
  const invoke = <T,>(channel: string, input?: unknown) =>
    page.evaluate(([c, i]) => (window as unknown as Invoke).clientdesk.invoke(c as string, i), [channel, input] as const) as Promise<{ ok: boolean; value: T }>;

  beforeAll(async () => {
    harness = await launchHarness({ keychain: createStandInKeychain() });
    page = harness.page;
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('puts a skip link first in the tab order; it moves focus to the screen heading, past the sidebar', async () => {
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('[skip-link]');
    const box = await page.getByTestId('skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true);
    await harness.screenshot('ux-skip-link');
    await page.keyboard.press('Enter');
    await headingHasFocus(page, 'Dashboard');
    await page.keyboard.press('Tab');
    const next = await page.evaluate(() => document.activeElement?.closest('main') !== null);
    expect(next).toBe(true);
  });

  it('? lists the shortcuts in a dialog focus cannot leave; Enter and Escape close it, focus returns', async () => {
    await page.focus('main h1');
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    expect(await page.locator('[data-testid="shortcuts-help"] [data-shortcut]').count()).toBeGreaterThanOrEqual(9);
    expect(await sidebarIsInert(page)).toBe(true);
    await tabRound(page, 'shortcuts-help');
    await harness.screenshot('ux-shortcuts-help');
    await page.keyboard.press('Enter');
    await page.getByTestId('shortcuts-help').waitFor({ state: 'detached' });
    await headingHasFocus(page, 'Dashboard');
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await escapeReturnsFocus(page, 'shortcuts-help', 'main h1');
  });

  it('Ctrl+K opens the palette; it starts the demo workspace and focus lands on the Clients heading', async () => {
    await openPalette(page);
    expect((await focused(page, 'command-palette')).inside).toBe(true);
    await tabRound(page, 'command-palette');
    expect(await page.locator('[data-palette-action="rotate-older"]').count()).toBe(0); // no connection has keys yet
    await page.keyboard.type('demo');
    await page.locator('[data-palette-action="start-demo"][data-selected="true"]').waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    await headingHasFocus(page, 'Clients');
    await page.locator('table.clients-table tbody tr').first().waitFor();
    const connections = (await invoke<Array<{ id: string; provider: string }>>('connections.list')).value;
    expect(connections.length).toBeGreaterThanOrEqual(2);
    const factpulse = connections.find((c) => c.provider === 'factpulse')!;
    await waitForCachedClients(page, factpulse.id);
    const rows = await invoke<{ rows: Client[] }>('clients.window', { connectionIds: [factpulse.id], limit: 1, sort: 'name' });
    client = rows.value.rows[0]!;
  });

  it('the palette finds a client by name and by id across connections, and opens it with focus on its heading', async () => {
    await openPalette(page);
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"]`).waitFor();
    await page.keyboard.press('Escape');
    await page.getByTestId('command-palette').waitFor({ state: 'detached' });

    await openPalette(page);
    await page.keyboard.type(client.name.split(' ').slice(0, 2).join(' '));
    const item = page.locator(`[data-palette-client="${client.remoteId}"]`);
    await item.waitFor();
    const shown = await page.locator('[data-palette-client]').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThanOrEqual(8);
    await page.locator('[data-palette-action="sync-all"]').count().then((n) => expect(n).toBe(0)); // filtered out by the query
    await harness.screenshot('ux-palette');
    await item.click();
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
    await headingHasFocus(page, client.name);
  });

  it('shortcuts go to each screen and focus its heading, `/` focuses the search, and nothing fires while typing', async () => {
    for (const [key, heading] of [['k', 'Keys'], ['a', 'Activity'], ['s', 'Settings'], ['d', 'Dashboard'], ['c', 'Clients']] as const) {
      await page.keyboard.press('g');
      await page.keyboard.press(key);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await headingHasFocus(page, heading);
    }
    await page.keyboard.press('/');
    await page.waitForFunction(() => document.activeElement?.id === 'clients-search');
    await page.keyboard.type('gk n?');
    expect(await page.inputValue('#clients-search')).toBe('gk n?');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Clients');
    expect(await page.getByTestId('shortcuts-help').count()).toBe(0);
    await page.fill('#clients-search', '');
    await page.focus('main h1');
    await page.keyboard.press('n');
    await page.getByRole('heading', { level: 1, name: 'New client' }).waitFor();
    await headingHasFocus(page, 'New client');
  });

  it('a confirm dialog: focus starts on Cancel and stays inside, Escape cancels back to the opener, Enter on the confirm button confirms', async () => {
    await openPalette(page);
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"]`).waitFor();
    await page.keyboard.press('Enter');
    await headingHasFocus(page, client.name);
    const deactivate = 'main button:text-is("Deactivate")';
    await openWithEnter(page, deactivate, 'confirm-dialog');
    expect((await focused(page, 'confirm-dialog')).name).toBe('button "Cancel"');
    expect(await sidebarIsInert(page)).toBe(true);
    const order = await tabRound(page, 'confirm-dialog');
    expect(order).toEqual(['button "Deactivate"', 'button "Cancel"']);
    await page.keyboard.press('Tab');
    await harness.screenshot('ux-dialog-focus');
    await page.keyboard.press('Shift+Tab');
    await escapeReturnsFocus(page, 'confirm-dialog');
    expect(await page.locator('.title-row [data-status="active"]').count()).toBe(1);

    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.title-row [data-status="inactive"]').waitFor();
    await page.getByTestId('confirm-dialog').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Activate' }).click();
    await page.getByTestId('confirm-dialog').getByRole('button', { name: 'Activate' }).click();
    await page.locator('.title-row [data-status="active"]').waitFor();
  });

  it('the key dialogs: focus stays inside, Escape closes back to the opener, Enter in a field submits the form', async () => {
    await page.keyboard.press('g');
    await page.keyboard.press('k');
    await headingHasFocus(page, 'Keys');
    const toolbar = (label: string) => `.keys-toolbar button:text-is("${label}")`;

    await openWithEnter(page, toolbar('Export backup…'), 'keys-export-dialog');
    expect(await sidebarIsInert(page)).toBe(true);
    await tabRound(page, 'keys-export-dialog');
    await page.focus('#export-passphrase');
    await page.keyboard.type('too short');
    await page.keyboard.press('Enter');
    await page.locator('[data-field-error="export-path"]').waitFor();
    await page.locator('[data-field-error="export-passphrase"]').waitFor();
    await escapeReturnsFocus(page, 'keys-export-dialog');

    await openWithEnter(page, toolbar('Import key'), 'keys-import-key-dialog');
    await tabRound(page, 'keys-import-key-dialog');
    await page.focus('#import-key-client');
    await page.keyboard.type(client.remoteId);
    await page.keyboard.press('Enter');
    await page.locator('[data-field-error="import-key-value"]').waitFor();
    await escapeReturnsFocus(page, 'keys-import-key-dialog');

    await openWithEnter(page, toolbar('Import backup…'), 'keys-import-backup-dialog');
    await tabRound(page, 'keys-import-backup-dialog');
    await page.focus('#import-path');
    await page.keyboard.press('Enter');
    await page.locator('[data-field-error="import-path"]').waitFor();
    await escapeReturnsFocus(page, 'keys-import-backup-dialog');

    await openWithEnter(page, toolbar('Bulk rotate…'), 'keys-bulk-dialog');
    await tabRound(page, 'keys-bulk-dialog');
    await page.focus('#bulk-concurrency');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await focused(page, 'keys-bulk-dialog')).name).toBe('button "Preview"');
    await page.keyboard.press('Enter');
    await page.getByTestId('bulk-preview').waitFor();
    await escapeReturnsFocus(page, 'keys-bulk-dialog');
  });

  it('leaving an edited client form asks first: Stay is the default (Escape and Enter stay), Discard leaves; a save does not ask', async () => {
    await openPalette(page);
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"]`).waitFor();
    await page.keyboard.press('Enter');
    await headingHasFocus(page, client.name);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const description = page.getByTestId('client-form').locator('textarea, input[type="text"]').last();
    await description.fill('Edited but not saved');

    await page.click('[data-nav="dashboard"]');
    await page.getByTestId('unsaved-dialog').waitFor();
    expect((await focused(page, 'unsaved-dialog')).name).toBe('button "Stay and keep editing"');
    await tabRound(page, 'unsaved-dialog');
    await harness.screenshot('ux-unsaved-guard');
    await page.keyboard.press('Escape');
    await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
    expect(await description.inputValue()).toBe('Edited but not saved');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(client.name);

    await openPalette(page);
    await page.keyboard.type('Dashboard');
    await page.locator('[data-palette-screen="dashboard"][data-selected="true"]').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('unsaved-dialog').waitFor();
    await page.keyboard.press('Enter');
    await page.getByTestId('unsaved-dialog').waitFor({ state: 'detached' });
    expect(await description.inputValue()).toBe('Edited but not saved');

    await page.click('[data-nav="dashboard"]');
    await page.getByTestId('unsaved-dialog').waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page, 'unsaved-dialog')).name).toBe('button "Discard changes"');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await headingHasFocus(page, 'Dashboard');

    // Saved edits leave without a question.
    await openPalette(page);
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    await description.fill('Edited and saved');
    await page.getByTestId('client-form').getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('client-form').waitFor({ state: 'detached' });
    await page.click('[data-nav="dashboard"]');
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    expect(await page.getByTestId('unsaved-dialog').count()).toBe(0);
  });

  it('the palette, the shortcuts list and the unsaved question in French and dark', async () => {
    await invoke('settings.update', { language: 'fr', theme: 'dark' });
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await openPalette(page);
    await page.keyboard.type('renouveler 30');
    await page.locator('[data-palette-action="rotate-older"]').waitFor();
    expect(await page.locator('[data-palette-action="rotate-older"]').textContent()).toContain('Renouveler les clés de plus de 30 jours');
    await harness.screenshot('ux-palette-dark-fr');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Clés' }).waitFor();
    await headingHasFocus(page, 'Clés');
    await page.keyboard.press('?');
    await page.getByTestId('shortcuts-help').waitFor();
    await harness.screenshot('ux-shortcuts-help-dark-fr');
    await page.keyboard.press('Escape');
    await page.focus('[data-testid="skip-link"]');
    await harness.screenshot('ux-skip-link-dark-fr');
    await invoke('settings.update', { language: 'en', theme: 'light' });
  });
});
