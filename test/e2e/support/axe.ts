import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { HARNESS_ORIGIN } from '../../harness/serve-renderer';

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
// Served from the app's own origin: the renderer's CSP (script-src 'self') refuses inline scripts.
const AXE_URL = `${HARNESS_ORIGIN}/__test/axe.min.js`;

export type AxeViolation = { id: string; impact: string | null; nodes: number; targets: string[] };

/** axe-core on the page (or on one element of it, by CSS selector): its violations, and a log line. */
export async function axeViolations(page: Page, label: string, selector?: string): Promise<AxeViolation[]> {
  await page.route(AXE_URL, (route) => route.fulfill({ contentType: 'text/javascript', body: readFileSync(AXE_PATH, 'utf8') }));
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ url: AXE_URL });
  const violations = await page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(context: Element | Document, options: object): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const result = await axe.run(sel ? document.querySelector(sel)! : document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  }, selector);
  const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  console.log(`a11y: ${label}: ${grave.length} serious/critical${grave.map((v) => ` [${v.id} ×${v.nodes}: ${v.targets.join(', ')}]`).join('')}; other: ${violations.filter((v) => !grave.includes(v)).map((v) => `${v.id}(${v.impact})`).join(' ') || 'none'}`);
  return violations;
}
