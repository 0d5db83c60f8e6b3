import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchHarness } from '../harness/browser-harness';
import type { Harness } from '../harness/browser-harness';
import { englishPhrases } from './support/english-phrases';
import { invokeIn } from './support/invoke';

interface Row { remoteId: string; name: string; status: string }
const PDP_FIELDS = { flowServiceUrl: 'https://pdp.example.test/flow', tokenUrl: 'https://pdp.example.test/token', oauthClientId: 'ux-figures', clientSecret: 'pdp-secret-ux-figures' };

/**
 * Figures at a glance and the French window: the dashboard's figures open the filtered Clients list, a new
 * connection is tried before it is saved, errors keep their code in "Details", and no screen in French
 * shows a known English string (the audit log included).
 */
describe('UX: dashboard figures, test before save, error details, French', () => {
  let harness: Harness;
  let connectionId = '';
  const invoke = <T>(channel: string, input?: unknown) => invokeIn<T>(harness.page, channel, input);

  beforeAll(async () => {
    harness = await launchHarness({ core: { reconnectProbeMs: 3_600_000 } });
  });
  afterAll(async () => {
    await harness?.close();
  });

  it('shows figures per connection in light/English, each opening the filtered Clients list', async () => {
    const { page } = harness;
    connectionId = (await invoke<{ id: string }>('demo.start', { systems: ['factpulse'] })).id;
    await expect.poll(async () => (await invoke<Array<{ connectionId: string; lastCompletedAt: string | null }>>('sync.state')).find((s) => s.connectionId === connectionId)?.lastCompletedAt ?? null, { timeout: 30_000 }).not.toBeNull();
    // Some activity for the chart and the audit log: a deactivation, a double-mode key, a refused write.
    const rows = (await invoke<{ rows: Row[] }>('clients.window', { connectionIds: [connectionId], status: ['active'], limit: 3 })).rows;
    await invoke('clients.setActive', { connectionId, remoteId: rows[0]!.remoteId, active: false });
    await invoke('factpulse.keys.enableDouble', { connectionId, clientUid: rows[1]!.remoteId, fields: PDP_FIELDS });
    await invoke('clients.update', { connectionId, remoteId: rows[2]!.remoteId, fields: { name: `${rows[2]!.name} (édité)` } });
    await page.reload();

    const card = page.locator(`[data-dashboard-connection]`).first();
    await card.locator('[data-figure="clients"] .figure-number').waitFor();
    const counts = await invoke<{ total: number; byStatus: Record<string, number> }>('clients.counts', { connectionIds: [connectionId] });
    await expect(card.locator('[data-figure="clients"] .figure-number').textContent()).resolves.toBe(`${counts.total} clients`);
    await expect(card.locator('[data-status-link="inactive"]').textContent()).resolves.toContain(String(counts.byStatus.inactive));
    await card.locator('[data-figure="keys"] [data-band="fresh"] .band-value', { hasText: '1' }).waitFor();
    await page.locator('[data-figure="activity"] [data-testid="activity-total"]', { hasText: /^3 changes recorded$/ }).waitFor();
    await expect(page.locator('text=The dashboard will sum up').count()).resolves.toBe(0);
    await harness.screenshot('ux-dashboard-light-en');

    await card.locator('[data-status-link="inactive"]').click();
    await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
    expect(await page.inputValue('#clients-status')).toBe('inactive');
    await page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('table.clients-table tbody tr')];
      return rows.length > 0 && rows.every((r) => r.querySelector('[data-status="inactive"]'));
    });
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });

  it('tries a new connection before saving it: the reason, the code only under Details, then "Save anyway"', async () => {
    const { page } = harness;
    const demoUrl = (await invoke<Array<{ id: string; baseUrl: string }>>('connections.list')).find((c) => c.id === connectionId)!.baseUrl;
    await page.click('[data-nav="connections"]');
    await page.getByRole('button', { name: 'Add connection' }).click();
    const form = page.getByTestId('connection-form');
    await form.getByLabel('Label').fill('Tried first');
    await form.getByLabel('Base URL').fill(demoUrl);
    await form.getByLabel('API key').fill(`wrong-${Date.now()}`);
    await form.getByRole('button', { name: 'Add connection' }).click();
    const failure = form.getByTestId('probe-failure');
    await failure.waitFor();
    const shown = await failure.innerText();
    expect(shown.startsWith('The connection test failed, so nothing was saved.')).toBe(true);
    expect(shown).toContain('Invalid credentials or expired token.'); // the server's own reason
    expect(shown).not.toContain('AUTH_REQUIRED');
    expect((await invoke<unknown[]>('connections.list')).length).toBe(1);
    await harness.screenshot('ux-connection-test-failed');

    await failure.locator('summary').click();
    await failure.getByTestId('error-code').waitFor();
    await expect(failure.getByTestId('error-code').innerText()).resolves.toBe('AUTH_REQUIRED');
    await expect(failure.getByTestId('error-details').innerText()).resolves.toMatch(/HTTP 401/);
    await harness.screenshot('ux-error-details');

    await form.getByTestId('save-anyway').click();
    await page.locator('[data-connection="Tried first"]').waitFor();
    expect((await invoke<unknown[]>('connections.list')).length).toBe(2);
    const added = (await invoke<Array<{ id: string; label: string }>>('connections.list')).find((c) => c.label === 'Tried first')!;
    await invoke('connections.remove', { id: added.id, confirm: true });
    await page.locator('[data-connection="Tried first"]').waitFor({ state: 'detached' });
  });

  it('in dark/French, no screen shows a known English string; the audit log reads in French', async () => {
    const { page } = harness;
    await invoke('settings.update', { language: 'fr', theme: 'dark' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
    const card = page.locator('[data-dashboard-connection]').first();
    await card.locator('[data-figure="clients"] .figure-number', { hasText: /clients$/ }).waitFor();
    await page.locator('[data-figure="activity"] [data-testid="activity-total"]', { hasText: /modifications enregistrées/ }).waitFor();
    await harness.screenshot('ux-dashboard-dark-fr');

    const phrases = englishPhrases();
    expect(phrases.length).toBeGreaterThan(200);
    const seen: Record<string, string[]> = {};
    for (const [nav, heading] of [
      ['dashboard', 'Tableau de bord'],
      ['clients', 'Clients'],
      ['keys', 'Clés'],
      ['activity', 'Activité'],
      ['connections', 'Connexions'],
      ['settings', 'Réglages'],
    ] as const) {
      await page.click(`[data-nav="${nav}"]`);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.waitForTimeout(300);
      // Connection labels are the user's data (the demo's is named in English by main), not UI strings.
      const labels = (await invoke<Array<{ label: string }>>('connections.list')).map((c) => c.label);
      const text = labels.reduce((t, label) => t.split(label).join(''), await page.locator('body').innerText());
      const english = phrases.filter((p) => text.includes(p));
      if (english.length) seen[nav] = english;
    }
    expect(seen).toEqual({});

    await page.click('[data-nav="activity"]');
    const audit = page.getByTestId('audit-section');
    await audit.locator('tr[data-audit-action="clients.setActive"]').first().waitFor();
    const table = await audit.locator('table').innerText();
    expect(table).toMatch(/Désactivation/);
    expect(table).toMatch(/Modification : Nom = /);
    expect(table).not.toMatch(/\b(Deactivate|Edit|clients\.setActive|key\(s\))\b/);
    await audit.scrollIntoViewIfNeeded();
    await harness.screenshot('ux-french-audit');
  });
});
