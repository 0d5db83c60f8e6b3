// Renderer figures as a user feels them, in the browser harness (the Chromium the e2e uses) over 100k cached
// clients: a search keystroke → its results painted, the next page of 25 and of 500 painted, and the weight of
// the renderer's JavaScript gzipped (all of it, and what the first screen loads).
import { writeDb } from '../../../main/core/cache/handles';
import { createClientWrites } from '../../../main/core/cache/clients/client-writes';
import { NO_FILTERS, windowInput } from '../../../renderer/stores/clients-slice';
import { generateClients } from '../../fixtures/cache/generate-clients';
import { createStandInKeychain } from '../../fixtures/keys/stand-in-keychain';
import { launchHarness } from '../../harness/browser-harness';
import type { Harness } from '../../harness/browser-harness';
import { HARNESS_ORIGIN } from '../../harness/serve-renderer';
import { percentile, round } from '../support/figures';
import type { Figures } from '../support/figures';
import { armPaintProbe, paintedAfter } from '../support/paint-probe';
import { buildRenderer } from '../support/renderer-bundle';

const CLIENTS = 100_000;
/** Typed a character at a time, each word then cleared with one Backspace (the first word warms up, unrecorded). */
const WORDS = ['bou', 'dupont', 'garage', 'lyon', 'pharmacie', 'martin', 'fromagerie', 'agence nantes', 'chevalier'];
const PAGE_SAMPLES = 25;
/** Nothing listens on the discard port: the connection's first sync fails at once and the cache keeps what we write. */
const UNREACHABLE = 'http://127.0.0.1:9';

type Step = { key: string; text: string };

function searchSteps(): Step[][] {
  return WORDS.map((word) => [
    ...[...word].map((key, i) => ({ key, text: word.slice(0, i + 1) })),
    { key: 'Backspace', text: '' },
  ]);
}

/** The rows (with their highlights) the Clients screen asks for when the search box holds `text`. */
async function rowsFor(harness: Harness, text: string): Promise<string> {
  const input = windowInput(undefined, { page: 1, pageSize: 25, sort: null, direction: 'asc', filters: { ...NO_FILTERS, text } });
  const envelope = await harness.core().router.invoke('clients.window', input, { senderUrl: `${HARNESS_ORIGIN}/index.html` });
  if (!envelope.ok) throw new Error(`clients.window failed: ${envelope.error.code}`);
  return JSON.stringify((envelope.value as { rows: unknown[] }).rows);
}

async function seedClients(harness: Harness): Promise<void> {
  const { page } = harness;
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  const added = await harness.core().router.invoke(
    'connections.add',
    { label: 'FactPulse 100k', provider: 'factpulse', baseUrl: UNREACHABLE, auth: { method: 'apiKey', apiKey: 'bench-api-key-0123456789' } },
    { senderUrl: `${HARNESS_ORIGIN}/index.html` },
  );
  if (!added.ok) throw new Error(`connections.add failed: ${added.error.code}`);
  const connectionId = (added.value as { id: string }).id;
  const writes = createClientWrites(writeDb(harness.core().context.db));
  writes.upsertPage(connectionId, generateClients(connectionId, CLIENTS, 2024), null, new Date().toISOString());
  await page.reload();
  await page.click('[data-nav="clients"]');
  await page.getByRole('heading', { level: 1, name: 'Clients' }).waitFor();
  await page.waitForFunction((n) => document.querySelector('[data-testid="pager-position"]')?.textContent?.includes(n), CLIENTS.toLocaleString('en'));
}

/** Keystrokes whose answer changes the rows are timed; one that leaves them as they were is typed, not timed. */
async function measureSearch(harness: Harness): Promise<number[]> {
  const { page } = harness;
  const samples: number[] = [];
  let shown = await rowsFor(harness, '');
  await page.focus('#clients-search');
  for (const [w, steps] of searchSteps().entries()) {
    for (const step of steps) {
      // The word is cleared at once: selected (no key event), then one Backspace.
      if (step.key === 'Backspace') await page.locator('#clients-search').selectText();
      const expected = await rowsFor(harness, step.text);
      if (expected === shown) {
        await page.keyboard.press(step.key);
        await page.waitForTimeout(300);
        continue;
      }
      await armPaintProbe(page, 'keydown');
      await page.keyboard.press(step.key);
      const ms = await paintedAfter(page).catch((err: unknown) => {
        throw new Error(`typing "${step.text}": ${err instanceof Error ? err.message : String(err)}`);
      });
      if (w > 0) samples.push(ms);
      shown = expected;
    }
  }
  return samples;
}

async function measurePages(harness: Harness, pageSize: number): Promise<number[]> {
  const { page } = harness;
  if (pageSize !== 25) {
    await armPaintProbe(page, 'change');
    await page.selectOption('#clients-page-size', String(pageSize));
    await paintedAfter(page);
  }
  const next = page.getByRole('navigation').getByRole('button', { name: 'Next' });
  const samples: number[] = [];
  for (let i = 0; i <= PAGE_SAMPLES; i++) {
    await armPaintProbe(page, 'click');
    await next.click();
    const ms = await paintedAfter(page);
    if (i > 0) samples.push(ms);
  }
  return samples;
}

export async function measure(): Promise<Figures> {
  const bundle = await buildRenderer();
  const harness = await launchHarness({ keychain: createStandInKeychain() });
  try {
    await seedClients(harness);
    const search = await measureSearch(harness);
    const pages = await measurePages(harness, 25);
    const pages500 = await measurePages(harness, 500);
    const p95 = (samples: number[]) => round(percentile(samples, 95), 1);
    const median = (samples: number[]) => round(percentile(samples, 50), 1);
    return {
      'ui.search_100k.p95_ms': { value: p95(search), unit: 'ms', note: `keystroke → rows painted, ${search.length} keystrokes (median ${median(search)})` },
      'ui.page_100k.p95_ms': { value: p95(pages), unit: 'ms', note: `Next → 25 rows painted, ${pages.length} pages (median ${median(pages)})` },
      'ui.page500_100k.p95_ms': { value: p95(pages500), unit: 'ms', note: `Next → 500 rows painted, ${pages500.length} pages (median ${median(pages500)})` },
      'ui.bundle_gzip_kb': { value: round(bundle.totalGzipKb, 1), unit: 'KB', note: `all renderer JS, ${bundle.chunks} chunks, largest ${round(bundle.largestGzipKb, 1)} KB` },
      'ui.first_screen_gzip_kb': { value: round(bundle.firstScreenGzipKb, 1), unit: 'KB', note: 'entry chunk and its static imports (the dashboard)' },
    };
  } finally {
    await harness.close();
  }
}
