import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStandInKeychain } from '../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { HARNESS_ORIGIN } from '../harness/serve-renderer';
import { waitForCachedClients } from './support/invoke';

type Invoke = { clientdesk: { invoke(channel: string, input?: unknown): Promise<{ ok: boolean; value: unknown }> } };
type Violation = { id: string; impact: string | null; nodes: number; targets: string[] };
type Look = { theme: 'light' | 'dark'; language: 'en' | 'fr' };

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// Served from the app's own origin: the renderer's CSP (script-src 'self') refuses inline scripts.
const AXE_URL = `${HARNESS_ORIGIN}/__test/axe.min.js`;
const LOOKS: Look[] = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'en' },
  { theme: 'light', language: 'fr' },
  { theme: 'dark', language: 'fr' },
];

/**
 * axe-core on every screen (in light and dark, English and French) and on every dialog that can be opened
 * in the demo workspace (light English and dark French): no serious or critical violation anywhere.
 */
describe('accessibility: axe-core on every screen and dialog', () => {
  let harness: Harness;
  let page: Page;
  let client = { connectionId: '', remoteId: '', name: '' };
  const found: Array<{ target: string; violations: Violation[] }> = [];
  const invoke = <T,>(channel: string, input?: unknown) =>
    page.evaluate(([c, i]) => (window as unknown as Invoke).clientdesk.invoke(c as string, i), [channel, input] as const) as Promise<{ ok: boolean; value: T }>;

  async function audit(target: string): Promise<Violation[]> {
    if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
    await page.waitForFunction(() => !document.querySelector('main .loading'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
      const result = await axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
    });
    found.push({ target, violations });
    const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    const rest = violations.filter((v) => !grave.includes(v)).map((v) => `${v.id}(${v.impact})`);
    console.log(`a11y: ${target}: ${grave.length} serious/critical${grave.map((v) => ` [${v.id} ×${v.nodes}: ${v.targets.join(', ')}]`).join('')}; other: ${rest.join(' ') || 'none'}`);
    return violations;
  }

  async function look({ theme, language }: Look): Promise<void> {
    await invoke('settings.update', { theme, language });
    await page.waitForFunction(([t, l]) => document.documentElement.dataset.theme === t && document.documentElement.lang === l, [theme, language] as const);
  }

  async function heading(): Promise<void> {
    await page.locator('main h1').first().waitFor();
  }

  async function openPalette(): Promise<void> {
    await page.keyboard.press('Control+k');
    await page.waitForFunction(() => document.activeElement?.hasAttribute('cmdk-input') === true);
  }

  async function openClient(): Promise<void> {
    await openPalette();
    await page.keyboard.type(client.remoteId);
    await page.locator(`[data-palette-client="${client.remoteId}"][data-selected="true"]`).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: client.name }).waitFor();
  }

  /** Opens a dialog by clicking `opener`, audits it, then closes it with Escape. */
  async function auditDialog(name: string, testId: string, open: () => Promise<void>, tag: string): Promise<void> {
    await open();
    await page.getByTestId(testId).waitFor();
    await audit(`dialog ${name} (${tag})`);
    await page.keyboard.press('Escape');
    await page.getByTestId(testId).waitFor({ state: 'detached' });
  }

  beforeAll(async () => {
    harness = await launchHarness({ keychain: createStandInKeychain() });
    page = harness.page;
    await page.route(AXE_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(AXE_PATH, 'utf8') }));
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('the first run (no connection) has no serious or critical violation', async () => {
    await audit('dashboard, no connection (light en)');
    await page.click('[data-nav="connections"]');
    await page.getByTestId('demo-card').waitFor();
    await audit('connections, no connection (light en)');
    await page.getByRole('button', { name: 'Start the demo workspace' }).click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    const connections = (await invoke<Array<{ id: string; provider: string }>>('connections.list')).value;
    const factpulse = connections.find((c) => c.provider === 'factpulse')!;
    await waitForCachedClients(page, factpulse.id);
    client = (await invoke<{ rows: Array<typeof client> }>('clients.window', { connectionIds: [factpulse.id], limit: 1, sort: 'name' })).value.rows[0]!;
  });

  it('every screen, in light and dark, English and French', async () => {
    const navs = await page.locator('[data-nav]').evaluateAll((els) => els.map((e) => e.getAttribute('data-nav')!));
    for (const style of LOOKS) {
      await look(style);
      const tag = `${style.theme} ${style.language}`;
      for (const nav of navs) {
        await page.click(`[data-nav="${nav}"]`);
        await heading();
        await audit(`${nav} (${tag})`);
      }
      await openClient();
      await audit(`client detail (${tag})`);
      await page.keyboard.press('n');
      await page.getByTestId('client-form').waitFor();
      await audit(`new client (${tag})`);
      await page.click('[data-nav="connections"]');
      await heading();
      await page.locator('main .screen-header button.primary').click();
      await page.locator('main form').first().waitFor();
      await audit(`connection form (${tag})`);
      await page.click('[data-nav="dashboard"]');
      const leave = page.getByTestId('unsaved-dialog');
      if (await leave.isVisible().catch(() => false)) await leave.getByRole('button', { name: /Discard|Abandonner/ }).click();
      await heading();
    }
  });

  it('every dialog that opens in the demo, in light English and dark French', async () => {
    for (const style of [LOOKS[0]!, LOOKS[3]!]) {
      await look(style);
      const tag = `${style.theme} ${style.language}`;
      const en = style.language === 'en';
      await page.click('[data-nav="dashboard"]');
      await heading();
      await auditDialog('shortcuts list', 'shortcuts-help', () => page.keyboard.press('?'), tag);
      await auditDialog('command palette', 'command-palette', async () => {
        await openPalette();
        await page.keyboard.type(client.name.split(' ')[0]!);
        await page.locator('[data-palette-client]').first().waitFor();
      }, tag);

      await openClient();
      await auditDialog('deactivate confirmation', 'confirm-dialog', () => page.locator('main .card-head button.danger').first().click(), tag);
      await page.locator('main .card-head button').first().click(); // Edit
      await page.getByTestId('client-form').locator('textarea, input[type="text"]').last().fill(`edited ${tag}`);
      await auditDialog('unsaved changes', 'unsaved-dialog', () => page.click('[data-nav="dashboard"]'), tag);
      await page.click('[data-nav="dashboard"]');
      await page.getByTestId('unsaved-dialog').getByRole('button', { name: en ? 'Discard changes' : 'Abandonner les modifications' }).click();
      await heading();

      await page.click('[data-nav="keys"]');
      await heading();
      const toolbar = page.locator('.keys-toolbar button');
      await auditDialog('bulk rotation', 'keys-bulk-dialog', () => toolbar.nth(0).click(), tag);
      await auditDialog('export backup', 'keys-export-dialog', () => toolbar.nth(1).click(), tag);
      await auditDialog('import backup', 'keys-import-backup-dialog', () => toolbar.nth(2).click(), tag);
      await auditDialog('import key', 'keys-import-key-dialog', () => toolbar.nth(3).click(), tag);
      await auditDialog('bulk rotation preview', 'keys-bulk-dialog', async () => {
        await toolbar.nth(0).click();
        await page.getByTestId('keys-bulk-dialog').locator('button[type="submit"]').click();
        await page.getByTestId('bulk-preview').waitFor();
      }, tag);
    }
    await look(LOOKS[0]!);
  });

  it('found no serious or critical violation', () => {
    const grave = found.flatMap((f) => f.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${f.target}: ${v.id} (${v.targets.join(', ')})`));
    const minor = found.reduce((n, f) => n + f.violations.filter((v) => v.impact !== 'serious' && v.impact !== 'critical').length, 0);
    console.log(`a11y: ${found.length} pages and dialogs checked, ${grave.length} serious/critical, ${minor} moderate/minor`);
    expect(found.length).toBeGreaterThan(40);
    expect(grave).toEqual([]);
  });
});
